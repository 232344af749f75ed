// The public guide-test API (tonelint/guide_test.h): each rule against its own examples,
// per-rule results, and the text `tonelint test` prints.
#include <gtest/gtest.h>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/guide_test.h"

namespace tonelint {
namespace {

const RuleTestResult* find_result(const GuideTestReport& report, const std::string& id) {
  for (const RuleTestResult& r : report.rules) {
    if (r.rule == id) return &r;
  }
  return nullptr;
}

TEST(GuideTestApi, PerRuleOutcomes) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto report = test_guide(*guide, api_test::dictionaries());
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->guide, "helpdesk");
  ASSERT_EQ(report->rules.size(), 4u);
  EXPECT_EQ(report->passed(), 2u);
  EXPECT_EQ(report->failed(), 1u);
  EXPECT_EQ(report->without_examples(), 1u);

  const RuleTestResult* sumimasen = find_result(*report, "helpdesk.sumimasen");
  ASSERT_NE(sumimasen, nullptr);
  EXPECT_EQ(sumimasen->outcome, RuleTestOutcome::kPassed);
  EXPECT_EQ(sumimasen->examples, 2u);

  // hype's good example is full of '!', which bang (in force in the same context) reports.
  const RuleTestResult* hype = find_result(*report, "helpdesk.hype");
  ASSERT_NE(hype, nullptr);
  EXPECT_EQ(hype->outcome, RuleTestOutcome::kFailed);
  EXPECT_EQ(hype->path, guide->path());
  EXPECT_GT(hype->line, 0u);
  ASSERT_EQ(hype->failures.size(), 1u);
  EXPECT_FALSE(hype->failures[0].bad);
  EXPECT_EQ(hype->failures[0].example, "Fixed!!! Fixed!!!");
  EXPECT_EQ(hype->failures[0].problem.rfind("good example reported by helpdesk.bang: \"", 0), 0u)
      << hype->failures[0].problem;

  const RuleTestResult* quiet = find_result(*report, "helpdesk.quiet");
  ASSERT_NE(quiet, nullptr);
  EXPECT_EQ(quiet->outcome, RuleTestOutcome::kNoExamples);
}

TEST(GuideTestApi, ABadExampleNotReported) {
  const std::string path = api_test::write_file("lenient.yaml", R"(guide: lenient
languages: [ja, en]
rules:
  - id: keigo
    kind: existence
    lang: ja
    message: "「{match}」は避けます。"
    words: [ご査収]
    level_why: "Only a test."
    examples:
      bad: ["資料をお送りします。"]
      good: ["資料をお送りします。ご確認ください。"]
)");
  GuideFileLoad load = GuideFile::load(path);
  ASSERT_TRUE(load.ok());
  auto report = test_guide(*load.guide, api_test::dictionaries());
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  ASSERT_EQ(report->rules.size(), 1u);
  const RuleTestResult& keigo = report->rules[0];
  EXPECT_EQ(keigo.outcome, RuleTestOutcome::kFailed);
  ASSERT_EQ(keigo.failures.size(), 1u);
  EXPECT_TRUE(keigo.failures[0].bad);
  EXPECT_EQ(keigo.failures[0].problem, "bad example not reported");
  EXPECT_EQ(to_text(*report), "✗ lenient.keigo (" + path + ":4)\n    bad example not reported: \"資料をお送りします。\"\n"
                              "0 passed, 1 failed\n");
}

