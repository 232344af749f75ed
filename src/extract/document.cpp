#include "extract/document.h"

namespace tonelint {

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTableCell: return "table_cell";
    case BlockKind::kAltText: return "alt_text";
    case BlockKind::kSubject: return "subject";
  }
  return "paragraph";
}

const char* inline_kind_name(InlineKind kind) {
  return kind == InlineKind::kLinkText ? "link_text" : "alt_text";
}

const char* mask_kind_name(MaskKind kind) {
  switch (kind) {
    case MaskKind::kCode: return "code";
    case MaskKind::kUrl: return "url";
    case MaskKind::kEmail: return "email";
    case MaskKind::kHtml: return "html";
  }
  return "code";
}

}  // namespace tonelint
