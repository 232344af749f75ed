// The table of report formats. A new format is its <name>_writer.cpp (defining its
// make_<name>_writer) and one row here.
#include "report/report_format.h"

#include <array>

namespace tonelint::report {

// Each defined in its own <name>_writer.cpp; declared only here, where the table names them.
std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_rdjsonl_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const RunInfo& run);

namespace {

// name, description, MIME type, needs totals, line-oriented, factory
constexpr std::array kFormats = {
    ReportFormat{"text", "for a person: each finding with its source line, then the file's tone score",
                 "text/plain; charset=utf-8", false, true, make_text_writer},
    ReportFormat{"json", "the JSON report of DESIGN.md: every file with its findings, then a summary",
                 "application/json", false, false, make_json_writer},
    ReportFormat{"sarif", "SARIF 2.1.0 for code scanning: results, rules and fixes", "application/sarif+json", false,
                 false, make_sarif_writer},
    ReportFormat{"github", "GitHub Actions workflow commands: one annotation a finding", "text/plain; charset=utf-8",
                 false, true, make_github_writer},
    ReportFormat{"rdjsonl", "reviewdog's rdjsonl: one diagnostic JSON object a line", "application/x-ndjson", false,
                 true, make_rdjsonl_writer},
    ReportFormat{"checkstyle", "Checkstyle XML: one <file> element a file, one <error> a finding", "application/xml",
                 false, false, make_checkstyle_writer},
    ReportFormat{"junit", "JUnit XML: one test case a file, failed by findings at or above fail_on",
                 "application/xml", true, false, make_junit_writer},
};

}  // namespace

std::span<const ReportFormat> report_formats() { return kFormats; }

const ReportFormat* find_report_format(std::string_view name) {
  for (const ReportFormat& format : kFormats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

std::string report_format_list() {
  std::string list;
  for (std::size_t i = 0; i < kFormats.size(); ++i) {
    if (i > 0) list += i + 1 == kFormats.size() ? " or " : ", ";
    list += kFormats[i].name;
  }
  return list;
}

std::unique_ptr<ReportWriter> make_report_writer(std::string_view format, std::ostream& out, RunInfo run) {
  const ReportFormat* row = find_report_format(format);
  return row != nullptr ? row->make(out, run) : nullptr;
}

bool is_report_format(std::string_view format) { return find_report_format(format) != nullptr; }

}  // namespace tonelint::report
