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

}  // namespace tonelint::testing
