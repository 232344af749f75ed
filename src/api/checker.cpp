#include <algorithm>
#include <mutex>
#include <new>

#include <nlohmann/json.hpp>

#include "api/api_internal.h"
#include "api/idle_pool.h"
#include "api/api_guard.h"
#include "extract/extractor.h"
#include "fix/fix_loop.h"
#include "guide/did_you_mean.h"
#include "report/json_report.h"

namespace tonelint {

// Table names are literals, so .data() is their NUL-terminated text.
const char* severity_name(Severity severity) { return name_of(kSeverityNames, severity, "warning").data(); }

Severity severity_of(Level level) {
  switch (level) {
    case Level::kError: return Severity::kError;
    case Level::kWarning: return Severity::kWarning;
    case Level::kSuggestion: return Severity::kSuggestion;
  }
  return Severity::kWarning;
}

Level engine_level(Severity severity) {
  switch (severity) {
    case Severity::kError: return Level::kError;
    case Severity::kWarning: return Level::kWarning;
    case Severity::kSuggestion: return Level::kSuggestion;
  }
  return Level::kWarning;
}

namespace {

constexpr const char* kDefaultName = "<text>";

// The caller's context as the engine's flags, each dimension and value checked against the
// guide; an error names the option ("context.channel").
Result<Context> context_flags(const Guide& guide, const std::map<std::string, std::string>& given) {
  Context flags;
  const std::vector<std::string> names(kDimensionNames.begin(), kDimensionNames.end());
  for (const auto& [name, value] : given) {
    auto dim = std::find(names.begin(), names.end(), name);
    if (dim == names.end()) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown context dimension '" + name + "'" + did_you_mean(name, names) +
                        "; expected channel, situation, audience or emotion",
                    Location{"context." + name});
    }
    const auto d = static_cast<std::size_t>(dim - names.begin());
    if (!guide.allows(static_cast<Dimension>(d), value)) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown " + name + " '" + value + "'" + did_you_mean(value, guide.allowed[d]) + " for guide '" +
                        guide.id + "'; allowed: " + join_names(guide.allowed[d]),
                    Location{"context." + name});
    }
    flags.values[d] = value;
  }
  return flags;
}

Result<const Extractor*> extractor_of(const CheckOptions& options, const std::string& name) {
  if (options.format.empty()) return &extractor_for_path(name);
  const Extractor* extractor = extractor_for_format(options.format);
  if (extractor == nullptr) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown format '" + options.format + "' (expected text or markdown, or html or email where supported)",
                  Location{"format"});
  }
  return extractor;
}

CheckResult result_of(const Guide& guide, std::shared_ptr<CheckState> state, bool with_findings = true) {
  CheckResult out;
  out.guide = guide.id;
  const FileReport& report = state->report;
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    out.context.push_back({kDimensionNames[d], report.context.values[d], context_source_name(report.context_sources[d])});
  }
  out.score = report.result.score;
  out.sentences = report.result.sentences;
  const SourceText& src = *state->source;
  // Without findings the engine's report alone is kept (the report writers read it).
  const std::size_t made = with_findings ? report.result.diagnostics.size() : 0;
  out.findings.reserve(made);
  for (std::size_t i = 0; i < made; ++i) {
    const Diagnostic& d = report.result.diagnostics[i];
    Finding f;
    f.rule = d.rule;
    f.level = severity_of(d.level);
    f.message = d.message;
    f.offset = d.offset;
    f.length = d.length;
    const Position p = src.position(d.offset);
    const Position e = src.position(d.offset + d.length);
    f.line = p.line;
    f.column = p.column;
    f.end_line = e.line;
    f.end_column = e.column;
    f.match = d.match;
    for (const Suggestion& s : d.suggestions) f.suggestions.push_back({s.text, s.offset, s.length, s.safe});
    f.origin = d.origin;
    f.related.reserve(d.related.size());
    for (const RelatedSpan& r : d.related) {
      const Position rb = src.position(r.offset);
      const Position re = src.position(r.offset + r.length);
      f.related.push_back({r.offset, r.length, rb.line, rb.column, re.line, re.column, r.message});
    }
    out.findings.push_back(std::move(f));
  }
  const LevelCounts& dropped = report.result.dropped;
  out.dropped = {static_cast<std::size_t>(dropped.errors), static_cast<std::size_t>(dropped.warnings),
                 static_cast<std::size_t>(dropped.suggestions)};
  out.warnings = report.result.warnings;
  out.state = std::move(state);
  return out;
}

