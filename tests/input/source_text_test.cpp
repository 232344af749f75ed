#include "input/source_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include "input/utf8.h"

namespace tonelint {
namespace {

using ::testing::HasSubstr;

Status load_error(std::string bytes, const std::string& name = "draft.md") {
  auto source = load_source_bytes(std::move(bytes), name);
  EXPECT_FALSE(source.ok());
  return source.ok() ? Status() : source.status();
}

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "tonelint_source_text_" + std::to_string(::getpid()) + "_" + name;
}

TEST(SourceTextTest, AcceptsValidUtf8) {
  const std::string bytes = "Hello 世界 😀 é\nこんにちは\n";
  auto source = load_source_bytes(bytes, "greeting.txt");
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  EXPECT_EQ((*source)->path(), "greeting.txt");
  EXPECT_EQ((*source)->bytes(), bytes);
  EXPECT_EQ((*source)->text(), bytes);
  EXPECT_EQ((*source)->bom_length(), 0u);
  EXPECT_EQ((*source)->lines().line_count(), 3u);
}

TEST(SourceTextTest, AcceptsNoncharactersAndMaxCodePoint) {
  // U+FFFF and U+10FFFF are well-formed UTF-8 even if unusual.
  auto source = load_source_bytes("\xEF\xBF\xBF \xF4\x8F\xBF\xBF", "edge.txt");
  EXPECT_TRUE(source.ok()) << source.status().to_string();
}

TEST(SourceTextTest, InvalidByteInMiddleOfLineNamesLineColumnByteAndOffset) {
  // Offset 13 is the 0xFF; line 2, after "日本x" (three code points) -> column 4.
  const std::string bytes = "first\n日本x\xFFyz\n";
  ASSERT_EQ(bytes.find('\xFF'), 13u);
  const Status s = load_error(bytes, "docs/draft.md");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(s.location().path, "docs/draft.md");
  EXPECT_EQ(s.location().line, 2u);
  EXPECT_EQ(s.location().column, 4u);
  EXPECT_THAT(s.message(), HasSubstr("0xFF"));
  EXPECT_THAT(s.message(), HasSubstr("byte offset 13"));
  EXPECT_THAT(s.to_string(), HasSubstr("docs/draft.md:2:4: "));
}

TEST(SourceTextTest, InvalidByteColumnIgnoresBomButOffsetCountsIt) {
  const std::string bytes = "\xEF\xBB\xBF" "ab\xC3(";  // 0xC3 followed by a non-continuation byte
  const Status s = load_error(bytes);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(s.location().line, 1u);
  EXPECT_EQ(s.location().column, 3u);
  EXPECT_THAT(s.message(), HasSubstr("0xC3"));
  EXPECT_THAT(s.message(), HasSubstr("byte offset 5"));
}

TEST(SourceTextTest, InvalidByteAfterCrlfAndLoneCr) {
  const Status crlf = load_error("a\r\nb\r\n\x80");
  EXPECT_EQ(crlf.location().line, 3u);
  EXPECT_EQ(crlf.location().column, 1u);
  const Status cr = load_error("a\rb\r\x80");
  EXPECT_EQ(cr.location().line, 3u);
  EXPECT_EQ(cr.location().column, 1u);
}

struct BadSequence {
  const char* name;
  std::string bytes;
  std::size_t offset;     // where the error must be reported
  unsigned char byte;     // the byte named in the message
};

// Keeps test names readable in CTest instead of a byte dump.
void PrintTo(const BadSequence& bad, std::ostream* os) { *os << bad.name; }

class InvalidUtf8Test : public ::testing::TestWithParam<BadSequence> {};

TEST_P(InvalidUtf8Test, IsRejectedAtTheRightOffset) {
  const BadSequence& bad = GetParam();
  EXPECT_EQ(find_invalid_utf8(bad.bytes), bad.offset);
  const Status s = load_error(bad.bytes);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", bad.byte);
  EXPECT_THAT(s.message(), HasSubstr(hex));
  EXPECT_THAT(s.message(), HasSubstr("byte offset " + std::to_string(bad.offset)));
  EXPECT_EQ(s.location().line, 1u);
  EXPECT_EQ(s.location().column, count_code_points(bad.bytes.substr(0, bad.offset)) + 1);
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, InvalidUtf8Test,
    ::testing::Values(
        // "/" encoded in two bytes: overlong.
        BadSequence{"Overlong2", "ab\xC0\xAF", 2, 0xC0},
        // U+002F in three bytes: overlong.
        BadSequence{"Overlong3", "x\xE0\x80\xAFy", 1, 0xE0},
        // U+0000 in four bytes: overlong.
        BadSequence{"Overlong4", "\xF0\x80\x80\x80", 0, 0xF0},
        // U+D800, a surrogate: not allowed in UTF-8.
        BadSequence{"Surrogate", "ok \xED\xA0\x80", 3, 0xED},
        // U+DFFF, the last surrogate.
        BadSequence{"LowSurrogate", "\xED\xBF\xBF", 0, 0xED},
        // Past U+10FFFF.
        BadSequence{"TooLarge", "\xF4\x90\x80\x80", 0, 0xF4},
        // 日 cut short at the end of the file.
        BadSequence{"TruncatedAtEof", "日本\xE6\x97", 6, 0xE6},
        // A four-byte lead with only two continuation bytes at the end.
        BadSequence{"TruncatedFourByteAtEof", "a\xF0\x9F\x98", 1, 0xF0},
        // A continuation byte with no lead.
        BadSequence{"LoneContinuation", "abcdefghij\x80", 10, 0x80},
        // Latin-1 é: a lead byte followed by ASCII.
        BadSequence{"Latin1", "caf\xE9 au lait", 3, 0xE9},
        // 0xFE never appears in UTF-8.
        BadSequence{"FE", "\xFE", 0, 0xFE}),
    [](const ::testing::TestParamInfo<BadSequence>& info) { return std::string(info.param.name); });

TEST(SourceTextTest, InvalidByteAfterLongAsciiRunIsFound) {
  // The validator skips ASCII eight bytes at a time; make sure a bad byte at every
  // position within such a word is still caught at its exact offset.
  for (std::size_t pos = 0; pos < 24; ++pos) {
    std::string bytes(24, 'a');
    bytes[pos] = '\x85';
    EXPECT_EQ(find_invalid_utf8(bytes), pos);
  }
}

TEST(SourceTextTest, NulByteIsBinaryWithLineAndColumn) {
  const std::string bytes = std::string("abc\ndé") + '\0' + "rest";
  auto source = load_source_bytes(bytes, "image.png");
  ASSERT_FALSE(source.ok());
  const Status& s = source.status();
  EXPECT_EQ(s.code(), ErrorCode::kBinary);
  EXPECT_EQ(s.location().path, "image.png");
  EXPECT_EQ(s.location().line, 2u);
  EXPECT_EQ(s.location().column, 3u);
  EXPECT_THAT(s.message(), HasSubstr("skipped"));
  EXPECT_THAT(s.message(), HasSubstr("offset 7"));
}

TEST(SourceTextTest, NulByteWinsOverInvalidUtf8AndHasNoLineThen) {
  // Typical binary: garbage before the NUL, so no meaningful line can be given.
  const std::string bytes = std::string("\x89PNG\r\n\x1A\n") + '\0' + "\xFF";
  auto source = load_source_bytes(bytes, "image.png");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kBinary);
  EXPECT_EQ(source.status().location().path, "image.png");
  EXPECT_EQ(source.status().location().line, 0u);
  EXPECT_THAT(source.status().message(), HasSubstr("offset 8"));
}

