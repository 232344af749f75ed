#include "extract/directive_comments.h"

#include <string_view>

#include "extract/mdx_extractor.h"
#include "extract/plain_text_extractor.h"

namespace tonelint {
namespace {

// The fence character when a Markdown line opens or closes a fenced code block (``` or ~~~,
// up to three spaces in), else 0. A line scan rather than md4c's view of code: it is what
// the suppression comments have always been matched against.
char fence_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (line.substr(i, 3) == "```") return '`';
  if (line.substr(i, 3) == "~~~") return '~';
  return 0;
}

std::vector<DirectiveComment> line_comments(const SourceText& source) {
  std::vector<DirectiveComment> out;
  const LineIndex& lines = source.lines();
  for (std::uint32_t line = 1; line <= lines.line_count(); ++line) {
    const std::string_view text = lines.line_text(line);
    const std::string_view body = plain_text_directive(text);
    if (body.empty()) continue;
    const std::uint32_t start = lines.line_start(line);
    const auto body_offset = start + static_cast<std::uint32_t>(body.data() - text.data());
    out.push_back({start, static_cast<std::uint32_t>(text.size()), body_offset, static_cast<std::uint32_t>(body.size())});
  }
  return out;
}

// HTML comments; with `skip_fences`, not those in fenced code (an example of a directive in
// a code block is documentation, not a directive).
std::vector<DirectiveComment> html_comments(const SourceText& source, bool skip_fences) {
  std::vector<DirectiveComment> out;
  const std::string_view bytes = source.bytes();
  char fence = 0;  // the open fence's character, 0 outside code
  std::size_t i = source.bom_length();
  while (i < bytes.size()) {
    std::size_t eol = bytes.find('\n', i);
    if (eol == std::string_view::npos) eol = bytes.size();
    const std::string_view line = bytes.substr(i, eol - i);
    if (skip_fences) {
      if (const char f = fence_of(line)) {
        if (fence == 0) {
          fence = f;
        } else if (fence == f) {
          fence = 0;
        }
        i = eol + 1;
        continue;
      }
      if (fence != 0) {
        i = eol + 1;
        continue;
      }
    }
    const std::size_t open = line.find("<!--");
    if (open == std::string_view::npos) {
      i = eol + 1;
      continue;
    }
    const std::size_t comment = i + open;
    const std::size_t close = bytes.find("-->", comment + 4);
    const std::size_t body_end = close == std::string_view::npos ? bytes.size() : close;
    const std::size_t end = close == std::string_view::npos ? bytes.size() : close + 3;
    out.push_back({static_cast<std::uint32_t>(comment), static_cast<std::uint32_t>(end - comment),
                   static_cast<std::uint32_t>(comment + 4), static_cast<std::uint32_t>(body_end - comment - 4)});
    i = end;  // a comment may span lines; continue right after it
  }
  return out;
}

}  // namespace

std::vector<DirectiveComment> find_directive_comments(const SourceText& source, CommentSyntax syntax) {
  if (source.bytes().find("tonelint-") == std::string_view::npos) return {};  // the common case, at once
  switch (syntax) {
    case CommentSyntax::kHashOrSlashLine: return line_comments(source);
    case CommentSyntax::kHtmlComment: return html_comments(source, false);
    case CommentSyntax::kHtmlCommentOutsideFences: return html_comments(source, true);
    case CommentSyntax::kMdxComment: return mdx_directive_comments(source);
  }
  return {};
}

}  // namespace tonelint
