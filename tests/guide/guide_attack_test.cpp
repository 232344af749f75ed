// Guides from the outside attack battery (issue 13): a long `extends:` chain, validation
// gaps, word files that are FIFOs or devices, and what loads of one run share.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/repo_config.h"
#include "guide/guide_cache.h"
#include "lint/session_lru.h"
#include "load/guide_loader.h"
#include "rules/capitalization.h"
#include "test_support.h"
#include "util/yaml_depth.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

std::string describe(const std::vector<Status>& errors) {
  std::string out;
  for (const Status& s : errors) out += "  " + s.to_string() + "\n";
  return out;
}

class GuideAttackTest : public testing::ScratchDirTest {
 protected:
  // g0.yaml extends g1.yaml ... extends g{n-1}.yaml, which has one rule: n guides.
  std::string write_chain(std::size_t n) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
      write("g" + std::to_string(i) + ".yaml",
            "guide: g" + std::to_string(i) + "\nextends: g" + std::to_string(i + 1) + ".yaml\n");
    }
    write("g" + std::to_string(n - 1) + ".yaml",
          "guide: base\nrules:\n  - {id: r, kind: existence, words: [foo], message: m}\n");
    return (dir_ / "g0.yaml").string();
  }

  GuideLoad load_rule(const std::string& rule_fields) {
    return load_guide_text("guide: g\nrules:\n  - {id: r, kind: existence, message: m, " + rule_fields + "}\n",
                           (dir_ / "g.yaml").string());
  }
};

// ---- item 3: the depth of an `extends:` chain -----------------------------------------

TEST_F(GuideAttackTest, ChainOf64GuidesLoads) {
  const GuideLoad load = load_guide_file(write_chain(kMaxExtendsDepth));
  ASSERT_TRUE(load.ok()) << describe(load.errors);
  EXPECT_EQ(load.guide->id, "g0");
  ASSERT_EQ(load.guide->rules.size(), 1u);
  EXPECT_EQ(load.guide->rules[0].id, "r");
}

TEST_F(GuideAttackTest, ChainOf65GuidesIsRefusedAtTheExtendsThatGoesTooDeep) {
  const GuideLoad load = load_guide_file(write_chain(kMaxExtendsDepth + 1));
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  const Status& deep = load.errors[0];
  EXPECT_EQ(deep.location().path, (dir_ / "g63.yaml").string());
  EXPECT_EQ(deep.location().line, 2u);
  EXPECT_EQ(deep.location().column, 10u);
  EXPECT_NE(deep.message().find("'extends' chain is longer than 64 guides: "), std::string::npos) << deep.message();
  // The chain, abbreviated: its first files, how many are left out, its last.
  EXPECT_NE(deep.message().find((dir_ / "g0.yaml").string() + " → "), std::string::npos) << deep.message();
  EXPECT_NE(deep.message().find("(59 more)"), std::string::npos) << deep.message();
  EXPECT_NE(deep.message().find("g63.yaml → " + (dir_ / "g64.yaml").string()), std::string::npos) << deep.message();
  EXPECT_EQ(load.errors[1].location().path, (dir_ / "g0.yaml").string());
  EXPECT_EQ(load.errors[1].location().line, 2u);
  EXPECT_EQ(load.errors[1].message(), "the guide this one extends (g1.yaml) has errors");
}

// Any chain longer than the bound stops at the same place, having read 65 files: the loader
// never follows more. (The CLI test runs a chain of 3,000, which used to crash.)
TEST_F(GuideAttackTest, LongerChainStopsAtTheSamePlace) {
  const GuideLoad load = load_guide_file(write_chain(300));
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().path, (dir_ / "g63.yaml").string());
  EXPECT_NE(load.errors[0].message().find("longer than 64 guides"), std::string::npos);
}

