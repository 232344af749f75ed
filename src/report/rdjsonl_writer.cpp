// reviewdog's rdjsonl: one Diagnostic JSON object per line. Positions follow the
// Reviewdog Diagnostic Format: lines 1-based, columns 1-based in UTF-8 bytes, end exclusive.
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "util/enum_names.h"

namespace tonelint::report {
namespace {

// reviewdog's Severity enum names.
constexpr EnumNames<Level, 3> kSeverities = {
    {{Level::kError, "ERROR"}, {Level::kWarning, "WARNING"}, {Level::kSuggestion, "INFO"}}};
std::string_view severity(Level level) { return name_of(kSeverities, level, "UNKNOWN_SEVERITY"); }

nlohmann::json range(const SourceText& source, std::uint32_t offset, std::uint32_t length) {
  const Position start = source.position(offset);
  const Position end = source.position(offset + length);
  return {{"start", {{"line", start.line}, {"column", byte_column(source, offset)}}},
          {"end", {{"line", end.line}, {"column", byte_column(source, offset + length)}}}};
}

// A name that is not UTF-8 is written with U+FFFD (dump_json): the format has no field
// for the exact bytes, and reviewdog rejects fields it does not know.
class RdjsonlWriter : public ReportWriter {
 public:
  explicit RdjsonlWriter(std::ostream& out) : out_(out) {}

  void add_file(const FileEntry& file) override {
    std::ostream& out = out_;
    for (const Diagnostic& d : file.report->result.diagnostics) {
      nlohmann::json j = {{"message", d.message},
                          {"location", {{"path", file.path}, {"range", range(*file.source, d.offset, d.length)}}},
                          {"severity", severity(d.level)},
                          {"source", {{"name", "tonelint"}}},
                          {"code", {{"value", d.rule}}}};
      if (!d.related.empty()) {
        // reviewdog.proto's RelatedLocation: a message and a location.
        nlohmann::json related = nlohmann::json::array();
        for (const RelatedSpan& r : d.related) {
          related.push_back({{"message", r.message},
                             {"location", {{"path", file.path}, {"range", range(*file.source, r.offset, r.length)}}}});
        }
        j["related_locations"] = std::move(related);
      }
      if (!d.suggestions.empty()) {
        nlohmann::json suggestions = nlohmann::json::array();
        for (const Suggestion& s : d.suggestions) {
          suggestions.push_back({{"range", range(*file.source, s.offset, s.length)}, {"text", s.text}});
        }
        j["suggestions"] = std::move(suggestions);
      }
      out << dump_json(j) << '\n';
    }
  }

  Status finish(const JsonSummary&) override { return Status(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_rdjsonl_writer(std::ostream& out, const RunInfo&) {
  return std::make_unique<RdjsonlWriter>(out);
}

}  // namespace tonelint::report
