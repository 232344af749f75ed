// `check --format json`: {"files": [...], "summary": {...}} streamed a file at a time,
// the same bytes as dumping the whole document ("files" sorts before "summary").
#include "report/report.h"

namespace tonelint::report {
namespace {

class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) { out_ << "{\"files\":["; }

  void add_file(const FileEntry& file) override {
    JsonFile json;
    json.path = file.path;
    json.source = file.source;
    json.report = file.report;
    json.fixes = file.fixes;
    json.dropped = file.dropped;
    json.config_path = file.config_path;
    json.config_patterns = file.config_patterns;
    out_ << (first_ ? "" : ",") << dump_json(file_json(json));
    first_ = false;
  }

  Status finish(const JsonSummary& summary) override {
    out_ << "],\"summary\":" << dump_json(summary.to_json()) << "}\n";
    return Status();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const RunInfo&) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace tonelint::report
