// The JSON report of DESIGN.md ({"files": [...], "summary": {...}}): one serializer for
// `check --format json`, the library's to_json, the C API and `tonelint serve`, so all
// four emit the same bytes for the same findings.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/session.h"
#include "input/source_text.h"

namespace tonelint::report {

// One checked file as the JSON report shows it.
struct JsonFile {
  std::string_view path;                // the name to report
  const SourceText* source = nullptr;   // the text as checked (after fixes): lines and columns
  const FileReport* report = nullptr;
  int fixes = 0;                        // rewrites applied (reported as "fixed" when > 0)
  // The repository config that governed the file (empty: none), and per dimension the
  // pattern of that config that set the value (read only where the source is kConfig).
  std::string config_path;
  const std::array<std::string, kDimensionCount>* config_patterns = nullptr;
};

nlohmann::json file_json(const JsonFile& file);

// Where a span lies, as every JSON output shows it: "offset" and "length" in bytes of the
// original text, "line"/"column" and "end_line"/"end_column" in code points, from 1.
void add_span(nlohmann::json& object, const SourceText& source, std::uint32_t offset, std::uint32_t length);

// The "summary" object: counts by level and the tone score over every file added.
class JsonSummary {
 public:
  void add(const FileReport& report);
  // `files`: how many files the run had, including those that could not be checked.
  nlohmann::json to_json(std::size_t files) const;

  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  int suggestions() const { return suggestions_; }
  int score() const;  // the tone score of all files together

 private:
  int errors_ = 0, warnings_ = 0, suggestions_ = 0;
  double penalty_ = 0;
  std::size_t words_ = 0;
  std::map<std::string, double> category_penalties_;
};

}  // namespace tonelint::report
