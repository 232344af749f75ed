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
#include <vector>

#include <nlohmann/json.hpp>

#include "lint/session.h"
#include "input/source_text.h"

namespace tonelint::report {

// A file's findings are counted in full but at most this many are kept for its report:
// 2,000,000 findings in one draft would otherwise take gigabytes to report.
inline constexpr std::size_t kMaxFindingsPerFile = 10000;

using tonelint::LevelCounts;

// How many of `diagnostics` are `threshold` or more severe.
int count_at_or_above(const std::vector<Diagnostic>& diagnostics, Level threshold);

// Keeps the first `limit` findings (they are in source order) and returns the counts of
// those dropped.
LevelCounts keep_first_findings(std::vector<Diagnostic>* diagnostics, std::size_t limit = kMaxFindingsPerFile);

// One checked file as the JSON report shows it.
struct JsonFile {
  std::string_view path;                // the name to report
  const SourceText* source = nullptr;   // the text as checked (after fixes): lines and columns
  const FileReport* report = nullptr;
  int fixes = 0;                        // rewrites applied (reported as "fixed" when > 0)
  std::size_t dropped = 0;              // findings past kMaxFindingsPerFile (reported as "dropped" when > 0)
  // The repository config that governed the file (empty: none), and per dimension the
  // pattern of that config that set the value (read only where the source is kConfig).
  std::string config_path;
  const std::array<std::string, kDimensionCount>* config_patterns = nullptr;
};

// A path that is not valid UTF-8 is shown with U+FFFD for each ill-formed sequence, and
// its exact bytes are kept in hex in "path_bytes".
nlohmann::json file_json(const JsonFile& file);

// How every JSON report is serialized: compact, and any byte that is not UTF-8 (in a
// message, a match or a name) as U+FFFD rather than nlohmann's exception.
std::string dump_json(const nlohmann::json& value);

// Where a span lies, as every JSON output shows it: "offset" and "length" in bytes of the
// original text, "line"/"column" and "end_line"/"end_column" in code points, from 1.
void add_span(nlohmann::json& object, const SourceText& source, std::uint32_t offset, std::uint32_t length);

// A score over many texts: the mean of theirs, each weighted by score_weight (its length),
// so it lies between the lowest and the highest of them and a long text counts for more
// than a one-line reply. 100 when there is none.
class MeanScore {
 public:
  void add(int score, double weight) {
    weighted_ += score * weight;
    weight_ += weight;
  }
  int value() const;

 private:
  double weighted_ = 0, weight_ = 0;
};

// The "summary" object: counts by level and the tone score over every file added.
class JsonSummary {
 public:
  // A checked file; `dropped`: its findings not kept (counted all the same).
  void add(const FileReport& report, const LevelCounts& dropped = {});
  // A file that could not be checked: not counted in "files", nor in the score.
  void add_refused() { ++refused_; }
  // A file skipped as binary: not an error, not checked.
  void add_skipped() { ++skipped_; }
  // `files`: how many files to report as checked ("refused" and "skipped" are added when
  // there were any).
  nlohmann::json to_json(std::size_t files) const;
  // The same with the files added: "files" counts those checked; "score" is null when
  // none was, as there is nothing to score.
  nlohmann::json to_json() const;

  std::size_t files() const { return files_; }
  std::size_t refused() const { return refused_; }
  std::size_t skipped() const { return skipped_; }
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  int suggestions() const { return suggestions_; }
  int score() const { return score_.value(); }  // the files' scores together (MeanScore)

 private:
  int errors_ = 0, warnings_ = 0, suggestions_ = 0;
  std::size_t files_ = 0, refused_ = 0, skipped_ = 0;
  MeanScore score_;
  std::map<std::string, MeanScore> category_scores_;  // over the files whose rules have the category
};

}  // namespace tonelint::report
