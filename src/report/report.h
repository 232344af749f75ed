// Machine-readable reports of `tonelint check` for CI and review tools: SARIF, GitHub
// workflow commands, reviewdog rdjsonl, checkstyle XML and JUnit XML. Each format lives in
// its own file; they all read the same per-file results the text and JSON outputs read.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/session.h"
#include "guide/guide.h"
#include "input/source_text.h"

namespace tonelint::report {

// One checked file: the name to report, its text as checked and its findings.
struct FileEntry {
  std::string path;
  const SourceText* source = nullptr;
  const FileReport* report = nullptr;
  const Guide* guide = nullptr;  // the guide it was checked against (configs may differ)
  std::optional<Level> fail_on;  // its config's fail_on, when that differs from the run's
};

struct ReportInput {
  std::vector<FileEntry> files;
  const Guide* guide = nullptr;  // for rule descriptions when a file names none; may be null
  std::string version;           // tonelint's version
  Level fail_on = Level::kError;  // findings at or above this level fail (JUnit)
};

void write_sarif(std::ostream& out, const ReportInput& input);
void write_github(std::ostream& out, const ReportInput& input);
void write_rdjsonl(std::ostream& out, const ReportInput& input);
void write_checkstyle(std::ostream& out, const ReportInput& input);
void write_junit(std::ostream& out, const ReportInput& input);

// --- shared helpers (report_common.cpp) ---

// `level` is `threshold` or more severe (error > warning > suggestion).
inline bool at_or_above(Level level, Level threshold) {
  return static_cast<int>(level) <= static_cast<int>(threshold);
}

// Text escaped for XML (& < > " ' and control characters XML 1.0 cannot carry, which
// become U+FFFD). In attribute values line breaks and tabs become character references
// (kept through attribute-value normalization); in character data LF and tab stay as they are.
std::string xml_escape(std::string_view text, bool attribute = true);

// 1-based column of `offset` in UTF-8 bytes from the start of its line.
std::uint32_t byte_column(const SourceText& source, std::uint32_t offset);

}  // namespace tonelint::report
