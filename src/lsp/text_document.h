// An open document's text as the client last sent it, kept in UTF-8 with a line index for
// converting LSP positions. Incremental changes (ranges in the negotiated encoding) are
// applied in order, each against the text the previous one left.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "input/line_index.h"
#include "lsp/positions.h"
#include "tonelint/status.h"

namespace tonelint::lsp {

class TextDocument {
 public:
  explicit TextDocument(std::string text);

  // The line index points into text_.
  TextDocument(const TextDocument&) = delete;
  TextDocument& operator=(const TextDocument&) = delete;

  const std::string& text() const { return text_; }
  const LineIndex& lines() const { return *lines_; }

  LspPosition position_of(std::uint32_t offset, PositionEncoding encoding) const {
    return to_lsp_position(*lines_, offset, encoding);
  }
  std::uint32_t offset_of(LspPosition position, PositionEncoding encoding) const {
    return to_byte_offset(*lines_, text_, position, encoding);
  }
  LspRange range_of(std::uint32_t offset, std::uint32_t length, PositionEncoding encoding) const {
    return {position_of(offset, encoding), position_of(offset + length, encoding)};
  }

  // Replaces `range` (the whole text when absent) with `replacement`. Errors
  // (kInvalidArgument): a range whose end is before its start; the text is then unchanged.
  Status apply_change(const std::optional<LspRange>& range, std::string_view replacement, PositionEncoding encoding);

 private:
  std::string text_;
  std::unique_ptr<LineIndex> lines_;
};

}  // namespace tonelint::lsp
