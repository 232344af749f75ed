#include "tonelint/workspace.h"

#include <filesystem>
#include <mutex>

#include "api/api_guard.h"
#include "api/api_internal.h"
#include "config/draft_finder.h"
#include "config/repo_config.h"
#include "lint/phrase_check.h"
#include "extract/extractor.h"

namespace tonelint {

struct ProjectConfig::Impl {
  std::shared_ptr<const RepoConfig> config;
  std::string path, root;
};

namespace {


constexpr const char* kNoGuide = "no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml";

std::optional<Severity> severity_of(const std::optional<Level>& level) {
  if (!level) return std::nullopt;
  return severity_of(*level);
}

std::shared_ptr<const ProjectConfig> project_config_of(std::shared_ptr<const RepoConfig> config) {
  if (!config) return nullptr;
  auto impl = std::make_unique<ProjectConfig::Impl>();
  impl->path = config->path().string();
  impl->root = config->root().string();
  impl->config = std::move(config);
  return std::make_shared<const ProjectConfig>(std::move(impl));
}

// What a config says about `path` (a file; none: a draft without a place).
DocumentSettings settings_of(const std::shared_ptr<const RepoConfig>& config, const std::optional<std::string>& path,
                             const ConfigContext* planned) {
  DocumentSettings out;
  out.config = project_config_of(config);
  if (!config) return out;
  out.min_level = severity_of(config->min_level());
  out.fail_on = severity_of(config->fail_on());
  ConfigContext context;
  if (planned != nullptr) {
    context = *planned;
  } else if (path) {
    if (const auto relative = config->relative(*path)) {
      out.excluded = config->excludes(*relative);
      context = config->context_for(*relative);
    }
  }
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    if (!context.context.values[d].empty()) {
      out.configured.push_back({kDimensionNames[d], context.context.values[d], context.matched[d]});
    }
  }
  return out;
}

std::string guide_path_of(const DocumentSettings& settings, const std::string& guide_override,
                          const std::function<std::string()>& shipped_guide) {
  if (!guide_override.empty()) return guide_override;
  if (settings.config && !settings.config->guide().empty()) return settings.config->guide();
  return shipped_guide ? shipped_guide() : shipped_guide_path();
}

Context context_of(const std::vector<ConfiguredValue>& values) {
  Context out;
  for (const ConfiguredValue& v : values) {
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (v.dimension == kDimensionNames[d]) out.values[d] = v.value;
    }
  }
  return out;
}

}  // namespace

