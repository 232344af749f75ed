#include "extract/html_extractor.h"

#include <gumbo.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/html_attribute_limit.h"
#include "extract/markdown_extractor.h"
#include "input/utf8.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kAliases[] = {"htm", "xhtml"};
constexpr std::string_view kExtensions[] = {"html", "htm", "xhtml"};
constexpr FormatTraits kTraits{"html", kAliases, kExtensions, CommentSyntax::kHtmlComment};

namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// HTML5 maps numeric references to C1 controls as if they were windows-1252 bytes.
constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Named references a browser also accepts without the ';' (the common ones of HTML5's
// legacy list); in attributes only when not followed by a letter, digit or '='.
constexpr std::array<std::string_view, 7> kLegacyNames = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};

// A gumbo text or attribute value decoded by us, so that every output byte knows its source
// bytes. gumbo's own decoding stays the reference: where ours differs (a named reference
// outside our table), gumbo's text is used and only the differing middle maps coarsely.
struct Decoded {
  std::string text;
  SourceMap map;  // text offset -> offset in the HTML buffer (plus the caller's base)
};

// Decodes `raw` (original bytes at buffer offset `at`). `in_attribute`: the attribute rules
// for legacy references; otherwise a '<' that starts a tag is an ignored tag gumbo kept
// inside the text run ("a</foo>b"), which produces nothing.
Decoded decode_html_text(std::string_view raw, std::uint32_t at, bool in_attribute) {
  Decoded out;
  std::size_t run = 0;  // start of the pending verbatim run
  auto flush_run = [&](std::size_t i) {
    if (i > run) {
      out.text.append(raw.substr(run, i - run));
      out.map.append_verbatim(at + static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(i - run));
    }
  };
  auto replace = [&](std::size_t i, std::size_t length, std::string_view with) {
    flush_run(i);
    out.text.append(with);
    out.map.append_replacement(at + static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(length),
                               static_cast<std::uint32_t>(with.size()));
    run = i + length;
  };
  std::size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\r') {  // the HTML parser turns CRLF and CR into LF
      const std::size_t length = i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      replace(i, length, "\n");
      i += length;
      continue;
    }
    if (c == '<' && !in_attribute && i + 1 < raw.size() &&
        (raw[i + 1] == '/' || raw[i + 1] == '!' || raw[i + 1] == '?' || is_alnum(raw[i + 1]))) {
      const std::size_t close = raw.find('>', i);
      const std::size_t end = close == std::string_view::npos ? raw.size() : close + 1;
      flush_run(i);
      run = end;
      i = end;
      continue;
    }
    if (c != '&') {
      ++i;
      continue;
    }
    // A character reference: numeric (';' optional) or named.
    std::size_t j = i + 1;
    std::string decoded;
    if (j < raw.size() && raw[j] == '#') {
      const bool hex = j + 1 < raw.size() && (raw[j + 1] == 'x' || raw[j + 1] == 'X');
      const std::size_t digits = j + (hex ? 2 : 1);
      std::size_t k = digits;
      while (k < raw.size() && (hex ? std::isxdigit(static_cast<unsigned char>(raw[k])) != 0
                                    : (raw[k] >= '0' && raw[k] <= '9'))) {
        ++k;
      }
      if (k == digits) {
        ++i;
        continue;
      }
      std::uint64_t value = 0;
      for (std::size_t d = digits; d < k && value <= 0x10FFFF; ++d) {
        const char ch = raw[d];
        const int v = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(v);
      }
      if (value >= 0x80 && value <= 0x9F) value = kWindows1252C1[value - 0x80];
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
      append_utf8(static_cast<char32_t>(value), &decoded);
      if (k < raw.size() && raw[k] == ';') ++k;
      replace(i, k - i, decoded);
      i = k;
      continue;
    }
    std::size_t k = j;
    while (k < raw.size() && is_alnum(raw[k])) ++k;
    if (k < raw.size() && raw[k] == ';' && decode_character_reference(raw.substr(i, k + 1 - i), &decoded)) {
      replace(i, k + 1 - i, decoded);
      i = k + 1;
      continue;
    }
    bool legacy = false;
    for (std::string_view name : kLegacyNames) {
      if (raw.substr(j, name.size()) != name) continue;
      const std::size_t after = j + name.size();
      if (in_attribute && after < raw.size() && (is_alnum(raw[after]) || raw[after] == '=')) break;
      std::string reference(1, '&');
      reference.append(name).push_back(';');
      decode_character_reference(reference, &decoded);
      replace(i, after - i, decoded);
      i = after;
      legacy = true;
      break;
    }
    if (!legacy) ++i;  // not a reference we know: gumbo's text settles it below
  }
  flush_run(raw.size());
  return out;
}