// A level without a reason is listed (a rule's own, a tone's `set:`) but fails nothing.
TEST(GuideTestApi, LevelsWithoutAReasonAreListed) {
  const std::string path = api_test::write_file("unreasoned.yaml", R"(guide: unreasoned
languages: [en]
contexts:
  emotion: [calm, angry]
rules:
  - id: bang
    kind: occurrence
    level_why: "Several '!' read as shouting."
    message: "At most {max} '!'."
    regex: ["!"]
    max: 1
    examples: {bad: ["Done! Thanks!"], good: ["Done, thanks!"]}
  - id: hype
    kind: existence
    message: "Drop '{match}'."
    words: [amazing]
    examples: {bad: ["An amazing fix."], good: ["A good fix."]}
tones:
  - when: {emotion: angry}
    set:
      bang: {max: 0, level: error}
      hype: {level: error, level_why: "Hype mocks an angry reader."}
)");
  GuideFileLoad load = GuideFile::load(path);
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  auto report = test_guide(*load.guide, api_test::dictionaries());
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->failed(), 0u) << to_text(*report);
  ASSERT_EQ(report->without_level_reason.size(), 2u);
  EXPECT_EQ(report->without_level_reason[0].rule, "unreasoned.hype");
  EXPECT_EQ(report->without_level_reason[0].entry, "rules[1]");
  EXPECT_EQ(report->without_level_reason[0].line, 13u);
  EXPECT_EQ(report->without_level_reason[1].rule, "unreasoned.bang");
  EXPECT_EQ(report->without_level_reason[1].entry, "tones[0]");
  EXPECT_EQ(report->without_level_reason[1].line, 21u);
  const std::string text = to_text(*report);
  EXPECT_NE(text.find("? unreasoned.hype: no level reason (rules[1], " + path + ":13)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("? unreasoned.bang: no level reason (tones[0], " + path + ":21)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("2 passed, 0 failed, 2 levels without a reason\n"), std::string::npos) << text;
  const auto cli = testing::run_tonelint("test --guide " + path);
  EXPECT_EQ(cli.exit_code, 0) << cli.err;  // a missing reason is not a failure
  EXPECT_EQ(cli.out, text);
}

TEST(GuideTestApi, NoDictionariesIsAnError) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto report = test_guide(*guide, nullptr);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), ErrorCode::kInvalidArgument);
}

TEST(GuideTestApi, TextIsWhatTestPrints) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto report = test_guide(*guide, api_test::dictionaries());
  ASSERT_TRUE(report.ok());
  const auto cli = testing::run_tonelint("test --guide " + guide->path());
  EXPECT_EQ(cli.exit_code, 1) << cli.err;
  EXPECT_EQ(to_text(*report), cli.out);
  EXPECT_NE(cli.out.find("✓ helpdesk.sumimasen (2 examples)\n"), std::string::npos) << cli.out;
  // Four rules and one tone's level, none with a reason.
  EXPECT_NE(cli.out.find("2 passed, 1 failed, 1 without examples, 5 levels without a reason\n"), std::string::npos)
      << cli.out;
}

// A guide whose examples name their format and their fixed text.
constexpr const char* kFormatsGuide = R"(guide: formats
languages: [ja, en]
rules:
  - id: loud-heading
    kind: existence
    lang: en
    message: "No '{match}' in a heading or subject line."
    why: "A heading that shouts reads as an advert."
    regex: ["!"]
    scope: [heading, subject]
    examples:
      bad:
        - {text: "# Your refund is ready!\n\nIt reaches your card in three days.", format: markdown}
        - text: "From: Support <help@example.com>\nTo: sam@example.com\nSubject: Your refund is ready!\n\nIt reaches your card in three days.\n"
          format: email
      good:
        - {text: "# Your refund is ready\n\nIt reaches your card in three days!", format: md}
  - id: utilize
    kind: substitution
    lang: en
    message: "Write '{to}'."
    why: "The short word says the same."
    swap: {utilize: use}
    examples:
      bad:
        - {text: "We utilize nightly backups and utilize them often.", fixed: "We use nightly backups and use them often."}
        - "Please utilize the form."
      good: ["We use nightly backups."]
)";

GuideTestReport test_yaml(const std::string& name, const std::string& yaml) {
  GuideFileLoad load = GuideFile::load(api_test::write_file(name, yaml));
  for (const Status& e : load.errors) ADD_FAILURE() << e.to_string();
  if (!load.ok()) return {};
  auto report = test_guide(*load.guide, api_test::dictionaries());
  EXPECT_TRUE(report.ok()) << report.status().to_string();
  return report.ok() ? *report : GuideTestReport{};
}

// The first error loading `yaml`, or OK.
// A guide of one existence rule whose `examples:` the test appends (from line 9 on).
const std::string kOneRuleGuide = R"(guide: g
languages: [en]
rules:
  - id: r
    kind: existence
    message: "No '{match}'."
    words: [whatever]
    examples:
)";

Status load_error(const std::string& name, const std::string& yaml) {
  GuideFileLoad load = GuideFile::load(api_test::write_file(name, yaml));
  return load.errors.empty() ? Status() : load.errors.front();
}

TEST(GuideTestApi, ExamplesInTheirFormatReachScopedRules) {
  const GuideTestReport report = test_yaml("formats.yaml", kFormatsGuide);
  EXPECT_EQ(report.failed(), 0u) << to_text(report);
  ASSERT_EQ(report.rules.size(), 2u);
  EXPECT_EQ(report.rules[0].examples, 3u);
}

