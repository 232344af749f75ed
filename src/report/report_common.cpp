#include "report/report.h"

#include "report/escape.h"

namespace tonelint::report {

std::string xml_escape(std::string_view raw, bool attribute) {
  const std::string text = to_xml_chars(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;  // a parser would turn a raw CR into LF
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";  // not allowed in XML 1.0, even as a reference
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string also_at(const SourceText& source, const Diagnostic& d) {
  if (d.related.empty()) return {};
  constexpr std::size_t kListed = 10;  // a line a reader can take in
  std::string out = " (also at ";
  for (std::size_t i = 0; i < d.related.size() && i < kListed; ++i) {
    const Position p = source.position(d.related[i].offset);
    if (i > 0) out += ", ";
    out += std::to_string(p.line);
    out += ':';
    out += std::to_string(p.column);
  }
  if (d.related.size() > kListed) out += " and " + std::to_string(d.related.size() - kListed) + " more";
  out += ')';
  return out;
}

std::uint32_t byte_column(const SourceText& source, std::uint32_t offset) {
  const Position p = source.position(offset);
  const std::uint32_t start = source.lines().line_start(p.line);  // after a BOM on line 1
  return offset >= start ? offset - start + 1 : 1;
}

}  // namespace tonelint::report
