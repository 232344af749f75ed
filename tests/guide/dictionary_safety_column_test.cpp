// A substitution dictionary's optional third column: `unsafe` marks a rewrite that may
// change a fact; anything else there is an error at its line and column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "load/guide_loader.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

GuideLoad load_with_dictionary(const std::string& lines) {
  const fs::path dir = fs::temp_directory_path() / ("tonelint-dict-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "swaps.tsv") << lines;
  std::ofstream(dir / "g.yaml") << "guide: g\ncontexts: {channel: [email]}\nrules:\n"
                                   "  - {id: s, kind: substitution, lang: en, message: m, dictionary: swaps.tsv}\n";
  GuideLoad load = load_guide_file((dir / "g.yaml").string());
  fs::remove_all(dir);
  return load;
}

TEST(DictionarySafetyColumnTest, UnsafeMarksThatPairOnly) {
  GuideLoad load = load_with_dictionary("master branch\tmain branch\tunsafe\nguys\teveryone\nblacklist\tblocklist\tsafe\n");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  const Rule& rule = load.guide->rules.front();
  ASSERT_EQ(rule.swap.size(), 3u);
  EXPECT_EQ(rule.swap[0].second, "main branch");
  EXPECT_EQ(rule.swap[2].second, "blocklist");
  EXPECT_EQ(rule.unsafe_swaps, std::vector<std::size_t>{0});
}

TEST(DictionarySafetyColumnTest, AnUnknownThirdColumnIsAnErrorAtItsColumn) {
  GuideLoad load = load_with_dictionary("guys\teveryone\nmaster branch\tmain branch\tmaybe\n");
  ASSERT_FALSE(load.ok());
  const Status& error = load.errors.front();
  EXPECT_NE(error.message().find("'safe' or 'unsafe', not 'maybe'"), std::string::npos) << error.to_string();
  EXPECT_EQ(error.location().line, 2u);
  EXPECT_EQ(error.location().column, 27u);
}

}  // namespace
}  // namespace tonelint
