// report/report_format.h: the table of output formats is the one place a format is
// named. Every writer file has its row, and the CLI's help and error texts, the README's
// usage line and its list of formats agree with the rows.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/report_format.h"
#include "test_support.h"

namespace tonelint::report {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReportFormatTable, RowsAreCompleteAndNamedOnce) {
  std::set<std::string_view> names;
  for (const ReportFormat& f : report_formats()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_NE(f.make, nullptr) << f.name;
    EXPECT_FALSE(f.description.empty()) << f.name;
    EXPECT_EQ(f.description.find('\n'), std::string_view::npos) << f.name;
    EXPECT_NE(f.mime_type.find('/'), std::string_view::npos) << f.name;
    EXPECT_EQ(find_report_format(f.name), &f);
    EXPECT_TRUE(is_report_format(f.name));
  }
  EXPECT_EQ(find_report_format("docx"), nullptr);
  EXPECT_FALSE(is_report_format(""));
  EXPECT_EQ(report_format_list(), "text, json, sarif, github, rdjsonl, checkstyle or junit");
}

// A writer file without a row would never be picked; a row without a file would not link.
TEST(ReportFormatTable, EveryWriterFileHasItsRow) {
  std::set<std::string> files, rows;
  for (const auto& entry : fs::directory_iterator(fs::path(TONELINT_SOURCE_DIR) / "src" / "report")) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = "_writer.cpp";
    if (name.size() > suffix.size() && name.ends_with(suffix)) files.insert(name.substr(0, name.size() - suffix.size()));
  }
  for (const ReportFormat& f : report_formats()) rows.insert(std::string(f.name));
  EXPECT_EQ(files, rows);
}

// With nothing added, a line-oriented report is empty, and so is any report until finish()
// when the format needs the run's totals first.
TEST(ReportFormatTable, FlagsSayWhatTheWriterDoes) {
  for (const ReportFormat& f : report_formats()) {
    std::ostringstream out;
    auto writer = f.make(out, RunInfo{});
    ASSERT_NE(writer, nullptr) << f.name;
    if (f.needs_totals) {
      EXPECT_EQ(out.str(), "") << f.name;
    }
    EXPECT_TRUE(writer->finish(JsonSummary{}).ok()) << f.name;
    if (f.line_oriented) {
      EXPECT_EQ(out.str(), "") << f.name;
    } else {
      EXPECT_NE(out.str(), "") << f.name;
    }
  }
}

TEST(ReportFormatTable, CliAndReadmeListTheRows) {
  std::string bars;
  for (const ReportFormat& f : report_formats()) {
    if (!bars.empty()) bars += '|';
    bars += f.name;
  }
  const std::string readme = slurp(fs::path(TONELINT_SOURCE_DIR) / "README.md");
  EXPECT_NE(readme.find("[--format " + bars + "]"), std::string::npos) << "README's usage line";
  for (const ReportFormat& f : report_formats()) {
    // "- `sarif` (`application/sarif+json`)" in the CI formats section (MIME type without parameters).
    const std::string mime(f.mime_type.substr(0, f.mime_type.find(';')));
    EXPECT_NE(readme.find("- `" + std::string(f.name) + "` (`" + mime), std::string::npos) << f.name;
  }
  const auto help = testing::run_tonelint("check --help");
  EXPECT_NE(help.out.find("Output format: " + report_format_list()), std::string::npos) << help.out;
  const auto bad = testing::run_tonelint("check --format docx README.md");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "tonelint check: unknown --format 'docx' (expected " + report_format_list() + ")\n");
}

}  // namespace
}  // namespace tonelint::report
