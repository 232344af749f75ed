// Unit tests of the language server's parts: framing, JSON-RPC classification, UTF-16 ⇄
// byte positions, incremental changes, file URIs, the per-document extractor and
// where a document problem is shown.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "lsp/framing.h"
#include "lsp/json_rpc.h"
#include "lsp/lint_worker.h"
#include "lsp/positions.h"
#include "lsp/text_document.h"
#include "lsp/uri.h"

namespace tonelint::lsp {
namespace {

std::vector<FrameReader::Frame> drain(FrameReader& reader) {
  std::vector<FrameReader::Frame> out;
  for (auto f = reader.next(); f.kind != FrameReader::Kind::kNone; f = reader.next()) out.push_back(std::move(f));
  return out;
}

TEST(Framing, WholeMessagesBackToBack) {
  FrameReader reader;
  reader.feed(encode_frame(R"({"a":1})") + encode_frame(R"({"b":"日本語"})"));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kMessage);
  EXPECT_EQ(frames[0].body, R"({"a":1})");
  EXPECT_EQ(frames[1].body, R"({"b":"日本語"})");
  EXPECT_EQ(reader.buffered(), 0u);
}

TEST(Framing, ByteByByteAndContentTypeAndHeaderCase) {
  const std::string body = R"({"jsonrpc":"2.0","method":"x","params":{"t":"了解しました 🎉"}})";
  const std::string wire = "content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  " +
                           std::to_string(body.size()) + " \r\n\r\n" + body;
  FrameReader reader;
  std::vector<FrameReader::Frame> frames;
  for (const char c : wire) {
    reader.feed(std::string_view(&c, 1));
    for (auto& f : drain(reader)) frames.push_back(std::move(f));
  }
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kMessage);
  EXPECT_EQ(frames[0].body, body);  // counted in bytes, not characters
}

TEST(Framing, LargeMessageInChunks) {
  std::string body = "{\"t\":\"" + std::string(3 << 20, 'x') + "\"}";
  const std::string wire = encode_frame(body) + encode_frame("{}");
  FrameReader reader;
  std::vector<FrameReader::Frame> frames;
  for (std::size_t at = 0; at < wire.size(); at += 65536) {
    reader.feed(std::string_view(wire).substr(at, 65536));
    for (auto& f : drain(reader)) frames.push_back(std::move(f));
  }
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].body.size(), body.size());
  EXPECT_EQ(frames[0].body, body);
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(Framing, MissingOrBadLengthIsReportedAndTheNextMessageStillArrives) {
  FrameReader reader;
  reader.feed("Content-Type: x\r\n\r\n" + encode_frame("{\"ok\":1}"));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  EXPECT_NE(frames[0].error.find("Content-Length"), std::string::npos);
  EXPECT_EQ(frames[1].kind, FrameReader::Kind::kMessage);
  EXPECT_EQ(frames[1].body, "{\"ok\":1}");

  reader.feed("Content-Length: -5\r\n\r\n" + encode_frame("{}"));
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(Framing, OversizedBodyIsSkippedAsItArrives) {
  FrameReader reader(/*max_body=*/10);
  reader.feed("Content-Length: 25\r\n\r\n0123456789");
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  reader.feed("0123456789abcde" + encode_frame("{}"));  // the rest of it, then a good one
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kMessage);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(Framing, EndlessGarbageIsDropped) {
  FrameReader reader;
  reader.feed(std::string(70 * 1024, 'g'));
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  EXPECT_EQ(reader.buffered(), 0u);
  reader.feed("\r\n" + encode_frame("[]"));
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "[]");
}

TEST(JsonRpc, Classification) {
  auto request = parse_message(R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}})");
  ASSERT_TRUE(std::holds_alternative<Incoming>(request));
  EXPECT_EQ(std::get<Incoming>(request).kind, Incoming::Kind::kRequest);
  EXPECT_EQ(std::get<Incoming>(request).id, 7);

  auto note = parse_message(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  ASSERT_TRUE(std::holds_alternative<Incoming>(note));
  EXPECT_EQ(std::get<Incoming>(note).kind, Incoming::Kind::kNotification);

  auto response = parse_message(R"({"jsonrpc":"2.0","id":"a","result":null})");
  ASSERT_TRUE(std::holds_alternative<Incoming>(response));
  EXPECT_EQ(std::get<Incoming>(response).kind, Incoming::Kind::kResponse);
}

