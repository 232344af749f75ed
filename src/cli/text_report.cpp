#include "cli/text_report.h"

#include <string>

#include "report/escape.h"

namespace tonelint::cli {
namespace {

// "[rule]", step by step: GCC 12 warns falsely on "[" + std::string&&.
std::string bracketed(const std::string& text) {
  std::string out = "[";
  out += text;
  out += ']';
  return out;
}

}  // namespace

void print_text(std::ostream& out, const report::FileEntry& f, const Palette& paint) {
  const SourceText& src = *f.source;
  const std::string path = report::quote_name(f.path);
  for (const Diagnostic& d : f.report->result.diagnostics) {
    const Position p = src.position(d.offset);
    out << paint.bold(path + ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ":") << ' '
        << paint.level(d.level, std::string(level_name(d.level)) + ":") << ' ' << report::escape_controls(d.message) << ' '
        << paint.dim(bracketed(report::escape_controls(d.rule))) << '\n';
    const std::string_view line = src.lines().line_text(p.line);
    const std::uint32_t line_start = src.lines().line_start(p.line);
    const LineWindow window = line_window(line, d.offset - line_start, d.offset + d.length - line_start);
    const std::string number = std::to_string(p.line);
    const std::string gutter = paint.dim(std::string(number.size(), ' ') + " |");
    out << "  " << paint.dim(number + " |") << ' ' << window.text << '\n'
        << "  " << gutter << ' ' << paint.marker(d.level, marker_line(window.text, window.start_byte, window.end_byte))
        << '\n';
    if (!d.suggestions.empty()) {
      out << "  " << std::string(number.size(), ' ') << " = " << (d.suggestions.front().safe ? "fix" : "suggestion")
          << ": \"" << paint.removed(report::escape_controls(d.match)) << "\" → \""
          << paint.added(report::escape_controls(d.suggestions.front().text)) << "\"\n";
    }
  }
  if (f.dropped > 0) {
    out << paint.bold(path + ":") << ' ' << f.dropped << " more findings not shown (at most "
        << report::kMaxFindingsPerFile << " a file)\n";
  }
  if (!f.report->result.diagnostics.empty()) {
    out << paint.bold(path + ":") << " tone score " << f.report->result.score << "/100";
    for (const auto& [category, score] : f.report->result.category_scores) {
      if (score < 100) out << " · " << category << ' ' << score;
    }
    out << '\n';
  }
}

}  // namespace tonelint::cli
