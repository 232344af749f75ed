#include "extract/mime.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "input/utf8.h"

namespace tonelint::mime {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Blanks between words of a header: verbatim when one space, else (a fold) one space for
// them all.
void add_space(std::string_view file, const Header& h, std::size_t begin, std::size_t end, DecodedText* t) {
  const std::uint32_t at = h.value_begin + static_cast<std::uint32_t>(begin);
  if (end - begin == 1 && file[at] == ' ') {
    t->map.append_verbatim(at, 1);
  } else {
    t->map.append_replacement(at, static_cast<std::uint32_t>(end - begin), 1);
  }
  t->text.push_back(' ');
}

}  // namespace

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

Line line_at(std::string_view bytes, std::size_t i, std::size_t limit) {
  std::size_t end = i;
  while (end < limit && bytes[end] != '\n' && bytes[end] != '\r') ++end;
  std::size_t next = end;
  if (next < limit && bytes[next] == '\r') ++next;
  if (next < limit && bytes[next] == '\n' && (next == end || bytes[next - 1] == '\r')) ++next;
  return Line{i, end, next};
}

const Header* Entity::header(std::string_view name) const {
  for (const Header& h : headers) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

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

std::string HeaderValue::param(std::string_view name) const {
  for (const auto& [n, v] : params) {
    if (n == name) return v;
  }
  return {};
}

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

std::vector<Entity> split_multipart(std::string_view file, const Entity& e, const std::string& boundary) {
  std::vector<Entity> parts;
  if (boundary.empty()) return parts;
  const std::string delimiter = "--" + boundary;
  std::size_t i = e.body_begin;
  std::size_t part_begin = std::string_view::npos;
  std::size_t previous_line_end = e.body_begin;  // where the line before ends (its break excluded)
  while (i < e.body_end) {
    const Line line = line_at(file, i, e.body_end);
    const std::string_view text = file.substr(line.begin, line.end - line.begin);
    if (text.starts_with(delimiter)) {
      const std::string_view rest = trim(text.substr(delimiter.size()));
      const bool closing = rest.starts_with("--");
      if (rest.empty() || closing) {
        if (part_begin != std::string_view::npos) {
          const std::size_t part_end = std::max(part_begin, previous_line_end);
          parts.push_back(parse_entity(file, part_begin, part_end));
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
    parts.push_back(parse_entity(file, part_begin, e.body_end));
  }
  return parts;
}

DecodedBytes decode_quoted_printable(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  DecodedBytes out;
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

DecodedBytes decode_base64(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  DecodedBytes out;
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

DecodedBytes undecoded(std::string_view bytes, std::uint32_t begin, std::uint32_t end) {
  DecodedBytes out;
  out.data.assign(bytes.substr(begin, end - begin));
  out.from.resize(out.data.size());
  out.length.assign(out.data.size(), 1);
  for (std::uint32_t i = 0; i < out.from.size(); ++i) out.from[i] = begin + i;
  return out;
}

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
    const std::unique_ptr<UConverter, void (*)(UConverter*)> probe(ucnv_open(charset.c_str(), &status), ucnv_close);
    if (U_FAILURE(status) || probe == nullptr) return {};
    return charset;
  }
  return canonical;
}

Status convert(const DecodedBytes& bytes, const std::string& converter, std::string_view file, DecodedText* out) {
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
    const DecodedBytes b = decode_base64(payload, 0, static_cast<std::uint32_t>(payload.size()));
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

Status decode_header_text(std::string_view file, const Header& h, HeaderText* out) {
  const std::string_view raw = file.substr(h.value_begin, h.value_end - h.value_begin);
  DecodedText& text = out->decoded;
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
      DecodedBytes bytes;
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
      if (blank_begin != std::string_view::npos && !after_word && !text.text.empty()) add_space(file, h, blank_begin, i, &text);
      blank_begin = std::string_view::npos;
      const std::string converter = converter_name(charset);
      if (converter.empty()) {
        out->unknown_charset = charset;
        return Status();
      }
      if (Status s = convert(bytes, converter, file, &text); !s.ok()) return s;
      out->encoded.emplace_back(h.value_begin + static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(word.end - i));
      i = word.end;
      after_word = true;
      continue;
    }
    if (blank_begin != std::string_view::npos && !text.text.empty()) add_space(file, h, blank_begin, i, &text);
    blank_begin = std::string_view::npos;
    std::size_t j = i;
    while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\r' && raw[j] != '\n') ++j;
    text.text.append(raw.substr(i, j - i));
    text.map.append_verbatim(h.value_begin + static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i));
    i = j;
    after_word = false;
  }
  return Status();
}

Status decode_body(std::string_view file, const Entity& e, const std::string& converter, DecodedBody* out) {
  const Header* cte_header = e.header("content-transfer-encoding");
  const std::string cte = cte_header != nullptr ? lowercase(trim(cte_header->value)) : "7bit";
  if ((cte != "quoted-printable" && cte != "base64") && converter == "UTF-8") {
    // The common case: the file's own bytes (already checked to be UTF-8).
    out->decoded.text.assign(file.substr(e.body_begin, e.body_end - e.body_begin));
    out->decoded.map.append_verbatim(e.body_begin, e.body_end - e.body_begin);
    return Status();
  }
  out->encoded = true;
  const DecodedBytes bytes = cte == "quoted-printable" ? decode_quoted_printable(file, e.body_begin, e.body_end)
                             : cte == "base64"         ? decode_base64(file, e.body_begin, e.body_end)
                                                       : undecoded(file, e.body_begin, e.body_end);
  return convert(bytes, converter, file, &out->decoded);
}

}  // namespace tonelint::mime
