// What an extractor produces: the prose of a file as text blocks, each with a source map,
// plus the file's front matter. Non-prose (code, URLs in autolinks) inside a block is
// replaced by a placeholder so sentences keep their shape but nothing checks it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/source_map.h"
#include "input/source_text.h"

namespace tonelint {

// Where a block of prose comes from; rules can be limited to some of these (`scope:`).
// The names (block_kind_name) are those of a rule's markup scopes.
enum class BlockKind : std::uint8_t {
  kParagraph,
  kHeading,
  kListItem,
  kTableCell,
  kAltText,  // an image's alt text, an HTML title attribute: text beside the flow
  kSubject,  // an e-mail's Subject header
};
const char* block_kind_name(BlockKind kind);

// Markup inside a block's flow: link text, an image's alt text written inline (Markdown).
enum class InlineKind : std::uint8_t { kLinkText, kAltText };
const char* inline_kind_name(InlineKind kind);  // "link_text", "alt_text"

struct InlineSpan {
  std::uint32_t text_begin;  // byte range in the block text
  std::uint32_t text_end;
  InlineKind kind;
};

// U+FFFC OBJECT REPLACEMENT CHARACTER stands in for masked non-prose in block text.
inline constexpr std::string_view kPlaceholder = "\xEF\xBF\xBC";

enum class MaskKind : std::uint8_t { kCode, kUrl, kEmail, kHtml };
const char* mask_kind_name(MaskKind kind);

struct Mask {
  std::uint32_t text_offset;  // where the placeholder is in the block text
  MaskKind kind;
};

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t heading_level = 0;  // 1-6 for headings
  bool in_blockquote = false;
  bool in_list = false;
  // A table cell's place, counted from 1 with the header row first; 0 outside a table
  // (an empty cell makes no block, but still counts).
  std::uint16_t table_row = 0;
  std::uint16_t table_column = 0;
  // Plain text treats every line break as a sentence end (chat style); Markdown turns
  // soft line breaks into spaces, so only hard breaks end sentences there.
  std::string_view text;     // points into the source or into Document storage
  SourceMap map;             // text offset -> source offset
  std::vector<Mask> masks;   // ordered by text_offset
  std::vector<InlineSpan> spans;  // ordered by text_begin; may nest (an image in a link)
};

// Parsed YAML front matter (extract/front_matter.h): kept behind a pointer so that this
// header, included by most of the core, does not bring in yaml-cpp.
struct FrontMatter;

class Document {
 public:
  explicit Document(const SourceText& source, std::string format)
      : source_(&source), format_(std::move(format)) {}

  const SourceText& source() const { return *source_; }
  const std::string& format() const { return format_; }
  const std::vector<TextBlock>& blocks() const { return blocks_; }
  // Null when the draft has none; include extract/front_matter.h to read it.
  const FrontMatter* front_matter() const { return front_matter_.get(); }

  // For extractors.
  TextBlock& add_block() { return blocks_.emplace_back(); }
  // Keeps `text` alive as long as the document; the view stays valid.
  std::string_view store(std::string text) { return storage_.emplace_back(std::move(text)); }
  void set_front_matter(FrontMatter fm);  // in front_matter.cpp

  // Source bytes that encode their text rather than hold it (quoted-printable, base64,
  // ISO-2022-JP, an RFC 2047 encoded word): findings there are real, but a rewrite written
  // into them would corrupt the file, so none is offered.
  void mark_encoded(std::uint32_t offset, std::uint32_t length) { encoded_.emplace_back(offset, offset + length); }
  bool is_encoded(std::uint32_t offset, std::uint32_t length) const {
    for (const auto& [begin, end] : encoded_) {
      if (offset < end && begin < offset + std::max<std::uint32_t>(length, 1)) return true;
    }
    return false;
  }
  bool has_encoded() const { return !encoded_.empty(); }

 private:
  const SourceText* source_;
  std::string format_;  // "text", "markdown", ...
  std::vector<TextBlock> blocks_;
  std::shared_ptr<const FrontMatter> front_matter_;  // immutable, so copies may share it
  std::deque<std::string> storage_;  // deque: stored strings never move
  std::vector<std::pair<std::uint32_t, std::uint32_t>> encoded_;  // [begin, end) source ranges
};

}  // namespace tonelint
