// The reports of `tonelint check`: text for a person, JSON, and for CI and review tools
// SARIF, GitHub workflow commands, reviewdog rdjsonl, checkstyle XML and JUnit XML. Each
// format lives in its own file (<name>_writer.cpp) and has one row in the table of
// report_format.cpp; they all read the same per-file results.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "lint/session.h"
#include "guide/guide.h"
#include "input/source_text.h"
#include "report/json_report.h"
#include "tonelint/status.h"

namespace tonelint::report {

// One checked file: the name to report, its text as checked and its findings.
struct FileEntry {
  std::string path;
  const SourceText* source = nullptr;
  const FileReport* report = nullptr;
  const Guide* guide = nullptr;  // the guide it was checked against (configs may differ)
  std::optional<Level> fail_on;  // its config's fail_on, when that differs from the run's
  std::size_t dropped = 0;       // findings past kMaxFindingsPerFile: counted, not in `report`
  int fixes = 0;                 // rewrites applied (json)
  // The repository config that governed the file, and the patterns that set its context (json).
  std::string config_path;
  const std::array<std::string, kDimensionCount>* config_patterns = nullptr;
};

class TextStyle;

// What a report says of the run as a whole.
struct RunInfo {
  const Guide* guide = nullptr;   // for rule descriptions when a file names none; may be null
  std::string version;            // tonelint's version
  Level fail_on = Level::kError;  // findings at or above this level fail (JUnit)
  const TextStyle* style = nullptr;  // the text report's decoration (colour); null: plain
};

// One report, streamed: each file is written (or, where the format needs totals first,
// spooled to a temporary file) as it is added, so memory does not grow with the findings
// of the run. Names that are not UTF-8 are written as each format allows (README).
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void add_file(const FileEntry& file) = 0;
  // Ends the report. `summary`: the run's counts (files checked, refused, findings).
  // An error when a spool could not be written (the report is then incomplete).
  virtual Status finish(const JsonSummary& summary) = 0;
};

// The writer of a format named in report_formats() (report_format.h); null for another name.
std::unique_ptr<ReportWriter> make_report_writer(std::string_view format, std::ostream& out, RunInfo run);
bool is_report_format(std::string_view format);

// --- shared helpers (report_common.cpp) ---

// `level` is `threshold` or more severe (error > warning > suggestion).
inline bool at_or_above(Level level, Level threshold) {
  return static_cast<int>(level) <= static_cast<int>(threshold);
}

// Text escaped for XML (& < > " ', and control characters XML 1.0 cannot carry, U+FFFE,
// U+FFFF and bytes that are not UTF-8, which become U+FFFD). In attribute values line
// breaks and tabs become character references (kept through attribute-value
// normalization); in character data LF and tab stay as they are.
std::string xml_escape(std::string_view text, bool attribute = true);

// The finding's other places for formats with no field for them, to follow its message:
// " (also at 3:5, 7:12)" (line:column in code points; past the first few, "and N more"),
// empty when it has none.
std::string also_at(const SourceText& source, const Diagnostic& d);

// 1-based column of `offset` in UTF-8 bytes from the start of its line.
std::uint32_t byte_column(const SourceText& source, std::uint32_t offset);

}  // namespace tonelint::report
