#include "extract/markdown_extractor.h"

#include <md4c.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "extract/front_matter.h"
#include "input/utf8.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kAliases[] = {"md"};
constexpr std::string_view kExtensions[] = {"md", "markdown", "mdown", "mkd"};
constexpr FormatTraits kTraits{"markdown", kAliases, kExtensions, CommentSyntax::kHtmlCommentOutsideFences};

namespace {

// Builds TextBlocks from md4c's callbacks.
class BlockBuilder {
 public:
  BlockBuilder(Document* doc, const char* parse_begin, std::span<const EmbeddedSpan> embedded)
      : doc_(doc), begin_(parse_begin), embedded_(embedded) {}

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_P:
        start(containers_.empty() || containers_.back() != MD_BLOCK_LI ? BlockKind::kParagraph
                                                                       : BlockKind::kListItem);
        break;
      case MD_BLOCK_H:
        start(BlockKind::kHeading);
        current_heading_level_ = static_cast<std::uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_TABLE:
        flush();
        table_row_ = 0;
        break;
      case MD_BLOCK_TR:
        flush();
        ++table_row_;
        table_column_ = 0;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        ++table_column_;
        start(BlockKind::kTableCell);
        break;
      case MD_BLOCK_LI:
        start(BlockKind::kListItem);  // tight lists put text directly in the item
        break;
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        flush();
        ++skip_depth_;
        break;
      default:
        flush();
        break;
    }
    if (type == MD_BLOCK_QUOTE) ++quote_depth_;
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) ++list_depth_;
    containers_.push_back(type);
  }

  void leave_block(MD_BLOCKTYPE type) {
    if (!containers_.empty()) containers_.pop_back();
    switch (type) {
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        --skip_depth_;
        break;
      case MD_BLOCK_QUOTE:
        --quote_depth_;
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        --list_depth_;
        break;
      default:
        break;
    }
    flush();
    // Text after a nested list in a tight item continues the item.
    if (!containers_.empty() && containers_.back() == MD_BLOCK_LI && type != MD_BLOCK_LI) {
      start(BlockKind::kListItem);
    }
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_CODE || type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY ||
        type == MD_SPAN_WIKILINK) {
      begin_mask(MaskKind::kCode);
    } else if (type == MD_SPAN_A) {
      // md4c 0.4 does not flag autolinks; an autolink is a link whose text is its href.
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      link_href_.assign(href.text, href.size);
      in_link_ = true;
      open_spans_.push_back(OpenSpan{static_cast<std::uint32_t>(text_.size()), InlineKind::kLinkText});
    } else if (type == MD_SPAN_IMG) {
      open_spans_.push_back(OpenSpan{static_cast<std::uint32_t>(text_.size()), InlineKind::kAltText});
    }
  }

  void leave_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_CODE || type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY ||
        type == MD_SPAN_WIKILINK) {
      end_mask();
    }
    if (type == MD_SPAN_A) in_link_ = false;
    if (type == MD_SPAN_A || type == MD_SPAN_IMG) close_span();
    // A link's destination or an image's source (an image may have no text at all) lies
    // before the next line break: search for that break after it, not from an older point.
    if (type == MD_SPAN_A) note_source_end(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
    if (type == MD_SPAN_IMG) note_source_end(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
  }

  void text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    if (skip_depth_ > 0 || !active_) return;
    // md4c passes some text from static strings, not the source: the " " for a line break
    // inside a code span, the "\n" for one inside raw HTML. Such text has no source offset.
    const bool points_into_source = type != MD_TEXT_NULLCHAR && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR &&
                                    in_source(text, size);
    if (!points_into_source && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR) return;
    if (mask_) {
      // Everything inside a code span or autolink becomes one placeholder.
      if (points_into_source) {
        const auto offset = source_offset(text);
        mask_begin_ = std::min(mask_begin_, offset);
        mask_end_ = std::max(mask_end_, offset + static_cast<std::uint32_t>(size));
      }
      return;
    }
    switch (type) {
      case MD_TEXT_NORMAL:
        if (in_link_ && is_autolink_text(std::string_view(text, size))) {
          const bool email = std::string_view(link_href_).substr(0, 7) == "mailto:";
          masks_.push_back(Mask{static_cast<std::uint32_t>(text_.size()), email ? MaskKind::kEmail : MaskKind::kUrl});
          append_replacement(source_offset(text), static_cast<std::uint32_t>(size), kPlaceholder);
        } else {
          append_prose(source_offset(text), source_offset(text) + static_cast<std::uint32_t>(size));
        }
        break;
      case MD_TEXT_ENTITY: {
        std::string decoded;
        if (decode_character_reference(std::string_view(text, size), &decoded)) {
          append_replacement(source_offset(text), static_cast<std::uint32_t>(size), decoded);
        } else {
          append_verbatim(text, size);
        }
        break;
      }
      case MD_TEXT_NULLCHAR:
        break;  // NUL never reaches here: binary files are refused earlier
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        append_line_break(type == MD_TEXT_BR);
        break;
      case MD_TEXT_HTML:
        // Inline tags and comments are not prose; a space keeps the words around them apart.
        append_replacement(source_offset(text), static_cast<std::uint32_t>(size), " ");
        break;
      default:
        break;  // code and math are only sent inside masked spans or skipped blocks
    }
  }

  void finish() { flush(); }

 private:
  std::uint32_t source_offset(const char* p) const { return static_cast<std::uint32_t>(p - begin_); }

  bool in_source(const char* p, MD_SIZE size) const {
    const std::less_equal<const char*> le;
    return le(begin_, p) && le(p + size, begin_ + source_limit_);
  }

  // md4c's attribute text points into the source unless it had to be rewritten. Only an
  // inline destination "(url" counts: a reference definition may be anywhere in the file.
  void note_source_end(const MD_ATTRIBUTE& attribute) {
    if (attribute.text == nullptr || !in_source(attribute.text, attribute.size)) return;
    std::uint32_t i = source_offset(attribute.text);
    if (i > 0 && begin_[i - 1] == '<') --i;
    while (i > 0 && (begin_[i - 1] == ' ' || begin_[i - 1] == '\t' || begin_[i - 1] == '\n' || begin_[i - 1] == '\r')) --i;
    if (i == 0 || begin_[i - 1] != '(') return;
    source_end_ = std::max(source_end_, source_offset(attribute.text) + static_cast<std::uint32_t>(attribute.size));
  }

  void start(BlockKind kind) {
    flush();
    active_ = true;
    kind_ = kind;
    current_heading_level_ = 0;
  }

  // A link's text or an image's alt text, as an inline span of the block; an autolink (all
  // placeholder) is no link text.
  void close_span() {
    if (open_spans_.empty()) return;
    const OpenSpan open = open_spans_.back();
    open_spans_.pop_back();
    const auto end = static_cast<std::uint32_t>(text_.size());
    if (end <= open.begin || !active_) return;
    if (text_.compare(open.begin, end - open.begin, kPlaceholder) == 0) return;
    spans_.push_back(InlineSpan{open.begin, end, open.kind});
  }

  void flush() {
    if (active_ && has_prose()) {
      TextBlock& block = doc_->add_block();
      block.kind = kind_;
      block.heading_level = current_heading_level_;
      block.in_blockquote = quote_depth_ > 0;
      block.in_list = list_depth_ > 0;
      if (kind_ == BlockKind::kTableCell) {
        block.table_row = table_row_;
        block.table_column = table_column_;
      }
      block.text = doc_->store(std::move(text_));
      block.map = std::move(map_);
      block.masks = std::move(masks_);
      std::stable_sort(spans_.begin(), spans_.end(),
                       [](const InlineSpan& a, const InlineSpan& b) { return a.text_begin < b.text_begin; });
      block.spans = std::move(spans_);
    }
    active_ = false;
    text_.clear();
    map_ = SourceMap();
    masks_.clear();
    spans_.clear();
    for (OpenSpan& open : open_spans_) open.begin = 0;  // (spans never cross md4c blocks)
    source_end_ = 0;
  }

  bool has_prose() const {
    return std::any_of(text_.begin(), text_.end(),
                       [](char c) { return c != ' ' && c != '\n' && c != '\t'; });
  }

  // Source bytes [at, end) of a text run: verbatim, but for the embedded syntax in it.
  void append_prose(std::uint32_t at, std::uint32_t end) {
    auto it = std::upper_bound(embedded_.begin(), embedded_.end(), at,
                               [](std::uint32_t o, const EmbeddedSpan& e) { return o < e.end; });
    while (at < end) {
      if (it == embedded_.end() || it->begin >= end) {
        append_verbatim(begin_ + at, end - at);
        return;
      }
      if (it->begin > at) append_verbatim(begin_ + at, it->begin - at);
      at = std::min(end, it->end);
      append_embedded(static_cast<std::size_t>(it - embedded_.begin()), at);
      ++it;
    }
  }

  // Embedded span `index`, of which md4c has sent the text up to `delivered`. A span over
  // several lines comes in pieces; it stands in the text once.
  void append_embedded(std::size_t index, std::uint32_t delivered) {
    const EmbeddedSpan& e = embedded_[index];
    if (index != last_embedded_) {
      last_embedded_ = index;
      if (e.role == EmbeddedRole::kCode) {
        masks_.push_back(Mask{static_cast<std::uint32_t>(text_.size()), MaskKind::kCode});
        append_replacement(e.begin, e.end - e.begin, kPlaceholder);
      } else if (e.role == EmbeddedRole::kMarkup && separates_words(e)) {
        append_replacement(e.begin, e.end - e.begin, " ");
      }
    }
    source_end_ = delivered;  // the next line break is searched from here, inside the span too
  }

  // A tag between two words keeps them apart ("a<br/>b"); next to a space, punctuation or
  // Japanese it is nothing ("<Kbd>Enter</Kbd>.", "<b>重要</b>です").
  bool separates_words(const EmbeddedSpan& e) const {
    const std::string_view src = doc_->source().bytes();
    const auto before = static_cast<unsigned char>(e.begin > 0 ? src[e.begin - 1] : ' ');
    const auto after = static_cast<unsigned char>(e.end < src.size() ? src[e.end] : ' ');
    constexpr std::string_view kNoWordBefore = " \t\r\n([{\"'";  // a space, an opening bracket or quote
    const bool word_before = before < 0x80 && kNoWordBefore.find(static_cast<char>(before)) == std::string_view::npos;
    const bool word_after = after < 0x80 && (std::isalnum(after) != 0);
    return word_before && word_after;
  }

  bool in_embedded(std::uint32_t offset) const {
    auto it = std::upper_bound(embedded_.begin(), embedded_.end(), offset,
                               [](std::uint32_t o, const EmbeddedSpan& e) { return o < e.end; });
    return it != embedded_.end() && it->begin <= offset;
  }

  void append_verbatim(const char* text, MD_SIZE size) {
    const std::uint32_t offset = source_offset(text);
    text_.append(text, size);
    map_.append_verbatim(offset, static_cast<std::uint32_t>(size));
    source_end_ = offset + static_cast<std::uint32_t>(size);
  }

  void append_replacement(std::uint32_t offset, std::uint32_t source_length, std::string_view replacement) {
    text_.append(replacement);
    map_.append_replacement(offset, source_length, static_cast<std::uint32_t>(replacement.size()));
    source_end_ = offset + source_length;
  }

  // md4c gives no pointer for line breaks: the newline is the next one in the source.
  void append_line_break(bool hard) {
    const std::string_view rest(begin_ + source_end_, source_limit_ - source_end_);
    const std::size_t nl = rest.find_first_of("\r\n");
    if (nl == std::string_view::npos) return;
    const std::uint32_t offset = source_end_ + static_cast<std::uint32_t>(nl);
    const std::uint32_t length = (rest[nl] == '\r' && nl + 1 < rest.size() && rest[nl + 1] == '\n') ? 2 : 1;
    if (in_embedded(offset)) {  // a break inside a multi-line expression or tag: not prose
      source_end_ = offset + length;
      return;
    }
    // A soft break is only line wrapping: a space, so it does not end a sentence.
    append_replacement(offset, length, hard ? "\n" : " ");
  }

  // <https://example.com>, www.example.com, <name@example.com>: the href is the text,
  // perhaps with a scheme md4c added.
  bool is_autolink_text(std::string_view text) const {
    const std::string_view href = link_href_;
    if (href == text) return true;
    for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
      if (href.size() == scheme.size() + text.size() && href.substr(0, scheme.size()) == scheme &&
          href.substr(scheme.size()) == text) {
        return true;
      }
    }
    return false;
  }

  void begin_mask(MaskKind kind) {
    if (!active_ || skip_depth_ > 0) return;
    mask_ = true;
    mask_kind_ = kind;
    mask_begin_ = UINT32_MAX;
    mask_end_ = 0;
  }

  void end_mask() {
    if (!mask_) return;
    mask_ = false;
    if (mask_begin_ >= mask_end_) return;
    masks_.push_back(Mask{static_cast<std::uint32_t>(text_.size()), mask_kind_});
    append_replacement(mask_begin_, mask_end_ - mask_begin_, kPlaceholder);
  }

 public:
  std::uint32_t source_limit_ = 0;  // size of the source buffer

 private:
  Document* doc_;
  const char* begin_;  // start of the bytes md4c reads (offset 0 of the source)
  std::span<const EmbeddedSpan> embedded_;
  std::size_t last_embedded_ = SIZE_MAX;  // the embedded span last put in the text
  std::vector<MD_BLOCKTYPE> containers_;
  int skip_depth_ = 0;
  int quote_depth_ = 0;
  std::uint16_t table_row_ = 0;     // of the table being read: the header row is 1
  std::uint16_t table_column_ = 0;
  int list_depth_ = 0;

  bool active_ = false;
  BlockKind kind_ = BlockKind::kParagraph;
  std::uint8_t current_heading_level_ = 0;
  std::string text_;
  SourceMap map_;
  std::vector<Mask> masks_;
  std::uint32_t source_end_ = 0;  // source offset after the last text appended

  bool in_link_ = false;
  std::string link_href_;
  struct OpenSpan {
    std::uint32_t begin;  // text offset where the span's text starts
    InlineKind kind;
  };
  std::vector<OpenSpan> open_spans_;
  std::vector<InlineSpan> spans_;

  bool mask_ = false;
  MaskKind mask_kind_ = MaskKind::kCode;
  std::uint32_t mask_begin_ = 0;
  std::uint32_t mask_end_ = 0;
};

