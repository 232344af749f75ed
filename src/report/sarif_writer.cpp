// SARIF 2.1.0: one run, the rules that produced results, one result per finding with its
// region (columns in UTF-16 code units, as run.columnKind says, plus the byte span), its
// other places as relatedLocations, and the rewrites as fixes.
#include <filesystem>
#include <map>
#include <system_error>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "util/enum_names.h"

namespace tonelint::report {
namespace {

namespace fs = std::filesystem;

// SARIF's result levels: its lowest is "note".
constexpr EnumNames<Level, 3> kSarifLevels = {
    {{Level::kError, "error"}, {Level::kWarning, "warning"}, {Level::kSuggestion, "note"}}};
std::string_view sarif_level(Level level) { return name_of(kSarifLevels, level, "warning"); }

// Percent-encodes what may not appear in a URI path (RFC 3986): everything but
// unreserved characters, '/' and sub-delimiters that are safe in a path segment.
std::string uri_encode(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
        c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '@') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The artifact location of a reported path: relative to the working directory (which
// originalUriBaseIds names %SRCROOT%) where it can be, else an absolute file: URI.
nlohmann::json artifact_location(const std::string& path) {
  fs::path p(path);
  std::error_code ec;
  if (p.is_absolute()) {
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
      const fs::path rel = p.lexically_normal().lexically_relative(cwd);
      if (!rel.empty() && *rel.begin() != "..") p = rel;
    }
  }
  if (p.is_absolute()) return {{"uri", "file://" + uri_encode(p.generic_string())}};
  std::string rel = p.lexically_normal().generic_string();
  if (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  // A relative reference whose first segment has a ':' would read as a scheme.
  if (const auto colon = rel.find(':'); colon != std::string::npos && rel.find('/') > colon) rel = "./" + rel;
  return {{"uri", uri_encode(rel)}, {"uriBaseId", "%SRCROOT%"}};
}

nlohmann::json region(const SourceText& source, std::uint32_t offset, std::uint32_t length) {
  const Position start = source.position(offset);
  const Position end = source.position(offset + length);
  return {{"startLine", start.line},    {"startColumn", start.utf16_column},
          {"endLine", end.line},        {"endColumn", end.utf16_column},
          {"byteOffset", offset},       {"byteLength", length}};
}

// Streamed: the results array is written a result a line as files are added; the rules
// (bounded by the guide) and one artifact entry per file are kept and written at the end,
// after the results (key order means nothing in JSON).
class SarifWriter : public ReportWriter {
 public:
  SarifWriter(std::ostream& out, RunInfo run) : out_(out), run_(std::move(run)) {
    out_ << "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\","
            "\"version\":\"2.1.0\",\"runs\":[{\"columnKind\":\"utf16CodeUnits\",\"results\":[";
  }

  void add_file(const FileEntry& file) override {
    const nlohmann::json location = artifact_location(file.path);
    nlohmann::json context = nlohmann::json::object();
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      // A dimension the guide does not define has no value.
      if (!file.report->context.values[d].empty()) context[kDimensionNames[d]] = file.report->context.values[d];
    }
    nlohmann::json properties = {{"tonelint/context", context}, {"tonelint/score", file.report->result.score}};
    if (file.dropped > 0) properties["tonelint/droppedFindings"] = file.dropped;
    artifacts_ += artifacts_.empty() ? "\n" : ",\n";
    artifacts_ += dump_json({{"location", location}, {"properties", std::move(properties)}});
    for (const Diagnostic& d : file.report->result.diagnostics) {
      auto [it, added] = rule_index_.emplace(d.rule, rules_.size());
      if (added) {
        const Guide* guide = file.guide != nullptr ? file.guide : run_.guide;
        const Rule* rule = guide != nullptr ? guide->find_rule(d.rule) : nullptr;
        nlohmann::json descriptor = {{"id", d.rule}};
        descriptor["shortDescription"] = {{"text", rule && !rule->message.empty() ? rule->message : d.message}};
        if (rule && !rule->why.empty()) {
          descriptor["fullDescription"] = {{"text", rule->why}};
          descriptor["help"] = {{"text", rule->why}};
        }
        descriptor["defaultConfiguration"] = {{"level", sarif_level(rule ? rule->level : d.level)}};
        rules_.push_back(std::move(descriptor));
      }
      nlohmann::json physical = {{"artifactLocation", location}, {"region", region(*file.source, d.offset, d.length)}};
      nlohmann::json result = {{"ruleId", d.rule},
                               {"ruleIndex", it->second},
                               {"level", sarif_level(d.level)},
                               {"message", {{"text", d.message}}},
                               {"locations", nlohmann::json::array({{{"physicalLocation", physical}}})}};
      if (!d.related.empty()) {
        // SARIF 2.1.0 §3.27.22: the other places of the result, each a location with an id
        // unique in the result (so a message could link to it) and a short message.
        nlohmann::json related = nlohmann::json::array();
        int id = 0;
        for (const RelatedSpan& r : d.related) {
          related.push_back({{"id", ++id},
                             {"physicalLocation",
                              {{"artifactLocation", location}, {"region", region(*file.source, r.offset, r.length)}}},
                             {"message", {{"text", r.message}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      if (!d.suggestions.empty()) {
        nlohmann::json fixes = nlohmann::json::array();
        for (const Suggestion& s : d.suggestions) {
          nlohmann::json replacement = {{"deletedRegion", region(*file.source, s.offset, s.length)},
                                        {"insertedContent", {{"text", s.text}}}};
          fixes.push_back({{"description", {{"text", "Replace with \"" + s.text + "\""}}},
                           {"artifactChanges", nlohmann::json::array({{{"artifactLocation", location},
                                                                        {"replacements", nlohmann::json::array({replacement})}}})},
                           {"properties", {{"tonelint/safe", s.safe}}}});
        }
        result["fixes"] = std::move(fixes);
      }
      result["properties"] = {{"tonelint/context", context}, {"tonelint/match", d.match}, {"tonelint/origin", d.origin}};
      out_ << (first_result_ ? "\n" : ",\n") << dump_json(result);
      first_result_ = false;
    }
  }

  Status finish(const JsonSummary&) override {
    nlohmann::json driver = {{"name", "tonelint"}, {"version", run_.version}, {"rules", std::move(rules_)}};
    out_ << "\n],\"artifacts\":[" << artifacts_ << "\n],\"tool\":" << dump_json({{"driver", std::move(driver)}});
    std::error_code ec;
    std::string root = fs::current_path(ec).generic_string();
    if (!root.empty() && root.back() != '/') root += '/';
    if (!ec) out_ << ",\"originalUriBaseIds\":" << dump_json({{"%SRCROOT%", {{"uri", "file://" + uri_encode(root)}}}});
    if (run_.guide != nullptr) out_ << ",\"properties\":" << dump_json({{"tonelint/guide", run_.guide->id}});
    out_ << "}]}\n";
    return Status();
  }

 private:
  std::ostream& out_;
  RunInfo run_;
  nlohmann::json rules_ = nlohmann::json::array();
  std::map<std::string, std::size_t> rule_index_;
  std::string artifacts_;  // one short entry per file
  bool first_result_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const RunInfo& run) {
  return std::make_unique<SarifWriter>(out, run);
}

}  // namespace tonelint::report
