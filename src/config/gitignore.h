// .gitignore files, so a directory walk skips what the repository ignores: the patterns
// of every .gitignore from the repository root down to a file's folder, plus
// .git/info/exclude, with git's precedence (deeper files win; within a file the last
// matching pattern wins; "!" re-includes; a file in an ignored folder stays ignored).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob.h"

namespace tonelint {

// The patterns of one ignore file, relative to the folder it governs.
class IgnoreFile {
 public:
  // Lines that are not valid patterns (an unclosed '[') are skipped, as git does.
  static IgnoreFile parse(std::string_view text);

  enum class Verdict { kNone, kIgnored, kIncluded };
  // `path` is relative to the folder the file governs.
  Verdict verdict(std::string_view path, bool is_directory) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    Glob glob;
    bool negated;
  };
  std::vector<Pattern> patterns_;
};

// Answers "is this path ignored?" for paths inside git work trees, reading each folder's
// .gitignore once. Not thread-safe: one per directory walk.
class GitignoreMatcher {
 public:
  // Whether `path` (absolute, lexically normal) is ignored by the patterns of its
  // repository. Paths outside any git work tree are never ignored. Only the path itself is
  // tested, not the folders above it: a walk prunes an ignored folder before reaching its
  // files, and a folder named on the command line is checked even if git ignores it.
  bool ignored(const std::filesystem::path& path, bool is_directory);

 private:
  // The repository root above `dir` (the folder holding .git), or empty.
  const std::filesystem::path& root_of(const std::filesystem::path& dir);
  const IgnoreFile& ignore_file(const std::filesystem::path& file);

  std::map<std::filesystem::path, std::filesystem::path> roots_;
  std::map<std::filesystem::path, std::unique_ptr<IgnoreFile>> files_;
};

}  // namespace tonelint
