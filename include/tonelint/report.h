// The public C++ API, part 3: the reports of checked texts in any of `tonelint check`'s
// output formats (text, json, sarif, github, rdjsonl, checkstyle, junit).
//
//   auto result = checker->check(text, options);
//   tonelint::ReportOptions report_options;
//   report_options.guide = checker->guide_ptr();            // rule descriptions (SARIF)
//   auto sarif = tonelint::render_report("sarif", {&*result, 1}, report_options);
//
// or streamed, one CheckResult at a time, over any std::ostream:
//
//   auto writer = tonelint::ReportWriter::create("junit", std::cout, report_options);
//   for (...) writer->add(checker->check(text_i, options_i).value());
//   tonelint::Status done = writer->finish();
//
// The bytes are those `tonelint check --format F` writes for the same texts (the text
// format without colour). Errors are values: no exception leaves these functions.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/context.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

namespace report {
class TextStyle;  // src/report/text_style.h: the text report's decoration
}

// Findings of one text a report shows at most; the rest are counted (CheckResult::dropped).
inline constexpr std::size_t kReportedFindingsPerFile = 10000;

struct ReportFormatInfo {
  std::string name;         // "sarif"
  std::string description;  // one line
  std::string mime_type;    // "application/sarif+json"
  // The report has nothing before its first text nor after its last, so reports of
  // separate calls may be concatenated (text, github, rdjsonl).
  bool line_oriented = false;
};

// Every format, in the order `tonelint check --help` lists them.
std::vector<ReportFormatInfo> report_formats();

struct ReportOptions {
  // The guide the texts were checked against: SARIF describes its rules from it and names
  // it. Null: each rule is described by its first finding's message.
  std::shared_ptr<const ToneGuide> guide;
  std::string version;                  // the tool version reported (SARIF); empty: the library's
  Severity fail_on = Severity::kError;  // JUnit fails a text with findings at or above this
  // The text format's decoration (the CLI's terminal colours); null: plain. Must outlive
  // the writer.
  const report::TextStyle* style = nullptr;
};

// What a report says of one text beyond its CheckResult (a Workspace check knows it).
struct ReportEntry {
  std::shared_ptr<const ToneGuide> guide;  // checked against (SARIF); null: the run's
  std::optional<Severity> fail_on;         // its config's, where it has one (JUnit)
  std::string config_path;                 // the config that governed it (JSON "config")
  std::vector<ConfiguredValue> configured; // the patterns that set its context
  bool write = true;  // false: counted in the summary only (its report is shown otherwise)
};

// The run's totals, as the JSON summary counts them.
struct ReportSummary {
  std::size_t files = 0, refused = 0, skipped = 0;
  std::size_t errors = 0, warnings = 0, suggestions = 0;
  int score = 100;  // of every text checked together
};

class ReportWriter {
 public:
  // A writer of `format` (a name from report_formats()) to `out`, which must outlive it.
  // kInvalidArgument, Location::path "format", for an unknown name.
  static Result<ReportWriter> create(std::string_view format, std::ostream& out, const ReportOptions& options = {});

  // Writes (or, for JUnit, spools) the report of one checked text; its name is the
  // CheckOptions::filename it was checked with. A result with no report (default-made)
  // is refused (kInvalidArgument); so is any add after finish().
  Status add(const CheckResult& result);
  Status add(const CheckResult& result, const ReportEntry& entry);
  // A text that could not be checked (counted as refused), or skipped as binary.
  void add_refused();
  void add_skipped();
  ReportSummary summary() const;
  // Ends the report with the summary of every text added. Once only.
  Status finish();

  const std::string& format() const;
  const std::string& mime_type() const;

  ReportWriter(ReportWriter&&) noexcept;
  ReportWriter& operator=(ReportWriter&&) noexcept;
  ~ReportWriter();

  struct Impl;  // the library's own

 private:
  explicit ReportWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The whole report of `results` at once, as a string.
Result<std::string> render_report(std::string_view format, std::span<const CheckResult> results,
                                  const ReportOptions& options = {});

}  // namespace tonelint
