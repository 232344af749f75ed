#include "config/gitignore.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tonelint {
namespace {

namespace fs = std::filesystem;

TEST(IgnoreFileTest, LastMatchingPatternWins) {
  const IgnoreFile file = IgnoreFile::parse("# build output\n*.log\n!keep.log\nbuild/\n\\#notes.md\n/root-only.md\n  \n");
  using V = IgnoreFile::Verdict;
  EXPECT_EQ(file.verdict("a.log", false), V::kIgnored);
  EXPECT_EQ(file.verdict("deep/a.log", false), V::kIgnored);
  EXPECT_EQ(file.verdict("keep.log", false), V::kIncluded);
  EXPECT_EQ(file.verdict("build", true), V::kIgnored);
  EXPECT_EQ(file.verdict("build", false), V::kNone);  // "build/" names folders only
  EXPECT_EQ(file.verdict("#notes.md", false), V::kIgnored);
  EXPECT_EQ(file.verdict("root-only.md", false), V::kIgnored);
  EXPECT_EQ(file.verdict("sub/root-only.md", false), V::kNone);
  EXPECT_EQ(file.verdict("a.md", false), V::kNone);
}

TEST(GitignoreMatcherTest, NestedFilesAndInfoExclude) {
  const fs::path root = fs::path(::testing::TempDir()) / "gitignore_repo";
  fs::remove_all(root);
  fs::create_directories(root / ".git" / "info");
  fs::create_directories(root / "docs" / "drafts");
  std::ofstream(root / ".gitignore") << "*.tmp.md\ndrafts/\n";
  std::ofstream(root / "docs" / ".gitignore") << "!keep.tmp.md\nprivate.md\n";
  std::ofstream(root / ".git" / "info" / "exclude") << "local-notes.md\n";
  GitignoreMatcher matcher;
  EXPECT_TRUE(matcher.ignored(root / "a.tmp.md", false));
  EXPECT_TRUE(matcher.ignored(root / "docs" / "b.tmp.md", false));
  EXPECT_FALSE(matcher.ignored(root / "docs" / "keep.tmp.md", false));  // the deeper file re-includes
  EXPECT_TRUE(matcher.ignored(root / "docs" / "private.md", false));
  EXPECT_FALSE(matcher.ignored(root / "private.md", false));  // docs/.gitignore governs docs/ only
  EXPECT_TRUE(matcher.ignored(root / "docs" / "drafts", true));
  EXPECT_TRUE(matcher.ignored(root / "local-notes.md", false));
  EXPECT_FALSE(matcher.ignored(root / "README.md", false));
  // Outside any repository nothing is ignored.
  const fs::path loose = fs::path(::testing::TempDir()) / "gitignore_loose";
  fs::create_directories(loose);
  std::ofstream(loose / ".gitignore") << "*.md\n";
  EXPECT_FALSE(matcher.ignored(loose / "a.md", false));
}

}  // namespace
}  // namespace tonelint