nlohmann::json report_json(const CheckState& state) {
  nlohmann::json out;
  report::JsonFile file;
  file.path = state.source->path();
  file.source = state.source.get();
  file.report = &state.report;
  file.fixes = state.fixes;
  out["files"] = nlohmann::json::array({report::file_json(file)});
  report::JsonSummary summary;
  summary.add(state.report);
  out["summary"] = summary.to_json(1);
  return out;
}

}  // namespace

// The sessions (per-thread analysers and their compiled rules) of one checker. A call
// borrows one for its duration; a session is never used by two threads at once. The
// pool grows to the number of calls that ever ran at the same time.
struct Checker::Impl {
  std::shared_ptr<const ToneGuide> guide;
  std::shared_ptr<SharedRules> shared;
  IdlePool<LintSession> sessions;

  // An idle session, else a new one (made outside the pool's lock: a MeCab tagger takes a
  // while to create).
  Result<std::unique_ptr<LintSession>> acquire() {
    if (std::unique_ptr<LintSession> session = sessions.take()) return session;
    return LintSession::create(guide->impl().guide, guide->impl().dictionaries->impl().model, shared);
  }
  void release(std::unique_ptr<LintSession> session) { sessions.give_back(std::move(session)); }
};

namespace {


}  // namespace

Checker::Checker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;
Checker::~Checker() = default;

Result<Checker> Checker::create(std::shared_ptr<const ToneGuide> guide, const CheckerOptions& options) {
  if (!guide) return Status(ErrorCode::kInvalidArgument, "Checker::create: no guide");
  return guard_api<Checker>("creating the checker", [&]() -> Result<Checker> {
    auto impl = std::make_unique<Impl>();
    impl->guide = std::move(guide);
    impl->shared = std::make_shared<SharedRules>(options.compiled_contexts);
    // One session up front: it fails here, not on the first check, if MeCab cannot start.
    auto first = impl->acquire();
    if (!first.ok()) return first.status();
    impl->release(std::move(*first));
    return Checker(std::move(impl));
  });
}

const ToneGuide& Checker::guide() const { return *impl_->guide; }
const std::shared_ptr<const ToneGuide>& Checker::guide_ptr() const { return impl_->guide; }