// Our decoding of `raw`, made to agree with gumbo's `reference` text: where they differ (a
// reference we left as it was, which gumbo decoded), the two are brought back in step after
// gumbo's one or two characters, and only that piece maps as a whole. Should that fail,
// the rest maps as one piece: the text is always gumbo's, made well-formed UTF-8 first:
// gumbo 0.10 turns a numeric reference with very many digits (&#000…4820445394632237966)
// into bytes that are not UTF-8 (found by fuzz_html).
Decoded decode_like_gumbo(std::string_view raw, std::uint32_t at, bool in_attribute, std::string_view gumbo_text) {
  const std::string checked = to_well_formed_utf8(gumbo_text);
  const std::string_view reference = checked;
  Decoded ours = decode_html_text(raw, at, in_attribute);
  if (ours.text == reference) return ours;
  const std::string_view mine = ours.text;
  Decoded out;
  out.text.assign(reference);
  std::size_t p = 0, q = 0;  // in step: mine[p..] and reference[q..]
  constexpr std::size_t kLongestReference = 40;  // HTML5's longest name is 33 characters
  constexpr std::size_t kLookahead = 8;
  while (p < mine.size() && q < reference.size()) {
    std::size_t same = 0;
    while (p + same < mine.size() && q + same < reference.size() && mine[p + same] == reference[q + same]) ++same;
    out.map.append_mapped(ours.map, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(p + same));
    p += same;
    q += same;
    if (p == mine.size() || q == reference.size()) break;
    while (p > 0 && is_utf8_continuation(static_cast<unsigned char>(mine[p]))) --p;  // never split a character
    bool found = false;
    for (std::size_t k = p + 1; k <= std::min(mine.size(), p + kLongestReference) && !found; ++k) {
      std::size_t d = q;
      for (int chars = 0; chars < 2 && d < reference.size() && !found; ++chars) {
        next_code_point(reference, &d);
        const std::size_t m = std::min({kLookahead, mine.size() - k, reference.size() - d});
        const bool both_end = k == mine.size() && d == reference.size();
        if (both_end || (m > 0 && mine.substr(k, m) == reference.substr(d, m))) {
          const std::uint32_t begin = ours.map.to_source_begin(static_cast<std::uint32_t>(p));
          const std::uint32_t end = std::max(begin, ours.map.to_source_end(static_cast<std::uint32_t>(k)));
          out.map.append_replacement(begin, end - begin, static_cast<std::uint32_t>(d - q));
          p = k;
          q = d;
          found = true;
        }
      }
    }
    if (!found) break;
  }
  if (q < reference.size()) {
    const std::uint32_t begin = ours.map.to_source_begin(static_cast<std::uint32_t>(p));
    const std::uint32_t end = std::max(begin, ours.map.to_source_end(static_cast<std::uint32_t>(mine.size())));
    out.map.append_replacement(begin, end - begin, static_cast<std::uint32_t>(reference.size() - q));
  }
  return out;
}

// Wide characters (Japanese, Chinese) are written without spaces: a line break between two
// of them is dropped, as CSS Text's segment-break rules say, rather than becoming a space.
bool is_wide(char32_t c) {
  if (c == 0) return false;
  const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (eaw != U_EA_WIDE && eaw != U_EA_FULLWIDTH && eaw != U_EA_HALFWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) != USCRIPT_HANGUL;
}

// Template syntax of HTML mail and page templates: never prose.
std::size_t template_close(std::string_view text, std::size_t open) {
  const std::string_view opener = text.substr(open, 2);
  const std::string_view closer = opener == "{{" ? "}}" : opener == "{%" ? "%}" : "%>";
  const std::size_t close = text.find(closer, open + 2);
  return close == std::string_view::npos ? text.size() : close + 2;
}

bool template_opens(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size()) return false;
  const char a = text[i], b = text[i + 1];
  return (a == '{' && (b == '{' || b == '%')) || (a == '<' && b == '%');
}

