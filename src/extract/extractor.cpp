#include "extract/extractor.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "extract/email_extractor.h"
#include "extract/html_extractor.h"
#include "extract/markdown_extractor.h"
#include "extract/plain_text_extractor.h"

namespace tonelint {
namespace {

// Extractors are stateless, so one immutable instance of each serves every thread.
const PlainTextExtractor kPlainText;
const MarkdownExtractor kMarkdown;
const HtmlExtractor kHtml;
const EmailExtractor kEmail;

std::string lowercase_extension(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

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

const Extractor* extractor_for_format(std::string_view format) {
  if (format == "text" || format == "txt" || format == "plain") return &kPlainText;
  if (format == "markdown" || format == "md" || format == "mdx") return &kMarkdown;
  if (format == "html" || format == "htm" || format == "xhtml") return &kHtml;
  if (format == "email" || format == "eml") return &kEmail;
  return nullptr;
}

const Extractor& extractor_for_path(std::string_view path) {
  static constexpr std::array<std::string_view, 5> kMarkdownExtensions = {"md", "markdown", "mdx", "mdown", "mkd"};
  const std::string ext = lowercase_extension(path);
  if (std::find(kMarkdownExtensions.begin(), kMarkdownExtensions.end(), ext) != kMarkdownExtensions.end()) {
    return kMarkdown;
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml") return kHtml;
  if (ext == "eml") return kEmail;
  return kPlainText;
}

}  // namespace tonelint
