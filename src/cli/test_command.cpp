// `tonelint test [--guide G]`: every rule proves itself on its examples. A bad example
// must be reported by the rule, a good one must not. Each rule is tested alone, as it is
// defined, in a context where it exists (a tone-only rule in its tone's context).
#include <iostream>

#include "cli/commands.h"
#include "lint/session.h"
#include "engine/analyzed_text.h"

namespace tonelint::cli {
namespace {

struct TestOptions {
  std::string guide;
  std::string config;
};

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

int run_test(const TestOptions& options) {
  auto guide = resolve_guide_or_report(options.guide, options.config, {});
  if (!guide) return kExitUsage;
  std::unique_ptr<Analyzer> analyzer = make_analyzer_or_report();
  if (!analyzer) return kExitUsage;

  struct Subject {
    const Rule* rule;
    const ToneEntry* tone;
  };
  std::vector<Subject> subjects;
  for (const Rule& r : guide->rules) subjects.push_back({&r, nullptr});
  for (const ToneEntry& t : guide->tones) {
    for (const Rule& r : t.rules) subjects.push_back({&r, &t});
  }

  int passed = 0, failed = 0, without_examples = 0;
  for (const Subject& subject : subjects) {
    const Rule& rule = *subject.rule;
    const std::string id = guide->id + "." + rule.id;
    if (rule.bad_examples.empty() && rule.good_examples.empty()) {
      std::cout << "- " << id << ": no examples (" << rule.origin.path << ':' << rule.origin.line << ")\n";
      ++without_examples;
      continue;
    }
    // Bad examples: this rule, as defined, must report them. Good examples: no rule of
    // level warning or error in force in the rule's context may report them.
    EffectiveRules alone;
    alone.context = context_for(*guide, subject.tone);
    alone.rules.push_back(rule);
    auto compiled = CompiledRules::compile_rules(guide, alone, *analyzer);
    auto in_context = compiled.ok() ? CompiledRules::compile(guide, alone.context, *analyzer) : compiled;
    if (!compiled.ok() || !in_context.ok()) {
      std::cout << "✗ " << id << ": " << (compiled.ok() ? in_context : compiled).status().to_string() << '\n';
      ++failed;
      continue;
    }
    auto run = [&](const std::string& text, bool bad) {
      auto example = analyze_text(*analyzer, text);
      if (!example.ok()) return example.status().message();
      const Document& doc = *(*example)->doc;
      const Analysis& analysis = (*example)->analysis;
      if (bad) {
        const LintResult result = (*compiled)->lint(doc, analysis);
        return result.diagnostics.empty() ? std::string("bad example not reported") : std::string();
      }
      const LintResult result = (*in_context)->lint(doc, analysis);
      for (const Diagnostic& d : result.diagnostics) {
        if (d.level == Level::kSuggestion) continue;
        return "good example reported by " + d.rule + ": \"" + d.match + "\" (" + d.message + ")";
      }
      return std::string();
    };
    std::vector<std::string> problems;
    for (const std::string& e : rule.bad_examples) {
      if (std::string why = run(e, true); !why.empty()) problems.push_back(why + ": \"" + e + "\"");
    }
    for (const std::string& e : rule.good_examples) {
      if (std::string why = run(e, false); !why.empty()) problems.push_back(why + ": \"" + e + "\"");
    }
    const std::size_t count = rule.bad_examples.size() + rule.good_examples.size();
    if (problems.empty()) {
      std::cout << "✓ " << id << " (" << count << " examples)\n";
      ++passed;
    } else {
      std::cout << "✗ " << id << " (" << rule.origin.path << ':' << rule.origin.line << ")\n";
      for (const std::string& p : problems) std::cout << "    " << p << '\n';
      ++failed;
    }
  }
  std::cout << passed << " passed, " << failed << " failed";
  if (without_examples > 0) std::cout << ", " << without_examples << " without examples";
  std::cout << '\n';
  return failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

std::function<int()> add_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand("test", "Check every rule of a guide against its good and bad examples");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML)");
  return [options] { return run_test(*options); };
}

}  // namespace tonelint::cli
