// The shipped guide (rules/tonelint.yaml) on the shipped example drafts, end to end
// through the CLI: every corrected draft is clean, every problem draft gets exactly the
// findings listed in tests/fixtures/examples/expected-findings.tsv (by file, line, rule
// and level), and the same draft is judged differently in different contexts.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::run_tonelint;

const std::string kSource = TONELINT_SOURCE_DIR;
const std::string kGuide = "--guide " + kSource + "/rules/tonelint.yaml";
const std::string kDrafts = kSource + "/examples/drafts";
const std::string kCorrected = kSource + "/examples/corrected";

// (file name, line, rule, level): one finding, as the expectations list it.
using Finding = std::tuple<std::string, int, std::string, std::string>;

std::string file_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

std::multiset<Finding> findings_of(const nlohmann::json& report) {
  std::multiset<Finding> out;
  for (const auto& file : report.at("files")) {
    for (const auto& d : file.at("diagnostics")) {
      out.emplace(file_name(file.at("path").get<std::string>()), d.at("line").get<int>(),
                  d.at("rule").get<std::string>(), d.at("level").get<std::string>());
    }
  }
  return out;
}

std::multiset<Finding> expected_findings() {
  std::ifstream in(std::string(TONELINT_TEST_DATA) + "/examples/expected-findings.tsv");
  EXPECT_TRUE(in) << "missing expected-findings.tsv";
  std::multiset<Finding> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, number, rule, level;
    std::getline(fields, file, '\t');
    std::getline(fields, number, '\t');
    std::getline(fields, rule, '\t');
    std::getline(fields, level, '\t');
    out.emplace(file, std::stoi(number), rule, level);
  }
  return out;
}

std::string describe(const std::multiset<Finding>& findings) {
  std::string out;
  for (const auto& [file, line, rule, level] : findings) {
    out += "  " + file + '\t' + std::to_string(line) + '\t' + rule + '\t' + level + '\n';
  }
  return out;
}

TEST(ShippedGuideTest, CorrectedDraftsAreClean) {
  const auto r = run_tonelint("check " + kGuide + " --format json " + kCorrected);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_GE(report.at("files").size(), 10u);
  const std::multiset<Finding> found = findings_of(report);
  EXPECT_TRUE(found.empty()) << "the corrected drafts should have no finding at all:\n" << describe(found);
}

TEST(ShippedGuideTest, ProblemDraftsGetExactlyTheExpectedFindings) {
  const auto r = run_tonelint("check " + kGuide + " --format json " + kDrafts);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const std::multiset<Finding> found = findings_of(nlohmann::json::parse(r.out));
  const std::multiset<Finding> expected = expected_findings();
  std::multiset<Finding> missing, unexpected;
  std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                      std::inserter(missing, missing.begin()));
  std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(),
                      std::inserter(unexpected, unexpected.begin()));
  EXPECT_TRUE(missing.empty()) << "expected but not reported:\n" << describe(missing);
  EXPECT_TRUE(unexpected.empty()) << "reported but not expected:\n" << describe(unexpected);
}

// Every problem draft and its corrected version exist in pairs.
TEST(ShippedGuideTest, EveryDraftHasACorrectedVersion) {
  const auto drafts = run_tonelint("check " + kGuide + " --format json " + kDrafts);
  const auto corrected = run_tonelint("check " + kGuide + " --format json " + kCorrected);
  const auto drafts_report = nlohmann::json::parse(drafts.out);
  const auto corrected_report = nlohmann::json::parse(corrected.out);
  std::set<std::string> a, b;
  for (const auto& f : drafts_report.at("files")) a.insert(file_name(f.at("path")));
  for (const auto& f : corrected_report.at("files")) b.insert(file_name(f.at("path")));
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(a, b);
  // The e-mail and HTML drafts take their context from examples/.tonelint.yaml.
  for (const auto* report : {&drafts_report, &corrected_report}) {
    for (const auto& f : report->at("files")) {
      const std::string name = file_name(f.at("path"));
      if (name != "cancellation-reply-ja.eml" && name != "spring-newsletter-en.html") continue;
      EXPECT_EQ(f.at("context_source").at("situation"), "config") << name;
      EXPECT_EQ(f.at("context").at("situation"), name == "cancellation-reply-ja.eml" ? "cancellation" : "celebration");
    }
  }
}

std::set<std::string> rules_reported(const std::string& args, const std::string& text) {
  const auto r = run_tonelint("check " + kGuide + " --format json --stdin-filename draft.md " + args + " -", text);
  EXPECT_LE(r.exit_code, 1) << r.err;
  std::set<std::string> rules;
  const auto report = nlohmann::json::parse(r.out);  // kept: a range-for over a temporary's member dangles
  for (const auto& f : report.at("files")) {
    for (const auto& d : f.at("diagnostics")) rules.insert(d.at("rule").get<std::string>() + ":" + d.at("level").get<std::string>());
  }
  return rules;
}

