#include "rules/rule_check.h"

#include <cmath>
#include <cstdio>

namespace tonelint {
namespace {

// The entry that made the rule what it is in this context: the tone that set its level,
// else the tone that defined it, else any tone that changed it, else the rule itself.
std::string origin_of(const Rule& rule) {
  for (const char* field : {"level", "defined"}) {
    if (auto it = rule.set_by.find(field); it != rule.set_by.end()) return it->second.entry;
  }
  if (!rule.set_by.empty()) return rule.set_by.begin()->second.entry;
  return rule.origin.entry;
}

void replace_all(std::string* s, std::string_view from, std::string_view to) {
  for (std::size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

}  // namespace

RuleCheck::RuleCheck(const Rule& rule, std::string qualified_id)
    : rule_(rule), id_(std::move(qualified_id)), origin_(origin_of(rule)) {}

Diagnostic RuleCheck::report(const MessageView& message, std::uint32_t offset, std::uint32_t length,
                             std::span<const std::pair<std::string_view, std::string>> vars) const {
  Diagnostic d;
  d.rule = id_;
  d.level = rule_.level;
  d.offset = offset;
  d.length = length;
  d.match = std::string(message.source(offset, length));
  d.origin = origin_;
  d.category = rule_.category;
  d.message = rule_.message;
  replace_all(&d.message, "{match}", d.match);
  if (rule_.max) replace_all(&d.message, "{max}", format_number(*rule_.max));
  if (rule_.min) replace_all(&d.message, "{min}", format_number(*rule_.min));
  for (const auto& [name, value] : vars) {
    std::string placeholder;
    placeholder.reserve(name.size() + 2);
    placeholder.append(1, '{').append(name).append(1, '}');
    replace_all(&d.message, placeholder, value);
  }
  return d;
}

std::string format_number(double value) {
  char buffer[32];
  if (std::fabs(value - std::round(value)) < 1e-9) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  }
  return buffer;
}

std::vector<Match> without_overlaps(std::span<const Match> matches) {
  std::vector<Match> kept;
  std::uint32_t end = 0;
  for (const Match& m : matches) {  // ordered by offset, longest first at equal offsets
    if (!kept.empty() && m.offset < end) continue;
    kept.push_back(m);
    end = m.offset + m.length;
  }
  return kept;
}

std::unique_ptr<RuleCheck> make_rule_check(const Rule& rule, const std::string& guide_id, CheckBuildContext& ctx) {
  // The loader never returns a rule without a kind.
  return rule.kind->make(rule, guide_id + "." + rule.id, ctx);
}

}  // namespace tonelint