TEST(JsonRpc, MalformedMessagesAreFailuresWithTheirId) {
  auto bad_json = parse_message(R"({"jsonrpc":"2.0","id":1,"method":)");
  ASSERT_TRUE(std::holds_alternative<RpcFailure>(bad_json));
  EXPECT_EQ(std::get<RpcFailure>(bad_json).code, RpcError::kParseError);
  EXPECT_TRUE(std::get<RpcFailure>(bad_json).id.is_null());

  auto no_version = parse_message(R"({"id":3,"method":"x"})");
  ASSERT_TRUE(std::holds_alternative<RpcFailure>(no_version));
  EXPECT_EQ(std::get<RpcFailure>(no_version).code, RpcError::kInvalidRequest);
  EXPECT_EQ(std::get<RpcFailure>(no_version).id, 3);

  for (const char* body : {"[1,2]", "42", R"({"jsonrpc":"2.0","id":{},"method":"x"})",
                           R"({"jsonrpc":"2.0","id":1,"method":5})", R"({"jsonrpc":"2.0","id":1,"method":"x","params":3})",
                           "\xff\xfe{}"}) {
    EXPECT_TRUE(std::holds_alternative<RpcFailure>(parse_message(body))) << body;
  }
  // Deep nesting is an ordinary parse, not a stack overflow.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_TRUE(std::holds_alternative<RpcFailure>(parse_message(deep)));
}

// "a😀b" on line 0; "了解しました" on line 1 after "🎉 ": UTF-16 ≠ code points ≠ bytes.
constexpr std::string_view kText = "a😀b\r\n🎉 了解しました\n";

TEST(Positions, ByteOffsetToUtf16AndUtf8) {
  const LineIndex lines(kText, 0);
  // "b" is byte 5, code point 2, UTF-16 unit 3.
  EXPECT_EQ(to_lsp_position(lines, 5, PositionEncoding::kUtf16), (LspPosition{0, 3}));
  EXPECT_EQ(to_lsp_position(lines, 5, PositionEncoding::kUtf8), (LspPosition{0, 5}));
  const std::uint32_t ryo = static_cast<std::uint32_t>(kText.find("了"));
  EXPECT_EQ(to_lsp_position(lines, ryo, PositionEncoding::kUtf16), (LspPosition{1, 3}));
  EXPECT_EQ(to_lsp_position(lines, ryo, PositionEncoding::kUtf8), (LspPosition{1, 5}));
  const std::uint32_t end = static_cast<std::uint32_t>(kText.find("\n", ryo));
  EXPECT_EQ(to_lsp_position(lines, end, PositionEncoding::kUtf16), (LspPosition{1, 9}));
  EXPECT_EQ(to_lsp_position(lines, static_cast<std::uint32_t>(kText.size()), PositionEncoding::kUtf16),
            (LspPosition{2, 0}));
}

TEST(Positions, Utf16ToByteOffsetClampsAndRoundsTrip) {
  const LineIndex lines(kText, 0);
  const std::uint32_t ryo = static_cast<std::uint32_t>(kText.find("了"));
  EXPECT_EQ(to_byte_offset(lines, kText, {1, 3}, PositionEncoding::kUtf16), ryo);
  EXPECT_EQ(to_byte_offset(lines, kText, {1, 5}, PositionEncoding::kUtf8), ryo);
  // Inside the surrogate pair of 😀: the start of the emoji.
  EXPECT_EQ(to_byte_offset(lines, kText, {0, 2}, PositionEncoding::kUtf16), 1u);
  // Past the end of a line: the end of that line, before its CRLF.
  EXPECT_EQ(to_byte_offset(lines, kText, {0, 99}, PositionEncoding::kUtf16), 6u);
  // Past the last line: the end of the text.
  EXPECT_EQ(to_byte_offset(lines, kText, {9, 0}, PositionEncoding::kUtf16), kText.size());
  // Every code point boundary survives the round trip in both encodings.
  for (std::uint32_t offset = 0; offset <= kText.size(); ++offset) {
    if (offset < kText.size() && (static_cast<unsigned char>(kText[offset]) & 0xC0) == 0x80) continue;
    if (offset > 0 && kText[offset - 1] == '\r') continue;  // between CR and LF is no position
    for (auto enc : {PositionEncoding::kUtf16, PositionEncoding::kUtf8}) {
      EXPECT_EQ(to_byte_offset(lines, kText, to_lsp_position(lines, offset, enc), enc), offset) << offset;
    }
  }
}

TEST(Positions, EncodingNames) {
  EXPECT_EQ(parse_encoding("utf-16"), PositionEncoding::kUtf16);
  EXPECT_EQ(parse_encoding("utf-8"), PositionEncoding::kUtf8);
  EXPECT_FALSE(parse_encoding("utf-32"));
  EXPECT_STREQ(encoding_name(PositionEncoding::kUtf16), "utf-16");
}

