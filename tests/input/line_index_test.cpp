#include "input/line_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tonelint {
namespace {

// A deliberately naive reference: walks the text from the start every time.
Position naive_position(std::string_view bytes, std::uint32_t bom_length, std::uint32_t offset) {
  Position p;
  std::size_t i = bom_length;
  while (i < offset && i < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    const bool crlf = byte == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n';
    if (byte == '\n' || (byte == '\r' && !crlf)) {
      ++p.line;
      p.column = 1;
      p.utf16_column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      // Includes the CR of a CRLF: it is a code point on the line the LF ends.
      ++p.column;
      p.utf16_column += byte >= 0xF0 ? 2 : 1;
    }
    ++i;
  }
  return p;
}

TEST(LineIndexTest, CountsColumnsInCodePointsAndUtf16Units) {
  const std::string text = "ab\n日本語😀x\n";
  LineIndex index(text);
  EXPECT_EQ(index.position(0).line, 1u);
  const Position x = index.position(static_cast<std::uint32_t>(text.find('x')));
  EXPECT_EQ(x.line, 2u);
  EXPECT_EQ(x.column, 5u);        // 日 本 語 😀 x
  EXPECT_EQ(x.utf16_column, 6u);  // 😀 is two UTF-16 units
}

TEST(LineIndexTest, LfLineEnds) {
  const std::string text = "one\ntwo\nthree";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3u);
  EXPECT_EQ(index.line_start(1), 0u);
  EXPECT_EQ(index.line_start(2), 4u);
  EXPECT_EQ(index.line_start(3), 8u);
  // The LF itself belongs to the line it ends.
  const Position lf = index.position(3);
  EXPECT_EQ(lf.line, 1u);
  EXPECT_EQ(lf.column, 4u);
  const Position t = index.position(4);
  EXPECT_EQ(t.line, 2u);
  EXPECT_EQ(t.column, 1u);
  const Position e = index.position(10);  // "th|r" -> 'r' at column 3
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 3u);
}

TEST(LineIndexTest, CrlfIsOneLineEnd) {
  const std::string text = "ab\r\ncd\r\n\r\nef";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.line_start(2), 4u);
  EXPECT_EQ(index.line_start(3), 8u);
  EXPECT_EQ(index.line_start(4), 10u);
  // Both bytes of a CRLF stay on the line they end.
  EXPECT_EQ(index.position(2).line, 1u);
  EXPECT_EQ(index.position(3).line, 1u);
  EXPECT_EQ(index.position(5).line, 2u);
  EXPECT_EQ(index.position(5).column, 2u);
  EXPECT_EQ(index.position(11).line, 4u);
  EXPECT_EQ(index.position(11).column, 2u);
}

TEST(LineIndexTest, LoneCrIsALineEnd) {
  const std::string text = "ab\rcd\r\ref";  // classic Mac line ends, with an empty line
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.line_start(2), 3u);
  EXPECT_EQ(index.line_start(3), 6u);
  EXPECT_EQ(index.line_start(4), 7u);
  EXPECT_EQ(index.position(4).line, 2u);
  EXPECT_EQ(index.position(4).column, 2u);
  EXPECT_EQ(index.position(8).line, 4u);
  EXPECT_EQ(index.position(8).column, 2u);
}

TEST(LineIndexTest, MixedLineEndsEachCountOnce) {
  const std::string text = "a\nb\r\nc\rd";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.line_text(1), "a");
  EXPECT_EQ(index.line_text(2), "b");
  EXPECT_EQ(index.line_text(3), "c");
  EXPECT_EQ(index.line_text(4), "d");
  EXPECT_EQ(index.position(static_cast<std::uint32_t>(text.size() - 1)).line, 4u);
}

TEST(LineIndexTest, BomIsNotAColumnButCountsAsBytes) {
  const std::string text = "\xEF\xBB\xBF" "ab\ncd";
  LineIndex index(text, 3);
  // Offset 3 is the first character after the BOM: line 1, column 1.
  const Position a = index.position(3);
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(a.column, 1u);
  EXPECT_EQ(a.utf16_column, 1u);
  const Position b = index.position(4);
  EXPECT_EQ(b.column, 2u);
  // Line 2 is unaffected by the BOM; offsets are still raw byte offsets.
  EXPECT_EQ(index.line_start(2), 6u);
  const Position d = index.position(7);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 2u);
  EXPECT_EQ(index.line_start(1), 3u);
  EXPECT_EQ(index.line_text(1), "ab");
  // An offset inside the BOM reports the start of the text, not a negative column.
  EXPECT_EQ(index.position(0).line, 1u);
  EXPECT_EQ(index.position(0).column, 1u);
  EXPECT_EQ(index.position(2).column, 1u);
}

