#include "tonelint/guide_test.h"

#include <exception>
#include <sstream>

#include "api/api_internal.h"
#include "api/guide_file_internal.h"
#include "engine/analyzed_text.h"
#include "extract/extractor.h"
#include "fix/fix_loop.h"
#include "lint/linter.h"
#include "guide/cascade.h"
#include "tokenize/analyzer.h"

namespace tonelint {
namespace {

// The guide's defaults, with the first value of each dimension a tone names.
Context context_for(const Guide& guide, const ToneEntry* tone) {
  Context c = guide.defaults;
  if (tone != nullptr) {
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (!tone->when[d].empty()) c.values[d] = tone->when[d].front();
    }
  }
  return c;
}

// `source` after the safe rewrites of `rules` (the rule alone), by the loop `--fix` runs:
// rewrite, check again, until nothing changes.
std::string fixed_text(const SourceText& source, const Context& context, const LintResult& first,
                       const Extractor& extractor, const CompiledRules& rules, Analyzer& analyzer) {
  FileReport report;
  report.context = context;
  report.result = first;
  const Recheck recheck = [&](const SourceText& next) -> Result<FileReport> {
    auto doc = extractor.extract(next);
    if (!doc.ok()) return doc.status();
    Analysis analysis;
    analyzer.analyze(*doc, &analysis);
    FileReport again;
    again.context = context;
    again.result = rules.lint(*doc, analysis, {}, &analyzer);
    return again;
  };
  const FixOutcome fixed = fix_until_stable(source, report, /*include_unsafe=*/false, recheck);
  return std::string(fixed.source ? fixed.source->bytes() : source.bytes());
}

// Each rule alone, as defined, in a context where it exists (a tone's own rule in that
// tone's context).
RuleTestResult test_rule(const std::shared_ptr<const Guide>& guide, const Rule& rule, const ToneEntry* tone,
                         Analyzer& analyzer) {
  RuleTestResult out;
  out.rule = guide->id + "." + rule.id;
  out.path = rule.origin.path;
  out.line = rule.origin.line;
  out.examples = rule.bad_examples.size() + rule.good_examples.size();
  if (out.examples == 0) {
    out.outcome = RuleTestOutcome::kNoExamples;
    return out;
  }
  // Bad examples: this rule, as defined, must report them. Good examples: no rule of
  // level warning or error in force in the rule's context may report them.
  EffectiveRules alone;
  alone.context = context_for(*guide, tone);
  alone.rules.push_back(rule);
  auto compiled = CompiledRules::compile_rules(guide, alone, analyzer);
  auto in_context = compiled.ok() ? CompiledRules::compile(guide, alone.context, analyzer) : compiled;
  if (!compiled.ok() || !in_context.ok()) {
    out.outcome = RuleTestOutcome::kFailed;
    out.error = (compiled.ok() ? in_context : compiled).status().to_string();
    return out;
  }
  auto problem_with = [&](const RuleExample& e, bool bad) -> std::string {
    const Extractor* extractor = extractor_for_format(e.format.empty() ? "text" : e.format);
    if (extractor == nullptr) return "unknown format '" + e.format + "'";  // the loader refuses these
    auto example = analyze_text(analyzer, e.text, *extractor);
    if (!example.ok()) return example.status().message();
    const Document& doc = *(*example)->doc;
    const Analysis& analysis = (*example)->analysis;
    if (bad) {
      const LintResult result = (*compiled)->lint(doc, analysis, {}, &analyzer);
      if (result.diagnostics.empty()) return "bad example not reported";
      if (!e.fixed) return std::string();
      const std::string fixed = fixed_text(*(*example)->source, alone.context, result, *extractor, **compiled, analyzer);
      if (fixed == *e.fixed) return std::string();
      return "fixed text is \"" + fixed + "\", expected \"" + *e.fixed + "\"";
    }
    const LintResult result = (*in_context)->lint(doc, analysis, {}, &analyzer);
    for (const Diagnostic& d : result.diagnostics) {
      if (d.level == Level::kSuggestion) continue;
      return "good example reported by " + d.rule + ": \"" + d.match + "\" (" + d.message + ")";
    }
    return std::string();
  };
  for (const RuleExample& e : rule.bad_examples) {
    if (std::string why = problem_with(e, true); !why.empty()) out.failures.push_back({e.text, true, why});
  }
  for (const RuleExample& e : rule.good_examples) {
    if (std::string why = problem_with(e, false); !why.empty()) out.failures.push_back({e.text, false, why});
  }
  out.outcome = out.failures.empty() ? RuleTestOutcome::kPassed : RuleTestOutcome::kFailed;
  return out;
}

MissingLevelReason missing_reason(const Guide& guide, const std::string& rule_id, const Origin& where) {
  return MissingLevelReason{guide.id + "." + rule_id, where.entry, where.path, where.line};
}

// The levels a guide author should explain: each rule's own, and each level a tone sets.
std::vector<MissingLevelReason> levels_without_reason(const Guide& guide) {
  std::vector<MissingLevelReason> out;
  for (const Rule& r : guide.rules) {
    if (r.level_why.empty()) out.push_back(missing_reason(guide, r.id, r.origin));
  }
  for (const ToneEntry& t : guide.tones) {
    for (const Rule& r : t.rules) {
      if (r.level_why.empty()) out.push_back(missing_reason(guide, r.id, r.origin));
    }
    for (const ToneEntry::Override& o : t.set) {
      if (o.level && !o.level_why) out.push_back(missing_reason(guide, o.rule_id, o.origin));
    }
  }
  return out;
}

Result<GuideTestReport> test_loaded(const std::shared_ptr<const Guide>& guide,
                                    const std::shared_ptr<const Dictionaries>& dictionaries) {
  if (!dictionaries) return Status(ErrorCode::kInvalidArgument, "test_guide: no dictionaries");
  try {
    auto analyzer = Analyzer::create(dictionaries->impl().model);
    if (!analyzer.ok()) return analyzer.status();
    GuideTestReport out;
    out.guide = guide->id;
    for (const Rule& r : guide->rules) out.rules.push_back(test_rule(guide, r, nullptr, **analyzer));
    for (const ToneEntry& t : guide->tones) {
      for (const Rule& r : t.rules) out.rules.push_back(test_rule(guide, r, &t, **analyzer));
    }
    out.without_level_reason = levels_without_reason(*guide);
    return out;
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, "out of memory while testing the guide");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

std::size_t count(const GuideTestReport& report, RuleTestOutcome outcome) {
  std::size_t n = 0;
  for (const RuleTestResult& r : report.rules) n += r.outcome == outcome;
  return n;
}

}  // namespace

std::size_t GuideTestReport::passed() const { return count(*this, RuleTestOutcome::kPassed); }
std::size_t GuideTestReport::failed() const { return count(*this, RuleTestOutcome::kFailed); }
std::size_t GuideTestReport::without_examples() const { return count(*this, RuleTestOutcome::kNoExamples); }

Result<GuideTestReport> test_guide(const GuideFile& guide, std::shared_ptr<const Dictionaries> dictionaries) {
  return test_loaded(guide.impl().guide, dictionaries);
}

Result<GuideTestReport> test_guide(const ToneGuide& guide) {
  return test_loaded(guide.impl().guide, guide.impl().dictionaries);
}

std::string to_text(const GuideTestReport& report) {
  std::ostringstream out;
  for (const RuleTestResult& r : report.rules) {
    switch (r.outcome) {
      case RuleTestOutcome::kNoExamples:
        out << "- " << r.rule << ": no examples (" << r.path << ':' << r.line << ")\n";
        break;
      case RuleTestOutcome::kPassed:
        out << "✓ " << r.rule << " (" << r.examples << " examples)\n";
        break;
      case RuleTestOutcome::kFailed:
        if (!r.error.empty()) {
          out << "✗ " << r.rule << ": " << r.error << '\n';
          break;
        }
        out << "✗ " << r.rule << " (" << r.path << ':' << r.line << ")\n";
        for (const ExampleFailure& f : r.failures) out << "    " << f.problem << ": \"" << f.example << "\"\n";
        break;
    }
  }
  for (const MissingLevelReason& m : report.without_level_reason) {
    out << "? " << m.rule << ": no level reason (" << m.entry << ", " << m.path << ':' << m.line << ")\n";
  }
  out << report.passed() << " passed, " << report.failed() << " failed";
  if (report.without_examples() > 0) out << ", " << report.without_examples() << " without examples";
  if (const std::size_t n = report.without_level_reason.size(); n > 0) {
    out << ", " << n << (n == 1 ? " level" : " levels") << " without a reason";
  }
  out << '\n';
  return out.str();
}

}  // namespace tonelint
