// The default `check` output, for a person: per finding "path:line:col: level: message
// [rule]", a window of the source line with the span marked, the rewrite; then the file's
// tone score. Names and messages have their control characters escaped (report/escape.h)
// so a file name cannot print a line of its own (a forged `::error` workflow command) nor
// send ESC sequences to the terminal. Colour is the style's (RunInfo::style): plain here,
// ANSI from the CLI at a terminal.
#include <string>

#include "report/escape.h"
#include "report/report.h"
#include "report/source_window.h"
#include "report/text_style.h"

namespace tonelint::report {
namespace {

// "[rule]", step by step: GCC 12 warns falsely on "[" + std::string&&.
std::string bracketed(const std::string& text) {
  std::string out = "[";
  out += text;
  out += ']';
  return out;
}

// The engine's Level and the public Severity name the same levels in the same order.
Severity severity_of(Level level) { return static_cast<Severity>(static_cast<std::uint8_t>(level)); }

const TextStyle kPlain{};  // stateless: the undecorated text

class TextWriter : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const TextStyle& paint) : out_(out), paint_(paint) {}

  void add_file(const FileEntry& f) override {
    std::ostream& out = out_;
    const TextStyle& paint = paint_;
    const SourceText& src = *f.source;
    const std::string path = quote_name(f.path);
    for (const Diagnostic& d : f.report->result.diagnostics) {
      const Position p = src.position(d.offset);
      out << paint.bold(path + ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ":") << ' '
          << paint.level(severity_of(d.level), std::string(level_name(d.level)) + ":") << ' ' << escape_controls(d.message) << also_at(src, d) << ' '
          << paint.dim(bracketed(escape_controls(d.rule))) << '\n';
      const std::string_view line = src.lines().line_text(p.line);
      const std::uint32_t line_start = src.lines().line_start(p.line);
      const LineWindow window = line_window(line, d.offset - line_start, d.offset + d.length - line_start);
      const std::string number = std::to_string(p.line);
      const std::string gutter = paint.dim(std::string(number.size(), ' ') + " |");
      out << "  " << paint.dim(number + " |") << ' ' << window.text << '\n'
          << "  " << gutter << ' ' << paint.marker(severity_of(d.level), marker_line(window.text, window.start_byte, window.end_byte))
          << '\n';
      if (!d.suggestions.empty()) {
        out << "  " << std::string(number.size(), ' ') << " = " << (d.suggestions.front().safe ? "fix" : "suggestion")
            << ": \"" << paint.removed(escape_controls(d.match)) << "\" → \""
            << paint.added(escape_controls(d.suggestions.front().text)) << "\"\n";
      }
    }
    if (f.dropped > 0) {
      out << paint.bold(path + ":") << ' ' << f.dropped << " more findings not shown (at most " << kMaxFindingsPerFile
          << " a file)\n";
    }
    if (!f.report->result.diagnostics.empty()) {
      out << paint.bold(path + ":") << " tone score " << f.report->result.score << "/100";
      for (const auto& [category, score] : f.report->result.category_scores) {
        if (score < 100) out << " · " << category << ' ' << score;
      }
      out << '\n';
    }
  }

  // The run's totals are the CLI's summary line on stderr, not part of this report.
  Status finish(const JsonSummary&) override { return Status(); }

 private:
  std::ostream& out_;
  const TextStyle& paint_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const RunInfo& run) {
  return std::make_unique<TextWriter>(out, run.style != nullptr ? *run.style : kPlain);
}

}  // namespace tonelint::report
