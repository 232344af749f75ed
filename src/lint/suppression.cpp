#include "lint/suppression.h"

#include <algorithm>
#include <map>
#include <optional>

#include "extract/extractor.h"
#include "guide/did_you_mean.h"

namespace tonelint {
namespace {

constexpr std::string_view kBlanks = " \t\r\n";

// The directive word at the start of `body` and what follows it, longest word first so
// "tonelint-disable-next-line" is not read as "tonelint-disable".
struct Parsed {
  int kind = -1;  // index into kWords
  std::string_view rest;
};
constexpr std::string_view kWords[] = {"tonelint-disable-next-line", "tonelint-disable", "tonelint-enable"};

Parsed parse_word(std::string_view body) {
  for (int k = 0; k < 3; ++k) {
    if (!body.starts_with(kWords[k])) continue;
    const std::string_view rest = body.substr(kWords[k].size());
    if (!rest.empty() && kBlanks.find(rest.front()) == std::string_view::npos) continue;  // tonelint-disabled
    return Parsed{k, rest};
  }
  return {};
}

}  // namespace

bool names_rule(std::string_view name, std::string_view rule) {
  if (name == rule) return true;
  const std::size_t dot = rule.find('.');
  return dot != std::string_view::npos && rule.substr(dot + 1) == name;
}

Suppressions Suppressions::parse(const SourceText& source, std::string_view format) {
  Suppressions out;
  const std::string_view bytes = source.bytes();
  if (bytes.find("tonelint-") == std::string_view::npos) return out;  // the common case, at once

  // Adds one directive whose body (after the comment opener) starts at `body_offset`.
  auto add = [&](std::uint32_t offset, std::uint32_t length, std::uint32_t body_offset, std::string_view body) {
    const std::size_t lead = body.find_first_not_of(kBlanks);
    if (lead == std::string_view::npos) return;
    const Parsed parsed = parse_word(body.substr(lead));
    if (parsed.kind < 0) return;
    Directive d{static_cast<Kind>(parsed.kind == 0 ? 2 : parsed.kind == 1 ? 0 : 1), offset, length, {}, {}};
    // Rule names: separated by blanks or commas.
    const std::uint32_t rest_offset =
        body_offset + static_cast<std::uint32_t>(lead + kWords[parsed.kind].size());
    std::string_view rest = parsed.rest;
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (kBlanks.find(rest[i]) != std::string_view::npos || rest[i] == ',')) ++i;
      const std::size_t start = i;
      while (i < rest.size() && kBlanks.find(rest[i]) == std::string_view::npos && rest[i] != ',') ++i;
      if (i > start) {
        d.rules.emplace_back(rest.substr(start, i - start));
        d.rule_offsets.push_back(rest_offset + static_cast<std::uint32_t>(start));
      }
    }
    out.directives_.push_back(std::move(d));
  };

  // Where the comments are is the format's knowledge (its extractor's).
  const Extractor* extractor = extractor_for_format(format);
  if (extractor == nullptr) return out;
  for (const DirectiveComment& c : extractor->directive_comments(source)) {
    add(c.offset, c.length, c.body_offset, bytes.substr(c.body_offset, c.body_length));
  }
  out.build_ranges(source);
  return out;
}

void Suppressions::build_ranges(const SourceText& source) {
  const auto size = static_cast<std::uint32_t>(source.bytes().size());
  std::optional<std::uint32_t> all_from;            // every rule off since here
  std::vector<std::string> all_except;              // ... but these, enabled again since
  std::map<std::string, std::uint32_t> rule_from;   // one rule off since here
  auto close_all = [&](std::uint32_t at) {
    if (all_from && at > *all_from) ranges_.push_back(Range{*all_from, at, {}, all_except});
    all_from.reset();
    all_except.clear();
  };
  for (const Directive& d : directives_) {
    const std::uint32_t after = d.offset + d.length;
    switch (d.kind) {
      case Kind::kDisable:
        if (d.rules.empty()) {
          if (!all_from) all_from = after;
        } else {
          for (const std::string& r : d.rules) rule_from.try_emplace(r, after);
        }
        break;
      case Kind::kEnable:
        if (d.rules.empty()) {
          close_all(d.offset);
          for (const auto& [rule, from] : rule_from) ranges_.push_back(Range{from, d.offset, {rule}, {}});
          rule_from.clear();
        } else {
          for (const std::string& r : d.rules) {
            if (auto it = rule_from.find(r); it != rule_from.end()) {
              ranges_.push_back(Range{it->second, d.offset, {r}, {}});
              rule_from.erase(it);
            }
          }
          if (all_from) {  // everything off but these, from here on
            const std::vector<std::string> except = [&] {
              std::vector<std::string> e = all_except;
              e.insert(e.end(), d.rules.begin(), d.rules.end());
              return e;
            }();
            close_all(d.offset);
            all_from = d.offset;
            all_except = except;
          }
        }
        break;
      case Kind::kNextLine: {
        // The line after the one the comment ends on.
        const std::uint32_t line = source.position(after == 0 ? 0 : after - 1).line + 1;
        if (line > source.lines().line_count()) break;
        const std::uint32_t begin = source.lines().line_start(line);
        const std::uint32_t end = begin + static_cast<std::uint32_t>(source.lines().line_text(line).size());
        ranges_.push_back(Range{begin, std::max(end, begin + 1), d.rules, {}});
        break;
      }
    }
  }
  close_all(size + 1);
  for (const auto& [rule, from] : rule_from) ranges_.push_back(Range{from, size + 1, {rule}, {}});
}

bool Suppressions::suppresses(std::string_view rule, std::uint32_t offset) const {
  auto any_names = [&](const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return names_rule(n, rule); });
  };
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& r) {
    if (offset < r.begin || offset >= r.end) return false;
    return r.rules.empty() ? !any_names(r.except) : any_names(r.rules);
  });
}

std::vector<Diagnostic> Suppressions::unknown_rules(const Guide& guide) const {
  std::vector<Diagnostic> out;
  for (const Directive& d : directives_) {
    for (std::size_t k = 0; k < d.rules.size(); ++k) {
      if (guide.find_rule(d.rules[k]) != nullptr) continue;
      std::string_view id = d.rules[k];
      if (id.starts_with(guide.id + ".")) id.remove_prefix(guide.id.size() + 1);
      std::vector<std::string> known;  // for the "did you mean", only when one is needed
      for (const Rule& r : guide.rules) known.push_back(r.id);
      for (const ToneEntry& t : guide.tones) {
        for (const Rule& r : t.rules) known.push_back(r.id);
      }
      Diagnostic diag;
      diag.rule = guide.id + ".suppression";
      diag.level = Level::kWarning;
      diag.message = "a tonelint comment names the unknown rule '" + d.rules[k] + "'" + did_you_mean(id, known) +
                     "; it switches nothing off";
      diag.offset = d.rule_offsets[k];
      diag.length = static_cast<std::uint32_t>(d.rules[k].size());
      diag.match = d.rules[k];
      diag.category = "suppression";
      diag.origin = "comment";
      out.push_back(std::move(diag));
    }
  }
  return out;
}

}  // namespace tonelint
