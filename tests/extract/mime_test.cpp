// The MIME unit (src/extract/mime.cpp) on its own: headers, transfer encodings, encoded
// words, multiparts and charsets, each decoded byte still pointing at the file.
#include "extract/mime.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace tonelint::mime {
namespace {

// The file bytes behind text offsets [begin, end) of a decoded text.
std::string_view source_of(std::string_view file, const DecodedText& t, std::string_view needle) {
  const std::size_t at = t.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << t.text;
  if (at == std::string::npos) return {};
  const std::uint32_t s = t.map.to_source_begin(static_cast<std::uint32_t>(at));
  const std::uint32_t e = t.map.to_source_end(static_cast<std::uint32_t>(at + needle.size()));
  return file.substr(s, e - s);
}

Entity entity_of(std::string_view file) { return parse_entity(file, 0, file.size()); }

TEST(MimeTest, FoldedHeadersAreUnfoldedAndKeepTheirRawRange) {
  const std::string file =
      "From sam Mon Jun  3 10:00:00 2024\r\n"  // an mbox line: no header, passed over
      "Subject: a long\r\n\tsubject line\r\nX-Empty:\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nBody.\r\n";
  const Entity e = entity_of(file);
  ASSERT_EQ(e.headers.size(), 3u);
  const Header* subject = e.header("subject");
  ASSERT_NE(subject, nullptr);
  EXPECT_EQ(subject->value, "a long\tsubject line");
  EXPECT_EQ(file.substr(subject->value_begin, subject->value_end - subject->value_begin), "a long\r\n\tsubject line");
  EXPECT_EQ(subject->line, file.find("Subject"));
  EXPECT_EQ(e.header("x-empty")->value, "");
  EXPECT_EQ(e.header("content-type")->value, "text/plain; charset=utf-8");
  EXPECT_EQ(e.header("missing"), nullptr);
  EXPECT_EQ(file.substr(e.body_begin, e.body_end - e.body_begin), "Body.\r\n");
}

TEST(MimeTest, StructuredHeaderValues) {
  const HeaderValue v = parse_header_value(
      "(a comment) Multipart/Alternative; boundary=\"b1 \\\"q\\\"\"; CHARSET = utf-8 ; name*=utf-8'ja'file.txt");
  EXPECT_EQ(v.token, "multipart/alternative");
  EXPECT_EQ(v.param("boundary"), "b1 \"q\"");
  EXPECT_EQ(v.param("charset"), "utf-8");
  EXPECT_EQ(v.param("name"), "file.txt");  // RFC 2231: charset and language dropped
  EXPECT_EQ(v.param("missing"), "");
}

TEST(MimeTest, QuotedPrintableSoftBreaksAndPadding) {
  const std::string body = "caf=C3=A9 au =\r\nlait  \r\nx=3Dy =ZZ\r\n";
  const DecodedBytes b = decode_quoted_printable(body, 0, static_cast<std::uint32_t>(body.size()));
  EXPECT_EQ(b.data, "caf\xC3\xA9 au lait\r\nx=y =ZZ\r\n");  // padding dropped, stray '=' kept
  ASSERT_EQ(b.from.size(), b.data.size());
  EXPECT_EQ(body.substr(b.from[3], b.length[3]), "=C3");
  EXPECT_EQ(body.substr(b.from[16], b.length[16]), "=3D");
  EXPECT_EQ(body.substr(b.from[19], b.length[19]), "=");  // the stray one
}

TEST(MimeTest, Base64GroupsStraddleLineBreaks) {
  const std::string body = "SGVs\r\nbG8=\r\n";  // "Hello"
  const DecodedBytes b = decode_base64(body, 0, static_cast<std::uint32_t>(body.size()));
  EXPECT_EQ(b.data, "Hello");
  EXPECT_EQ(body.substr(b.from[0], b.length[0]), "SGVs");
  EXPECT_EQ(body.substr(b.from[3], b.length[3]), "bG8");  // the final partial group
}

TEST(MimeTest, EncodedWordsUtf8AndIso2022Jp) {
  EncodedWord word;
  ASSERT_TRUE(parse_encoded_word("x =?UTF-8?B?6L+U5L+h77ya44GU56K66KqN?= y", 2, &word));
  EXPECT_EQ(word.charset, "UTF-8");
  EXPECT_EQ(word.data, "返信：ご確認");
  ASSERT_TRUE(parse_encoded_word("=?iso-2022-jp?b?GyRCJCpMZCQkOWckbyQ7GyhC?=", 0, &word));
  EXPECT_EQ(word.data, "\x1B$B$*Ld$$9g$o$;\x1B(B");
  ASSERT_TRUE(parse_encoded_word("=?us-ascii?Q?a_b=3Dc?=", 0, &word));
  EXPECT_EQ(word.data, "a b=c");
  EXPECT_FALSE(parse_encoded_word("=?utf-8?X?abc?=", 0, &word));   // no such encoding
  EXPECT_FALSE(parse_encoded_word("=?utf-8?B?ab c?=", 0, &word));  // blanks inside
  EXPECT_FALSE(parse_encoded_word("=?utf-8?B?abc", 0, &word));     // never closed
}

TEST(MimeTest, HeaderTextJoinsWordsAndMapsEachWhole) {
  const std::string file =
      "Subject: Re: =?ISO-2022-JP?B?GyRCJCpMZCQkOWckbyQ7GyhC?=\r\n =?UTF-8?B?77ya44GU56K66KqN?=  now\r\n\r\n";
  const Entity e = entity_of(file);
  HeaderText subject;
  ASSERT_TRUE(decode_header_text(file, *e.header("subject"), &subject).ok());
  EXPECT_TRUE(subject.unknown_charset.empty());
  // The fold between the two words is dropped; the two blanks before "now" become one.
  EXPECT_EQ(subject.decoded.text, "Re: お問い合わせ：ご確認 now");
  EXPECT_EQ(source_of(file, subject.decoded, "お"), "=?ISO-2022-JP?B?GyRCJCpMZCQkOWckbyQ7GyhC?=");
  EXPECT_EQ(source_of(file, subject.decoded, "ご確認"), "=?UTF-8?B?77ya44GU56K66KqN?=");
  EXPECT_EQ(source_of(file, subject.decoded, "Re:"), "Re:");
  ASSERT_EQ(subject.encoded.size(), 2u);
  EXPECT_EQ(subject.encoded[0].first, file.find("=?ISO"));
}

TEST(MimeTest, HeaderTextWithAnUnknownCharsetStops) {
  const std::string file = "Subject: =?x-klingon?Q?Qapla?=\r\n\r\n";
  HeaderText subject;
  ASSERT_TRUE(decode_header_text(file, *entity_of(file).header("subject"), &subject).ok());
  EXPECT_EQ(subject.unknown_charset, "x-klingon");
}

TEST(MimeTest, ConverterNames) {
  EXPECT_EQ(converter_name(""), "UTF-8");
  EXPECT_EQ(converter_name(" US-ASCII "), "UTF-8");
  EXPECT_EQ(converter_name("ISO-8859-1"), "windows-1252");
  EXPECT_FALSE(converter_name("Shift_JIS").empty());
  EXPECT_FALSE(converter_name("iso-2022-jp").empty());
  EXPECT_EQ(converter_name("x-klingon"), "");
}

TEST(MimeTest, Iso2022JpBodyMapsEachCharacterToItsBytes) {
  const std::string file = "\x1B$B7oL>\x1B(B ok";
  const DecodedBytes bytes = undecoded(file, 0, static_cast<std::uint32_t>(file.size()));
  DecodedText text;
  ASSERT_TRUE(convert(bytes, converter_name("ISO-2022-JP"), file, &text).ok());
  EXPECT_EQ(text.text, "件名 ok");
  EXPECT_EQ(source_of(file, text, "件"), "7o");
  EXPECT_EQ(source_of(file, text, "名"), "L>");
  EXPECT_EQ(source_of(file, text, "ok"), "ok");
}

TEST(MimeTest, NestedMultipartAlternative) {
  const std::string file =
      "Content-Type: multipart/mixed; boundary=outer\r\n\r\npreamble\r\n"
      "--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
      "--inner\r\nContent-Type: text/plain\r\n\r\nPlain.\r\n"
      "--inner\r\nContent-Type: text/html\r\n\r\n<p>Rich.</p>\r\n"
      "--inner--\r\n"
      "--outer\r\nContent-Type: image/png\r\n\r\nxxxx\r\n--outer--\r\nepilogue\r\n";
  const Entity top = entity_of(file);
  const std::vector<Entity> parts = split_multipart(file, top, parse_header_value(top.header("content-type")->value).param("boundary"));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parse_header_value(parts[1].header("content-type")->value).token, "image/png");
  const HeaderValue inner_type = parse_header_value(parts[0].header("content-type")->value);
  EXPECT_EQ(inner_type.token, "multipart/alternative");
  const std::vector<Entity> alternatives = split_multipart(file, parts[0], inner_type.param("boundary"));
  ASSERT_EQ(alternatives.size(), 2u);
  // The line break before a delimiter belongs to the delimiter.
  EXPECT_EQ(file.substr(alternatives[0].body_begin, alternatives[0].body_end - alternatives[0].body_begin), "Plain.");
  EXPECT_EQ(file.substr(alternatives[1].body_begin, alternatives[1].body_end - alternatives[1].body_begin),
            "<p>Rich.</p>");
}