BlockBuilder& builder(void* userdata) { return *static_cast<BlockBuilder*>(userdata); }

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

// The references that occur in real prose; anything rarer is kept verbatim.
constexpr std::array<NamedReference, 32> kNamedReferences = {{
    {"amp", U'&'},       {"lt", U'<'},         {"gt", U'>'},         {"quot", U'"'},
    {"apos", U'\''},     {"nbsp", U'\u00A0'},  {"copy", U'\u00A9'},  {"reg", U'\u00AE'},
    {"trade", U'\u2122'}, {"hellip", U'\u2026'}, {"mdash", U'\u2014'}, {"ndash", U'\u2013'},
    {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'}, {"ldquo", U'\u201C'}, {"rdquo", U'\u201D'},
    {"laquo", U'\u00AB'}, {"raquo", U'\u00BB'}, {"middot", U'\u00B7'}, {"bull", U'\u2022'},
    {"times", U'\u00D7'}, {"divide", U'\u00F7'}, {"deg", U'\u00B0'},  {"euro", U'\u20AC'},
    {"yen", U'\u00A5'},  {"pound", U'\u00A3'}, {"cent", U'\u00A2'},  {"sect", U'\u00A7'},
    {"para", U'\u00B6'}, {"shy", U'\u00AD'},   {"zwj", U'\u200D'},   {"zwnj", U'\u200C'},
}};

}  // namespace

