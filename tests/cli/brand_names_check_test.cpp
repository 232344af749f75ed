// Brand and product names of the shipped user dictionary (dictionaries/brand-names.csv,
// compiled by the build next to the binary) are never flagged by `tonelint check`, while
// the same words outside a name still are. TONELINT_USER_DIC= (empty) runs without it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/brand_guide.yaml";

using testing::ScopedEnv;

struct Finding {
  std::string rule;
  std::string match;
  std::string message;
};

std::vector<Finding> check(const std::string& text, int* exit_code = nullptr, const std::string& guide = kGuide) {
  auto r = run_tonelint("check --guide " + guide + " --format json -", text);
  if (exit_code != nullptr) *exit_code = r.exit_code;
  std::vector<Finding> out;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << r.out << r.err;
    return out;
  }
  for (const auto& d : j["files"][0]["diagnostics"]) {
    out.push_back(Finding{d["rule"].get<std::string>(), d["match"].get<std::string>(), d["message"].get<std::string>()});
  }
  return out;
}

// "rule:match" of each finding, sorted (findings at one offset may come in any order).
std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule + ":" + f.match);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BrandNamesCheckTest, EnglishNamesAreNotFlagged) {
  int exit_code = -1;
  EXPECT_TRUE(check("Try Simply Sync and EASY Backup today.\n", &exit_code).empty());
  EXPECT_EQ(exit_code, 0);
}

TEST(BrandNamesCheckTest, WithoutTheDictionaryTheSameNamesAreFlagged) {
  ScopedEnv none("TONELINT_USER_DIC", "");
  int exit_code = -1;
  const auto findings = check("Try Simply Sync and EASY Backup today.\n", &exit_code);
  EXPECT_EQ(exit_code, 1);
  // "EASY" beside the capitalized "Backup" still reads as part of a name: not shouting, and
  // never lower-cased, whatever the install.
  EXPECT_EQ(rules_of(findings), (std::vector<std::string>{"brands.condescending:EASY", "brands.condescending:Simply"}));
}

TEST(BrandNamesCheckTest, TheWordOutsideANameIsStillFlagged) {
  EXPECT_EQ(rules_of(check("Simply Sync is set up. Now simply restart your phone.\n")),
            (std::vector<std::string>{"brands.condescending:simply"}));
  EXPECT_EQ(rules_of(check("Simply restart the app.\n")), (std::vector<std::string>{"brands.condescending:Simply"}));
  // Written in lower case, "simply sync" is prose, not the product.
  EXPECT_EQ(rules_of(check("You simply sync your phone.\n")), (std::vector<std::string>{"brands.condescending:simply"}));
  // SHOUTING around a name is still shouting; the name itself is not.
  EXPECT_EQ(rules_of(check("PLEASE CHECK EASY Backup.\n")),
            (std::vector<std::string>{"brands.shouting:PLEASE CHECK"}));
}

TEST(BrandNamesCheckTest, JapaneseNamesAreNotFlagged) {
  int exit_code = -1;
  EXPECT_TRUE(check("ミナトクラウドとスマートレシートをご利用ください。\n", &exit_code).empty());
  EXPECT_EQ(exit_code, 0);
  // The words themselves still are.
  EXPECT_EQ(rules_of(check("クラウドに保存するスマートな方法です。\n")),
            (std::vector<std::string>{"brands.katakana-cloud:クラウド", "brands.smart:スマート"}));
}

TEST(BrandNamesCheckTest, WithoutTheDictionaryJapaneseNamesAreFlagged) {
  ScopedEnv none("TONELINT_USER_DIC", "");
  EXPECT_EQ(rules_of(check("ミナトクラウドとスマートレシートをご利用ください。\n")),
            (std::vector<std::string>{"brands.katakana-cloud:クラウド", "brands.smart:スマート"}));
}

