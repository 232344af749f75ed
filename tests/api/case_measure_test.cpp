// The public case-measurement API (tonelint/case_file.h, tonelint/case_test.h): reading
// annotated drafts with their errors at file:line:column, and recall, clean rate,
// precision, misses and false alarms computed on tests/fixtures/cases/drafts.yaml.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/api_guides.h"
#include "tonelint/case_test.h"
#include "tonelint/checker.h"

namespace tonelint {
namespace {

const std::string kCases = std::string(TONELINT_TEST_DATA) + "/cases";

std::shared_ptr<const ToneGuide> casework() {
  static std::shared_ptr<const ToneGuide> guide = api_test::load_guide(kCases + "/guide.yaml");
  return guide;
}

CaseTestReport measure(const std::vector<std::string>& paths) {
  auto checker = Checker::create(casework());
  EXPECT_TRUE(checker.ok()) << checker.status().to_string();
  std::vector<CaseFile> files;
  for (const std::string& path : paths) {
    auto file = CaseFile::load(path, *casework());
    EXPECT_TRUE(file.ok()) << file.status().to_string();
    if (file.ok()) files.push_back(std::move(*file));
  }
  auto report = test_cases(*checker, files);
  EXPECT_TRUE(report.ok()) << report.status().to_string();
  return report.ok() ? *report : CaseTestReport{};
}

// The error CaseFile::parse gives `yaml`, or "" when it reads.
Status parse_error(const std::string& yaml) {
  auto file = CaseFile::parse(yaml, "cases.yaml", *casework());
  return file.ok() ? Status() : file.status();
}

const CategoryRecall* category(const CaseTestReport& report, const std::string& name) {
  for (const CategoryRecall& c : report.categories) {
    if (c.category == name) return &c;
  }
  return nullptr;
}

TEST(CaseFile, ReadsCasesWithSpansAndPlaces) {
  auto file = CaseFile::load(kCases + "/drafts.yaml", *casework());
  ASSERT_TRUE(file.ok()) << file.status().to_string();
  ASSERT_EQ(file->cases.size(), 6u);
  const DraftCase& first = file->cases[0];
  EXPECT_EQ(first.id, "both-found");
  EXPECT_EQ(first.context.at("channel"), "email");
  EXPECT_EQ(first.where.line, 2u);
  ASSERT_EQ(first.expect.size(), 2u);
  EXPECT_EQ(first.expect[1].offset, first.text.find("you forgot"));
  EXPECT_EQ(first.expect[1].length, std::string("you forgot to restart").size());
  EXPECT_EQ(first.expect[1].where.line, 7u);
  EXPECT_EQ(first.expect[1].where.column, 14u);  // the value of `text:`
  EXPECT_TRUE(file->cases[2].expect[0].whole_message);
  EXPECT_TRUE(file->cases[4].clean());
  EXPECT_TRUE(file->cases[5].context.empty());  // the guide's defaults
}

TEST(CaseFile, RepeatedQuotesTakeSuccessiveOccurrences) {
  auto file = CaseFile::parse(R"(- id: twice
  text: "Amazing news, truly amazing. Amazing."
  expect:
    - {text: "mazing", category: overselling}
    - {text: "mazing", category: overselling}
    - {text: "mazing", category: overselling}
    - {text: "mazing", category: overselling}
)",
                              "cases.yaml", *casework());
  ASSERT_TRUE(file.ok()) << file.status().to_string();
  const std::vector<ExpectedProblem>& e = file->cases[0].expect;
  EXPECT_EQ(e[0].offset, 1u);
  EXPECT_EQ(e[1].offset, 21u);
  EXPECT_EQ(e[2].offset, 30u);
  EXPECT_EQ(e[3].offset, 1u);  // more quotes than occurrences: the first
}

TEST(CaseFile, UnknownContextValueNamesItsPlace) {
  const Status s = parse_error(R"(- id: a
  context: {channel: fax, emotion: calm}
  text: "Hello."
  expect: []
)");
  EXPECT_EQ(s.code(), ErrorCode::kParse);
  EXPECT_EQ(s.location().path, "cases.yaml");
  EXPECT_EQ(s.location().line, 2u);
  EXPECT_EQ(s.location().column, 22u);
  EXPECT_NE(s.message().find("unknown channel 'fax'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("email, chat"), std::string::npos) << s.message();
}

TEST(CaseFile, UnknownDimensionNamesItsPlace) {
  const Status s = parse_error("- id: a\n  context: {emotoin: calm}\n  text: \"Hi.\"\n  expect: []\n");
  EXPECT_EQ(s.location().line, 2u);
  EXPECT_EQ(s.location().column, 13u);
  EXPECT_NE(s.message().find("did you mean 'emotion'"), std::string::npos) << s.message();
}

TEST(CaseFile, ExpectedTextNotInTheDraftNamesItsPlace) {
  const Status s = parse_error(R"(- id: quote
  text: "The release is out."
  expect:
    - {text: "the relase", category: typo}
)");
  EXPECT_EQ(s.location().line, 4u);
  EXPECT_EQ(s.location().column, 14u);
  EXPECT_EQ(s.message(), "expected text \"the relase\" is not in the draft of case 'quote'");
}

TEST(CaseFile, MissingFieldsAndUnknownKeys) {
  Status s = parse_error("- id: a\n  text: \"Hi.\"\n");
  EXPECT_EQ(s.message(), "case 'a' has no 'expect'");
  EXPECT_EQ(s.location().line, 1u);
  s = parse_error("- text: \"Hi.\"\n  expect: []\n");
  EXPECT_EQ(s.message(), "a case has no 'id'");
  s = parse_error("- id: a\n  text: \"Hi.\"\n  expect:\n    - {text: \"Hi\"}\n");
  EXPECT_EQ(s.message(), "an expectation of case 'a' has no 'category'");
  EXPECT_EQ(s.location().line, 4u);
  s = parse_error("- id: a\n  txt: \"Hi.\"\n  expect: []\n");
  EXPECT_NE(s.message().find("unknown key 'txt' in a case (did you mean 'text'?)"), std::string::npos) << s.message();
  EXPECT_EQ(s.location().line, 2u);
  s = parse_error("id: a\n");
  EXPECT_NE(s.message().find("a case file is a YAML list of cases"), std::string::npos) << s.message();
}

TEST(CaseFile, DuplicateIdAndBadYaml) {
  Status s = parse_error("- {id: a, text: \"x\", expect: []}\n- {id: a, text: \"y\", expect: []}\n");
  EXPECT_EQ(s.message(), "duplicate case id 'a'");
  EXPECT_EQ(s.location().line, 2u);
  s = parse_error("- id: a\n  text: [unclosed, list\n  expect: []\n");
  EXPECT_EQ(s.code(), ErrorCode::kParse);
  EXPECT_NE(s.message().find("invalid YAML"), std::string::npos) << s.message();
  EXPECT_GT(s.location().line, 0u);
}

TEST(CaseFile, MissingFileIsAnError) {
  auto file = CaseFile::load(kCases + "/no-such-file.yaml", *casework());
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), ErrorCode::kNotFound);
}

TEST(CaseTest, RecallPerCategoryAndOverall) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  EXPECT_EQ(report.guide, "casework");
  EXPECT_EQ(report.cases, 6u);
  ASSERT_EQ(report.categories.size(), 3u);
  EXPECT_EQ(report.categories[0].category, "blame");  // by name
  const CategoryRecall* blame = category(report, "blame");
  const CategoryRecall* apology = category(report, "missing-apology");
  const CategoryRecall* overselling = category(report, "overselling");
  ASSERT_TRUE(blame && apology && overselling);
  EXPECT_EQ(blame->expected, 2u);
  EXPECT_EQ(blame->met, 2u);
  EXPECT_EQ(apology->expected, 2u);
  EXPECT_EQ(apology->met, 1u);
  EXPECT_EQ(overselling->expected, 2u);
  EXPECT_EQ(overselling->met, 1u);
  EXPECT_DOUBLE_EQ(*overselling->recall(), 0.5);
  EXPECT_EQ(report.expected, 6u);
  EXPECT_EQ(report.met, 4u);
  EXPECT_DOUBLE_EQ(*report.recall(), 4.0 / 6.0);
}

