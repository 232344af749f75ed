// Converts byte offsets into the original file to 1-based line and column numbers,
// computed only at the edge (reporting). Columns count code points; UTF-16 columns are
// there for SARIF and LSP. Handles LF, CRLF and lone CR, and a leading BOM.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tonelint {

struct Position {
  std::uint32_t line = 1;          // 1-based
  std::uint32_t column = 1;        // 1-based, in Unicode code points
  std::uint32_t utf16_column = 1;  // 1-based, in UTF-16 code units
};

class LineIndex {
 public:
  // `bytes` must be valid UTF-8 and outlive the index. The first `bom_length` bytes
  // (a UTF-8 BOM) are not counted as a column of line 1.
  explicit LineIndex(std::string_view bytes, std::uint32_t bom_length = 0);

  // Offsets past the end are clamped to the end.
  Position position(std::uint32_t offset) const;

  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // Byte offset where a 1-based line starts.
  std::uint32_t line_start(std::uint32_t line) const;
  // A 1-based line's text without its line terminator.
  std::string_view line_text(std::uint32_t line) const;

 private:
  // Code points (and UTF-16 units) before `offset`, from the nearest checkpoint.
  std::uint64_t code_points_before(std::uint32_t offset) const;
  std::uint64_t utf16_units_before(std::uint32_t offset) const;

  // Checkpoints every kStride bytes keep column lookups cheap on very long lines.
  static constexpr std::uint32_t kStride = 4096;

  std::string_view bytes_;
  std::vector<std::uint32_t> line_starts_;
  std::vector<std::uint64_t> code_point_checkpoints_;
  std::vector<std::uint64_t> utf16_checkpoints_;
};

}  // namespace tonelint