TEST(MimeTest, BrokenBoundaryEndsAtTheEntity) {
  // The closing delimiter never comes: the last part runs to the end.
  const std::string file = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nFirst.\r\n--b\r\n\r\nLast.\r\n";
  const Entity top = entity_of(file);
  const std::vector<Entity> parts = split_multipart(file, top, "b");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(file.substr(parts[1].body_begin, parts[1].body_end - parts[1].body_begin), "Last.\r\n");
  EXPECT_TRUE(split_multipart(file, top, "").empty());          // no boundary, no parts
  EXPECT_TRUE(split_multipart(file, top, "missing").empty());   // a boundary never used
}

TEST(MimeTest, DecodeBody) {
  const std::string plain = "Content-Type: text/plain\r\n\r\nSame bytes.\r\n";
  DecodedBody body;
  ASSERT_TRUE(decode_body(plain, entity_of(plain), "UTF-8", &body).ok());
  EXPECT_FALSE(body.encoded);
  EXPECT_EQ(body.decoded.text, "Same bytes.\r\n");

  const std::string qp = "Content-Transfer-Encoding: Quoted-Printable\r\n\r\nd=E9lai\r\n";
  DecodedBody latin;
  ASSERT_TRUE(decode_body(qp, entity_of(qp), converter_name("iso-8859-1"), &latin).ok());
  EXPECT_TRUE(latin.encoded);
  EXPECT_EQ(latin.decoded.text, "d\u00E9lai\r\n");
  EXPECT_EQ(source_of(qp, latin.decoded, "\u00E9"), "=E9");
}

}  // namespace
}  // namespace tonelint::mime
