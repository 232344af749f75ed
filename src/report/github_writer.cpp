// GitHub Actions workflow commands: one annotation line per finding,
//   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// error → ::error, warning → ::warning, suggestion → ::notice. Columns are code points,
// endColumn the last character of the span (inclusive).
#include "report/report.h"

namespace tonelint::report {
namespace {

// Escaping of a command's message (data): %, CR and LF.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// Escaping of a property value: the data escapes, plus ':' and ','.
std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

const char* command(Level level) {
  switch (level) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kSuggestion: return "notice";
  }
  return "warning";
}

}  // namespace

void write_github(std::ostream& out, const ReportInput& input) {
  for (const FileEntry& file : input.files) {
    for (const Diagnostic& d : file.report->result.diagnostics) {
      const Position start = file.source->position(d.offset);
      const Position end = file.source->position(d.offset + d.length);
      // GitHub counts endColumn inclusively; an empty span ends where it starts.
      std::uint32_t end_column = end.column > 1 ? end.column - 1 : end.column;
      if (end.line == start.line && end_column < start.column) end_column = start.column;
      out << "::" << command(d.level) << " file=" << escape_property(file.path) << ",line=" << start.line
          << ",col=" << start.column << ",endLine=" << end.line << ",endColumn=" << end_column
          << ",title=" << escape_property(d.rule) << "::" << escape_data(d.message) << '\n';
    }
  }
}

}  // namespace tonelint::report
