// The public report API (include/tonelint/report.h): every format of `tonelint check`, the
// same bytes as the CLI for the same drafts, streamed or at once, and errors as values.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/checker.h"
#include "tonelint/report.h"
#include "tonelint/tone_guide.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

using api_test::kShippedGuide;
using api_test::shipped;

const Checker& checker() {
  static const Checker instance = [] {
    auto made = Checker::create(shipped());
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(*made);
  }();
  return instance;
}

// Two drafts: findings at several levels, with rewrites, and one clean.
const std::vector<std::pair<std::string, std::string>> kDrafts = {
    {"blame.md", "# Update\n\nYou forgot to verify your email. Please contact support ASAP!!\n"},
    {"clean.md", "Thanks for your patience.\n"},
};

std::vector<CheckResult> check_drafts() {
  std::vector<CheckResult> results;
  for (const auto& [name, text] : kDrafts) {
    CheckOptions options;
    options.filename = name;
    auto result = checker().check(text, options);
    EXPECT_TRUE(result.ok()) << result.status().to_string();
    if (result.ok()) results.push_back(std::move(*result));
  }
  return results;
}

ReportOptions with_guide() {
  ReportOptions options;
  options.guide = shipped();
  return options;
}

TEST(ReportApi, ListsEveryFormatInTheCliOrder) {
  std::vector<std::string> names;
  for (const ReportFormatInfo& f : report_formats()) {
    names.push_back(f.name);
    EXPECT_FALSE(f.description.empty()) << f.name;
    EXPECT_FALSE(f.mime_type.empty()) << f.name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"text", "json", "sarif", "github", "rdjsonl", "checkstyle", "junit"}));
  EXPECT_EQ(report_formats()[2].mime_type, "application/sarif+json");
}

// The CLI over the same drafts as files, from their folder (SARIF's %SRCROOT% is the
// working directory, so this process moves there too while it renders).
TEST(ReportApi, EveryFormatIsTheCliReportByteForByte) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("report_api_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string names;
  for (const auto& [name, text] : kDrafts) {
    std::ofstream(dir / name, std::ios::binary) << text;
    names += " " + name;
  }
  const std::vector<CheckResult> results = check_drafts();
  ASSERT_EQ(results.size(), kDrafts.size());
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  for (const ReportFormatInfo& f : report_formats()) {
    auto cli = testing::run_tonelint_shell("cd '" + dir.string() + "' && " + TONELINT_BINARY + " check --no-color --guide '" +
                                           kShippedGuide + "' --format " + f.name + names);
    auto rendered = render_report(f.name, results, with_guide());
    ASSERT_TRUE(rendered.ok()) << f.name << ": " << rendered.status().to_string();
    EXPECT_FALSE(cli.out.empty()) << f.name << ": " << cli.err;
    EXPECT_EQ(*rendered, cli.out) << f.name;
  }
  fs::current_path(before);
  fs::remove_all(dir);
}

TEST(ReportApi, JsonIsToJsonWithTheCliNewline) {
  const std::vector<CheckResult> results = check_drafts();
  ASSERT_FALSE(results.empty());
  auto rendered = render_report("json", std::span<const CheckResult>(results.data(), 1));
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(*rendered, to_json(results[0]) + "\n");
}

TEST(ReportApi, StreamingIsTheSameAsAtOnce) {
  const std::vector<CheckResult> results = check_drafts();
  for (const ReportFormatInfo& f : report_formats()) {
    std::ostringstream out;
    auto writer = ReportWriter::create(f.name, out, with_guide());
    ASSERT_TRUE(writer.ok()) << f.name;
    EXPECT_EQ(writer->format(), f.name);
    EXPECT_EQ(writer->mime_type(), f.mime_type);
    for (const CheckResult& r : results) EXPECT_TRUE(writer->add(r).ok()) << f.name;
    EXPECT_TRUE(writer->finish().ok()) << f.name;
    auto at_once = render_report(f.name, results, with_guide());
    ASSERT_TRUE(at_once.ok());
    EXPECT_EQ(out.str(), *at_once) << f.name;
  }
}

// Line-oriented reports of separate calls concatenate into the report of both.
TEST(ReportApi, LineOrientedReportsConcatenate) {
  const std::vector<CheckResult> results = check_drafts();
  ASSERT_EQ(results.size(), 2u);
  for (const ReportFormatInfo& f : report_formats()) {
    if (!f.line_oriented) continue;
    auto first = render_report(f.name, std::span<const CheckResult>(&results[0], 1));
    auto second = render_report(f.name, std::span<const CheckResult>(&results[1], 1));
    auto both = render_report(f.name, results);
    ASSERT_TRUE(first.ok() && second.ok() && both.ok());
    EXPECT_EQ(*first + *second, *both) << f.name;
  }
}

TEST(ReportApi, FixedTextIsReportedWithItsFixCount) {
  CheckOptions options;
  options.filename = "fixed.md";
  auto fixed = checker().fix("You forgot to verify your email ASAP.", options, FixMode::kAll);
  ASSERT_TRUE(fixed.ok()) << fixed.status().to_string();
  auto json = render_report("json", std::span<const CheckResult>(&fixed->remaining, 1));
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json, to_json(fixed->remaining) + "\n");
  auto text = render_report("text", std::span<const CheckResult>(&fixed->remaining, 1));
  ASSERT_TRUE(text.ok());
}

TEST(ReportApi, ErrorsAreValues) {
  std::ostringstream out;
  auto unknown = ReportWriter::create("docx", out);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.status().location().path, "format");
  EXPECT_EQ(unknown.status().message(),
            "unknown report format 'docx' (expected text, json, sarif, github, rdjsonl, checkstyle or junit)");
  EXPECT_FALSE(render_report("", {}).ok());

  auto writer = ReportWriter::create("json", out);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(writer->add(CheckResult{}).code(), ErrorCode::kInvalidArgument);  // no report in it
  EXPECT_TRUE(writer->finish().ok());
  EXPECT_EQ(out.str(), "{\"files\":[],\"summary\":{\"errors\":0,\"files\":0,\"score\":null,\"scores\":{},"
                       "\"suggestions\":0,\"warnings\":0}}\n");
  EXPECT_FALSE(writer->finish().ok());  // once only
  const std::vector<CheckResult> results = check_drafts();
  ASSERT_FALSE(results.empty());
  EXPECT_FALSE(writer->add(results[0]).ok());  // after finish

  // A stream that fails: refused up front, or at the first write after it failed.
  std::ostringstream broken;
  broken.setstate(std::ios::badbit);
  EXPECT_EQ(ReportWriter::create("sarif", broken).status().code(), ErrorCode::kIo);
  std::ostringstream failing_later;
  auto failing = ReportWriter::create("rdjsonl", failing_later);
  ASSERT_TRUE(failing.ok());
  failing_later.setstate(std::ios::badbit);
  EXPECT_EQ(failing->add(results[0]).code(), ErrorCode::kIo);
  EXPECT_EQ(failing->finish().code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace tonelint