// The text of one block under construction, with whitespace collapsed as a browser does.
class BlockText {
 public:
  bool empty() const { return text_.empty(); }
  // Where the text so far ends in the source (0 when there is none).
  std::uint32_t source_end() const {
    return text_.empty() ? 0 : map_.to_source_end(static_cast<std::uint32_t>(text_.size()));
  }

  // Appends decoded text `t` whose map is `m`.
  void add(std::string_view t, const SourceMap& m) {
    std::size_t i = 0;
    while (i < t.size()) {
      if (is_html_space(t[i])) {
        std::size_t j = i;
        bool newline = false;
        while (j < t.size() && is_html_space(t[j])) newline |= t[j++] == '\n';
        note_space(m.to_source_begin(static_cast<std::uint32_t>(i)), m.to_source_end(static_cast<std::uint32_t>(j)),
                   newline);
        i = j;
      } else if (template_opens(t, i)) {
        const std::size_t end = template_close(t, i);
        const std::uint32_t begin = m.to_source_begin(static_cast<std::uint32_t>(i));
        add_placeholder(begin, m.to_source_end(static_cast<std::uint32_t>(end)) - begin);
        i = end;
      } else {
        std::size_t j = i;
        while (j < t.size() && !is_html_space(t[j]) && !template_opens(t, j)) ++j;
        std::size_t first = i;
        resolve_space(next_code_point(t, &first));
        text_.append(t.substr(i, j - i));
        map_.append_mapped(m, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
        i = j;
      }
    }
  }

  // Non-prose inside the sentence (inline code, template syntax): one placeholder.
  void add_placeholder(std::uint32_t source_offset, std::uint32_t source_length) {
    resolve_space(U'\uFFFC');
    masks_.push_back(Mask{static_cast<std::uint32_t>(text_.size()), MaskKind::kCode});
    text_.append(kPlaceholder);
    map_.append_replacement(source_offset, source_length, static_cast<std::uint32_t>(kPlaceholder.size()));
  }

  // <br>: a line break, which ends a sentence.
  void add_line_break(std::uint32_t source_offset, std::uint32_t source_length) {
    has_space_ = false;
    if (text_.empty() || text_.back() == '\n') return;
    text_.push_back('\n');
    map_.append_replacement(source_offset, source_length, 1);
  }

  void open_link() { links_.push_back(static_cast<std::uint32_t>(text_.size())); }
  void close_link() {
    if (links_.empty()) return;
    std::uint32_t begin = links_.back();
    links_.pop_back();
    while (begin < text_.size() && (text_[begin] == ' ' || text_[begin] == '\n')) ++begin;
    if (begin < text_.size()) spans_.push_back(InlineSpan{begin, static_cast<std::uint32_t>(text_.size()), InlineKind::kLinkText});
  }

  bool has_prose() const {
    return std::any_of(text_.begin(), text_.end(), [](char c) { return !is_html_space(c); });
  }

  // Moves the text into a block of `doc` (when it has prose), composing with `outer`.
  void emit(Document* doc, TextBlock block, const SourceMap* outer) {
    const std::size_t open_links = links_.size();
    while (!links_.empty()) close_link();
    if (has_prose()) {
      while (!text_.empty() && text_.back() == '\n') {  // a trailing <br>
        text_.pop_back();
        SourceMap trimmed;
        trimmed.append_mapped(map_, 0, static_cast<std::uint32_t>(text_.size()));
        map_ = std::move(trimmed);
      }
      for (InlineSpan& s : spans_) s.text_end = std::min(s.text_end, static_cast<std::uint32_t>(text_.size()));
      std::stable_sort(spans_.begin(), spans_.end(),
                       [](const InlineSpan& a, const InlineSpan& b) { return a.text_begin < b.text_begin; });
      if (outer != nullptr) map_ = map_.through(*outer);
      block.text = doc->store(std::move(text_));
      block.map = std::move(map_);
      block.masks = std::move(masks_);
      block.spans = std::move(spans_);
      doc->add_block() = std::move(block);
    }
    *this = BlockText();
    for (std::size_t k = 0; k < open_links; ++k) open_link();  // a link that spans blocks goes on
  }

 private:
  void note_space(std::uint32_t begin, std::uint32_t end, bool newline) {
    if (!has_space_) {
      has_space_ = true;
      space_begin_ = begin;
      space_newline_ = false;
    }
    space_end_ = std::max(end, space_begin_);
    space_newline_ = space_newline_ || newline;
  }

  // Pending whitespace before `next` becomes one space, or nothing at the start of a line
  // or between two wide characters across a line break.
  void resolve_space(char32_t next) {
    if (!has_space_) return;
    has_space_ = false;
    if (text_.empty() || text_.back() == '\n') return;
    if (space_newline_ && is_wide(next) && is_wide(previous_code_point(text_, text_.size()))) return;
    text_.push_back(' ');
    map_.append_replacement(space_begin_, space_end_ - space_begin_, 1);
  }

  std::string text_;
  SourceMap map_;
  std::vector<Mask> masks_;
  std::vector<InlineSpan> spans_;
  std::vector<std::uint32_t> links_;  // text offsets where open links began
  bool has_space_ = false;
  bool space_newline_ = false;
  std::uint32_t space_begin_ = 0;
  std::uint32_t space_end_ = 0;
};

bool tag_is(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Elements whose content is never prose and that are left out entirely.
bool is_skipped(GumboTag tag) {
  return tag_is(tag, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_SVG,
                      GUMBO_TAG_MATH, GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT, GUMBO_TAG_OPTION, GUMBO_TAG_DATALIST,
                      GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_CANVAS, GUMBO_TAG_AUDIO,
                      GUMBO_TAG_VIDEO, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT});
}

// Code inside a sentence: a placeholder, so the sentence keeps its shape.
bool is_inline_code(GumboTag tag) {
  return tag_is(tag, {GUMBO_TAG_CODE, GUMBO_TAG_KBD, GUMBO_TAG_SAMP, GUMBO_TAG_VAR, GUMBO_TAG_TT});
}

// Elements that start a new block (their text is not part of the sentence around them).
bool is_block(GumboTag tag) {
  return tag_is(tag, {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_HEAD, GUMBO_TAG_TITLE, GUMBO_TAG_P, GUMBO_TAG_DIV,
                      GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_MAIN,
                      GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_ADDRESS, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                      GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HGROUP, GUMBO_TAG_UL, GUMBO_TAG_OL,
                      GUMBO_TAG_LI, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_MENU, GUMBO_TAG_DIR,
                      GUMBO_TAG_TABLE, GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
                      GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_FIGURE,
                      GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET, GUMBO_TAG_LEGEND,
                      GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY, GUMBO_TAG_HR, GUMBO_TAG_CENTER,
                      GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_FRAMESET, GUMBO_TAG_FRAME});
}

const char* attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool has_class(const GumboElement& e, std::string_view cls) {
  const char* value = attribute(e, "class");
  if (value == nullptr) return false;
  const std::string_view classes(value);
  std::size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && is_html_space(classes[i])) ++i;
    std::size_t j = i;
    while (j < classes.size() && !is_html_space(classes[j])) ++j;
    if (classes.substr(i, j - i) == cls) return true;
    i = j;
  }
  return false;
}

