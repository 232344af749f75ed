// `tonelint explain [--guide G] [context flags]`: the rules in force for a context and,
// for each rule, which entry of the guide set each field.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "guide/cascade.h"
#include "load/guide_loader.h"
#include "report/escape.h"
#include "rules/rule_check.h"

namespace tonelint::cli {
namespace {

struct ExplainOptions {
  std::string guide;
  std::string config;
  ContextFlags context;
  std::string format = "text";
};

std::string where(const Origin& o) {
  std::string out = o.entry;
  if (!o.path.empty()) out += " (" + o.path + ":" + std::to_string(o.line) + ":" + std::to_string(o.column) + ")";
  return out;
}

const char* lang_label(RuleLang lang) {
  switch (lang) {
    case RuleLang::kJa: return "ja";
    case RuleLang::kEn: return "en";
    case RuleLang::kAny: return "any";
  }
  return "any";
}

nlohmann::json rule_json(const Guide& guide, const Rule& r) {
  nlohmann::json j;
  j["rule"] = guide.id + "." + r.id;
  j["kind"] = rule_kind_name(r.kind);
  j["lang"] = lang_label(r.lang);
  j["level"] = level_name(r.level);
  j["message"] = r.message;
  if (!r.why.empty()) j["why"] = r.why;
  if (r.max) j["max"] = *r.max;
  if (r.min) j["min"] = *r.min;
  j["scope"] = r.scope == Scope::kMessage ? "message" : (r.scope == Scope::kParagraph ? "paragraph" : "sentence");
  if (!r.markup_scopes.empty()) {
    nlohmann::json markup = nlohmann::json::array();
    for (const std::string& m : r.markup_scopes) markup.push_back(r.markup_excludes ? "!" + m : m);
    j["markup"] = std::move(markup);
  }
  j["defined"] = where(r.origin);
  nlohmann::json set_by = nlohmann::json::object();
  for (const auto& [field, origin] : r.set_by) set_by[field] = where(origin);
  j["set_by"] = std::move(set_by);
  return j;
}

int run_explain(const ExplainOptions& options) {
  if (options.format != "text" && options.format != "json") {
    std::cerr << "tonelint explain: unknown --format '" << options.format << "' (expected text or json)\n";
    return kExitUsage;
  }
  auto guide = resolve_guide_or_report(options.guide, options.config, {});
  if (!guide) return kExitUsage;
  auto context = complete_context(*guide, options.context.to_context());
  if (!context.ok()) {
    std::cerr << "tonelint: " << context.status().message() << '\n';
    return kExitUsage;
  }
  const EffectiveRules effective = resolve_rules(*guide, *context);
  const Context requested = options.context.to_context();

  if (options.format == "json") {
    nlohmann::json j;
    j["guide"] = guide->id;
    j["path"] = guide->path;
    nlohmann::json ctx, sources;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      ctx[kDimensionNames[d]] = context->values[d];
      sources[kDimensionNames[d]] = requested.values[d].empty() ? "guide default" : "flag";
    }
    j["context"] = ctx;
    j["context_source"] = sources;
    nlohmann::json tones = nlohmann::json::array();
    for (const ToneEntry* t : effective.applied) tones.push_back(where(t->origin));
    j["tones"] = tones;
    nlohmann::json rules = nlohmann::json::array();
    for (const Rule& r : effective.rules) rules.push_back(rule_json(*guide, r));
    j["rules"] = rules;
    nlohmann::json off = nlohmann::json::array();
    for (const auto& o : effective.off) off.push_back({{"rule", guide->id + "." + o.rule_id}, {"off_by", where(o.by)}});
    j["off"] = off;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return kExitOk;
  }

  std::cout << "guide " << report::escape_controls(guide->id) << " (" << report::quote_name(guide->path) << ")\ncontext:";
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    std::cout << ' ' << kDimensionNames[d] << '=' << context->values[d]
              << (requested.values[d].empty() ? " (default)" : "");
  }
  std::cout << "\ntones applied, in order:";
  if (effective.applied.empty()) std::cout << " none";
  std::cout << '\n';
  for (const ToneEntry* t : effective.applied) std::cout << "  " << where(t->origin) << '\n';
  std::cout << "rules in force (" << effective.rules.size() << "):\n";
  for (const Rule& r : effective.rules) {
    std::cout << "  " << guide->id << '.' << r.id << "  " << rule_kind_name(r.kind) << "  " << level_name(r.level)
              << "  lang=" << lang_label(r.lang);
    if (r.max) std::cout << "  max=" << format_number(*r.max);
    if (r.min) std::cout << "  min=" << format_number(*r.min);
    std::cout << '\n';
    for (const auto& [field, origin] : r.set_by) std::cout << "      " << field << " ← " << where(origin) << '\n';
  }
  if (!effective.off.empty()) {
    std::cout << "rules turned off (" << effective.off.size() << "):\n";
    for (const auto& o : effective.off) std::cout << "  " << guide->id << '.' << o.rule_id << "  ← " << where(o.by) << '\n';
  }
  return kExitOk;
}

}  // namespace

std::function<int()> add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Print the rules in force for a context, and where each setting comes from");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML)");
  options->context.add_to(*cmd);
  cmd->add_option("--format", options->format, "Output format: text or json")->capture_default_str();
  return [options] { return run_explain(*options); };
}

}  // namespace tonelint::cli
