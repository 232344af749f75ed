// JUnit XML: one test suite "tonelint", one test case per file (classname and name: the
// path). A file fails — one <failure> listing all its findings — when it has a finding at
// or above --fail-on; a file with findings only below that passes, its findings in
// <system-out>; a file with none passes.
#include <sstream>

#include "report/report.h"

namespace tonelint::report {

void write_junit(std::ostream& out, const ReportInput& input) {
  int failures = 0;
  std::ostringstream cases;
  for (const FileEntry& file : input.files) {
    const auto& diagnostics = file.report->result.diagnostics;
    bool failed = false;
    int errors = 0, warnings = 0, suggestions = 0;
    std::string listing;
    for (const Diagnostic& d : diagnostics) {
      failed = failed || at_or_above(d.level, file.fail_on.value_or(input.fail_on));
      (d.level == Level::kError ? errors : d.level == Level::kWarning ? warnings : suggestions) += 1;
      const Position p = file.source->position(d.offset);
      listing += file.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + level_name(d.level) +
                 ": " + d.message + " [" + d.rule + "]\n";
    }
    cases << "  <testcase classname=\"" << xml_escape(file.path) << "\" name=\"" << xml_escape(file.path) << "\">\n";
    if (failed) {
      ++failures;
      const std::string summary = std::to_string(errors) + " error" + (errors == 1 ? "" : "s") + ", " +
                                  std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") + ", " +
                                  std::to_string(suggestions) + " suggestion" + (suggestions == 1 ? "" : "s");
      cases << "    <failure type=\"tonelint\" message=\"" << xml_escape(summary) << "\">\n" << xml_escape(listing, false)
            << "</failure>\n";
    } else if (!listing.empty()) {
      cases << "    <system-out>\n" << xml_escape(listing, false) << "</system-out>\n";
    }
    cases << "  </testcase>\n";
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"tonelint\" tests=\"" << input.files.size() << "\" failures=\"" << failures
      << "\" errors=\"0\">\n"
      << "<testsuite name=\"tonelint\" tests=\"" << input.files.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\">\n"
      << cases.str() << "</testsuite>\n</testsuites>\n";
}

}  // namespace tonelint::report
