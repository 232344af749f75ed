#include "extract/email_extractor.h"

#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "extract/html_extractor.h"
#include "input/utf8.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kAliases[] = {"eml"};
constexpr std::string_view kExtensions[] = {"eml"};
constexpr FormatTraits kTraits{"email", kAliases, kExtensions, CommentSyntax::kHtmlComment};

namespace {

// Deeper MIME nesting than this is not a real message; the parts beyond are skipped.
constexpr int kMaxMimeDepth = 32;

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// One line of a byte range: [begin, end) without its terminator, `next` after it.
struct Line {
  std::size_t begin;
  std::size_t end;
  std::size_t next;
};

Line line_at(std::string_view bytes, std::size_t i, std::size_t limit) {
  std::size_t end = i;
  while (end < limit && bytes[end] != '\n' && bytes[end] != '\r') ++end;
  std::size_t next = end;
  if (next < limit && bytes[next] == '\r') ++next;
  if (next < limit && bytes[next] == '\n' && (next == end || bytes[next - 1] == '\r')) ++next;
  return Line{i, end, next};
}

struct Header {
  std::string name;          // lower case
  std::string value;         // unfolded
  std::uint32_t line = 0;    // file offset where the header's line starts
  std::uint32_t value_begin = 0;  // file range of the raw (folded) value
  std::uint32_t value_end = 0;
};

struct Entity {
  std::vector<Header> headers;
  std::uint32_t body_begin = 0;
  std::uint32_t body_end = 0;

  const Header* header(std::string_view name) const {
    for (const Header& h : headers) {
      if (h.name == name) return &h;
    }
    return nullptr;
  }
};

// Headers up to the first empty line; the rest is the body.
Entity parse_entity(std::string_view bytes, std::size_t begin, std::size_t end) {
  Entity e;
  std::size_t i = begin;
  while (i < end) {
    const Line line = line_at(bytes, i, end);
    if (line.end == line.begin) {  // the empty line that ends the headers
      i = line.next;
      break;
    }
    const std::string_view text = bytes.substr(line.begin, line.end - line.begin);
    if ((text.front() == ' ' || text.front() == '\t') && !e.headers.empty()) {  // folded
      Header& h = e.headers.back();
      h.value.append(text);
      h.value_end = static_cast<std::uint32_t>(line.end);
      i = line.next;
      continue;
    }
    const std::size_t colon = text.find(':');
    // A line that is no header (an mbox "From " line) is passed over.
    if (colon != std::string_view::npos && colon > 0 && text.substr(0, colon).find(' ') == std::string_view::npos) {
      Header h;
      h.name = lowercase(text.substr(0, colon));
      std::size_t v = colon + 1;
      while (v < text.size() && (text[v] == ' ' || text[v] == '\t')) ++v;
      h.value.assign(text.substr(v));
      h.line = static_cast<std::uint32_t>(line.begin);
      h.value_begin = static_cast<std::uint32_t>(line.begin + v);
      h.value_end = static_cast<std::uint32_t>(line.end);
      e.headers.push_back(std::move(h));
    }
    i = line.next;
  }
  e.body_begin = static_cast<std::uint32_t>(std::min(i, end));
  e.body_end = static_cast<std::uint32_t>(end);
  return e;
}

// A structured header value: "type/subtype; name=value; name="quoted value"".
struct HeaderValue {
  std::string token;  // lower case
  std::vector<std::pair<std::string, std::string>> params;  // names in lower case

