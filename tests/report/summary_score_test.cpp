// The run's tone score (JSON summary.score, ReportSummary::score, the stderr line): the
// mean of the files' scores weighted by their length, so it lies between the lowest and
// the highest file score whatever the files are.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "api/api_guides.h"
#include "report/json_report.h"
#include "tonelint/checker.h"
#include "tonelint/report.h"

namespace tonelint::report {
namespace {

// A file's report as the linter makes it: the penalty that gives `score` at `words`.
FileReport scored(int score, std::size_t words, std::map<std::string, int> categories = {}) {
  FileReport report;
  report.result.penalty = (100 - score) * score_weight(words) / 100;
  EXPECT_EQ(tone_score(report.result.penalty, words), score);
  report.result.score = score;
  report.result.words = words;
  report.result.category_scores = std::move(categories);
  return report;
}

int summary_of(const std::vector<FileReport>& files) {
  JsonSummary summary;
  for (const FileReport& f : files) summary.add(f);
  return summary.score();
}

TEST(SummaryScore, LiesBetweenTheLowestAndHighestFileScore) {
  // The run: a long email at 89 and two one-line replies at 18.
  const int score = summary_of({scored(89, 150), scored(18, 3), scored(18, 3)});
  EXPECT_GE(score, 18);
  EXPECT_LE(score, 89);
  // The long email weighs more than the two short replies together.
  EXPECT_GT(score, (89 + 18 + 18) / 3);
}

TEST(SummaryScore, StaysWithinTheFileScoresForManyShortFiles) {
  // Twenty replies of no words at 18 each: the slack of each counts, not one for the run.
  std::vector<FileReport> files(20, scored(18, 0));
  EXPECT_EQ(summary_of(files), 18);
  files.push_back(scored(100, 0));
  const int score = summary_of(files);
  EXPECT_GE(score, 18);
  EXPECT_LE(score, 100);
}

TEST(SummaryScore, OneFileIsItsOwnScore) {
  for (const int score : {0, 18, 57, 89, 100}) {
    for (const std::size_t words : {std::size_t{0}, std::size_t{3}, std::size_t{5000}}) {
      EXPECT_EQ(summary_of({scored(score, words)}), score) << score << " with " << words << " words";
    }
  }
}

TEST(SummaryScore, FilesOfNoWordsCountAlike) {
  EXPECT_EQ(summary_of({scored(100, 0), scored(50, 0)}), 75);
  EXPECT_EQ(summary_of({scored(40, 0)}), 40);
}

TEST(SummaryScore, CategoryScoresLieWithinTheFilesThatHaveTheCategory) {
  JsonSummary summary;
  summary.add(scored(70, 200, {{"warmth", 60}, {"clarity", 100}}));
  summary.add(scored(30, 0, {{"warmth", 20}}));
  const nlohmann::json j = summary.to_json();
  EXPECT_GE(j["scores"]["warmth"].get<int>(), 20);
  EXPECT_LE(j["scores"]["warmth"].get<int>(), 60);
  EXPECT_EQ(j["scores"]["clarity"], 100);  // only the first file's rules have it
  EXPECT_GE(j["score"].get<int>(), 30);
  EXPECT_LE(j["score"].get<int>(), 70);
}

TEST(SummaryScore, NoFileCheckedHasNoScore) {
  JsonSummary summary;
  summary.add_refused();
  EXPECT_TRUE(summary.to_json()["score"].is_null());
}

// Real drafts through the public report API: a long, nearly clean email and two short
// replies full of findings.
TEST(SummaryScore, ARunOfRealDraftsScoresWithinItsFiles) {
  auto checker = Checker::create(api_test::shipped());
  ASSERT_TRUE(checker.ok()) << checker.status().to_string();
  std::string email = "Hello Dana,\n\n";
  for (int i = 0; i < 12; ++i) {
    email += "Your order has been packed and will leave our warehouse on Tuesday morning. ";
  }
  email += "Thanks for your patience!\n";
  const std::vector<std::string> drafts = {email, "ASAP!!! You forgot to pay!!!", "Calm down!!! ASAP!!!"};
  std::ostringstream out;
  auto writer = tonelint::ReportWriter::create("json", out);
  ASSERT_TRUE(writer.ok());
  int lowest = 100, highest = 0;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    CheckOptions options;
    options.filename = "draft" + std::to_string(i) + ".txt";
    auto result = checker->check(drafts[i], options);
    ASSERT_TRUE(result.ok()) << result.status().to_string();
    lowest = std::min(lowest, result->score);
    highest = std::max(highest, result->score);
    ASSERT_TRUE(writer->add(*result).ok());
  }
  ASSERT_TRUE(writer->finish().ok());
  EXPECT_LT(lowest, highest);  // the run is a mix, as the was
  const int score = writer->summary().score;
  EXPECT_GE(score, lowest);
  EXPECT_LE(score, highest);
  EXPECT_EQ(nlohmann::json::parse(out.str())["summary"]["score"], score);
}

}  // namespace
}  // namespace tonelint::report
