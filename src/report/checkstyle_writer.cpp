// Checkstyle XML, the format many CI dashboards and review bots read:
//   <checkstyle version="4.3"><file name="PATH"><error line column severity message source/>
// Columns are code points; severity is error, warning or info.
#include "report/report.h"
#include "util/enum_names.h"

namespace tonelint::report {
namespace {

// checkstyle has no "suggestion": its lowest severity is "info".
constexpr EnumNames<Level, 3> kSeverities = {
    {{Level::kError, "error"}, {Level::kWarning, "warning"}, {Level::kSuggestion, "info"}}};
std::string_view severity(Level level) { return name_of(kSeverities, level, "warning"); }

class CheckstyleWriter : public ReportWriter {
 public:
  explicit CheckstyleWriter(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void add_file(const FileEntry& file) override {
    out_ << "  <file name=\"" << xml_escape(file.path) << "\">\n";
    for (const Diagnostic& d : file.report->result.diagnostics) {
      const Position p = file.source->position(d.offset);
      out_ << "    <error line=\"" << p.line << "\" column=\"" << p.column << "\" severity=\"" << severity(d.level)
           << "\" message=\"" << xml_escape(d.message + also_at(*file.source, d)) << "\" source=\"" << xml_escape(d.rule) << "\"/>\n";
    }
    out_ << "  </file>\n";
  }

  Status finish(const JsonSummary&) override {
    out_ << "</checkstyle>\n";
    return Status();
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out, const RunInfo&) {
  return std::make_unique<CheckstyleWriter>(out);
}

}  // namespace tonelint::report