TEST(LineIndexTest, WithoutBomLengthTheBomIsAColumn) {
  // The caller decides; a LineIndex told nothing counts U+FEFF like any character.
  const std::string text = "\xEF\xBB\xBF" "ab";
  LineIndex index(text);
  EXPECT_EQ(index.position(3).column, 2u);
}

TEST(LineIndexTest, OffsetsPastTheEndClamp) {
  const std::string text = "ab\ncd";
  LineIndex index(text);
  const Position end = index.position(5);
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.column, 3u);
  const Position past = index.position(1000);
  EXPECT_EQ(past.line, end.line);
  EXPECT_EQ(past.column, end.column);
  const Position max = index.position(UINT32_MAX);
  EXPECT_EQ(max.line, end.line);
  EXPECT_EQ(max.column, end.column);
}

TEST(LineIndexTest, TrailingNewlineStartsAnEmptyLastLine) {
  const std::string text = "ab\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 2u);
  const Position end = index.position(3);
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.column, 1u);
  EXPECT_EQ(index.line_text(2), "");
}

TEST(LineIndexTest, EmptyText) {
  LineIndex index("");
  EXPECT_EQ(index.line_count(), 1u);
  EXPECT_EQ(index.position(0).line, 1u);
  EXPECT_EQ(index.position(0).column, 1u);
  EXPECT_EQ(index.position(5).column, 1u);
  EXPECT_EQ(index.line_text(1), "");
}

TEST(LineIndexTest, LineTextExcludesTerminators) {
  const std::string text = "first\r\nsecond\nthird\rfourth\r\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 5u);
  EXPECT_EQ(index.line_text(1), "first");
  EXPECT_EQ(index.line_text(2), "second");
  EXPECT_EQ(index.line_text(3), "third");
  EXPECT_EQ(index.line_text(4), "fourth");
  EXPECT_EQ(index.line_text(5), "");
  // Out of range lines are empty, not a crash.
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(6), "");
  EXPECT_EQ(index.line_start(0), 0u);
  EXPECT_EQ(index.line_start(99), text.size());
  // line_text points into the original bytes.
  EXPECT_EQ(index.line_text(2).data(), text.data() + 7);
}

TEST(LineIndexTest, LineTextKeepsInnerWhitespace) {
  const std::string text = "  indented  \n\t\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_text(1), "  indented  ");
  EXPECT_EQ(index.line_text(2), "\t");
}

TEST(LineIndexTest, VeryLongLineMatchesNaiveCount) {
  // About 1 MB on one line of mixed 1-, 2-, 3- and 4-byte characters, so checkpoints
  // (every 4096 bytes) fall inside multibyte sequences.
  std::string text = "head\n";
  const std::string unit = "aé日😀";  // 1 + 2 + 3 + 4 bytes, 4 code points, 5 UTF-16 units
  while (text.size() < (1u << 20)) text += unit;
  text += "z";
  const auto z = static_cast<std::uint32_t>(text.size() - 1);
  const std::size_t units = (text.size() - 6) / unit.size();
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 2u);

  const Position end = index.position(z);
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.column, units * 4 + 1);
  EXPECT_EQ(end.utf16_column, units * 5 + 1);

  // Past the last byte: one more column.
  const Position after = index.position(z + 1);
  EXPECT_EQ(after.column, units * 4 + 2);

  // Spot checks all over the line, including right at and around checkpoint boundaries.
  for (std::uint32_t offset : {5u, 4095u, 4096u, 4097u, 8191u, 8192u, 65536u, 500001u, 1000003u, z}) {
    const Position expected = naive_position(text, 0, offset);
    const Position actual = index.position(offset);
    EXPECT_EQ(actual.line, expected.line) << offset;
    EXPECT_EQ(actual.column, expected.column) << offset;
    EXPECT_EQ(actual.utf16_column, expected.utf16_column) << offset;
  }
}

TEST(LineIndexTest, ManyLinesMatchNaiveCount) {
  // Lines straddle checkpoints; every character offset must agree with a naive walk.
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; i < 1200; ++i) {
    text += std::string(static_cast<std::size_t>(i % 7), 'x') + "日本" + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
  }
  LineIndex index(text, 3);
  EXPECT_EQ(index.line_count(), 1201u);
  for (std::uint32_t offset = 3; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    const Position expected = naive_position(text, 3, offset);
    const Position actual = index.position(offset);
    ASSERT_EQ(actual.line, expected.line) << offset;
    ASSERT_EQ(actual.column, expected.column) << offset;
    ASSERT_EQ(actual.utf16_column, expected.utf16_column) << offset;
  }
}

}  // namespace
}  // namespace tonelint
