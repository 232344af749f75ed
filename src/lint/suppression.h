// Inline comments that switch rules off for part of a draft:
//   <!-- tonelint-disable [rule ...] -->  ...  <!-- tonelint-enable [rule ...] -->
//   <!-- tonelint-disable-next-line [rule ...] -->
// in Markdown and HTML, and the same words as a line of their own starting with `#` or `//`
// in plain text (`# tonelint-disable-next-line shouchi`). Rules are named with or without
// the guide prefix (shouchi, tonelint.shouchi); no rule named means every rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "guide/guide.h"
#include "input/source_text.h"

namespace tonelint {

class Suppressions {
 public:
  // Reads the directives of `source`; `format` is the extractor's ("markdown", "text", ...).
  static Suppressions parse(const SourceText& source, std::string_view format);

  // Whether a finding of rule `rule` ("<guide>.<id>") at source offset `offset` is switched off.
  bool suppresses(std::string_view rule, std::uint32_t offset) const;

  // Warnings for rules a directive names that `guide` does not define anywhere (a typo would
  // otherwise silently switch nothing off).
  std::vector<Diagnostic> unknown_rules(const Guide& guide) const;

  bool empty() const { return directives_.empty(); }

 private:
  enum class Kind : std::uint8_t { kDisable, kEnable, kNextLine };
  struct Directive {
    Kind kind;
    std::uint32_t offset;  // where the comment starts (source bytes)
    std::uint32_t length;
    std::vector<std::string> rules;            // empty: every rule
    std::vector<std::uint32_t> rule_offsets;   // where each rule name is written
  };
  // A stretch of source where some rules (or all) are off.
  struct Range {
    std::uint32_t begin;
    std::uint32_t end;
    std::vector<std::string> rules;   // empty: every rule ...
    std::vector<std::string> except;  // ... but these
  };

  void build_ranges(const SourceText& source);

  std::vector<Directive> directives_;
  std::vector<Range> ranges_;
};

// Whether `name`, as written in a directive, names `rule` ("<guide>.<id>").
bool names_rule(std::string_view name, std::string_view rule);

}  // namespace tonelint