bool equals_ignore_case(const char* value, std::string_view expected) {
  if (value == nullptr || std::strlen(value) != expected.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != expected[i]) return false;
  }
  return true;
}

// Quoted replies and signatures of HTML mail, as the common mail programs mark them.
bool is_mail_quote_or_signature(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_BLOCKQUOTE && equals_ignore_case(attribute(e, "type"), "cite")) return true;
  for (std::string_view cls : {"gmail_quote", "gmail_attr", "gmail_signature", "moz-cite-prefix", "moz-signature",
                               "yahoo_quoted", "protonmail_quote"}) {
    if (has_class(e, cls)) return true;
  }
  const char* id = attribute(e, "id");
  return id != nullptr && (std::string_view(id) == "divRplyFwdMsg" || std::string_view(id) == "appendonsend");
}

// A layout table (HTML mail is laid out with tables): its cells are not table cells in the
// sense of a rule's `table_cell` scope. role=presentation, a nested table or a single cell
// says so.
bool is_layout_table(const GumboNode* table) {
  const char* role = attribute(table->v.element, "role");
  if (equals_ignore_case(role, "presentation") || equals_ignore_case(role, "none")) return true;
  std::vector<const GumboNode*> stack;
  for (unsigned i = 0; i < table->v.element.children.length; ++i) {
    stack.push_back(static_cast<const GumboNode*>(table->v.element.children.data[i]));
  }
  int cells = 0;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_TABLE) return true;
    if (n->v.element.tag == GUMBO_TAG_TD || n->v.element.tag == GUMBO_TAG_TH) ++cells;
    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
    }
  }
  return cells <= 1;
}