TEST(BrandNamesCheckTest, MixedSentencesAndMarkdown) {
  EXPECT_TRUE(check("Simply Syncの設定はミナトPayから。EASY Backupも使えます。\n").empty());
  auto r = run_tonelint("check --guide " + kGuide + " --format json --stdin-filename draft.md -",
                        "# Simply Sync\n\nTurn on **EASY Backup** and\nMinato Cloud keeps a copy.\n");
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out << r.err;
  EXPECT_TRUE(j["files"][0]["diagnostics"].empty()) << r.out;
}

TEST(BrandNamesCheckTest, NamesCountAsTheirWordsInSentenceLength) {
  // Simply Sync (2) and (1) EASY Backup (2) and (1) Minato Cloud (2) work (1) well (1).
  const std::string guide = std::string(TONELINT_TEST_DATA) + "/cli/brand_metric_guide.yaml";
  const auto findings = check("Simply Sync and EASY Backup and Minato Cloud work well.\n", nullptr, guide);
  ASSERT_EQ(findings.size(), 1u) << ::testing::PrintToString(rules_of(findings));
  EXPECT_EQ(findings[0].rule, "brand-metric.long-sentence");
  EXPECT_EQ(findings[0].message, "10 words (max 8).");
}

TEST(BrandNamesCheckTest, GuideExamplesWithNamesPass) {
  auto r = run_tonelint("test --guide " + kGuide);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ScopedEnv none("TONELINT_USER_DIC", "");
  EXPECT_EQ(run_tonelint("test --guide " + kGuide).exit_code, 1);  // the good examples have names
}

TEST(BrandNamesCheckTest, TokensPrintTheNameKind) {
  auto r = run_tonelint("tokens -", "Try Simply Sync.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\tname\ten\tSimply Sync\tnorm=simply sync"), std::string::npos) << r.out;
  auto j = run_tonelint("tokens --format json -", "ミナトクラウドです。\n");
  const auto json = nlohmann::json::parse(j.out, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << j.out << j.err;
  const auto& token = json["files"][0]["sentences"][0]["tokens"][0];
  EXPECT_EQ(token["kind"], "name");
  EXPECT_EQ(token["surface"], "ミナトクラウド");
  EXPECT_EQ(token["pos3"], "ブランド");
}

TEST(BrandNamesCheckTest, AMissingOrBrokenUserDictionaryStopsTheRun) {
  {
    ScopedEnv missing("TONELINT_USER_DIC", "/nonexistent/names.dic");
    auto r = run_tonelint("check --guide " + kGuide + " -", "Hello.\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("/nonexistent/names.dic"), std::string::npos) << r.err;
  }
  const std::string broken = ::testing::TempDir() + "broken-names.dic";
  std::ofstream(broken, std::ios::binary) << "ミナトクラウド,1288,1288,-1500,名詞\n";
  ScopedEnv bad("TONELINT_USER_DIC", broken);
  auto r = run_tonelint("tokens -", "Hello.\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(broken), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a usable MeCab user dictionary"), std::string::npos) << r.err;
}

TEST(BrandNamesCheckTest, TheEnvironmentNamesTheDictionaries) {
  // The shipped dictionary named explicitly behaves as the default.
  ScopedEnv shipped("TONELINT_USER_DIC", TONELINT_BRAND_DIC);
  EXPECT_TRUE(check("Try Simply Sync and EASY Backup today.\n").empty());
}

// A rule's phrase may contain a name: it matches that name, and only where it is the name.
TEST(BrandNamesCheckTest, PhrasesMayContainNames) {
  auto rules_of = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.rule + ":" + f.match);
    return out;
  };
  EXPECT_EQ(rules_of(check("The Minato Cloud outage is over.\n")),
            (std::vector<std::string>{"brands.outage-named:Minato Cloud outage"}));
  EXPECT_EQ(rules_of(check("ミナトクラウドの障害は復旧しました。\n")),
            (std::vector<std::string>{"brands.outage-named:ミナトクラウドの障害"}));
  EXPECT_TRUE(check("The outage is over. Minato Cloud works again.\n").empty());
}

}  // namespace
}  // namespace tonelint
