// Checkstyle XML, the format many CI dashboards and review bots read:
//   <checkstyle version="4.3"><file name="PATH"><error line column severity message source/>
// Columns are code points; severity is error, warning or info.
#include "report/report.h"

namespace tonelint::report {
namespace {

const char* severity(Level level) {
  switch (level) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kSuggestion: return "info";
  }
  return "warning";
}

}  // namespace

void write_checkstyle(std::ostream& out, const ReportInput& input) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileEntry& file : input.files) {
    out << "  <file name=\"" << xml_escape(file.path) << "\">\n";
    for (const Diagnostic& d : file.report->result.diagnostics) {
      const Position p = file.source->position(d.offset);
      out << "    <error line=\"" << p.line << "\" column=\"" << p.column << "\" severity=\"" << severity(d.level)
          << "\" message=\"" << xml_escape(d.message) << "\" source=\"" << xml_escape(d.rule) << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace tonelint::report