// The fuzz harness's way to reach the bound from one input: every file the chain names is
// the same text, one folder deeper.
TEST_F(GuideAttackTest, InMemoryChainReachesTheBound) {
  const std::string text = "guide: g\nextends: a/guide.yaml\n";
  int reads = 0;
  const GuideReader same_text = [&](const std::string&) -> Result<std::string> {
    ++reads;
    return text;
  };
  const GuideLoad load = load_guide_text(text, "/nowhere/guide.yaml", nullptr, same_text);
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(reads, 63);
  std::string deepest = "/nowhere";
  for (int i = 0; i < 63; ++i) deepest += "/a";
  EXPECT_EQ(load.errors[0].location().path, deepest + "/guide.yaml");  // the 64th file
  EXPECT_NE(load.errors[0].message().find("longer than 64 guides"), std::string::npos);
}

TEST_F(GuideAttackTest, CycleIsStillACycle) {
  write("a.yaml", "guide: a\nextends: b.yaml\n");
  write("b.yaml", "guide: b\nextends: c.yaml\n");
  write("c.yaml", "guide: c\nextends: a.yaml\n");
  const GuideLoad load = load_guide_file((dir_ / "a.yaml").string());
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().path, (dir_ / "c.yaml").string());
  EXPECT_EQ(load.errors[0].message(), "'extends' makes a cycle: a.yaml already extends this guide");
}

// ---- item 22: what the loader refuses, each at file:line:column ---------------------------

struct RefusedCase {
  const char* name;
  std::string fields;     // of the rule on line 3, which starts at column 5
  std::uint32_t column;   // of the offending value
  std::string message;    // a substring of the error
};

void PrintTo(const RefusedCase& c, std::ostream* os) { *os << c.name; }

class GuideRefusedTest : public GuideAttackTest, public ::testing::WithParamInterface<RefusedCase> {};

TEST_P(GuideRefusedTest, IsALoadErrorAtItsPlace) {
  const RefusedCase& c = GetParam();
  // "  - {id: r, kind: existence, message: m, " is 41 columns: fields start at column 42.
  const GuideLoad load = load_rule(c.fields);
  ASSERT_FALSE(load.ok()) << c.name;
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.location().path, (dir_ / "g.yaml").string());
  EXPECT_EQ(e.location().line, 3u);
  EXPECT_EQ(e.location().column, c.column) << e.to_string();
  EXPECT_NE(e.message().find(c.message), std::string::npos) << e.to_string();
}

INSTANTIATE_TEST_SUITE_P(
    Rules, GuideRefusedTest,
    ::testing::Values(
        RefusedCase{"NegativeMax", "words: [a], max: -1", 59, "'max' must be a number from 0 to 1000000000, not '-1'"},
        RefusedCase{"OverflowingMax", "words: [a], max: 99999999999999999999", 59,
                    "'max' must be a number from 0 to 1000000000, not '99999999999999999999'"},
        RefusedCase{"NegativeMin", "words: [a], min: -0.5", 59, "'min' must be a number from 0"},
        RefusedCase{"InfiniteMax", "words: [a], max: .inf", 59, "'max' must be a number from 0"},
        RefusedCase{"EmptyWord", "words: [\"\"]", 50, "empty entry in 'words'"},
        RefusedCase{"BlankWord", "words: [ok, \"  \"]", 54, "empty entry in 'words'"},
        RefusedCase{"IdeographicSpaceWord", "words: [\"\u3000\"]", 50, "empty entry in 'words'"},
        RefusedCase{"EmptyUnless", "words: [a], unless: [\"\"]", 63, "empty entry in 'unless'"},
        RefusedCase{"NulInWord", "words: [\"a\\0b\"]", 50, "'words' contains a NUL character"},
        RefusedCase{"NulInUnless", "words: [a], unless: \"x\\0\"", 62, "'unless' contains a NUL character"}));

