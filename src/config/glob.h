// Path globs for the repository config and .gitignore files: `*` and `?` within a path
// segment, `[a-z]` / `[!a-z]` classes, `{a,b}` alternatives, and `**` for any number of
// folders. Compiled once; matching is linear in pattern × path (no backtracking blow-up).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tonelint/status.h"

namespace tonelint {

class Glob {
 public:
  // A pattern without a slash (other than a trailing one) matches a name at any depth
  // ("*.md", "node_modules"); with one it is anchored at the folder the pattern belongs to
  // ("docs/*.md", "/CHANGELOG.md"). A trailing slash ("build/") matches folders only.
  // Errors: an unclosed '[' or '{', or more than 256 alternatives.
  static Result<Glob> compile(std::string_view pattern);

  // Whether a '/'-separated path, relative to the pattern's folder, matches.
  // `is_directory` matters only for patterns with a trailing slash.
  bool matches(std::string_view path, bool is_directory = false) const;
  // Whether the path or one of the folders above it matches: "node_modules" and
  // "legacy/" cover every file beneath them, as in .gitignore.
  bool matches_path_or_parent(std::string_view path) const;

  const std::string& pattern() const { return pattern_; }
  bool directory_only() const { return directory_only_; }

 private:
  enum class Op : unsigned char { kLiteral, kAnyChar, kClass, kStar, kFolders, kAnything };
  struct Step {
    explicit Step(Op o, char32_t c = 0) : op(o), ch(c) {}
    Op op;
    char32_t ch;                         // kLiteral
    bool negated = false;                // kClass
    std::vector<char32_t> ranges;        // kClass: pairs [lo, hi]
  };
  using Program = std::vector<Step>;

  static bool run(const Program& program, std::string_view path);

  std::string pattern_;
  bool directory_only_ = false;
  std::vector<Program> alternatives_;  // after {a,b} expansion
};

}  // namespace tonelint