TEST(TextDocument, IncrementalChangesInUtf16) {
  TextDocument doc("🎉 了解しました！\nThanks, guys.\n");
  // Replace 了解 (UTF-16 3..5 on line 0) with 承知.
  ASSERT_TRUE(doc.apply_change(LspRange{{0, 3}, {0, 5}}, "承知", PositionEncoding::kUtf16).ok());
  EXPECT_EQ(doc.text(), "🎉 承知しました！\nThanks, guys.\n");
  // Insert an emoji at the start of line 1, then delete "guys" on the line that moved right.
  ASSERT_TRUE(doc.apply_change(LspRange{{1, 0}, {1, 0}}, "😀", PositionEncoding::kUtf16).ok());
  ASSERT_TRUE(doc.apply_change(LspRange{{1, 10}, {1, 14}}, "everyone", PositionEncoding::kUtf16).ok());
  EXPECT_EQ(doc.text(), "🎉 承知しました！\n😀Thanks, everyone.\n");
  // Join the lines: delete from the end of line 0 to the start of line 1.
  ASSERT_TRUE(doc.apply_change(LspRange{{0, 10}, {1, 0}}, " ", PositionEncoding::kUtf16).ok());
  EXPECT_EQ(doc.text(), "🎉 承知しました！ 😀Thanks, everyone.\n");
  EXPECT_EQ(doc.position_of(static_cast<std::uint32_t>(doc.text().find("Thanks")), PositionEncoding::kUtf16),
            (LspPosition{0, 13}));
  // A whole-text change.
  ASSERT_TRUE(doc.apply_change(std::nullopt, "new\r\ntext", PositionEncoding::kUtf16).ok());
  EXPECT_EQ(doc.offset_of({1, 2}, PositionEncoding::kUtf16), 7u);
}

TEST(TextDocument, IncrementalChangesInUtf8AndBadRanges) {
  TextDocument doc("🎉 了解\n");
  ASSERT_TRUE(doc.apply_change(LspRange{{0, 5}, {0, 11}}, "承知", PositionEncoding::kUtf8).ok());
  EXPECT_EQ(doc.text(), "🎉 承知\n");
  const Status backwards = doc.apply_change(LspRange{{0, 5}, {0, 1}}, "x", PositionEncoding::kUtf8);
  EXPECT_FALSE(backwards.ok());
  EXPECT_EQ(doc.text(), "🎉 承知\n");  // untouched
}

TEST(Uri, FileUrisToPathsAndBack) {
  EXPECT_EQ(path_of_uri("file:///home/a%20b/%E4%BA%86.md"), "/home/a b/了.md");
  EXPECT_EQ(path_of_uri("FILE://localhost/tmp/x.txt"), "/tmp/x.txt");
  EXPECT_FALSE(path_of_uri("untitled:Untitled-1"));
  EXPECT_FALSE(path_of_uri("file://server/share/x.md"));
  EXPECT_FALSE(path_of_uri("file:///tmp/%00x"));
  EXPECT_EQ(uri_of_path("/tmp/a b/了.md"), "file:///tmp/a%20b/%E4%BA%86.md");
  EXPECT_EQ(path_of_uri(uri_of_path("/tmp/a b/了#?.md")), "/tmp/a b/了#?.md");
}

TEST(LintWorker, ExtractorByLanguageThenExtension) {
  EXPECT_EQ(document_format("markdown", "untitled:1"), "markdown");
  EXPECT_EQ(document_format("mdx", "untitled:2"), "mdx");
  EXPECT_EQ(document_format("", "/x/page.mdx"), "mdx");
  EXPECT_EQ(document_format("markdown", "/x/page.mdx"), "mdx");  // an editor without an MDX mode
  EXPECT_EQ(document_format("mdx", "/x/page.md"), "mdx");
  EXPECT_EQ(document_format("plaintext", "/x/page.mdx"), "text");
  EXPECT_EQ(document_format("plaintext", "/x/notes.md"), "text");
  EXPECT_EQ(document_format("yaml-frontmatter-thing", "/x/notes.md"), "markdown");
  EXPECT_EQ(document_format("", "/x/notes.txt"), "text");
}

TEST(LintWorker, ProblemAtAnErrorsLineAndColumn) {
  const std::string text = "\xEF\xBB\xBF---\ntone: {emotion: upsett}\n---\n本文\n";
  // As LintSession reports it: line 2, column 17 (code points), BOM not counted.
  const DocumentProblem p =
      problem_at(text, Status(ErrorCode::kParse, "unknown emotion 'upsett'", Location{"x.md", 2, 17}), "code");
  EXPECT_EQ(text.substr(p.offset, p.length), "upsett");
  EXPECT_EQ(p.code, "code");
  const DocumentProblem whole = problem_at(text, Status(ErrorCode::kParse, "broken"), "code");
  EXPECT_EQ(whole.offset, 0u);
  EXPECT_EQ(whole.length, 0u);
}

}  // namespace
}  // namespace tonelint::lsp