TEST_F(GuideAttackTest, EmptyRuleIdIsRefused) {
  const GuideLoad load = load_guide_text("guide: g\nrules:\n  - {id: \"\", kind: existence, words: [a], message: m}\n",
                                         (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 3u);
  EXPECT_EQ(load.errors[0].location().column, 10u);
  EXPECT_EQ(load.errors[0].message(), "rules[0] has an empty 'id'");
}

TEST_F(GuideAttackTest, UnknownLanguageCodeIsRefused) {
  const GuideLoad load = load_guide_text("guide: g\nlanguages: [ja, eng]\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 2u);
  EXPECT_EQ(load.errors[0].location().column, 17u);
  EXPECT_EQ(load.errors[0].message(), "unknown language code 'eng' (did you mean 'en'?); expected one of: ja, en");
}

TEST_F(GuideAttackTest, UnknownPlaceholderIsRefused) {
  const GuideLoad load = load_guide_text(
      "guide: g\nrules:\n  - id: r\n    kind: existence\n    words: [a]\n    message: \"Write {too} not {match}\"\n",
      (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 6u);
  EXPECT_EQ(load.errors[0].location().column, 14u);
  EXPECT_EQ(load.errors[0].message(),
            "unknown placeholder '{too}' in 'message' (did you mean '{to}'?); placeholders are {match}, {max}, {min}, "
            "{to}, {count}, {value}, {expected}");
}

TEST_F(GuideAttackTest, UnclosedPlaceholderIsRefused) {
  const GuideLoad load = load_guide_text(
      "guide: g\nrules:\n  - id: r\n    kind: existence\n    words: [a]\n    message: \"Not '{match'\"\n",
      (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 6u);
  EXPECT_NE(load.errors[0].message().find("unclosed '{' in 'message' (at character 6)"), std::string::npos)
      << load.errors[0].message();
}

TEST_F(GuideAttackTest, EveryPlaceholderTheRulesFillIsAccepted) {
  const GuideLoad tone = load_guide_text(
      "guide: g\ncontexts: {channel: [email]}\nrules:\n  - {id: r, kind: occurrence, words: [a], max: 1, "
      "message: \"{match} {max} {min} {to} {count} {value} {expected}\"}\ntones:\n  - when: {channel: email}\n"
      "    set:\n      r: {message: \"{count} of {max}\"}\n",
      (dir_ / "g.yaml").string());
  EXPECT_TRUE(tone.ok()) << describe(tone.errors);
}

TEST_F(GuideAttackTest, ToneOverridesAreCheckedToo) {
  const GuideLoad load = load_guide_text(
      "guide: g\ncontexts: {channel: [email]}\nrules:\n  - {id: r, kind: occurrence, words: [a], max: 1, message: m}\n"
      "tones:\n  - when: {channel: email}\n    set:\n      r: {max: -3, message: \"{nope}\"}\n",
      (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 8u);
  EXPECT_EQ(load.errors[0].location().column, 16u);
  EXPECT_NE(load.errors[0].message().find("'max' must be a number from 0"), std::string::npos);
  EXPECT_EQ(load.errors[1].location().column, 29u);
  EXPECT_NE(load.errors[1].message().find("unknown placeholder '{nope}'"), std::string::npos);
}

TEST_F(GuideAttackTest, CountsMustBeWholeAndPositive) {
  const GuideLoad load = load_guide_text(
      "guide: g\nrules:\n  - {id: c, kind: capitalization, message: m, min_length: 0, max_words: 2.5}\n",
      (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_NE(load.errors[0].message().find("'min_length' must be a whole number from 1"), std::string::npos);
  EXPECT_NE(load.errors[1].message().find("'max_words' must be a whole number from 1"), std::string::npos);
}

TEST_F(GuideAttackTest, DeeplyNestedGuideSaysSo) {
  const GuideLoad load =
      load_guide_text("guide: g\nrules: " + std::string(1000, '[') + std::string(1000, ']') + "\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 2u);
  EXPECT_EQ(load.errors[0].location().column, 107u);  // the 100th '[' after "rules: ", in a mapping
  EXPECT_NE(load.errors[0].message().find("nested more than 100 levels deep"), std::string::npos)
      << load.errors[0].message();
}

TEST_F(GuideAttackTest, DeeplyNestedConfigSaysSo) {
  std::string deep;
  for (int i = 0; i < 600; ++i) deep += std::string(i, ' ') + "k:\n";
  auto config = RepoConfig::parse(deep, dir_ / ".tonelint.yaml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().location().line, 101u) << config.status().to_string();  // the 101st level
  EXPECT_NE(config.status().message().find("nested more than 100 levels deep"), std::string::npos)
      << config.status().to_string();
}

TEST(YamlNestingTest, CountsFlowBlockAndSequenceNesting) {
  EXPECT_FALSE(find_yaml_nesting_beyond("a: [[1]]\nb: {c: [d]}\n", 3).has_value());
  EXPECT_TRUE(find_yaml_nesting_beyond("a: [[[1]]]\n", 3).has_value());
  EXPECT_TRUE(find_yaml_nesting_beyond("a:\n  b:\n    c:\n      d: 1\n", 3).has_value());
  EXPECT_TRUE(find_yaml_nesting_beyond("- - - - x\n", 3).has_value());
  // Brackets in quotes and comments, and a block scalar's indented text, are not structure.
  EXPECT_FALSE(find_yaml_nesting_beyond("a: \"[[[[\"  # [[[[\nb: '{{{{'\n", 3).has_value());
  EXPECT_FALSE(find_yaml_nesting_beyond("a: |\n  x\n    y\n      z\n        w\nb: 1\n", 3).has_value());
  const auto at = find_yaml_nesting_beyond("ok: 1\nx: [[[[1]]]]\n", 3);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->line, 1);
  EXPECT_EQ(at->column, 5);  // the third '[' (0-based column), inside the mapping: four levels
}

TEST_F(GuideAttackTest, ShippedGuideLoads) {
  const GuideLoad load = load_guide_file(std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml");
  EXPECT_TRUE(load.ok()) << describe(load.errors);
}

// ---- items 18 and 19: word files and guides that are not regular files ---------------------

TEST_F(GuideAttackTest, LexiconThatIsADeviceIsRefusedByType) {
  const GuideLoad load = load_guide_text(
      "guide: g\nrules:\n  - {id: c, kind: capitalization, message: m, lexicon: /dev/urandom}\n",
      (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().line, 3u);
  EXPECT_EQ(load.errors[0].location().column, 56u);
  EXPECT_NE(load.errors[0].message().find("lexicon is a character device, not a regular file"), std::string::npos)
      << load.errors[0].message();
}

TEST_F(GuideAttackTest, WordFilesAndGuidesThatAreFifosAreRefusedWithoutBlocking) {
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  const GuideLoad lexicon = load_guide_text(
      "guide: g\nrules:\n  - {id: c, kind: capitalization, message: m, lexicon: fifo}\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(lexicon.errors.size(), 1u) << describe(lexicon.errors);
  EXPECT_NE(lexicon.errors[0].message().find("lexicon is a FIFO"), std::string::npos);
  const GuideLoad dictionary = load_guide_text(
      "guide: g\nrules:\n  - {id: e, kind: existence, message: m, dictionary: fifo}\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(dictionary.errors.size(), 1u) << describe(dictionary.errors);
  EXPECT_NE(dictionary.errors[0].message().find("dictionary is a FIFO"), std::string::npos);
  const GuideLoad guide = load_guide_file((dir_ / "fifo").string());
  ASSERT_EQ(guide.errors.size(), 1u) << describe(guide.errors);
  EXPECT_EQ(guide.errors[0].message(), "guide is a FIFO, not a regular file");
  const GuideLoad base = load_guide_text("guide: g\nextends: fifo\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(base.errors.size(), 2u) << describe(base.errors);
  EXPECT_EQ(base.errors[0].message(), "guide is a FIFO, not a regular file");
  EXPECT_EQ(base.errors[0].location().path, (dir_ / "fifo").string());
}

TEST_F(GuideAttackTest, WordFileLinesAreBounded) {
  write("long.txt", "fine\n" + std::string(kMaxWordLineBytes + 1, 'a') + "\n");
  const GuideLoad load = load_guide_text(
      "guide: g\nrules:\n  - {id: c, kind: capitalization, message: m, lexicon: long.txt}\n", (dir_ / "g.yaml").string());
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().path, (dir_ / "long.txt").string());
  EXPECT_EQ(load.errors[0].location().line, 2u);
  EXPECT_NE(load.errors[0].message().find("lexicon line of 4097 bytes exceeds the limit of 4096 bytes"),
            std::string::npos);
}

// ---- item 17: what the guides of one run share -------------------------------------------

TEST_F(GuideAttackTest, GuidesExtendingOneBaseShareItAndItsLexicon) {
  write("words.txt", "huge\nloud\nName\n");
  write("base.yaml",
        "guide: base\nrules:\n  - {id: a, kind: capitalization, message: m, lexicon: words.txt}\n"
        "  - {id: b, kind: capitalization, message: m, lexicon: words.txt}\n");
  fs::create_directories(dir_ / "t1");
  fs::create_directories(dir_ / "t2");
  write("t1/team.yaml", "guide: t1\nextends: ../base.yaml\n");
  write("t2/team.yaml", "guide: t2\nextends: ../base.yaml\n");
  GuideCache cache;
  const GuideLoad one = load_guide_file((dir_ / "t1/team.yaml").string(), &cache);
  const GuideLoad two = load_guide_file((dir_ / "t2/team.yaml").string(), &cache);
  ASSERT_TRUE(one.ok()) << describe(one.errors);
  ASSERT_TRUE(two.ok()) << describe(two.errors);
  EXPECT_EQ(cache.guide_count(), 3u);    // the base once, and each team guide
  EXPECT_EQ(cache.lexicon_count(), 1u);  // one word list, named twice, read for both teams once
  ASSERT_EQ(one.guide->rules.size(), 2u);
  EXPECT_EQ(capitalization_lexicon(one.guide->rules[0]), capitalization_lexicon(two.guide->rules[1]));
  EXPECT_EQ(capitalization_lexicon(one.guide->rules[0])->count("huge"), 1u);
  EXPECT_EQ(capitalization_lexicon(one.guide->rules[0])->count("Name"), 0u);
  // Loading a team guide again is a cache hit: the very same guide.
  const GuideLoad again = load_guide_file((dir_ / "t1/team.yaml").string(), &cache);
  EXPECT_EQ(again.guide, one.guide);
  // A changed base is a different guide.
  write("base.yaml", "guide: base\nrules:\n  - {id: c, kind: capitalization, message: m}\n");
  const GuideLoad changed = load_guide_file((dir_ / "t1/team.yaml").string(), &cache);
  ASSERT_TRUE(changed.ok()) << describe(changed.errors);
  EXPECT_NE(changed.guide, one.guide);
  ASSERT_EQ(changed.guide->rules.size(), 1u);
  EXPECT_EQ(changed.guide->rules[0].id, "c");
}

TEST_F(GuideAttackTest, SessionLruKeepsAtMostItsCapacity) {
  auto model = testing::shared_model();
  ASSERT_TRUE(model);
  std::vector<std::shared_ptr<const Guide>> guides;
  for (int i = 0; i < 5; ++i) {
    GuideLoad load = load_guide_text("guide: g" + std::to_string(i) + "\n", (dir_ / "g.yaml").string());
    ASSERT_TRUE(load.ok()) << describe(load.errors);
    guides.push_back(load.guide);
  }
  SessionLru sessions(2);
  int made = 0;
  auto get = [&](int i) {
    auto session = sessions.get(guides[i].get(), [&] {
      ++made;
      return LintSession::create(guides[i], model);
    });
    EXPECT_TRUE(session.ok());
    return session.ok() ? *session : nullptr;
  };
  LintSession* first = get(0);
  EXPECT_EQ(get(0), first);  // found again, not made again
  get(1);
  get(2);  // drops the least recently used: guide 0
  EXPECT_EQ(sessions.size(), 2u);
  EXPECT_EQ(made, 3);
  get(2);
  get(1);
  EXPECT_EQ(made, 3);
  get(0);
  EXPECT_EQ(made, 4);
  EXPECT_EQ(sessions.size(), 2u);
}

}  // namespace
}  // namespace tonelint