TEST(SourceTextTest, EmptyInputIsAccepted) {
  auto source = load_source_bytes("", "empty.txt");
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  EXPECT_TRUE((*source)->bytes().empty());
  EXPECT_TRUE((*source)->text().empty());
  EXPECT_EQ((*source)->bom_length(), 0u);
  EXPECT_EQ((*source)->position(0).line, 1u);
}

TEST(SourceTextTest, BomIsStrippedFromTextButKeptInBytes) {
  const std::string bytes = "\xEF\xBB\xBF" "Hi\nthere";
  auto source = load_source_bytes(bytes, "bom.txt");
  ASSERT_TRUE(source.ok());
  const SourceText& s = **source;
  EXPECT_EQ(s.bom_length(), 3u);
  EXPECT_EQ(s.bytes(), bytes);
  EXPECT_EQ(s.text(), "Hi\nthere");
  EXPECT_EQ(s.text().data(), s.bytes().data() + 3);
  // Offsets index bytes(): 'H' is at offset 3 and is column 1.
  EXPECT_EQ(s.position(3).line, 1u);
  EXPECT_EQ(s.position(3).column, 1u);
  const Location t = s.location(6);
  EXPECT_EQ(t.path, "bom.txt");
  EXPECT_EQ(t.line, 2u);
  EXPECT_EQ(t.column, 1u);
  // An offset inside the BOM (a span from the start of the file) is line 1, column 1.
  const Location start = s.location(0);
  EXPECT_EQ(start.line, 1u);
  EXPECT_EQ(start.column, 1u);
}

