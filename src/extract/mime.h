// MIME (RFC 2045-2047, 5322) as the e-mail extractor needs it: header blocks with folded
// lines, structured header values, multipart bodies, quoted-printable and base64, RFC 2047
// encoded words and charsets (converted with ICU). Everything decoded keeps the file
// bytes it came from, so findings in decoded text point into the original message.
// What is prose (quotes, attributions, signatures) is the extractor's business, not this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/source_map.h"
#include "tonelint/status.h"

namespace tonelint::mime {

std::string lowercase(std::string_view s);
// Without leading and trailing blanks and line breaks.
std::string_view trim(std::string_view s);

// One line of a byte range: [begin, end) without its terminator (LF, CRLF or CR), `next`
// after it.
struct Line {
  std::size_t begin;
  std::size_t end;
  std::size_t next;
};
Line line_at(std::string_view bytes, std::size_t i, std::size_t limit);

struct Header {
  std::string name;               // lower case
  std::string value;              // unfolded
  std::uint32_t line = 0;         // file offset where the header's line starts
  std::uint32_t value_begin = 0;  // file range of the raw (folded) value
  std::uint32_t value_end = 0;
};

// A message or a body part: its headers and where its body lies in the file.
struct Entity {
  std::vector<Header> headers;
  std::uint32_t body_begin = 0;
  std::uint32_t body_end = 0;

  const Header* header(std::string_view name) const;  // the first of that (lower-case) name
};

// The headers of file bytes [begin, end) up to the first empty line; the rest is the body.
// A line that is no header (an mbox "From " line) is passed over.
Entity parse_entity(std::string_view file, std::size_t begin, std::size_t end);

// A structured header value: "type/subtype; name=value; name="quoted value"".
struct HeaderValue {
  std::string token;                                        // lower case
  std::vector<std::pair<std::string, std::string>> params;  // names in lower case

  std::string param(std::string_view name) const;  // empty when absent
};
HeaderValue parse_header_value(std::string_view value);

// The parts of a multipart entity between "--boundary" lines; a missing closing
// "--boundary--" ends the last part at the end of the entity. The line break before a
// delimiter belongs to it. No boundary, no parts.
std::vector<Entity> split_multipart(std::string_view file, const Entity& e, const std::string& boundary);

// Bytes with their transfer encoding undone, each with the file bytes it came from.
struct DecodedBytes {
  std::string data;
  std::vector<std::uint32_t> from;    // file offset of each byte's source
  std::vector<std::uint32_t> length;  // and the length of that source
  void push(char c, std::uint32_t at, std::uint32_t len) {
    data.push_back(c);
    from.push_back(at);
    length.push_back(len);
  }
};

// Quoted-printable: =XX is one byte whose source is those three characters; a soft line
// break ("=" at the end of a line) is removed; trailing blanks of a line are transport
// padding; a stray "=" is kept.
DecodedBytes decode_quoted_printable(std::string_view bytes, std::uint32_t begin, std::uint32_t end);
// Base64: each decoded byte comes from the four characters of its group (a group may
// straddle a line break; the span then covers it). Anything not base64 is skipped.
DecodedBytes decode_base64(std::string_view bytes, std::uint32_t begin, std::uint32_t end);
// 7bit, 8bit, binary: the bytes as they are.
DecodedBytes undecoded(std::string_view bytes, std::uint32_t begin, std::uint32_t end);

// UTF-8 text decoded from a message, with its map to the file.
struct DecodedText {
  std::string text;
  SourceMap map;
};

// The ICU converter name for a MIME charset ("" and US-ASCII read as UTF-8, ISO-8859-1 as
// windows-1252, as browsers do), or empty when ICU does not know the charset.
std::string converter_name(std::string charset);

// Converts `bytes` with `converter` to UTF-8, appending to `out`. Each character maps to
// the file bytes of its input bytes (an ISO-2022-JP escape sequence after it left out);
// where output and file bytes are the same (ASCII) the map is verbatim.
Status convert(const DecodedBytes& bytes, const std::string& converter, std::string_view file, DecodedText* out);

// An RFC 2047 encoded word ("=?charset?B?...?=" or "?Q?"): where it ends, its charset and
// its bytes, still in that charset.
struct EncodedWord {
  std::size_t end = 0;
  std::string charset;
  std::string data;
};
// Reads the encoded word at `s[i]`; false when there is none.
bool parse_encoded_word(std::string_view s, std::size_t i, EncodedWord* word);

// An unstructured header's value (the Subject) as text: encoded words decoded (adjacent
// ones joined, the blanks between them dropped, as RFC 2047 says), each mapping only as a
// whole; folds become one space.
struct HeaderText {
  DecodedText decoded;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> encoded;  // file (offset, length) of each encoded word run
  std::string unknown_charset;  // set (and decoding stopped) when a word's charset is unknown
};
Status decode_header_text(std::string_view file, const Header& h, HeaderText* out);

// A text part's body as UTF-8: transfer encoding undone, converted with `converter`.
// `encoded` says whether the file bytes hold the text itself (false: the common case of a
// 7bit/8bit UTF-8 body, mapped verbatim) or encode it.
struct DecodedBody {
  DecodedText decoded;
  bool encoded = false;
};
Status decode_body(std::string_view file, const Entity& e, const std::string& converter, DecodedBody* out);

}  // namespace tonelint::mime
