// The extractor tests' view of a result: the source and its document kept together
// (blocks point into the source), with the texts and the source bytes behind them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../test_support.h"
#include "extract/extractor.h"
#include "extract/markdown_extractor.h"
#include "input/utf8.h"

namespace tonelint::testing {

struct Extracted {
  std::unique_ptr<SourceText> source;
  std::unique_ptr<Document> doc;
  Status status;  // why there is no document

  const std::vector<TextBlock>& blocks() const { return doc->blocks(); }
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    if (doc) {
      for (const TextBlock& b : doc->blocks()) out.emplace_back(b.text);
    }
    return out;
  }
  // All prose, one block a line, to check that some word never made it in.
  std::string all_text() const {
    std::string out;
    for (const std::string& t : texts()) out.append(t).append("\n");
    return out;
  }
  // The source bytes behind text offsets [begin, end) of block `b`.
  std::string_view source_of_span(const TextBlock& b, std::uint32_t begin, std::uint32_t end) const {
    const std::uint32_t s = b.map.to_source_begin(begin);
    const std::uint32_t e = b.map.to_source_end(end);
    return source->bytes().substr(s, e - s);
  }
  // The source bytes behind the first `needle` in block `b`'s text.
  std::string_view source_of(std::size_t b, std::string_view needle) const {
    const TextBlock& block = doc->blocks().at(b);
    const std::size_t at = block.text.find(needle);
    EXPECT_NE(at, std::string_view::npos) << needle << " not in " << block.text;
    if (at == std::string_view::npos) return {};
    return source_of_span(block, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size()));
  }
};

// Runs `extractor` on `bytes` named `name`. With `expect_ok`, a failure is a test failure;
// either way the status is kept and `doc` is an empty document of format "failed".
inline Extracted extract_with(const Extractor& extractor, std::string bytes, std::string name, bool expect_ok = true) {
  Extracted e;
  e.source = source_of(std::move(bytes), std::move(name));
  auto doc = extractor.extract(*e.source);
  if (expect_ok) {
    EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  }
  if (doc.ok()) {
    e.doc = std::make_unique<Document>(std::move(*doc));
  } else {
    e.status = doc.status();
    e.doc = std::make_unique<Document>(*e.source, "failed");
  }
  return e;
}

// The source-map checks: that a block's text maps back to the source bytes it came from.
// From the loosest to the strictest:

// Every block's map stays inside the file and runs forward.
inline void expect_sane_maps(const Extracted& e) {
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  for (const TextBlock& b : e.blocks()) {
    ASSERT_EQ(b.map.text_length(), b.text.size()) << b.text;
    std::uint32_t previous = 0;
    for (std::uint32_t i = 0; i <= b.text.size(); ++i) {
      const std::uint32_t s = b.map.to_source_begin(i);
      EXPECT_LE(s, e.source->bytes().size());
      EXPECT_GE(s, previous) << b.text << " at " << i;
      previous = s;
    }
  }
}

// Every character of every block is explained by the source: a character that maps to as
// many bytes as it has is those very bytes; anything else is whitespace, a placeholder
// (with its mask) or a character reference.
inline void expect_characters_map_back(const Extracted& e) {
  const std::string_view bytes = e.source->bytes();
  for (const TextBlock& b : e.blocks()) {
    SCOPED_TRACE("block: " + std::string(b.text));
    ASSERT_EQ(b.map.text_length(), b.text.size());
    std::size_t placeholders = 0;
    for (std::size_t i = 0; i < b.text.size();) {
      const std::size_t at = i;
      const char32_t c = next_code_point(b.text, &i);
      const std::uint32_t s = b.map.to_source_begin(static_cast<std::uint32_t>(at));
      const std::uint32_t end = b.map.to_source_end(static_cast<std::uint32_t>(i));
      ASSERT_LE(s, end);
      ASSERT_LE(end, bytes.size());
      if (c == U' ' || c == U'\n') continue;
      if (b.text.substr(at, kPlaceholder.size()) == kPlaceholder) {
        ++placeholders;
        continue;
      }
      if (end - s == i - at) {
        EXPECT_EQ(bytes.substr(s, end - s), b.text.substr(at, i - at)) << "at text offset " << at;
      } else {
        EXPECT_EQ(bytes[s], '&') << "text offset " << at << " maps to " << bytes.substr(s, end - s);
      }
    }
    EXPECT_EQ(b.masks.size(), placeholders);
  }
}

// Every byte of every block must be explained by the source: verbatim bytes map to the same
// byte, and each replacement is a placeholder (with its mask), a line break, an HTML tag or
// comment, or a character reference that decodes to the text.
inline void expect_bytes_map_back(const Extracted& e) {
  const std::string_view bytes = e.source->bytes();
  for (const TextBlock& b : e.blocks()) {
    SCOPED_TRACE("block: " + std::string(b.text));
    ASSERT_EQ(b.map.text_length(), b.text.size());
    // Masks: ordered, each at a placeholder, and every placeholder has one.
    std::size_t placeholders = 0;
    for (std::size_t p = b.text.find(kPlaceholder); p != std::string_view::npos;
         p = b.text.find(kPlaceholder, p + 1)) {
      ++placeholders;
    }
    ASSERT_EQ(b.masks.size(), placeholders);
    for (std::size_t m = 0; m < b.masks.size(); ++m) {
      EXPECT_EQ(b.text.substr(b.masks[m].text_offset, kPlaceholder.size()), kPlaceholder);
      if (m > 0) {
        EXPECT_LT(b.masks[m - 1].text_offset, b.masks[m].text_offset);
      }
    }
    auto in_mask = [&](std::uint32_t i) {
      for (const Mask& m : b.masks) {
        if (i >= m.text_offset && i < m.text_offset + kPlaceholder.size()) return true;
      }
      return false;
    };

    std::uint32_t previous_end = 0;
    for (std::uint32_t i = 0; i < b.text.size(); ++i) {
      const std::uint32_t s = b.map.to_source_begin(i);
      const std::uint32_t end = b.map.to_source_end(i + 1);
      ASSERT_LT(s, end) << "text offset " << i;
      ASSERT_LE(end, bytes.size()) << "text offset " << i;
      // Text order is source order.
      ASSERT_GE(end, previous_end) << "text offset " << i;
      previous_end = end;
      const std::string_view src = bytes.substr(s, end - s);
      if (src.size() == 1 && src[0] == b.text[i]) continue;  // verbatim
      if (in_mask(i)) continue;
      if ((src == "\n" || src == "\r\n" || src == "\r") && (b.text[i] == ' ' || b.text[i] == '\n')) continue;
      // Raw HTML, perhaps one line of a tag or comment that spans lines.
      if (src.size() >= 2 && (src.front() == '<' || src.back() == '>') && b.text[i] == ' ') continue;
      if (src.size() >= 3 && src.front() == '&' && src.back() == ';') {
        std::string decoded;
        ASSERT_TRUE(decode_character_reference(src, &decoded)) << src;
        // The first text byte of this replacement.
        std::uint32_t first = i;
        while (first > 0 && b.map.to_source_begin(first - 1) == s) --first;
        EXPECT_EQ(b.text.substr(first, decoded.size()), decoded) << src;
        continue;
      }
      ADD_FAILURE() << "text offset " << i << " ('" << b.text[i] << "') maps to unexplained source \""
                    << src << "\" at " << s;
      return;
    }
  }
}

}  // namespace tonelint::testing
