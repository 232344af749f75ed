#include "extract/source_map.h"

#include <gtest/gtest.h>

namespace tonelint {
namespace {

TEST(SourceMapTest, EmptyMap) {
  SourceMap map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.text_length(), 0u);
  EXPECT_EQ(map.to_source_begin(0), 0u);
  EXPECT_EQ(map.to_source_end(0), 0u);
}

TEST(SourceMapTest, VerbatimMapsByteForByte) {
  SourceMap map;
  map.append_verbatim(100, 10);
  EXPECT_FALSE(map.empty());
  EXPECT_EQ(map.text_length(), 10u);
  for (std::uint32_t i = 0; i <= 10; ++i) {
    EXPECT_EQ(map.to_source_begin(i), 100 + i) << i;
    EXPECT_EQ(map.to_source_end(i), 100 + i) << i;
  }
}

TEST(SourceMapTest, ContiguousVerbatimPiecesMerge) {
  // Two runs that touch in the source behave exactly like one run.
  SourceMap split;
  split.append_verbatim(10, 5);
  split.append_verbatim(15, 3);
  SourceMap whole;
  whole.append_verbatim(10, 8);
  EXPECT_EQ(split.text_length(), 8u);
  for (std::uint32_t i = 0; i <= 8; ++i) {
    EXPECT_EQ(split.to_source_begin(i), whole.to_source_begin(i)) << i;
    EXPECT_EQ(split.to_source_end(i), whole.to_source_end(i)) << i;
  }
  // In particular a span ending at the join ends in the source at the join.
  EXPECT_EQ(split.to_source_end(5), 15u);
  EXPECT_EQ(split.to_source_begin(5), 15u);
}

TEST(SourceMapTest, GapBetweenVerbatimPiecesSplitsBeginAndEnd) {
  // "**bold** word": markup removed between two runs of text.
  SourceMap map;
  map.append_verbatim(2, 4);   // "bold" at 2..6
  map.append_verbatim(8, 5);   // " word" at 8..13
  EXPECT_EQ(map.text_length(), 9u);
  // A span that ends at the join ends after "bold"; one that begins there starts at " word".
  EXPECT_EQ(map.to_source_end(4), 6u);
  EXPECT_EQ(map.to_source_begin(4), 8u);
  EXPECT_EQ(map.to_source_begin(0), 2u);
  EXPECT_EQ(map.to_source_begin(6), 10u);
  EXPECT_EQ(map.to_source_end(6), 10u);
  EXPECT_EQ(map.to_source_end(9), 13u);
}

TEST(SourceMapTest, ReplacementMapsOnlyAsAWhole) {
  // Source "a &amp; b" -> text "a & b".
  SourceMap map;
  map.append_verbatim(0, 2);         // "a "
  map.append_replacement(2, 5, 1);   // "&amp;" -> "&"
  map.append_verbatim(7, 2);         // " b"
  EXPECT_EQ(map.text_length(), 5u);
  // The '&' as a span is the whole entity.
  EXPECT_EQ(map.to_source_begin(2), 2u);
  EXPECT_EQ(map.to_source_end(3), 7u);
  // Around it, offsets are exact.
  EXPECT_EQ(map.to_source_end(2), 2u);
  EXPECT_EQ(map.to_source_begin(3), 7u);
  EXPECT_EQ(map.to_source_begin(4), 8u);
  EXPECT_EQ(map.to_source_end(5), 9u);
}

TEST(SourceMapTest, PositionsInsideAMultibyteReplacementSnapToItsEdges) {
  // "&#x1F600;" (9 source bytes at 20) decodes to a 4-byte emoji.
  SourceMap map;
  map.append_replacement(20, 9, 4);
  EXPECT_EQ(map.text_length(), 4u);
  for (std::uint32_t i = 0; i < 4; ++i) EXPECT_EQ(map.to_source_begin(i), 20u) << i;
  for (std::uint32_t i = 1; i <= 4; ++i) EXPECT_EQ(map.to_source_end(i), 29u) << i;
  EXPECT_EQ(map.to_source_end(0), 20u);
  EXPECT_EQ(map.to_source_begin(4), 29u);
}

TEST(SourceMapTest, PlaceholderCanBeShorterThanWhatItReplaces) {
  // "see `some_code()` now": the 11 code bytes at 5 become a 3-byte placeholder.
  SourceMap map;
  map.append_verbatim(0, 4);           // "see "
  map.append_replacement(5, 11, 3);    // placeholder
  map.append_verbatim(17, 4);          // " now"
  EXPECT_EQ(map.text_length(), 11u);
  EXPECT_EQ(map.to_source_begin(4), 5u);
  EXPECT_EQ(map.to_source_end(7), 16u);
  EXPECT_EQ(map.to_source_begin(5), 5u);  // inside the placeholder
  EXPECT_EQ(map.to_source_end(5), 16u);
  EXPECT_EQ(map.to_source_begin(7), 17u);
  EXPECT_EQ(map.to_source_end(11), 21u);
}

TEST(SourceMapTest, AdjacentReplacementsStaySeparate) {
  // "&lt;&gt;" -> "<>": each character maps to its own entity.
  SourceMap map;
  map.append_replacement(0, 4, 1);
  map.append_replacement(4, 4, 1);
  EXPECT_EQ(map.text_length(), 2u);
  EXPECT_EQ(map.to_source_begin(0), 0u);
  EXPECT_EQ(map.to_source_end(1), 4u);
  EXPECT_EQ(map.to_source_begin(1), 4u);
  EXPECT_EQ(map.to_source_end(2), 8u);
}

TEST(SourceMapTest, VerbatimAfterReplacementDoesNotMergeIntoIt) {
  // A verbatim run right after a replacement in the source must not be folded into it.
  SourceMap map;
  map.append_replacement(0, 5, 1);
  map.append_verbatim(5, 3);
  EXPECT_EQ(map.text_length(), 4u);
  EXPECT_EQ(map.to_source_begin(2), 6u);
  EXPECT_EQ(map.to_source_end(2), 6u);
}

TEST(SourceMapTest, EndOfTextMapsToEndOfLastPiece) {
  SourceMap map;
  map.append_verbatim(3, 4);
  map.append_replacement(10, 6, 1);
  EXPECT_EQ(map.to_source_begin(map.text_length()), 16u);
  EXPECT_EQ(map.to_source_end(map.text_length()), 16u);
  // Past the end clamps to the end.
  EXPECT_EQ(map.to_source_begin(100), 16u);
  EXPECT_EQ(map.to_source_end(100), 16u);

  SourceMap verbatim_last;
  verbatim_last.append_replacement(0, 2, 1);
  verbatim_last.append_verbatim(5, 3);
  EXPECT_EQ(verbatim_last.to_source_begin(4), 8u);
  EXPECT_EQ(verbatim_last.to_source_end(4), 8u);
}

TEST(SourceMapTest, EmptyAppendsAreIgnored) {
  SourceMap map;
  map.append_verbatim(50, 0);
  map.append_replacement(60, 4, 0);
  EXPECT_TRUE(map.empty());
  map.append_verbatim(7, 2);
  map.append_verbatim(70, 0);
  EXPECT_EQ(map.text_length(), 2u);
  EXPECT_EQ(map.to_source_end(2), 9u);
}

TEST(SourceMapTest, AppendMappedCopiesASliceAndThroughComposes) {
  // A decoded buffer: "ab" verbatim at 100, "X" replacing 5 bytes at 102, "cd" verbatim at 107.
  SourceMap decoded;
  decoded.append_verbatim(100, 2);
  decoded.append_replacement(102, 5, 1);
  decoded.append_verbatim(107, 2);
  SourceMap slice;
  slice.append_mapped(decoded, 1, 4);  // "bXc"
  EXPECT_EQ(slice.text_length(), 3u);
  EXPECT_EQ(slice.to_source_begin(0), 101u);
  EXPECT_EQ(slice.to_source_begin(1), 102u);
  EXPECT_EQ(slice.to_source_end(2), 107u);  // the replacement maps only as a whole
  EXPECT_EQ(slice.to_source_end(3), 108u);

  // A text over the buffer: "a" verbatim at buffer 0, " " replacing buffer 1..3, "d" at 4.
  SourceMap text;
  text.append_verbatim(0, 1);
  text.append_replacement(1, 3, 1);
  text.append_verbatim(4, 1);
  const SourceMap file = text.through(decoded);
  EXPECT_EQ(file.text_length(), 3u);
  EXPECT_EQ(file.to_source_begin(0), 100u);
  EXPECT_EQ(file.to_source_begin(1), 101u);
  EXPECT_EQ(file.to_source_end(2), 108u);
  EXPECT_EQ(file.to_source_begin(2), 108u);
  EXPECT_EQ(file.to_source_end(3), 109u);
}

}  // namespace
}  // namespace tonelint