TEST(SourceTextTest, OnlyALeadingBomIsABom) {
  auto source = load_source_bytes("a\xEF\xBB\xBF", "mid.txt");
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->bom_length(), 0u);
  auto only = load_source_bytes("\xEF\xBB\xBF", "only.txt");
  ASSERT_TRUE(only.ok());
  EXPECT_EQ((*only)->bom_length(), 3u);
  EXPECT_TRUE((*only)->text().empty());
}

TEST(SourceTextTest, LoadFileReadsBytesAndKeepsThePath) {
  const std::string path = temp_path("ok.md");
  const std::string bytes = "# 見出し\r\n\r\nbody\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  auto source = load_source_file(path);
  std::remove(path.c_str());
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  EXPECT_EQ((*source)->path(), path);
  EXPECT_EQ((*source)->bytes(), bytes);  // CRLF untouched: binary read
}

TEST(SourceTextTest, LoadFileChecksUtf8) {
  const std::string path = temp_path("bad.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "ok\nbad \xC3\x28";
  }
  auto source = load_source_file(path);
  std::remove(path.c_str());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(source.status().location().path, path);
  EXPECT_EQ(source.status().location().line, 2u);
  EXPECT_EQ(source.status().location().column, 5u);
}

TEST(SourceTextTest, LoadMissingFileIsNotFound) {
  const std::string path = temp_path("does-not-exist.md");
  auto source = load_source_file(path);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(source.status().location().path, path);
}

TEST(SourceTextTest, LoadDirectoryIsIoError) {
  const std::string path = temp_path("dir");
  ASSERT_EQ(::mkdir(path.c_str(), 0700), 0);
  auto source = load_source_file(path);
  ::rmdir(path.c_str());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kIo);
  EXPECT_EQ(source.status().location().path, path);
}

TEST(SourceTextTest, LoadStreamReadsEverything) {
  // More than one 64 KiB read buffer, with multibyte characters across the boundary.
  std::string bytes;
  while (bytes.size() < 200000) bytes += "あいうえお abc\n";
  std::istringstream in(bytes);
  auto source = load_source_stream(in, "<stdin>");
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  EXPECT_EQ((*source)->path(), "<stdin>");
  EXPECT_EQ((*source)->bytes(), bytes);
}

TEST(SourceTextTest, LoadStreamReportsUnderDisplayName) {
  std::istringstream in("line one\nline \xFF two\n");
  auto source = load_source_stream(in, "<stdin>");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(source.status().location().path, "<stdin>");
  EXPECT_EQ(source.status().location().line, 2u);
  EXPECT_EQ(source.status().location().column, 6u);
}

TEST(SourceTextTest, LoadEmptyStream) {
  std::istringstream in("");
  auto source = load_source_stream(in, "<stdin>");
  ASSERT_TRUE(source.ok());
  EXPECT_TRUE((*source)->bytes().empty());
}

TEST(SourceTextTest, CheckTextOkForValidText) {
  EXPECT_TRUE(check_text("x", "plain ascii").ok());
  EXPECT_TRUE(check_text("x", "").ok());
}

}  // namespace
}  // namespace tonelint