TEST(GuideTestApi, AHeadingExampleReadAsPlainTextIsNotReported) {
  // The same bad example without its format is a paragraph, which the rule does not look at.
  std::string yaml = kFormatsGuide;
  const std::string format = ", format: markdown}";
  yaml.replace(yaml.find(format), format.size(), "}");
  const GuideTestReport report = test_yaml("formats-plain.yaml", yaml);
  const RuleTestResult& loud = report.rules.at(0);
  EXPECT_EQ(loud.outcome, RuleTestOutcome::kFailed);
  ASSERT_EQ(loud.failures.size(), 1u);
  EXPECT_EQ(loud.failures[0].problem, "bad example not reported");
}

TEST(GuideTestApi, AWrongFixedTextIsReported) {
  std::string yaml = kFormatsGuide;
  const std::string fixed = "fixed: \"We use nightly backups and use them often.\"";
  yaml.replace(yaml.find(fixed), fixed.size(), "fixed: \"We employ nightly backups and use them often.\"");
  const GuideTestReport report = test_yaml("formats-fixed.yaml", yaml);
  const RuleTestResult& utilize = report.rules.at(1);
  EXPECT_EQ(utilize.outcome, RuleTestOutcome::kFailed);
  ASSERT_EQ(utilize.failures.size(), 1u);
  EXPECT_TRUE(utilize.failures[0].bad);
  EXPECT_EQ(utilize.failures[0].problem, "fixed text is \"We use nightly backups and use them often.\", expected "
                                         "\"We employ nightly backups and use them often.\"");
  EXPECT_NE(to_text(report).find("    fixed text is \"We use"), std::string::npos) << to_text(report);
}

TEST(GuideTestApi, FixedFollowsOnlyTheRulesOwnSafeRewrites) {
  // An unsafe rewrite is not applied by --fix, so `fixed` keeps the original words.
  const GuideTestReport report = test_yaml("formats-unsafe.yaml", R"(guide: unsafe
languages: [ja, en]
rules:
  - id: leverage
    kind: substitution
    lang: en
    fix: unsafe
    message: "Write '{to}'."
    swap: {leverage: use}
    examples:
      bad:
        - {text: "We leverage caching.", fixed: "We leverage caching."}
)");
  EXPECT_EQ(report.failed(), 0u) << to_text(report);
}

TEST(GuideTestApi, ExampleFormatAndFixedErrorsNameTheirPlace) {
  Status s = load_error("bad-format.yaml", kOneRuleGuide + R"(      bad:
        - {text: "# Whatever", format: markdwn}
)");
  EXPECT_EQ(s.location().line, 10u);
  EXPECT_EQ(s.location().column, 40u);
  EXPECT_NE(s.message().find("unknown format 'markdwn' (did you mean 'markdown'?)"), std::string::npos) << s.message();

  s = load_error("good-fixed.yaml", kOneRuleGuide + R"(      good:
        - {text: "Fine.", fixed: "Fine."}
)");
  EXPECT_EQ(s.location().line, 10u);
  EXPECT_NE(s.message().find("unknown key 'fixed'"), std::string::npos) << s.message();

  s = load_error("no-text.yaml", kOneRuleGuide + R"(      bad:
        - {format: markdown}
)");
  EXPECT_EQ(s.location().line, 10u);
  EXPECT_NE(s.message().find("has 'text'"), std::string::npos) << s.message();
}

TEST(GuideTestApi, TheShippedGuidePasses) {
  ToneGuide::Options options;
  options.guide_path = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";
  options.dictionaries = api_test::dictionaries();
  auto guide = ToneGuide::load(options);
  ASSERT_TRUE(guide.ok()) << guide.status().to_string();
  auto report = test_guide(**guide);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->failed(), 0u) << to_text(*report);
  EXPECT_GT(report->passed(), 10u);
}

// The shipped guide says why each rule has its level, and why each tone changes one.
TEST(GuideTestApi, TheShippedGuideExplainsEveryLevel) {
  ToneGuide::Options options;
  options.guide_path = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";
  options.dictionaries = api_test::dictionaries();
  auto guide = ToneGuide::load(options);
  ASSERT_TRUE(guide.ok()) << guide.status().to_string();
  auto report = test_guide(**guide);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_TRUE(report->without_level_reason.empty()) << to_text(*report);
}

}  // namespace
}  // namespace tonelint