// What a block-level element makes of the text directly in it.
struct BlockContext {
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t heading_level = 0;
  bool layout_table = false;  // inside a layout table (set on the table element)
};

class HtmlWalker {
 public:
  HtmlWalker(std::string_view html, std::uint32_t base, const SourceMap* outer, const HtmlOptions& options,
             Document* doc)
      : html_(html), base_(base), outer_(outer), options_(options), doc_(doc) {}

  void walk(const GumboNode* root) {
    // Iterative, so deeply nested (or broken) markup cannot exhaust the stack.
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* node = f.node;
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
        text(node);
        stack.pop_back();
        continue;
      }
      const GumboVector& children =
          node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
      if (f.next_child == 0 && node->type == GUMBO_NODE_ELEMENT && !enter(node)) {
        stack.pop_back();
        continue;
      }
      if (f.next_child < children.length) {
        const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        stack.push_back(Frame{child, 0});
        continue;
      }
      if (node->type == GUMBO_NODE_ELEMENT) leave(node);
      stack.pop_back();
    }
    flush();
  }

 private:
  std::uint32_t offset_of(const char* p) const { return base_ + static_cast<std::uint32_t>(p - html_.data()); }
  bool in_buffer(const char* p, std::size_t size) const {
    return p != nullptr && p >= html_.data() && p + size <= html_.data() + html_.size();
  }

  // Source extent of an element: its start tag to the end of its end tag (or of the last
  // thing inside it, when the end tag is implied).
  std::pair<std::uint32_t, std::uint32_t> extent(const GumboNode* node) const {
    std::uint32_t begin = UINT32_MAX, end = 0;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      auto note = [&](const GumboStringPiece& piece) {
        if (!in_buffer(piece.data, piece.length) || piece.length == 0) return;
        begin = std::min(begin, offset_of(piece.data));
        end = std::max(end, offset_of(piece.data) + static_cast<std::uint32_t>(piece.length));
      };
      if (n->type == GUMBO_NODE_ELEMENT) {
        note(n->v.element.original_tag);
        note(n->v.element.original_end_tag);
        for (unsigned i = 0; i < n->v.element.children.length; ++i) {
          stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
        }
      } else if (n->type != GUMBO_NODE_DOCUMENT) {
        note(n->v.text.original_text);
      }
    }
    if (begin > end) return {0, 0};
    return {begin, end};
  }

  // Returns whether to descend into the element.
  bool enter(const GumboNode* node) {
    const GumboElement& e = node->v.element;
    const GumboTag tag = e.tag;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML || is_skipped(tag)) return false;  // svg, math, script, ...
    if (options_.email && (tag == GUMBO_TAG_TITLE || is_mail_quote_or_signature(e))) {
      flush();
      return false;
    }
    attributes(e);
    if (is_inline_code(tag)) {
      const auto [begin, end] = extent(node);
      if (end > begin) current_.add_placeholder(begin, end - begin);
      return false;
    }
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) {
      flush();
      return false;
    }
    if (tag == GUMBO_TAG_BR) {
      if (in_buffer(e.original_tag.data, e.original_tag.length)) {
        current_.add_line_break(offset_of(e.original_tag.data), static_cast<std::uint32_t>(e.original_tag.length));
      }
      return false;
    }
    if (tag == GUMBO_TAG_A && attribute(e, "href") != nullptr) current_.open_link();
    if (!is_block(tag)) return true;

    flush();
    BlockContext context = contexts_.empty() ? BlockContext{} : contexts_.back();
    switch (tag) {
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
      case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        context.kind = BlockKind::kHeading;
        context.heading_level = static_cast<std::uint8_t>(1 + (tag - GUMBO_TAG_H1));
        break;
      case GUMBO_TAG_TITLE:
        context.kind = BlockKind::kHeading;  // the page's name (not in mail: it repeats the Subject)
        context.heading_level = 1;
        break;
      case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
        context.kind = BlockKind::kListItem;
        context.heading_level = 0;
        break;
      case GUMBO_TAG_TABLE:
        context.layout_table = is_layout_table(node);
        break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (!context.layout_table) {
          context.kind = BlockKind::kTableCell;
          context.heading_level = 0;
        }
        break;
      case GUMBO_TAG_P: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION:
        // A paragraph is a paragraph even in a table cell, but a list item's paragraph is
        // the item (as in Markdown).
        if (context.kind != BlockKind::kListItem) {
          context.kind = BlockKind::kParagraph;
          context.heading_level = 0;
        }
        break;
      default:
        break;  // containers pass on what they are in
    }
    if (tag == GUMBO_TAG_BLOCKQUOTE) ++quote_depth_;
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_MENU) ++list_depth_;
    contexts_.push_back(context);
    return true;
  }

  void leave(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_A && attribute(node->v.element, "href") != nullptr) current_.close_link();
    if (!is_block(tag)) return;
    flush();
    if (!contexts_.empty()) contexts_.pop_back();
    if (tag == GUMBO_TAG_BLOCKQUOTE) --quote_depth_;
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_MENU) --list_depth_;
  }

  void text(const GumboNode* node) {
    if (node->type != GUMBO_NODE_TEXT && node->type != GUMBO_NODE_WHITESPACE) return;  // comments, CDATA
    const GumboText& t = node->v.text;
    if (!in_buffer(t.original_text.data, t.original_text.length)) return;
    const std::string_view raw(t.original_text.data, t.original_text.length);
    const Decoded d = decode_like_gumbo(raw, offset_of(raw.data()), /*in_attribute=*/false, t.text);
    // Text the parser moved before where it was written (foster parenting: text inside a
    // <table> but outside its cells goes before the table) starts a block of its own, so
    // every block's map runs forward through the file and no span gets a negative length
    // (found by fuzz_html).
    if (!d.text.empty() && !current_.empty() && d.map.to_source_begin(0) < current_.source_end()) flush();
    current_.add(d.text, d.map);
  }

  // alt (images, image maps, image buttons) and title: blocks of their own, after the
  // block they appear in.
  void attributes(const GumboElement& e) {
    const bool has_alt = e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_AREA ||
                         (e.tag == GUMBO_TAG_INPUT && equals_ignore_case(attribute(e, "type"), "image"));
    const GumboAttribute* alt = has_alt ? gumbo_get_attribute(&e.attributes, "alt") : nullptr;
    const GumboAttribute* title = gumbo_get_attribute(&e.attributes, "title");
    if (alt != nullptr) attribute_block(*alt);
    // A title that repeats the alt is one text, checked once.
    if (title != nullptr && (alt == nullptr || std::strcmp(alt->value, title->value) != 0)) attribute_block(*title);
  }

  void attribute_block(const GumboAttribute& a) {
    const GumboStringPiece& v = a.original_value;
    if (!in_buffer(v.data, v.length) || v.length == 0) return;
    std::string_view raw(v.data, v.length);
    if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
      raw = raw.substr(1, raw.size() - 2);
    } else if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
      raw.remove_prefix(1);  // an unterminated quote runs to the end of the tag
    }
    const Decoded d = decode_like_gumbo(raw, offset_of(raw.data()), /*in_attribute=*/true, a.value);
    BlockText text;
    text.add(d.text, d.map);
    if (!text.has_prose()) return;
    pending_attributes_.push_back(std::move(text));
  }

  void flush() {
    TextBlock block;
    const BlockContext context = contexts_.empty() ? BlockContext{} : contexts_.back();
    block.kind = context.kind;
    block.heading_level = context.kind == BlockKind::kHeading ? context.heading_level : 0;
    block.in_blockquote = quote_depth_ > 0;
    block.in_list = list_depth_ > 0;
    current_.emit(doc_, std::move(block), outer_);
    for (BlockText& attr : pending_attributes_) {
      TextBlock alt;
      alt.kind = BlockKind::kAltText;
      alt.in_blockquote = quote_depth_ > 0;
      alt.in_list = list_depth_ > 0;
      attr.emit(doc_, std::move(alt), outer_);
    }
    pending_attributes_.clear();
  }

  std::string_view html_;
  std::uint32_t base_;
  const SourceMap* outer_;
  HtmlOptions options_;
  Document* doc_;

  BlockText current_;
  std::vector<BlockText> pending_attributes_;
  std::vector<BlockContext> contexts_;
  int quote_depth_ = 0;
  int list_depth_ = 0;
};