namespace {

// What check and fix share: the options resolved, the text loaded, a session borrowed for
// the call and the first lint done; `then` finishes the job with them. No exception escapes.
template <typename T, typename Then>
Result<T> with_first_lint(Checker::Impl* impl, std::string_view text, const CheckOptions& options,
                          const CheckExtras& extras, TextFault* fault, const char* doing, Then then) {
  TextFault ignored = TextFault::kNone;
  if (fault == nullptr) fault = &ignored;
  *fault = TextFault::kNone;
  try {
    const Guide& guide = *impl->guide->impl().guide;
    const std::string name = options.filename.empty() ? kDefaultName : options.filename;
    auto extractor = extractor_of(options, name);
    if (!extractor.ok()) return extractor.status();
    auto flags = context_flags(guide, options.context);
    if (!flags.ok()) return flags.status();
    auto source = load_source_bytes(std::string(text), name);
    if (!source.ok()) {
      *fault = TextFault::kInput;
      return source.status();
    }
    auto session = impl->acquire();
    if (!session.ok()) return session.status();
    IdlePool<LintSession>::Lease lease(&impl->sessions, std::move(*session));
    LintLimits limits;
    limits.min_level = extras.min_level;
    // A fix needs every rewrite: its lints keep all, and its last report is cut after.
    if (!extras.fixing) limits.keep_at_most = extras.keep_at_most;
    auto lint = [&](const SourceText& next) { return (*lease).lint(next, **extractor, *flags, extras.configured, limits); };
    auto report = lint(**source);
    if (!report.ok()) {
      *fault = TextFault::kCheck;
      return report.status();
    }
    return then(guide, std::move(*source), lint, std::move(*report));
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, std::string("out of memory while ") + doing + " the text");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace

Result<CheckResult> check_with(const Checker& checker, std::string_view text, const CheckOptions& options,
                               const CheckExtras& extras, TextFault* fault) {
  return with_first_lint<CheckResult>(
      &checker.impl(), text, options, extras, fault, "checking",
      [&extras](const Guide& guide, std::unique_ptr<SourceText> source, const auto&, FileReport report) -> Result<CheckResult> {
        return result_of(guide, std::make_shared<CheckState>(CheckState{std::move(source), std::move(report), 0}),
                         extras.with_findings);
      });
}

Result<FixResult> fix_with(const Checker& checker, std::string_view text, const CheckOptions& options, FixMode mode,
                           const CheckExtras& extras, TextFault* fault) {
  CheckExtras fixing = extras;
  fixing.fixing = true;
  return with_first_lint<FixResult>(
      &checker.impl(), text, options, fixing, fault, "fixing",
      [mode, keep_at_most = extras.keep_at_most, with_findings = extras.with_findings](const Guide& guide, std::unique_ptr<SourceText> source, const auto& lint,
             FileReport report) -> Result<FixResult> {
    FixOutcome fixed = fix_until_stable(*source, report, mode == FixMode::kAll, lint);
    FixResult out;
    for (std::size_t pass = 0; pass < fixed.passes.size(); ++pass) {
      for (AppliedEdit& e : fixed.passes[pass].edits) {
        out.edits.push_back({static_cast<int>(pass + 1), std::move(e.rule), e.offset, e.length, std::move(e.before),
                             std::move(e.after), e.safe});
      }
    }
    auto state = std::make_shared<CheckState>();
    if (fixed.source) {
      state->source = std::move(fixed.source);
      state->report = std::move(fixed.report);
      state->fixes = fixed.applied;
    } else {
      state->source = std::move(source);
      state->report = std::move(report);
    }
    if (keep_at_most != static_cast<std::size_t>(-1)) {
      state->report.result.dropped.add(report::keep_first_findings(&state->report.result.diagnostics, keep_at_most));
    }
    out.text = std::string(state->source->bytes());
    out.remaining = result_of(guide, std::move(state), with_findings);
    return out;
      });
}

Status check_context(const ToneGuide& guide, const std::map<std::string, std::string>& context) {
  return guard_status("checking the context", [&]() -> Status {
    auto flags = context_flags(*guide.impl().guide, context);
    return flags.ok() ? Status() : flags.status();
  });
}

Result<CheckResult> Checker::check(std::string_view text, const CheckOptions& options) const {
  return check_with(*this, text, options, CheckExtras{}, nullptr);
}

Result<FixResult> Checker::fix(std::string_view text, const CheckOptions& options, FixMode mode) const {
  return fix_with(*this, text, options, mode, CheckExtras{}, nullptr);
}

namespace {

// to_json's answer when the report itself cannot be built: still JSON, and says why.
std::string json_fallback(const char* what) {
  return std::string(R"({"error":{"code":"internal","message":"the report could not be built: )") + what + "\"}}";
}

template <typename Build>
std::string json_or_fallback(Build build) noexcept {
  try {
    return build();
  } catch (const std::bad_alloc&) {
    return json_fallback("out of memory");
  } catch (...) {
    return json_fallback("internal error");
  }
}

std::string fix_json(const FixResult& result);

}  // namespace

std::string to_json(const CheckResult& result) {
  if (!result.state) return "{}";
  return json_or_fallback([&] {
    // Replacement characters rather than an exception should a message ever carry bad UTF-8.
    return report_json(*result.state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

std::string to_json(const FixResult& result) {
  if (!result.remaining.state) return "{}";
  return json_or_fallback([&] { return fix_json(result); });
}

namespace {

std::string fix_json(const FixResult& result) {
  nlohmann::json out = report_json(*result.remaining.state);
  out["text"] = result.text;
  out["applied"] = result.edits.size();
  nlohmann::json edits = nlohmann::json::array();
  for (const FixEdit& e : result.edits) {
    edits.push_back({{"pass", e.pass},    {"rule", e.rule},     {"offset", e.offset}, {"length", e.length},
                     {"before", e.before}, {"after", e.after}, {"safe", e.safe}});
  }
  out["edits"] = std::move(edits);
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

}  // namespace tonelint
