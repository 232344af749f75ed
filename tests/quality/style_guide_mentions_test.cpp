// A style guide of our own (tests/fixtures/lint/style-guide.md) checked with the shipped
// guide: the words it lists, tabulates, quotes or names as words to avoid are mentions and
// give no finding; the same words in its example replies are reported.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/checker.h"

namespace tonelint {
namespace {

TEST(StyleGuideMentionsTest, WordsToAvoidAreMentionedAndTheSameWordsInProseAreReported) {
  auto checker = Checker::create(api_test::shipped());
  ASSERT_TRUE(checker.ok()) << checker.status().to_string();
  const std::string path = std::string(TONELINT_TEST_DATA) + "/lint/style-guide.md";
  const std::string text = testing::read_file(path);
  ASSERT_FALSE(text.empty()) << path;
  CheckOptions options;
  options.filename = path;
  auto result = checker->check(text, options);
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  std::set<std::pair<std::uint32_t, std::string>> found;
  for (const Finding& f : result->findings) found.emplace(f.line, f.rule + " " + f.match);
  const std::set<std::pair<std::uint32_t, std::string>> expected = {
      {22, "tonelint.shouchi 了解しました"},
      {41, "tonelint.casual-en Hey"},
      {41, "tonelint.plain-words utilize"},
  };
  EXPECT_EQ(found, expected);
}

}  // namespace
}  // namespace tonelint