// gumbo's tree construction looks down the stack of open elements for most start tags, so
// its time grows with the square of the nesting depth: 100,000 nested <div>s take minutes.
// Browsers cap the depth (Blink at 512); tonelint refuses markup nested deeper than this
// (at which gumbo takes some 0.4 s).
constexpr std::size_t kMaxHtmlDepth = 12000;

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower_name(std::string_view html, std::size_t* i) {
  std::string name;
  while (*i < html.size() && (ascii_alpha(html[*i]) || (html[*i] >= '0' && html[*i] <= '9') || html[*i] == '-')) {
    name.push_back(static_cast<char>(html[*i] | 0x20));
    ++*i;
  }
  return name;
}

// The offset in `html` of the start tag that first nests elements deeper than
// kMaxHtmlDepth, or npos. A linear scan that counts start tags against end tags, leaving
// out void elements, self-closed tags, and elements whose end tag is optional (p, li, td,
// ... close one another rather than nest); comments and raw text (script, style, textarea,
// title, ...) are skipped. An estimate from above of the tree gumbo builds.
std::size_t too_deep_at(std::string_view html) {
  static const std::set<std::string, std::less<>> kNoNesting = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
      "keygen", "basefont", "bgsound", "frame", "image",                   // void
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "thead", "tbody",
      "tfoot", "colgroup", "caption", "html", "head", "body"};           // optional end tags
  static const std::set<std::string, std::less<>> kRawText = {"script", "style", "textarea", "title", "xmp",
                                                              "iframe", "noembed", "noframes", "plaintext"};
  std::size_t depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t tag = i++;
    if (html.compare(tag, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", tag + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    if (i >= html.size() || !ascii_alpha(html[i])) continue;
    const std::string name = lower_name(html, &i);
    const std::size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    const bool self_closed = html[gt - 1] == '/';
    i = gt + 1;
    if (kNoNesting.count(name) != 0) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (kRawText.count(name) != 0) {
      if (name == "plaintext") break;  // the rest of the file is text
      // Up to the matching end tag, whatever the case.
      std::size_t j = i;
      while ((j = html.find("</", j)) != std::string_view::npos) {
        std::size_t k = j + 2;
        if (lower_name(html, &k) == name) break;
        j += 2;
      }
      if (j == std::string_view::npos) break;
      i = j;
      continue;
    }
    if (self_closed) continue;
    if (++depth > kMaxHtmlDepth) return tag;
  }
  return std::string_view::npos;
}

}  // namespace

