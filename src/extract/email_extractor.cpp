#include "extract/email_extractor.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "extract/html_extractor.h"
#include "extract/mime.h"
#include "input/utf8.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kAliases[] = {"eml"};
constexpr std::string_view kExtensions[] = {"eml"};
constexpr FormatTraits kTraits{"email", kAliases, kExtensions, CommentSyntax::kHtmlComment};

namespace {

using mime::DecodedText;
using mime::Entity;
using mime::Header;
using mime::HeaderValue;
using mime::Line;
using mime::lowercase;
using mime::line_at;
using mime::parse_entity;
using mime::parse_header_value;
using mime::trim;

// Deeper MIME nesting than this is not a real message; the parts beyond are skipped.
constexpr int kMaxMimeDepth = 32;

class EmailReader {
 public:
  explicit EmailReader(Document* doc) : doc_(doc), file_(doc->source().bytes()) {}

  Status read() {
    const Entity top = parse_entity(file_, doc_->source().bom_length(), file_.size());
    if (const Header* subject = top.header("subject")) {
      if (Status s = read_subject(*subject); !s.ok()) return s;
    }
    return read_entity(top, 0);
  }

 private:
  Status charset_error(const Header* content_type, const std::string& charset) const {
    const std::uint32_t at = content_type != nullptr ? content_type->line : 0;
    return Status(ErrorCode::kParse,
                  "unknown charset '" + charset +
                      "' in this header: tonelint reads UTF-8, ISO-2022-JP, Shift_JIS, EUC-JP, ISO-8859-*, "
                      "windows-125x and the other charsets ICU knows",
                  doc_->source().location(at));
  }

  // The Subject (mime::decode_header_text), a block of its own.
  Status read_subject(const Header& h) {
    mime::HeaderText subject;
    if (Status s = mime::decode_header_text(file_, h, &subject); !s.ok()) return s;
    if (!subject.unknown_charset.empty()) return charset_error(&h, subject.unknown_charset);
    for (const auto& [offset, length] : subject.encoded) doc_->mark_encoded(offset, length);
    if (subject.decoded.text.empty()) return Status();
    TextBlock& block = doc_->add_block();
    block.kind = BlockKind::kSubject;
    block.text = doc_->store(std::move(subject.decoded.text));
    block.map = std::move(subject.decoded.map);
    return Status();
  }

  Status read_entity(const Entity& e, int depth) {
    if (depth > kMaxMimeDepth) return Status();
    const Header* ct_header = e.header("content-type");
    const HeaderValue ct = parse_header_value(ct_header != nullptr ? ct_header->value : "text/plain");
    const std::string type = ct.token.empty() ? "text/plain" : ct.token;
    if (const Header* cd = e.header("content-disposition")) {
      if (parse_header_value(cd->value).token == "attachment") return Status();
    }
    if (type.starts_with("multipart/")) {
      const std::vector<Entity> parts = mime::split_multipart(file_, e, ct.param("boundary"));
      if (type == "multipart/alternative") {
        // The last alternative we can read is the richest (RFC 2046); only it is checked.
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
          if (readable(*it, depth + 1)) return read_entity(*it, depth + 1);
        }
        return Status();
      }
      for (const Entity& part : parts) {
        if (Status s = read_entity(part, depth + 1); !s.ok()) return s;
      }
      return Status();
    }
    if (type != "text/plain" && type != "text/html") return Status();  // images, calendars, forwarded messages

    DecodedText body;
    if (Status s = decode_body(e, ct_header, ct, &body); !s.ok()) return s;
    if (type == "text/html") {
      HtmlOptions options;
      options.email = true;
      return extract_html(body.text, &body.map, options, doc_);
    }
    read_plain(body, ct.param("format") == "flowed");
    return Status();
  }

