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

std::unique_ptr<ReportWriter> make_report_writer(std::string_view format, std::ostream& out, RunInfo run) {
  if (format == "json") return make_json_writer(out);
  if (format == "sarif") return make_sarif_writer(out, std::move(run));
  if (format == "github") return make_github_writer(out);
  if (format == "rdjsonl") return make_rdjsonl_writer(out);
  if (format == "checkstyle") return make_checkstyle_writer(out);
  if (format == "junit") return make_junit_writer(out, std::move(run));
  return nullptr;
}

bool is_report_format(std::string_view format) {
  for (const char* known : {"json", "sarif", "github", "rdjsonl", "checkstyle", "junit"}) {
    if (format == known) return true;
  }
  return false;
}

namespace {

void write_all(std::string_view format, std::ostream& out, const ReportInput& input) {
  auto writer = make_report_writer(format, out, {input.guide, input.version, input.fail_on});
  JsonSummary summary;
  for (const FileEntry& file : input.files) {
    writer->add_file(file);
    summary.add(*file.report);
  }
  (void)writer->finish(summary);  // a spool that failed leaves `out` incomplete, as any failed write
}

}  // namespace

void write_sarif(std::ostream& out, const ReportInput& input) { write_all("sarif", out, input); }
void write_github(std::ostream& out, const ReportInput& input) { write_all("github", out, input); }
void write_rdjsonl(std::ostream& out, const ReportInput& input) { write_all("rdjsonl", out, input); }
void write_checkstyle(std::ostream& out, const ReportInput& input) { write_all("checkstyle", out, input); }
void write_junit(std::ostream& out, const ReportInput& input) { write_all("junit", out, input); }

std::uint32_t byte_column(const SourceText& source, std::uint32_t offset) {
  const Position p = source.position(offset);
  const std::uint32_t start = source.lines().line_start(p.line);  // after a BOM on line 1
  return offset >= start ? offset - start + 1 : 1;
}

}  // namespace tonelint::report