ProjectConfig::ProjectConfig(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProjectConfig::~ProjectConfig() = default;
const std::string& ProjectConfig::path() const { return impl_->path; }
const std::string& ProjectConfig::root() const { return impl_->root; }
const std::string& ProjectConfig::guide() const { return impl_->config->guide(); }
std::optional<Severity> ProjectConfig::min_level() const { return severity_of(impl_->config->min_level()); }
std::optional<Severity> ProjectConfig::fail_on() const { return severity_of(impl_->config->fail_on()); }
bool ProjectConfig::gitignore() const { return impl_->config->gitignore(); }

std::optional<Severity> parse_severity(std::string_view name) { return parse_name(kSeverityNames, name); }

std::vector<Status> check_guide_phrases(const ToneGuide& guide) {
  std::vector<Status> problems;
  const Status failed = guard_status("checking the guide's phrases", [&]() -> Status {
    auto analyzer = Analyzer::create(guide.dictionaries()->impl().model);
    if (!analyzer.ok()) return analyzer.status();
    PhraseCheck check(**analyzer);
    problems = check.check(*guide.impl().guide);
    return Status();
  });
  if (!failed.ok()) problems.push_back(failed);
  return problems;
}

bool at_or_above(Severity level, Severity threshold) {
  return static_cast<int>(level) <= static_cast<int>(threshold);  // kError is 0, the most severe
}

Severity level_in_force(const std::optional<Severity>& requested, const std::optional<Severity>& configured,
                        Severity fallback) {
  if (requested) return *requested;
  if (configured) return *configured;
  return fallback;
}

std::string format_for_path(std::string_view path) { return std::string(extractor_for_path(path).format()); }

std::string canonical_format(std::string_view name) {
  const Extractor* extractor = extractor_for_format(name);
  return extractor == nullptr ? std::string() : std::string(extractor->format());
}

namespace fs = std::filesystem;

struct Workspace::Impl {
  WorkspaceOptions options;

  mutable std::mutex dictionaries_mutex;
  mutable bool dictionaries_tried = false;
  mutable Result<std::shared_ptr<const Dictionaries>> dictionaries = Status(ErrorCode::kNotFound, "not loaded");
  // Made with the dictionaries, once they are loaded; never replaced after.
  mutable std::unique_ptr<GuideLibrary> guides;

  mutable std::mutex configs_mutex;  // ConfigFinder is not thread-safe
  mutable ConfigFinder configs;      // used when configs are read once

  explicit Impl(WorkspaceOptions o)
      : options(std::move(o)), configs(options.config_override) {}

  Result<std::shared_ptr<const RepoConfig>> config_for(const fs::path& where) const {
    if (options.reread_configs) {
      ConfigFinder finder(options.config_override);  // new each time: an edited config counts at once
      return finder.for_path(where);
    }
    std::lock_guard<std::mutex> lock(configs_mutex);
    return configs.for_path(where);
  }
};

Workspace::Workspace(WorkspaceOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Workspace::~Workspace() = default;

Result<std::shared_ptr<const Dictionaries>> Workspace::dictionaries() const {
  std::lock_guard<std::mutex> lock(impl_->dictionaries_mutex);
  if (!impl_->dictionaries_tried) {
    impl_->dictionaries_tried = true;
    impl_->dictionaries = guard_api<std::shared_ptr<const Dictionaries>>(
        "loading the dictionaries", [&]() -> Result<std::shared_ptr<const Dictionaries>> {
          if (impl_->options.dictionaries) return impl_->options.dictionaries;
          return impl_->options.load_dictionaries ? impl_->options.load_dictionaries() : Dictionaries::load();
        });
    if (impl_->dictionaries.ok()) {
      impl_->guides = std::make_unique<GuideLibrary>(*impl_->dictionaries, impl_->options.guide_options);
    }
  }
  return impl_->dictionaries;
}

Result<DocumentSettings> Workspace::settings_for(const std::optional<std::string>& path) const {
  return guard_api<DocumentSettings>("reading the repository config", [&]() -> Result<DocumentSettings> {
    // As `tonelint check` does for a file named on its command line: the nearest config
    // above the file governs it. A draft with no place has the root's.
    std::error_code ec;
    const fs::path where = path                          ? fs::path(*path)
                           : !impl_->options.root.empty() ? fs::path(impl_->options.root)
                                                          : fs::current_path(ec);
    auto governing = impl_->config_for(where);
    if (!governing.ok()) return governing.status();
    DocumentSettings settings = settings_of(*governing, path, nullptr);
    settings.guide_path = guide_path_of(settings, impl_->options.guide_override, impl_->options.shipped_guide);
    return settings;
  });
}

namespace {

DocumentSetup failed_setup(CheckFailure failure, Status error) {
  DocumentSetup out;
  out.failure = failure;
  out.error = std::move(error);
  return out;
}

}  // namespace

DocumentSetup Workspace::setup_for(const std::optional<std::string>& path) const {
  // The dictionaries first: without them no draft is checked, whatever its config says.
  if (auto dictionaries = this->dictionaries(); !dictionaries.ok()) {
    return failed_setup(CheckFailure::kDictionaries, dictionaries.status());
  }
  auto settings = settings_for(path);
  if (!settings.ok()) return failed_setup(CheckFailure::kSetup, settings.status());
  return setup_with(std::move(*settings));
}

DocumentSetup Workspace::setup_with(DocumentSettings settings) const {
  DocumentSetup out;
  auto fail = [&](CheckFailure failure, Status error) {
    out.failure = failure;
    out.error = std::move(error);
    return out;
  };
  auto dictionaries = this->dictionaries();
  if (!dictionaries.ok()) return fail(CheckFailure::kDictionaries, dictionaries.status());
  out.settings = std::move(settings);
  if (out.settings.guide_path.empty()) return fail(CheckFailure::kSetup, Status(ErrorCode::kNotFound, kNoGuide));
  out.guide = impl_->guides->load(out.settings.guide_path, impl_->options.reload_changed_guides);
  if (!out.guide->ok()) return fail(CheckFailure::kGuide, out.guide->status);
  // A config whose contexts name values the guide lacks is broken for every draft it governs.
  if (out.settings.config) {
    const Status s = guard_status("checking the config against the guide", [&] {
      return out.settings.config->impl().config->check_against(*out.guide->guide().impl().guide);
    });
    if (!s.ok()) return fail(CheckFailure::kSetup, s);
  }
  return out;
}

namespace {

template <typename Call>
DocumentCheck run_check(const DocumentSetup& setup, const CheckRequest& request, Call call) {
  DocumentCheck out;
  out.min_level = level_in_force(request.min_level, setup.settings.min_level, Severity::kSuggestion);
  out.fail_on = level_in_force(request.fail_on, setup.settings.fail_on, Severity::kError);
  if (setup.failure != CheckFailure::kNone || !setup.guide || !setup.guide->ok()) {
    out.failure = setup.failure == CheckFailure::kNone ? CheckFailure::kSetup : setup.failure;
    out.error = setup.error.ok() ? Status(ErrorCode::kInvalidArgument, "the draft has no guide to check it against")
                                 : setup.error;
    return out;
  }
  CheckExtras extras;
  extras.configured = context_of(setup.settings.configured);
  extras.min_level = engine_level(out.min_level);
  extras.keep_at_most = request.keep_at_most;
  extras.with_findings = request.with_findings;
  TextFault fault = TextFault::kNone;
  const Status status = guard_status("checking the text", [&] { return call(*setup.guide->checker, extras, &fault, &out); });
  if (!status.ok()) {
    out.failure = fault == TextFault::kInput ? CheckFailure::kInput
                  : fault == TextFault::kCheck ? CheckFailure::kText
                                               : CheckFailure::kSetup;  // the request's own options
    out.error = status;
    return out;
  }
  // The context with its sources: the engine says which values the front matter gave.
  ContextInputs inputs;
  inputs.explicit_values = request.options.context;
  for (const ContextValue& v : out.result.context) {
    if (v.source == "front matter") inputs.front_matter[v.dimension] = v.value;
  }
  inputs.configured = setup.settings.configured;
  if (setup.settings.config) inputs.config_path = setup.settings.config->path();
  inputs.dimensions = setup.guide->guide().dimensions();
  out.context = resolve_context(inputs);
  // Counted from the engine's report, which holds them whether or not `findings` does.
  for (const Diagnostic& d : out.result.state->report.result.diagnostics) {
    if (at_or_above(severity_of(d.level), out.fail_on)) ++out.failing;
  }
  out.failing += out.result.dropped.at_or_above(out.fail_on);
  return out;
}

}  // namespace

DocumentCheck Workspace::check(const DocumentSetup& setup, std::string_view text, const CheckRequest& request) const {
  return run_check(setup, request,
                   [&](const Checker& checker, const CheckExtras& extras, TextFault* fault, DocumentCheck* out) -> Status {
                     auto result = check_with(checker, text, request.options, extras, fault);
                     if (!result.ok()) return result.status();
                     out->result = std::move(*result);
                     return Status();
                   });
}

DocumentCheck Workspace::fix(const DocumentSetup& setup, std::string_view text, const CheckRequest& request,
                             FixMode mode) const {
  return run_check(setup, request,
                   [&](const Checker& checker, const CheckExtras& extras, TextFault* fault, DocumentCheck* out) -> Status {
                     auto fixed = fix_with(checker, text, request.options, mode, extras, fault);
                     if (!fixed.ok()) return fixed.status();
                     out->result = fixed->remaining;
                     out->fixed = std::move(*fixed);
                     return Status();
                   });
}

Result<DraftList> find_drafts(const DraftRequest& request, const std::string& guide_override,
                              const std::function<std::string()>& shipped_guide) {
  return guard_api<DraftList>("finding the drafts", [&]() -> Result<DraftList> {
    ConfigFinder configs(request.config_override);
    auto plan = plan_drafts({request.named, request.listed, request.stdin_filename}, configs);
    if (!plan.ok()) return plan.status();
    DraftList out;
    out.notes = std::move(plan->notes);
    out.unreachable = std::move(plan->unreachable);
    for (const PlannedDraft& draft : plan->drafts) {
      PlannedFile file;
      file.path = draft.path;
      file.settings = settings_of(draft.config, std::nullopt, &draft.context);
      file.settings.guide_path = guide_path_of(file.settings, guide_override, shipped_guide);
      out.files.push_back(std::move(file));
    }
    return out;
  });
}

}  // namespace tonelint
