#include "config/glob.h"

#include <gtest/gtest.h>

namespace tonelint {
namespace {

struct Case {
  const char* pattern;
  const char* path;
  bool matches;
};

class GlobTest : public ::testing::TestWithParam<Case> {};

TEST_P(GlobTest, MatchesAsGitWould) {
  const Case& c = GetParam();
  auto glob = Glob::compile(c.pattern);
  ASSERT_TRUE(glob.ok()) << glob.status().to_string();
  EXPECT_EQ(glob->matches(c.path), c.matches) << c.pattern << " vs " << c.path;
}

INSTANTIATE_TEST_SUITE_P(
    Table, GlobTest,
    ::testing::Values(
        // A bare name matches at any depth; a pattern with a slash is anchored.
        Case{"*.md", "a.md", true}, Case{"*.md", "docs/deep/a.md", true}, Case{"*.md", "a.mdx", false},
        Case{"docs/*.md", "docs/a.md", true}, Case{"docs/*.md", "docs/deep/a.md", false},
        Case{"docs/*.md", "x/docs/a.md", false}, Case{"/CHANGELOG.md", "CHANGELOG.md", true},
        Case{"/CHANGELOG.md", "sub/CHANGELOG.md", false}, Case{"CHANGELOG.md", "sub/CHANGELOG.md", true},
        // ** is any number of folders, including none.
        Case{"docs/**/*.md", "docs/a.md", true}, Case{"docs/**/*.md", "docs/x/y/a.md", true},
        Case{"docs/**", "docs/x/y/a.md", true}, Case{"docs/**", "docsx/a.md", false},
        Case{"**/macros/*.txt", "support/macros/a.txt", true}, Case{"**/macros/*.txt", "macros/a.txt", true},
        Case{"a**b", "axxb", true}, Case{"a**b", "ax/xb", false},  // not a whole segment: a plain star
        // ? and classes take one character, never a slash; non-ASCII counts as one.
        Case{"?.md", "a.md", true}, Case{"?.md", "ab.md", false}, Case{"?.md", "あ.md", true},
        Case{"[a-c].md", "b.md", true}, Case{"[a-c].md", "d.md", false}, Case{"[!a-c].md", "d.md", true},
        Case{"[]x].md", "].md", true}, Case{"お知らせ/*.md", "お知らせ/2026.md", true},
        Case{"*", "a/b", true},  // bare: matches the name "b" at depth 1
        // Alternatives, nested too.
        Case{"*.{md,txt}", "a.txt", true}, Case{"*.{md,txt}", "a.html", false},
        Case{"{docs,blog/{ja,en}}/*.md", "blog/ja/a.md", true}, Case{"{docs,blog/{ja,en}}/*.md", "blog/fr/a.md", false},
        // Escapes make wildcards literal.
        Case{"\\*.md", "*.md", true}, Case{"\\*.md", "a.md", false}));

TEST(GlobErrorsTest, BadPatternsAreErrors) {
  EXPECT_FALSE(Glob::compile("[abc").ok());
  EXPECT_FALSE(Glob::compile("{a,b").ok());
  EXPECT_FALSE(Glob::compile("").ok());
  // 2^9 alternatives is past the limit.
  EXPECT_FALSE(Glob::compile("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}").ok());
}

TEST(GlobFoldersTest, TrailingSlashMatchesFoldersAndWhatTheyHold) {
  auto glob = Glob::compile("build/");
  ASSERT_TRUE(glob.ok());
  EXPECT_TRUE(glob->directory_only());
  EXPECT_FALSE(glob->matches("build"));
  EXPECT_TRUE(glob->matches("build", /*is_directory=*/true));
  EXPECT_TRUE(glob->matches_path_or_parent("build/x/y.md"));
  EXPECT_TRUE(glob->matches_path_or_parent("sub/build/y.md"));  // no inner slash: any depth
  auto bare = Glob::compile("node_modules");
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(bare->matches_path_or_parent("web/node_modules/pkg/README.md"));
  EXPECT_FALSE(bare->matches_path_or_parent("web/node_modules2/README.md"));
}

TEST(GlobSpeedTest, NoBacktrackingBlowUp) {
  // A pattern that takes exponential time in a naive backtracking matcher.
  auto glob = Glob::compile("a*a*a*a*a*a*a*a*a*a*a*a*b");
  ASSERT_TRUE(glob.ok());
  EXPECT_FALSE(glob->matches(std::string(5000, 'a')));
  auto folders = Glob::compile("**/**/**/**/**/**/x");
  ASSERT_TRUE(folders.ok());
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "d/";
  EXPECT_FALSE(folders->matches(deep + "y"));
  EXPECT_TRUE(folders->matches(deep + "x"));
}

}  // namespace
}  // namespace tonelint
