// SARIF 2.1.0: one run, the rules that produced results, one result per finding with its
// region (columns in UTF-16 code units, as run.columnKind says, plus the byte span) and
// the rewrites as fixes.
#include <filesystem>
#include <map>
#include <system_error>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace tonelint::report {
namespace {

namespace fs = std::filesystem;

const char* sarif_level(Level level) {
  switch (level) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kSuggestion: return "note";
  }
  return "warning";
}

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

}  // namespace

void write_sarif(std::ostream& out, const ReportInput& input) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string, std::size_t> rule_index;
  nlohmann::json results = nlohmann::json::array();
  nlohmann::json artifacts = nlohmann::json::array();

  for (const FileEntry& file : input.files) {
    const nlohmann::json location = artifact_location(file.path);
    nlohmann::json context = nlohmann::json::object();
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      // A dimension the guide does not define has no value.
      if (!file.report->context.values[d].empty()) context[kDimensionNames[d]] = file.report->context.values[d];
    }
    artifacts.push_back({{"location", location}, {"properties", {{"tonelint/context", context},
                                                                  {"tonelint/score", file.report->result.score}}}});
    for (const Diagnostic& d : file.report->result.diagnostics) {
      auto [it, added] = rule_index.emplace(d.rule, rules.size());
      if (added) {
        const Guide* guide = file.guide != nullptr ? file.guide : input.guide;
        const Rule* rule = guide != nullptr ? guide->find_rule(d.rule) : nullptr;
        nlohmann::json descriptor = {{"id", d.rule}};
        descriptor["shortDescription"] = {{"text", rule && !rule->message.empty() ? rule->message : d.message}};
        if (rule && !rule->why.empty()) {
          descriptor["fullDescription"] = {{"text", rule->why}};
          descriptor["help"] = {{"text", rule->why}};
        }
        descriptor["defaultConfiguration"] = {{"level", sarif_level(rule ? rule->level : d.level)}};
        rules.push_back(std::move(descriptor));
      }
      nlohmann::json physical = {{"artifactLocation", location}, {"region", region(*file.source, d.offset, d.length)}};
      nlohmann::json result = {{"ruleId", d.rule},
                               {"ruleIndex", it->second},
                               {"level", sarif_level(d.level)},
                               {"message", {{"text", d.message}}},
                               {"locations", nlohmann::json::array({{{"physicalLocation", physical}}})}};
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
      results.push_back(std::move(result));
    }
  }

  nlohmann::json driver = {{"name", "tonelint"}, {"version", input.version}, {"rules", std::move(rules)}};
  std::error_code ec;
  std::string root = fs::current_path(ec).generic_string();
  if (!root.empty() && root.back() != '/') root += '/';
  nlohmann::json run = {{"tool", {{"driver", std::move(driver)}}},
                        {"columnKind", "utf16CodeUnits"},
                        {"artifacts", std::move(artifacts)},
                        {"results", std::move(results)}};
  if (!ec) run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + uri_encode(root)}}}};
  if (input.guide != nullptr) run["properties"] = {{"tonelint/guide", input.guide->id}};
  nlohmann::json log = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", nlohmann::json::array({std::move(run)})}};
  out << log.dump(2) << '\n';
}

}  // namespace tonelint::report