TEST(CaseTest, CleanRateCountsOnlyWarningsAndErrors) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  // clean-with-suggestion has a suggestion ("just"), which is allowed; clean-with-alarm a warning.
  EXPECT_EQ(report.clean_drafts, 2u);
  EXPECT_EQ(report.clean_passed, 1u);
  EXPECT_DOUBLE_EQ(*report.clean_rate(), 0.5);
}

TEST(CaseTest, WholeMessageIsMetOnlyByAFindingNoQuoteExplains) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  // whole-message-met: the apology rule's finding explains nothing else. In
  // whole-message-explained, both findings overlap the quoted "You forgot".
  std::vector<std::string> missed;
  for (const CaseMiss& m : report.misses) missed.push_back(m.case_id + " " + m.category + " " + m.text);
  EXPECT_EQ(missed, (std::vector<std::string>{"one-missed-one-alarm overselling stellar",
                                              "whole-message-explained missing-apology __message__"}));
  const CaseMiss& apology = report.misses[1];
  EXPECT_EQ(apology.why, "no apology either");
  EXPECT_EQ(apology.where.path, kCases + "/drafts.yaml");
  EXPECT_EQ(apology.where.line, 23u);
}

TEST(CaseTest, FalseAlarmsAndPrecision) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  ASSERT_EQ(report.false_alarms.size(), 2u);
  const FalseAlarm& in_flawed = report.false_alarms[0];
  EXPECT_EQ(in_flawed.case_id, "one-missed-one-alarm");
  EXPECT_EQ(in_flawed.rule, "casework.hype");
  EXPECT_EQ(in_flawed.match, "amazing");
  EXPECT_EQ(in_flawed.level, Severity::kWarning);
  EXPECT_EQ(in_flawed.line, 1u);
  EXPECT_EQ(in_flawed.column, 43u);
  EXPECT_EQ(in_flawed.where.line, 8u);
  EXPECT_EQ(report.false_alarms[1].case_id, "clean-with-alarm");
  EXPECT_EQ(report.false_alarms[1].match, "incredible");
  // amazing, you forgot; amazing (alarm); sorry; You forgot, sorry; incredible (alarm).
  EXPECT_EQ(report.findings, 7u);
  EXPECT_EQ(report.findings_met, 5u);
  EXPECT_DOUBLE_EQ(*report.precision(), 5.0 / 7.0);
}