Status extract_html(std::string_view html, const SourceMap* outer, const HtmlOptions& options, Document* doc) {
  const std::string_view source = doc->source().bytes();
  std::uint32_t base = 0;
  if (outer == nullptr) {
    if (html.data() < source.data() || html.data() + html.size() > source.data() + source.size()) {
      return Status(ErrorCode::kInternal, "HTML text outside its source", Location{doc->source().path()});
    }
    base = static_cast<std::uint32_t>(html.data() - source.data());
  }
  if (const std::size_t at = too_deep_at(html); at != std::string_view::npos) {
    const auto offset = static_cast<std::uint32_t>(at);
    const std::uint32_t in_source = outer != nullptr ? outer->to_source_begin(offset) : base + offset;
    return Status(ErrorCode::kTooLarge,
                  "HTML nested more than " + std::to_string(kMaxHtmlDepth) + " elements deep; refused",
                  doc->source().location(in_source));
  }
  // gumbo is quadratic in the attributes of one tag: those past a bound are blanked out
  // first (same length, so every offset still holds).
  const std::string thinned = thin_attributes(html);
  if (!thinned.empty()) html = thinned;
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // parse errors are not reported; do not keep them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (output == nullptr) {
    return Status(ErrorCode::kInternal, "the HTML parser failed (out of memory?)", Location{doc->source().path()});
  }
  HtmlWalker walker(html, base, outer, options, doc);
  walker.walk(output->document);
  return Status();
}

const FormatTraits& HtmlExtractor::traits() const { return kTraits; }

Result<Document> HtmlExtractor::extract(const SourceText& source) const {
  Document doc(source, std::string(format()));
  // The BOM is not text: gumbo would read it as a character.
  if (Status s = extract_html(source.text(), nullptr, HtmlOptions{}, &doc); !s.ok()) return s;
  return doc;
}

}  // namespace tonelint