  bool readable(const Entity& e, int depth) const {
    if (depth > kMaxMimeDepth) return false;
    const Header* ct_header = e.header("content-type");
    const std::string type = ct_header != nullptr ? parse_header_value(ct_header->value).token : "text/plain";
    if (const Header* cd = e.header("content-disposition")) {
      if (parse_header_value(cd->value).token == "attachment") return false;
    }
    if (type == "text/plain" || type == "text/html" || type.empty()) return true;
    if (!type.starts_with("multipart/")) return false;
    const std::vector<Entity> parts = mime::split_multipart(file_, e, parse_header_value(ct_header->value).param("boundary"));
    return std::any_of(parts.begin(), parts.end(), [&](const Entity& p) { return readable(p, depth + 1); });
  }

  Status decode_body(const Entity& e, const Header* ct_header, const HeaderValue& ct, DecodedText* out) const {
    const std::string charset = ct.param("charset");
    const std::string converter = mime::converter_name(charset);
    if (converter.empty()) return charset_error(ct_header, charset);
    mime::DecodedBody body;
    if (Status s = mime::decode_body(file_, e, converter, &body); !s.ok()) return s;
    if (body.encoded) doc_->mark_encoded(e.body_begin, e.body_end - e.body_begin);
    *out = std::move(body.decoded);
    return Status();
  }

  // text/plain: paragraphs at blank lines; quoted lines, quoted replies below an
  // attribution line, and the signature left out.
  void read_plain(const DecodedText& body, bool flowed) {
    const std::string_view text = body.text;
    std::vector<Line> lines;
    for (std::size_t i = 0; i < text.size();) {
      lines.push_back(line_at(text, i, text.size()));
      i = lines.back().next;
    }
    auto line_text = [&](std::size_t k) { return text.substr(lines[k].begin, lines[k].end - lines[k].begin); };
    auto is_quoted = [&](std::size_t k) {
      const std::string_view t = line_text(k);
      const std::size_t first = t.find_first_not_of(" \t");
      return first != std::string_view::npos && t[first] == '>';
    };
    auto is_blank = [&](std::size_t k) { return trim(line_text(k)).empty(); };

    std::vector<bool> skip(lines.size(), false);
    std::size_t stop = lines.size();
    for (std::size_t k = 0; k < lines.size() && stop == lines.size(); ++k) {
      const std::string_view t = line_text(k);
      if (t == "-- " || t == "--" || is_original_message_line(t)) {
        stop = k;
        break;
      }
      std::size_t attribution_end = 0;  // lines the attribution takes
      if (is_attribution(t)) {
        attribution_end = k + 1;
      } else if (k + 1 < lines.size() && trim(t).starts_with("On ") && !is_blank(k + 1) &&
                 is_attribution(std::string(trim(t)) + " " + std::string(trim(line_text(k + 1))))) {
        attribution_end = k + 2;  // "On Mon, 3 Jun 2024, Sam <sam@example.com>\nwrote:"
      }
      if (attribution_end == 0) continue;
      std::size_t n = attribution_end;
      while (n < lines.size() && is_blank(n)) ++n;
      if (n < lines.size() && is_quoted(n)) {
        for (std::size_t a = k; a < attribution_end; ++a) skip[a] = true;  // an interleaved reply goes on
      } else {
        stop = k;  // a top-posted reply: everything below is the quoted message
      }
    }

    std::size_t k = 0;
    while (k < stop) {
      if (is_blank(k) || is_quoted(k) || skip[k]) {
        ++k;
        continue;
      }
      // One paragraph (or list item): lines up to a blank, quoted or skipped line or the
      // next list item.
      TextBlock block;
      block.kind = is_list_item(line_text(k)) ? BlockKind::kListItem : BlockKind::kParagraph;
      block.in_list = block.kind == BlockKind::kListItem;
      std::string out;
      SourceMap map;
      std::size_t first = k;
      while (k < stop && !is_blank(k) && !is_quoted(k) && !skip[k] && (k == first || !is_list_item(line_text(k)))) {
        if (k > first) {
          const std::string_view previous = line_text(k - 1);
          const std::uint32_t at = static_cast<std::uint32_t>(lines[k - 1].end);
          const std::uint32_t length = static_cast<std::uint32_t>(lines[k - 1].next - lines[k - 1].end);
          std::size_t j = 0;
          const char32_t next = next_code_point(line_text(k), &j);
          if (!soft_break(previous, flowed)) {
            out.push_back('\n');
            map.append_replacement(body.map.to_source_begin(at), body.map.to_source_end(at + length) - body.map.to_source_begin(at), 1);
          } else if (!(is_wide(previous_code_point(previous, previous.size())) && is_wide(next))) {
            out.push_back(' ');
            map.append_replacement(body.map.to_source_begin(at), body.map.to_source_end(at + length) - body.map.to_source_begin(at), 1);
          }
        }
        out.append(line_text(k));
        map.append_mapped(body.map, static_cast<std::uint32_t>(lines[k].begin), static_cast<std::uint32_t>(lines[k].end));
        ++k;
      }
      if (trim(out).empty()) continue;
      block.text = doc_->store(std::move(out));
      block.map = std::move(map);
      doc_->add_block() = std::move(block);
    }
  }

