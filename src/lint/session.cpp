#include "lint/session.h"

#include <algorithm>

#include "extract/front_matter.h"
#include "guide/did_you_mean.h"
#include "guide/yaml_location.h"
#include "load/guide_loader.h"

namespace tonelint {

const char* context_source_name(ContextSource source) {
  switch (source) {
    case ContextSource::kFlag: return "flag";
    case ContextSource::kFrontMatter: return "front matter";
    case ContextSource::kConfig: return "config";
    case ContextSource::kDefault: return "guide default";
  }
  return "guide default";
}

std::shared_ptr<const CompiledRules> SharedRules::find(const Context& context) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = compiled_.find(context.values);
  if (it == compiled_.end()) return nullptr;
  uses_.splice(uses_.begin(), uses_, it->second.use);
  return it->second.rules;
}

std::shared_ptr<const CompiledRules> SharedRules::insert(const Context& context,
                                                         std::shared_ptr<const CompiledRules> rules) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, added] = compiled_.try_emplace(context.values);
  if (!added) return it->second.rules;
  uses_.push_front(context.values);
  it->second = Entry{std::move(rules), uses_.begin()};
  std::shared_ptr<const CompiledRules> kept = it->second.rules;
  while (compiled_.size() > capacity_) {
    // Evicted rules live on while a lint still uses them (shared_ptr).
    compiled_.erase(uses_.back());
    uses_.pop_back();
  }
  return kept;
}

std::size_t SharedRules::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return compiled_.size();
}

Result<std::unique_ptr<LintSession>> LintSession::create(std::shared_ptr<const Guide> guide,
                                                         std::shared_ptr<const MecabModel> model,
                                                         std::shared_ptr<SharedRules> shared) {
  auto analyzer = Analyzer::create(std::move(model));
  if (!analyzer.ok()) return analyzer.status();
  return std::unique_ptr<LintSession>(new LintSession(std::move(guide), std::move(*analyzer), std::move(shared)));
}

Result<std::shared_ptr<const CompiledRules>> LintSession::rules_for(const Context& context) {
  if (shared_) {
    if (auto rules = shared_->find(context)) return rules;
    // Compiled outside the shared lock: two sessions may race on a new context, and the
    // first one stored wins; neither blocks the other's lookups meanwhile.
    auto compiled = CompiledRules::compile(guide_, context, *analyzer_);
    if (!compiled.ok()) return compiled.status();
    return shared_->insert(context, std::move(*compiled));
  }
  auto it = compiled_.find(context.values);
  if (it != compiled_.end()) return it->second;
  auto compiled = CompiledRules::compile(guide_, context, *analyzer_);
  if (!compiled.ok()) return compiled.status();
  compiled_.emplace(context.values, *compiled);
  return *compiled;
}

Result<FileReport> LintSession::lint(const SourceText& source, const Extractor& extractor, const Context& flags,
                                     const Context& configured, const LintLimits& limits) {
  if (source.bytes().size() > kMaxLintBytes) {
    return Status(ErrorCode::kTooLarge,
                  "draft of " + std::to_string(source.bytes().size()) + " bytes exceeds the limit of " +
                      describe_limit(kMaxLintBytes) + " for checking; split it",
                  Location{source.path()});
  }
  auto doc = extractor.extract(source);
  if (!doc.ok()) return doc.status();

  FileReport report;
  report.context = guide_->defaults;
  report.context_sources.fill(ContextSource::kDefault);
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    if (configured.values[d].empty()) continue;
    report.context.values[d] = configured.values[d];
    report.context_sources[d] = ContextSource::kConfig;
  }
  // Front matter: tone: {channel: chat, emotion: upset}
  if (const auto& fm = doc->front_matter(); fm && fm->data.IsMap() && fm->data["tone"]) {
    const YAML::Node tone = fm->data["tone"];
    // yaml-cpp counts from the line after the opening fence.
    const std::uint32_t first_line = source.position(fm->offset).line + 1;
    auto where = [&](const YAML::Node& n) { return yaml_location(source.path(), source.lines(), n.Mark(), first_line); };
    if (!tone.IsMap()) {
      return Status(ErrorCode::kParse, "front matter 'tone' maps channel, situation, audience, emotion to values",
                    where(tone));
    }
    for (const auto& entry : tone) {
      const std::string key = entry.first.Scalar();
      auto dim = std::find(kDimensionNames.begin(), kDimensionNames.end(), key);
      if (dim == kDimensionNames.end()) {
        return Status(ErrorCode::kParse,
                      unknown_key_message(key, "front matter 'tone'",
                                          std::vector<std::string>(kDimensionNames.begin(), kDimensionNames.end())),
                      where(entry.first));
      }
      const auto d = static_cast<std::size_t>(dim - kDimensionNames.begin());
      if (!entry.second.IsScalar()) {
        const char* found = entry.second.IsSequence() ? "a list" : entry.second.IsMap() ? "a map" : "none";
        return Status(ErrorCode::kParse,
                      "front matter 'tone': '" + key + "' takes one value (such as " + key + ": " +
                          (guide_->allowed[d].empty() ? std::string("...") : guide_->allowed[d].front()) + "); found " +
                          found,
                      where(entry.second));
      }
      const std::string value = entry.second.Scalar();
      if (!guide_->allows(static_cast<Dimension>(d), value)) {
        return Status(ErrorCode::kParse,
                      std::string("unknown ") + key + " '" + value + "' in front matter" +
                          did_you_mean(value, guide_->allowed[d]),
                      where(entry.second));
      }
      report.context.values[d] = value;
      report.context_sources[d] = ContextSource::kFrontMatter;
    }
  }
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    if (flags.values[d].empty()) continue;
    report.context.values[d] = flags.values[d];
    report.context_sources[d] = ContextSource::kFlag;
  }
  auto checked = complete_context(*guide_, report.context);
  if (!checked.ok()) return checked.status();

  auto rules = rules_for(report.context);
  if (!rules.ok()) return rules.status();
  Analysis analysis;
  analyzer_->analyze(*doc, &analysis);
  report.result = (*rules)->lint(*doc, analysis, limits, analyzer_.get());
  return report;
}

}  // namespace tonelint
