#include "lsp/text_document.h"

namespace tonelint::lsp {

TextDocument::TextDocument(std::string text)
    : text_(std::move(text)), lines_(std::make_unique<LineIndex>(text_, 0)) {}

Status TextDocument::apply_change(const std::optional<LspRange>& range, std::string_view replacement,
                                  PositionEncoding encoding) {
  if (!range) {
    text_.assign(replacement.data(), replacement.size());
  } else {
    const std::uint32_t start = offset_of(range->start, encoding);
    const std::uint32_t end = offset_of(range->end, encoding);
    if (end < start) {
      return Status(ErrorCode::kInvalidArgument,
                    "change range ends (" + std::to_string(range->end.line) + ":" + std::to_string(range->end.character) +
                        ") before it starts (" + std::to_string(range->start.line) + ":" +
                        std::to_string(range->start.character) + ")");
    }
    text_.replace(start, end - start, replacement.data(), replacement.size());
  }
  lines_ = std::make_unique<LineIndex>(text_, 0);  // positions of the next change refer to this text
  return Status();
}

}  // namespace tonelint::lsp
