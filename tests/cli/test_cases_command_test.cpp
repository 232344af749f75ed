// `tonelint test --cases` as an adapter over tonelint/case_test.h: exit codes with
// --min-recall and --min-clean, bad values and bad case files (exit 2), --format json.
// The drafts (tests/fixtures/cases/drafts.yaml) measure 4/6 recall and 1/2 clean.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "../test_support.h"

namespace tonelint {
namespace {

using testing::run_tonelint;

const std::string kCases = std::string(TONELINT_TEST_DATA) + "/cases";
const std::string kRun = "test --guide " + kCases + "/guide.yaml --cases " + kCases + "/drafts.yaml";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TestCasesCommand, PrintsTheMeasurementAndExits0WithoutBars) {
  const auto r = run_tonelint(kRun);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "6 cases against guide 'casework'\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "overall                 6      4   66.7 %\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "clean drafts: 1 of 2 ")) << r.out;
  EXPECT_TRUE(contains(r.out, "missed (2):\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "false alarms (2):\n")) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(TestCasesCommand, BarsMetAreExit0) {
  const auto r = run_tonelint(kRun + " --min-recall 0.6 --min-clean 0.5");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(TestCasesCommand, RecallBelowTheBarIsExit1) {
  const auto r = run_tonelint(kRun + " --min-recall 0.7");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "tonelint test: recall 66.7 % is below --min-recall 0.7\n");
  EXPECT_TRUE(contains(r.out, "overall ")) << r.out;  // the report is printed all the same
}

TEST(TestCasesCommand, CleanRateBelowTheBarIsExit1) {
  const auto r = run_tonelint(kRun + " --min-clean 0.75");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "tonelint test: clean rate 50.0 % is below --min-clean 0.75\n");
}

TEST(TestCasesCommand, BarOutsideZeroToOneIsExit2) {
  for (const char* bad : {"80", "-0.1", "high", "0.5x", "80%"}) {
    const auto r = run_tonelint(kRun + " '--min-recall=" + bad + "'");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_EQ(r.err, std::string("tonelint test: --min-recall takes a fraction from 0 to 1 (0.8 for 80 %), not '") +
                         bad + "'\n");
  }
}

TEST(TestCasesCommand, BarsWithoutCasesAreExit2) {
  const auto r = run_tonelint("test --guide " + kCases + "/guide.yaml --min-clean 0.5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tonelint test: --min-clean applies to --cases FILE...\n");
}

TEST(TestCasesCommand, BadCaseFileNamesFileLineAndColumn) {
  const std::string path = testing::temp_file("cli_bad_cases.yaml", R"(- id: a
  context: {channel: email, emotion: furious}
  text: "Hello."
  expect: []
)");
  const auto r = run_tonelint("test --guide " + kCases + "/guide.yaml --cases " + path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "tonelint: " + path + ":2:38: unknown emotion 'furious'")) << r.err;
}

TEST(TestCasesCommand, MissingCaseFileIsExit2) {
  const auto r = run_tonelint("test --guide " + kCases + "/guide.yaml --cases " + kCases + "/none.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, kCases + "/none.yaml")) << r.err;
}

TEST(TestCasesCommand, JsonFormat) {
  const auto r = run_tonelint(kRun + " --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["recall"]["met"], 4);
  EXPECT_EQ(j["clean"]["passed"], 1);
  EXPECT_EQ(j["misses"].size(), 2u);
  EXPECT_EQ(j["files"][0], kCases + "/drafts.yaml");
}

TEST(TestCasesCommand, UnknownFormatIsExit2) {
  const auto r = run_tonelint(kRun + " --format sarif");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tonelint test: unknown --format 'sarif' (expected text or json)\n");
}

}  // namespace
}  // namespace tonelint
