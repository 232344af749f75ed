// The output formats of a report, one table row each: `check --format`, the public
// ReportWriter, the C API and `tonelint serve` all pick a writer here, and the lists in
// their help and error texts are made from the same rows.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "report/report.h"

namespace tonelint::report {

struct ReportFormat {
  std::string_view name;         // what --format and the APIs take
  std::string_view description;  // one line, for help texts and report_formats()
  std::string_view mime_type;    // the Content-Type `tonelint serve` answers with
  // Its header needs the run's totals (JUnit's counts), so the files are spooled until
  // finish(): the first bytes appear only at the end.
  bool needs_totals = false;
  // One self-contained record per line, nothing before or after: reports of separate
  // runs may be concatenated.
  bool line_oriented = false;
  std::unique_ptr<ReportWriter> (*make)(std::ostream& out, const RunInfo& run) = nullptr;
};

// Every format, in the order help texts list them (text first: the CLI's default).
std::span<const ReportFormat> report_formats();

// The row named `name`; null for a name no row has.
const ReportFormat* find_report_format(std::string_view name);

// "text, json, sarif, github, rdjsonl, checkstyle or junit"
std::string report_format_list();

}  // namespace tonelint::report