TEST(CaseTest, SeveralFilesAddUp) {
  const std::string second = api_test::write_file("more-cases.yaml", R"(- id: blame-only
  text: "It seems you forgot the code."
  expect:
    - {text: "you forgot", category: blame}
)");
  const CaseTestReport report = measure({kCases + "/drafts.yaml", second});
  EXPECT_EQ(report.files, (std::vector<std::string>{kCases + "/drafts.yaml", second}));
  EXPECT_EQ(report.cases, 7u);
  EXPECT_EQ(category(report, "blame")->expected, 3u);
  EXPECT_EQ(category(report, "blame")->met, 3u);
}

TEST(CaseTest, NothingToMeasureHasNoRates) {
  const CaseTestReport report = measure({api_test::write_file("empty-cases.yaml", "")});
  EXPECT_EQ(report.cases, 0u);
  EXPECT_FALSE(report.recall());
  EXPECT_FALSE(report.clean_rate());
  EXPECT_FALSE(report.precision());
  EXPECT_NE(to_text(report).find("overall          0      0        -\n"), std::string::npos) << to_text(report);
}

TEST(CaseTest, TextReportListsTableMissesAndAlarms) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  const std::string text = to_text(report);
  const std::string path = kCases + "/drafts.yaml";
  EXPECT_NE(text.find("category         expected    met   recall\n"
                      "blame                   2      2  100.0 %\n"
                      "missing-apology         2      1   50.0 %\n"
                      "overselling             2      1   50.0 %\n"
                      "overall                 6      4   66.7 %\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("clean drafts: 1 of 2 without a warning or error (50.0 %)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("precision: 5 of 7 warning and error findings meet an expectation (71.4 %)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("missed (2):\n" + path + ":12:14  one-missed-one-alarm  overselling  \"stellar\"  — a superlative the guide lacks\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("false alarms (2):\n" + path +
                      ":8:3  one-missed-one-alarm  casework.hype  warning  \"amazing\" at 1:43  — Drop 'amazing'"),
            std::string::npos)
      << text;
}

TEST(CaseTest, JsonReportShape) {
  const CaseTestReport report = measure({kCases + "/drafts.yaml"});
  const nlohmann::json j = nlohmann::json::parse(to_json(report));
  EXPECT_EQ(j["guide"], "casework");
  EXPECT_EQ(j["cases"], 6);
  EXPECT_EQ(j["recall"]["expected"], 6);
  EXPECT_EQ(j["recall"]["met"], 4);
  EXPECT_DOUBLE_EQ(j["recall"]["rate"].get<double>(), 4.0 / 6.0);
  EXPECT_EQ(j["clean"]["drafts"], 2);
  EXPECT_EQ(j["clean"]["passed"], 1);
  EXPECT_EQ(j["precision"]["findings"], 7);
  ASSERT_EQ(j["categories"].size(), 3u);
  EXPECT_EQ(j["categories"][2]["category"], "overselling");
  EXPECT_DOUBLE_EQ(j["categories"][2]["recall"].get<double>(), 0.5);
  ASSERT_EQ(j["misses"].size(), 2u);
  EXPECT_EQ(j["misses"][0]["case"], "one-missed-one-alarm");
  EXPECT_EQ(j["misses"][0]["line"], 12);
  EXPECT_EQ(j["misses"][0]["column"], 14);
  ASSERT_EQ(j["false_alarms"].size(), 2u);
  EXPECT_EQ(j["false_alarms"][1]["rule"], "casework.hype");
  EXPECT_EQ(j["false_alarms"][1]["level"], "warning");
  EXPECT_EQ(j["false_alarms"][1]["text_column"], 4);

  const nlohmann::json empty = nlohmann::json::parse(to_json(CaseTestReport{}));
  EXPECT_TRUE(empty["recall"]["rate"].is_null());
}

TEST(CaseTest, FindingsAreThoseOfACheckInTheCaseContext) {
  auto checker = Checker::create(casework());
  ASSERT_TRUE(checker.ok());
  auto file = CaseFile::load(kCases + "/drafts.yaml", *casework());
  ASSERT_TRUE(file.ok());
  const DraftCase& upset = file->cases[2];
  CheckOptions options;
  options.context = upset.context;
  auto checked = checker->check(upset.text, options);
  ASSERT_TRUE(checked.ok());
  ASSERT_EQ(checked->findings.size(), 1u);
  EXPECT_EQ(checked->findings[0].rule, "casework.sorry");
  // The same text with no case context is calm (the guide's default), where sorry is off.
  auto calm = checker->check(upset.text, {});
  ASSERT_TRUE(calm.ok());
  EXPECT_TRUE(calm->findings.empty());
}

}  // namespace
}  // namespace tonelint
