#include "tonelint/explain.h"

#include <exception>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/api_internal.h"
#include "api/guide_file_internal.h"
#include "guide/cascade.h"
#include "load/guide_loader.h"
#include "report/escape.h"
#include "rules/rule_check.h"
#include "guide/guide_names.h"

namespace tonelint {
namespace {

GuideEntry entry_of(const Origin& o) { return GuideEntry{o.entry, o.path, o.line, o.column}; }

std::string_view lang_label(RuleLang lang) { return name_of(kRuleLangNames, lang, "any"); }

std::string_view scope_name(Scope scope) { return name_of(kScopeNames, scope, "sentence"); }

ExplainedRule rule_of(const Guide& guide, const Rule& r) {
  ExplainedRule out;
  out.rule = guide.id + "." + r.id;
  out.kind = rule_kind_name(r.kind);
  out.lang = lang_label(r.lang);
  out.level = severity_of(r.level);
  out.message = r.message;
  out.why = r.why;
  out.level_why = r.level_why;
  out.max = r.max;
  out.min = r.min;
  out.scope = scope_name(r.scope);
  for (const std::string& m : r.markup_scopes) out.markup.push_back(r.markup_excludes ? "!" + m : m);
  out.mentions = name_of(kMentionPolicyNames, r.mentions, "skip");
  out.defined = entry_of(r.origin);
  for (const auto& [field, origin] : r.set_by) out.set_by.emplace_back(field, entry_of(origin));
  return out;
}

// Context values by name → the guide's Context; unknown dimensions are refused here,
// unknown values by complete_context.
Result<Context> requested_context(const std::map<std::string, std::string>& values) {
  Context c;
  for (const auto& [name, value] : values) {
    std::size_t d = 0;
    while (d < kDimensionCount && name != kDimensionNames[d]) ++d;
    if (d == kDimensionCount) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown context dimension '" + name + "' (expected channel, situation, audience or emotion)",
                    Location{"context." + name});
    }
    c.values[d] = value;
  }
  return c;
}

Result<Explanation> explain_guide(const Guide& guide, const std::map<std::string, std::string>& values) {
  try {
    auto requested = requested_context(values);
    if (!requested.ok()) return requested.status();
    auto context = complete_context(guide, *requested);
    if (!context.ok()) return context.status();
    const EffectiveRules effective = resolve_rules(guide, *context);
    Explanation out;
    out.guide = guide.id;
    out.path = guide.path;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      out.context.push_back(
          {kDimensionNames[d], context->values[d], requested->values[d].empty() ? "guide default" : "flag"});
    }
    for (const ToneEntry* t : effective.applied) out.tones.push_back(entry_of(t->origin));
    for (const Rule& r : effective.rules) out.rules.push_back(rule_of(guide, r));
    for (const auto& o : effective.off) out.off.push_back({guide.id + "." + o.rule_id, entry_of(o.by)});
    return out;
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace

std::string GuideEntry::to_string() const {
  std::string out = entry;
  if (!path.empty()) out += " (" + path + ":" + std::to_string(line) + ":" + std::to_string(column) + ")";
  return out;
}

Result<Explanation> explain(const GuideFile& guide, const std::map<std::string, std::string>& context) {
  return explain_guide(*guide.impl().guide, context);
}

Result<Explanation> explain(const ToneGuide& guide, const std::map<std::string, std::string>& context) {
  return explain_guide(*guide.impl().guide, context);
}

std::string to_json(const Explanation& e) {
  nlohmann::json j;
  j["guide"] = e.guide;
  j["path"] = e.path;
  nlohmann::json ctx, sources;
  for (const ContextValue& v : e.context) {
    ctx[v.dimension] = v.value;
    sources[v.dimension] = v.source;
  }
  j["context"] = ctx;
  j["context_source"] = sources;
  nlohmann::json tones = nlohmann::json::array();
  for (const GuideEntry& t : e.tones) tones.push_back(t.to_string());
  j["tones"] = tones;
  nlohmann::json rules = nlohmann::json::array();
  for (const ExplainedRule& r : e.rules) {
    nlohmann::json rj;
    rj["rule"] = r.rule;
    rj["kind"] = r.kind;
    rj["lang"] = r.lang;
    rj["level"] = severity_name(r.level);
    rj["message"] = r.message;
    if (!r.why.empty()) rj["why"] = r.why;
    if (!r.level_why.empty()) rj["level_why"] = r.level_why;
    if (r.max) rj["max"] = *r.max;
    if (r.min) rj["min"] = *r.min;
    rj["scope"] = r.scope;
    if (!r.markup.empty()) rj["markup"] = r.markup;
    rj["mentions"] = r.mentions;
    rj["defined"] = r.defined.to_string();
    nlohmann::json set_by = nlohmann::json::object();
    for (const auto& [field, origin] : r.set_by) set_by[field] = origin.to_string();
    rj["set_by"] = std::move(set_by);
    rules.push_back(std::move(rj));
  }
  j["rules"] = rules;
  nlohmann::json off = nlohmann::json::array();
  for (const TurnedOffRule& o : e.off) off.push_back({{"rule", o.rule}, {"off_by", o.by.to_string()}});
  j["off"] = off;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_text(const Explanation& e) {
  std::ostringstream out;
  out << "guide " << report::escape_controls(e.guide) << " (" << report::quote_name(e.path) << ")\ncontext:";
  for (const ContextValue& v : e.context) {
    out << ' ' << v.dimension << '=' << v.value << (v.source == "flag" ? "" : " (default)");
  }
  out << "\ntones applied, in order:";
  if (e.tones.empty()) out << " none";
  out << '\n';
  for (const GuideEntry& t : e.tones) out << "  " << t.to_string() << '\n';
  out << "rules in force (" << e.rules.size() << "):\n";
  for (const ExplainedRule& r : e.rules) {
    out << "  " << r.rule << "  " << r.kind << "  " << severity_name(r.level) << "  lang=" << r.lang;
    if (r.max) out << "  max=" << format_number(*r.max);
    if (r.min) out << "  min=" << format_number(*r.min);
    if (r.mentions != "skip") out << "  mentions=" << r.mentions;
    out << '\n';
    if (!r.level_why.empty()) out << "      why " << severity_name(r.level) << ": " << report::escape_controls(r.level_why) << '\n';
    for (const auto& [field, origin] : r.set_by) out << "      " << field << " ← " << origin.to_string() << '\n';
  }
  if (!e.off.empty()) {
    out << "rules turned off (" << e.off.size() << "):\n";
    for (const TurnedOffRule& o : e.off) out << "  " << o.rule << "  ← " << o.by.to_string() << '\n';
  }
  return out.str();
}

}  // namespace tonelint
