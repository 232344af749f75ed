// GitHub Actions workflow commands: one annotation line per finding,
//   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// error → ::error, warning → ::warning, suggestion → ::notice. Columns are code points,
// endColumn the last character of the span (inclusive).
#include "input/utf8.h"
#include "report/report.h"
#include "util/enum_names.h"

namespace tonelint::report {
namespace {

// Escaping of a command's message (data): %, CR and LF, as the runner decodes them. The
// other C0 controls and DEL (an ESC sequence in a file name) are written %XX too: the
// runner leaves those as they are, so they show as text instead of acting on the log.
// Bytes that are not UTF-8 become U+FFFD, as the runner would decode them anyway.
std::string escape_data(std::string_view raw) {
  const std::string text = to_well_formed_utf8(raw);
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '%' || byte < 0x20 || byte == 0x7F) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
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

// The workflow commands of each level: GitHub has no "suggestion", its lowest is "notice".
constexpr EnumNames<Level, 3> kCommands = {
    {{Level::kError, "error"}, {Level::kWarning, "warning"}, {Level::kSuggestion, "notice"}}};
std::string_view command(Level level) { return name_of(kCommands, level, "warning"); }

class GithubWriter : public ReportWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}

  void add_file(const FileEntry& file) override {
    std::ostream& out = out_;
    for (const Diagnostic& d : file.report->result.diagnostics) {
      const Position start = file.source->position(d.offset);
      const Position end = file.source->position(d.offset + d.length);
      // GitHub counts endColumn inclusively; an empty span ends where it starts.
      std::uint32_t end_column = end.column > 1 ? end.column - 1 : end.column;
      if (end.line == start.line && end_column < start.column) end_column = start.column;
      out << "::" << command(d.level) << " file=" << escape_property(file.path) << ",line=" << start.line
          << ",col=" << start.column << ",endLine=" << end.line << ",endColumn=" << end_column
          << ",title=" << escape_property(d.rule) << "::" << escape_data(d.message + also_at(*file.source, d)) << '\n';
    }
    if (file.dropped > 0) {
      out << "::notice file=" << escape_property(file.path) << ",title=tonelint::" << file.dropped
          << " more findings not reported (at most " << kMaxFindingsPerFile << " a file)\n";
    }
  }

  Status finish(const JsonSummary&) override { return Status(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const RunInfo&) {
  return std::make_unique<GithubWriter>(out);
}

}  // namespace tonelint::report