  std::string param(std::string_view name) const {
    for (const auto& [n, v] : params) {
      if (n == name) return v;
    }
    return {};
  }
};

HeaderValue parse_header_value(std::string_view value) {
  HeaderValue out;
  std::size_t i = 0;
  auto skip_blanks_and_comments = [&] {
    while (i < value.size()) {
      if (value[i] == ' ' || value[i] == '\t' || value[i] == '\r' || value[i] == '\n') {
        ++i;
      } else if (value[i] == '(') {  // a comment
        int depth = 0;
        while (i < value.size()) {
          if (value[i] == '\\') {
            i += 2;
            continue;
          }
          depth += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
          ++i;
          if (depth == 0) break;
        }
      } else {
        break;
      }
    }
  };
  skip_blanks_and_comments();
  const std::size_t token_end = std::min(value.find(';', i), value.size());
  out.token = lowercase(trim(value.substr(i, token_end - i)));
  i = token_end;
  while (i < value.size()) {
    ++i;  // ';'
    skip_blanks_and_comments();
    const std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string name = lowercase(trim(value.substr(i, eq - i)));
    i = eq + 1;
    skip_blanks_and_comments();
    std::string v;
    if (i < value.size() && value[i] == '"') {
      ++i;
      while (i < value.size() && value[i] != '"') {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        v.push_back(value[i++]);
      }
      ++i;
    } else {
      const std::size_t end = std::min(value.find(';', i), value.size());
      v.assign(trim(value.substr(i, end - i)));
      i = end;
    }
    // RFC 2231: name*=charset'lang'value (only the bare form; boundaries and charsets
    // never need more).
    if (!name.empty() && name.back() == '*') {
      name.pop_back();
      const std::size_t q = v.find('\'', v.find('\'') + 1);
      if (q != std::string::npos) v = v.substr(q + 1);
    }
    out.params.emplace_back(std::move(name), std::move(v));
    const std::size_t next = value.find(';', i);
    if (next == std::string_view::npos) break;
    i = next;
  }
  return out;
}

// Bytes of a body after its transfer encoding is undone, each with the file bytes it
// came from.
struct Bytes {
  std::string data;
  std::vector<std::uint32_t> from;    // file offset of each byte's source
  std::vector<std::uint32_t> length;  // and the length of that source
  void push(char c, std::uint32_t at, std::uint32_t len) {
    data.push_back(c);
    from.push_back(at);
    length.push_back(len);
  }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Quoted-printable: =XX is one byte whose source is those three characters; a soft line
// break ("=" at the end of a line) is removed; trailing blanks of a line are transport
// padding.
Bytes decode_quoted_printable(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  Bytes out;
  std::size_t i = begin;
  while (i < end) {
    const Line line = line_at(bytes, i, end);
    std::size_t line_end = line.end;
    while (line_end > line.begin && (bytes[line_end - 1] == ' ' || bytes[line_end - 1] == '\t')) --line_end;
    bool soft = false;
    for (std::size_t k = line.begin; k < line_end;) {
      if (bytes[k] == '=') {
        if (k + 1 == line_end) {
          soft = true;
          break;
        }
        const int hi = k + 2 < line_end ? hex_value(bytes[k + 1]) : -1;
        const int lo = hi >= 0 ? hex_value(bytes[k + 2]) : -1;
        if (lo >= 0) {
          out.push(static_cast<char>(hi * 16 + lo), static_cast<std::uint32_t>(k), 3);
          k += 3;
          continue;
        }
      }
      out.push(bytes[k], static_cast<std::uint32_t>(k), 1);  // also a stray '=': kept
      ++k;
    }
    if (!soft) {
      for (std::size_t k = line.end; k < line.next; ++k) out.push(bytes[k], static_cast<std::uint32_t>(k), 1);
    }
    i = line.next;
  }
  return out;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Base64: each decoded byte comes from the four characters of its group (a group may
// straddle a line break; the span then covers it).
Bytes decode_base64(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  Bytes out;
  std::uint32_t group_begin = begin;
  int count = 0;
  std::uint32_t acc = 0;
  for (std::uint32_t i = begin; i < end; ++i) {
    const char c = bytes[i];
    if (c == '=') break;
    const int v = base64_value(c);
    if (v < 0) continue;  // line breaks and other noise
    if (count == 0) group_begin = i;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      const std::uint32_t len = i + 1 - group_begin;
      out.push(static_cast<char>((acc >> 16) & 0xFF), group_begin, len);
      out.push(static_cast<char>((acc >> 8) & 0xFF), group_begin, len);
      out.push(static_cast<char>(acc & 0xFF), group_begin, len);
      count = 0;
      acc = 0;
    }
  }
  // A final partial group ("xx==" or "xxx="): 1 or 2 bytes.
  if (count >= 2) {
    std::uint32_t last = end;
    while (last > group_begin && base64_value(bytes[last - 1]) < 0) --last;
    const std::uint32_t len = last - group_begin;
    acc <<= 6 * (4 - count);
    out.push(static_cast<char>((acc >> 16) & 0xFF), group_begin, len);
    if (count == 3) out.push(static_cast<char>((acc >> 8) & 0xFF), group_begin, len);
  }
  return out;
}

Bytes identity(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  Bytes out;
  out.data.assign(bytes.substr(begin, end - begin));
  out.from.resize(out.data.size());
  out.length.assign(out.data.size(), 1);
  for (std::uint32_t i = 0; i < out.from.size(); ++i) out.from[i] = begin + i;
  return out;
}

// Prose decoded to UTF-8, with its map to the file.
struct Text {
  std::string text;
  SourceMap map;
};

// The ICU converter name for a MIME charset, or empty when ICU does not know it.
std::string converter_name(std::string charset) {
  charset = lowercase(trim(charset));
  if (const std::size_t star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 language
  // US-ASCII labels are often on UTF-8 text, and UTF-8 is its superset; ISO-8859-1 labels
  // are read as windows-1252, as browsers do (the C1 range holds curly quotes in practice).
  if (charset.empty() || charset == "us-ascii" || charset == "ascii" || charset == "utf8") return "UTF-8";
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso_8859-1") return "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(charset.c_str(), "MIME", &status);
  if (U_FAILURE(status) || canonical == nullptr) {
    status = U_ZERO_ERROR;
    canonical = ucnv_getCanonicalName(charset.c_str(), "IANA", &status);
  }
  if (U_FAILURE(status) || canonical == nullptr) {
    status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(charset.c_str(), &status);
    if (U_FAILURE(status) || c == nullptr) return {};
    ucnv_close(c);
    return charset;
  }
  return canonical;
}

// Converts `bytes` from `converter` to UTF-8, appending to `out`. ICU's offsets give the
// input byte each output character starts at; the character then maps to the file bytes
// of the input bytes up to the next character's (an ISO-2022-JP escape sequence after it
// left out). Where output and file bytes are the same (ASCII) the map is verbatim.
Status convert(const Bytes& bytes, const std::string& converter, std::string_view file, Text* out) {
  if (bytes.data.empty()) return Status();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(converter.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return Status(ErrorCode::kInternal, "cannot open the converter for " + converter);
  const auto n = static_cast<std::int32_t>(bytes.data.size());
  std::vector<UChar> units(static_cast<std::size_t>(n) * 2 + 16);
  std::vector<std::int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = bytes.data.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, source + n, offsets.data(), true, &status);
  if (U_FAILURE(status)) return Status(ErrorCode::kInternal, std::string("charset conversion failed: ") + u_errorName(status));
  const auto count = static_cast<std::int32_t>(target - units.data());

  std::int32_t i = 0;
  std::int32_t start = 0;  // input byte of the current character
  std::string utf8;
  while (i < count) {
    UChar32 c;
    const std::int32_t at = i;
    U16_NEXT(units.data(), i, count, c);
    if (offsets[at] >= 0) start = std::min(std::max(start, offsets[at]), n - 1);
    std::int32_t next = n;
    for (std::int32_t k = i; k < count; ++k) {
      if (offsets[k] >= 0) {
        next = offsets[k];
        break;
      }
    }
    if (next <= start) next = std::min(n, start + 1);
    for (std::int32_t k = start + 1; k < next; ++k) {
      if (bytes.data[static_cast<std::size_t>(k)] == '\x1B') {  // ISO-2022 escape: not this character
        next = k;
        break;
      }
    }
    const std::uint32_t from = bytes.from[static_cast<std::size_t>(start)];
    const std::uint32_t to = bytes.from[static_cast<std::size_t>(next - 1)] + bytes.length[static_cast<std::size_t>(next - 1)];
    utf8.clear();
    append_utf8(static_cast<char32_t>(c), &utf8);
    out->text.append(utf8);
    if (to - from == utf8.size() && file.substr(from, to - from) == utf8) {
      out->map.append_verbatim(from, to - from);
    } else {
      out->map.append_replacement(from, to - from, static_cast<std::uint32_t>(utf8.size()));
    }
    start = next;
  }
  return Status();
}

// RFC 2047 encoded word at `i` ("=?charset?B?...?="): its end, charset and bytes.
struct EncodedWord {
  std::size_t end = 0;
  std::string charset;
  std::string data;
};

bool parse_encoded_word(std::string_view s, std::size_t i, EncodedWord* word) {
  if (s.substr(i, 2) != "=?") return false;
  const std::size_t q1 = s.find('?', i + 2);
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return false;
  const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
  if (encoding != 'B' && encoding != 'Q') return false;
  const std::size_t close = s.find("?=", q1 + 3);
  if (close == std::string_view::npos) return false;
  const std::string_view payload = s.substr(q1 + 3, close - q1 - 3);
  if (payload.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  word->charset.assign(s.substr(i + 2, q1 - i - 2));
  word->end = close + 2;
  word->data.clear();
  if (encoding == 'B') {
    const Bytes b = decode_base64(payload, 0, static_cast<std::uint32_t>(payload.size()));
    word->data = b.data;
  } else {
    for (std::size_t k = 0; k < payload.size(); ++k) {
      if (payload[k] == '_') {
        word->data.push_back(' ');
      } else if (payload[k] == '=' && k + 2 < payload.size() && hex_value(payload[k + 1]) >= 0 &&
                 hex_value(payload[k + 2]) >= 0) {
        word->data.push_back(static_cast<char>(hex_value(payload[k + 1]) * 16 + hex_value(payload[k + 2])));
        k += 2;
      } else {
        word->data.push_back(payload[k]);
      }
    }
  }
  return true;
}

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

  // The Subject: encoded words decoded (adjacent ones joined, the blanks between them
  // dropped, as RFC 2047 says), each mapping only as a whole; folds become a space.
  Status read_subject(const Header& h) {
    const std::string_view raw = file_.substr(h.value_begin, h.value_end - h.value_begin);
    Text subject;
    std::size_t i = 0;
    std::size_t blank_begin = std::string_view::npos;  // pending blanks between words
    bool after_word = false;
    while (i < raw.size()) {
      const char c = raw[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (blank_begin == std::string_view::npos) blank_begin = i;
        ++i;
        continue;
      }
      EncodedWord word;
      if (parse_encoded_word(raw, i, &word)) {
        // Consecutive encoded words in one charset are converted together: a character
        // may be split between them.
        Bytes bytes;
        const std::string charset = word.charset;
        std::size_t j = i;
        while (true) {
          for (char b : word.data) bytes.push(b, h.value_begin + static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(word.end - j));
          std::size_t k = word.end;
          while (k < raw.size() && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\r' || raw[k] == '\n')) ++k;
          EncodedWord next;
          if (k < raw.size() && parse_encoded_word(raw, k, &next) && lowercase(next.charset) == lowercase(charset)) {
            j = k;
            word = std::move(next);
            continue;
          }
          break;
        }
        if (blank_begin != std::string_view::npos && !after_word && !subject.text.empty()) add_space(&subject, h, blank_begin, i);
        blank_begin = std::string_view::npos;
        const std::string converter = converter_name(charset);
        if (converter.empty()) return charset_error(&h, charset);
        if (Status s = convert(bytes, converter, file_, &subject); !s.ok()) return s;
        doc_->mark_encoded(h.value_begin + static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(word.end - i));
        i = word.end;
        after_word = true;
        continue;
      }
      if (blank_begin != std::string_view::npos && !subject.text.empty()) add_space(&subject, h, blank_begin, i);
      blank_begin = std::string_view::npos;
      std::size_t j = i;
      while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\r' && raw[j] != '\n') ++j;
      subject.text.append(raw.substr(i, j - i));
      subject.map.append_verbatim(h.value_begin + static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i));
      i = j;
      after_word = false;
    }
    if (subject.text.empty()) return Status();
    TextBlock& block = doc_->add_block();
    block.kind = BlockKind::kSubject;
    block.text = doc_->store(std::move(subject.text));
    block.map = std::move(subject.map);
    return Status();
  }

  // Blanks between words: verbatim when one space, else (a fold) one space for them all.
  void add_space(Text* t, const Header& h, std::size_t begin, std::size_t end) {
    const std::uint32_t at = h.value_begin + static_cast<std::uint32_t>(begin);
    if (end - begin == 1 && file_[at] == ' ') {
      t->map.append_verbatim(at, 1);
    } else {
      t->map.append_replacement(at, static_cast<std::uint32_t>(end - begin), 1);
    }
    t->text.push_back(' ');
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
      const std::vector<Entity> parts = split_multipart(e, ct.param("boundary"));
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

    Text body;
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
    const std::vector<Entity> parts = split_multipart(e, parse_header_value(ct_header->value).param("boundary"));
    return std::any_of(parts.begin(), parts.end(), [&](const Entity& p) { return readable(p, depth + 1); });
  }

  // The parts between "--boundary" lines; a missing closing "--boundary--" ends the last
  // part at the end of the entity. The line break before a delimiter belongs to it.
  std::vector<Entity> split_multipart(const Entity& e, const std::string& boundary) const {
    std::vector<Entity> parts;
    if (boundary.empty()) return parts;
    const std::string delimiter = "--" + boundary;
    std::size_t i = e.body_begin;
    std::size_t part_begin = std::string_view::npos;
    std::size_t previous_line_end = e.body_begin;  // where the line before ends (its break excluded)
    while (i < e.body_end) {
      const Line line = line_at(file_, i, e.body_end);
      const std::string_view text = file_.substr(line.begin, line.end - line.begin);
      if (text.starts_with(delimiter)) {
        const std::string_view rest = trim(text.substr(delimiter.size()));
        const bool closing = rest.starts_with("--");
        if (rest.empty() || closing) {
          if (part_begin != std::string_view::npos) {
            const std::size_t part_end = std::max(part_begin, previous_line_end);
            parts.push_back(parse_entity(file_, part_begin, part_end));
          }
          part_begin = closing ? std::string_view::npos : line.next;
          if (closing) break;
          previous_line_end = line.next;
          i = line.next;
          continue;
        }
      }
      previous_line_end = line.end;
      i = line.next;
    }
    if (part_begin != std::string_view::npos && part_begin < e.body_end) {
      parts.push_back(parse_entity(file_, part_begin, e.body_end));
    }
    return parts;
  }

  Status decode_body(const Entity& e, const Header* ct_header, const HeaderValue& ct, Text* out) const {
    const Header* cte_header = e.header("content-transfer-encoding");
    const std::string cte = cte_header != nullptr ? lowercase(trim(cte_header->value)) : "7bit";
    const std::string charset = ct.param("charset");
    const std::string converter = converter_name(charset);
    if (converter.empty()) return charset_error(ct_header, charset);
    if ((cte != "quoted-printable" && cte != "base64") && converter == "UTF-8") {
      // The common case: the file's own bytes (already checked to be UTF-8).
      out->text.assign(file_.substr(e.body_begin, e.body_end - e.body_begin));
      out->map.append_verbatim(e.body_begin, e.body_end - e.body_begin);
      return Status();
    }
    doc_->mark_encoded(e.body_begin, e.body_end - e.body_begin);
    const Bytes bytes = cte == "quoted-printable" ? decode_quoted_printable(file_, e.body_begin, e.body_end)
                        : cte == "base64"         ? decode_base64(file_, e.body_begin, e.body_end)
                                                  : identity(file_, e.body_begin, e.body_end);
    return convert(bytes, converter, file_, out);
  }

  // text/plain: paragraphs at blank lines; quoted lines, quoted replies below an
  // attribution line, and the signature left out.
  void read_plain(const Text& body, bool flowed) {
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