// Voice stays, tone adapts: one draft, three contexts, three verdicts.
TEST(ShippedGuideTest, TheSameDraftIsJudgedByItsContext) {
  const std::string draft = "Minato Cloud turns 5 today! Thanks for being with us 🎉\n";
  EXPECT_TRUE(rules_reported("--situation celebration --emotion happy", draft).empty());
  EXPECT_EQ(rules_reported("--situation outage", draft),
            (std::set<std::string>{"tonelint.apology:error", "tonelint.exclamation:error", "tonelint.emoji:error"}));
  EXPECT_EQ(rules_reported("--situation celebration --emotion upset", draft),
            (std::set<std::string>{"tonelint.exclamation:error", "tonelint.emoji:error"}));

  const std::string ja = "了解です！確認してます😊\n";
  EXPECT_EQ(rules_reported("--audience internal --channel chat", ja), (std::set<std::string>{"tonelint.inuki:suggestion"}));
  EXPECT_EQ(rules_reported("--audience customer --channel email", ja),
            (std::set<std::string>{"tonelint.shouchi:error", "tonelint.inuki:warning"}));
  EXPECT_EQ(rules_reported("--audience customer --channel chat --emotion upset", ja),
            (std::set<std::string>{"tonelint.shouchi:error", "tonelint.inuki:suggestion", "tonelint.exclamation:error",
                                   "tonelint.emoji:error"}));
}

// The levels follow what a finding costs the reader: blame and dismissal are errors to a
// customer and warnings among colleagues; an outage owes customers an apology, not the team.
TEST(ShippedGuideTest, LevelsFollowWhatAFindingCostsTheReader) {
  const std::string blame = "You forgot to save the file. As I said, it is no big deal.\n";
  EXPECT_EQ(rules_reported("--audience customer", blame),
            (std::set<std::string>{"tonelint.no-blame:error", "tonelint.dismissive:error"}));
  EXPECT_EQ(rules_reported("--audience internal", blame),
            (std::set<std::string>{"tonelint.no-blame:warning", "tonelint.dismissive:warning"}));
  EXPECT_EQ(rules_reported("--audience developer", blame),
            (std::set<std::string>{"tonelint.no-blame:warning", "tonelint.dismissive:error"}));

  const std::string update = "The sync service is back since 10:40. The cause was a full disk!\n";
  EXPECT_EQ(rules_reported("--situation outage --audience customer", update),
            (std::set<std::string>{"tonelint.apology:error", "tonelint.exclamation:error"}));
  EXPECT_EQ(rules_reported("--situation outage --audience internal", update), (std::set<std::string>{}));
  EXPECT_EQ(rules_reported("--situation outage --audience executive", update),
            (std::set<std::string>{"tonelint.apology:suggestion", "tonelint.exclamation:warning"}));

  // Names in technical text (a branch called master) are the reader's to find: a suggestion.
  EXPECT_EQ(rules_reported("", "Thanks, guys. Push the fix to the master branch.\n"),
            (std::set<std::string>{"tonelint.inclusive:error", "tonelint.inclusive-tech:suggestion"}));
  // すみません to a colleague who is upset is still fine.
  EXPECT_EQ(rules_reported("--audience internal --emotion upset", "遅くなってすみません。\n"), (std::set<std::string>{}));
  EXPECT_EQ(rules_reported("--audience customer --emotion upset", "遅くなってすみません。\n"),
            (std::set<std::string>{"tonelint.casual-apology:error"}));
  // A request about money needs a cushion; 予め (あらかじめ in kanji) is one.
  EXPECT_EQ(rules_reported("--situation billing", "料金は月末に確定します。ご了承ください。\n"),
            (std::set<std::string>{"tonelint.cushion:warning"}));
  EXPECT_EQ(rules_reported("--situation billing", "料金は月末に確定します。予めご了承ください。\n"), (std::set<std::string>{}));
}

// Markdown code, URLs and product names are never prose; the same words in prose are.
TEST(ShippedGuideTest, CodeUrlsAndProductNamesAreNeverFlagged) {
  const std::string quiet =
      "Open Simply Sync and EASY Backup, run `simply utilize --whitelist`, and see "
      "<https://example.com/simply-utilize> or https://example.com/whitelist.\n\n"
      "```\nJUST SIMPLY UTILIZE THE WHITELIST lol\n```\n\n"
      "シンプリーシンクとミナトクラウドをご利用いただけます。\n";
  EXPECT_TRUE(rules_reported("--emotion upset", quiet).empty());
  EXPECT_EQ(rules_reported("--emotion upset", "Simply utilize the whitelist.\n"),
            (std::set<std::string>{"tonelint.condescending:warning", "tonelint.plain-words:suggestion",
                                   "tonelint.inclusive-tech:suggestion"}));
}

}  // namespace
}  // namespace tonelint
