#include "report/report.h"

namespace tonelint::report {

const Rule* find_rule(const Guide* guide, std::string_view qualified_id) {
  if (guide == nullptr) return nullptr;
  std::string_view id = qualified_id;
  if (id.size() > guide->id.size() && id.substr(0, guide->id.size()) == guide->id && id[guide->id.size()] == '.') {
    id.remove_prefix(guide->id.size() + 1);
  }
  for (const Rule& r : guide->rules) {
    if (r.id == id) return &r;
  }
  for (const ToneEntry& tone : guide->tones) {
    for (const Rule& r : tone.rules) {
      if (r.id == id) return &r;
    }
  }
  return nullptr;
}

std::string xml_escape(std::string_view text, bool attribute) {
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

std::uint32_t byte_column(const SourceText& source, std::uint32_t offset) {
  const Position p = source.position(offset);
  const std::uint32_t start = source.lines().line_start(p.line);  // after a BOM on line 1
  return offset >= start ? offset - start + 1 : 1;
}

}  // namespace tonelint::report