  // Mail programs wrap long lines; such a break is a space (or nothing between Japanese
  // characters), not a sentence end. A line that ends in 、 or is wrapped near the usual
  // width (60+ columns) without closing punctuation goes on; format=flowed says so with a
  // trailing space. Anything else (a greeting line, a short line) ends there.
  static bool soft_break(std::string_view line, bool flowed) {
    if (flowed && !line.empty() && line.back() == ' ') return true;
    const std::string_view t = trim(line);
    if (t.empty()) return false;
    const char32_t last = previous_code_point(t, t.size());
    if (last == U'、' || last == U'，') return true;
    static constexpr std::u32string_view kClosing = U"。．.!?！？:：」』)）";
    if (kClosing.find(last) != std::u32string_view::npos) return false;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < t.size();) columns += is_wide(next_code_point(t, &i)) ? 2 : 1;
    return columns >= 60;
  }

  static bool is_wide(char32_t c) {
    if (c == 0) return false;
    const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH;
  }

  static bool is_list_item(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("・") || t.starts_with("• ")) return true;
    std::size_t d = 0;
    while (d < t.size() && d < 3 && t[d] >= '0' && t[d] <= '9') ++d;
    return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
  }

  // "-----Original Message-----", "----- Forwarded message -----", 「-----元のメッセージ-----」.
  static bool is_original_message_line(std::string_view line) {
    const std::string_view t = trim(line);
    if (!t.starts_with("--")) return false;
    std::string lower = lowercase(t);
    for (std::string_view marker : {"original message", "forwarded message", "元のメッセージ", "転送メッセージ",
                                    "転送されたメッセージ"}) {
      if (lower.find(marker) != std::string::npos) return true;
    }
    return false;
  }

  // An attribution line above a quoted reply: "On <date>, <name> wrote:", lines ending in
  // のメッセージ:, さんは書きました:, or 「2024年6月3日(月) 10:00 山田 <yamada@example.jp>:」.
  static bool is_attribution(std::string_view line) {
    std::string_view t = trim(line);
    for (std::string_view colon : {":", "："}) {
      if (!t.ends_with(colon)) continue;
      const std::string_view body = trim(t.substr(0, t.size() - colon.size()));
      if (body.ends_with("wrote") || body.ends_with("のメッセージ") || body.ends_with("書きました") ||
          body.ends_with("書き込みました")) {
        return true;
      }
      // Gmail's Japanese form: a date, a name and <address>, then the colon.
      if (body.ends_with(">") && body.find('@') != std::string_view::npos &&
          std::any_of(body.begin(), body.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
      }
    }
    return false;
  }

  Document* doc_;
  std::string_view file_;
};

}  // namespace

const FormatTraits& EmailExtractor::traits() const { return kTraits; }

Result<Document> EmailExtractor::extract(const SourceText& source) const {
  Document doc(source, std::string(format()));
  EmailReader reader(&doc);
  if (Status s = reader.read(); !s.ok()) return s;
  return doc;
}

}  // namespace tonelint