bool decode_character_reference(std::string_view reference, std::string* out) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return false;
  const std::string_view body = reference.substr(1, reference.size() - 2);
  if (body.front() == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (ec != std::errc() || end != digits.data() + digits.size()) return false;
    // CommonMark: invalid code points become U+FFFD.
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
    append_utf8(static_cast<char32_t>(value), out);
    return true;
  }
  for (const NamedReference& ref : kNamedReferences) {
    if (ref.name == body) {
      append_utf8(ref.code_point, out);
      return true;
    }
  }
  return false;
}

const FormatTraits& MarkdownExtractor::traits() const { return kTraits; }

Status read_markdown_blocks(const MarkdownDialect& dialect, Document* doc) {
  const std::string_view bytes = dialect.parse_bytes;
  BlockBuilder state(doc, bytes.data(), dialect.embedded);
  state.source_limit_ = static_cast<std::uint32_t>(bytes.size());

  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
  if (!dialect.indented_code) parser.flags |= MD_FLAG_NOINDENTEDCODEBLOCKS;
  if (!dialect.html_blocks) parser.flags |= MD_FLAG_NOHTMLBLOCKS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { builder(u).enter_block(t, d); return 0; };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { builder(u).leave_block(t); return 0; };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { builder(u).enter_span(t, d); return 0; };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { builder(u).leave_span(t, d); return 0; };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { builder(u).text(t, s, n); return 0; };

  const std::string_view body = bytes.substr(dialect.body_offset);
  if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &state) != 0) {
    return Status(ErrorCode::kInternal, "the Markdown parser failed (out of memory?)", Location{doc->source().path()});
  }
  state.finish();
  return Status();
}

Result<Document> MarkdownExtractor::extract(const SourceText& source) const {
  auto split = split_front_matter(source);
  if (!split.ok()) return split.status();
  Document doc(source, std::string(format()));
  if (split->front_matter) doc.set_front_matter(std::move(*split->front_matter));
  MarkdownDialect markdown;
  markdown.parse_bytes = source.bytes();
  markdown.body_offset = split->body_offset;
  if (Status read = read_markdown_blocks(markdown, &doc); !read.ok()) return read;
  return doc;
}

}  // namespace tonelint
