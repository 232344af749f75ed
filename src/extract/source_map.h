// Maps byte offsets in extracted text back to byte offsets in the original file.
// Extracted text differs from the source where markup was removed, entities decoded or
// non-prose replaced by a placeholder; the map keeps every offset exact.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace tonelint {

class SourceMap {
 public:
  // Appends `length` bytes of text copied from the source at `source_offset`: they map
  // byte for byte.
  void append_verbatim(std::uint32_t source_offset, std::uint32_t length);
  // Appends `text_length` bytes of text that replace `source_length` source bytes at
  // `source_offset` (a decoded entity, a placeholder): the piece maps only as a whole.
  void append_replacement(std::uint32_t source_offset, std::uint32_t source_length, std::uint32_t text_length);

  // Appends text [text_begin, text_end) of another text whose map is `inner`, mapped as
  // `inner` maps it: composing a block's map over a decoded buffer's map (HTML inside an
  // e-mail), or copying a slice of one. A replacement cut by the range stays a replacement
  // of everything it replaced.
  void append_mapped(const SourceMap& inner, std::uint32_t text_begin, std::uint32_t text_end);

  // This map read through `outer`: when this map's "source" is itself a text that `outer`
  // maps (the decoded body of an e-mail part), the result maps straight to `outer`'s source.
  SourceMap through(const SourceMap& outer) const;

  // Source offset of the text position where a span begins: inside a replacement,
  // the start of what it replaced.
  std::uint32_t to_source_begin(std::uint32_t text_offset) const;
  // Source offset of the text position where a span ends (exclusive): inside a
  // replacement, the end of what it replaced.
  std::uint32_t to_source_end(std::uint32_t text_offset) const;

  // Appends the source ranges [begin, end) of plain text: verbatim pieces that follow each
  // other in `source` without a gap, with any whitespace-only replacement between them (a
  // soft line break read as a space). A gap (a tag, a marker) or any other replacement (an
  // entity, a placeholder) ends a run.
  void plain_source_runs(std::string_view source, std::vector<std::pair<std::uint32_t, std::uint32_t>>* out) const;

  std::uint32_t text_length() const;
  bool empty() const { return pieces_.empty(); }

 private:
  struct Piece {
    std::uint32_t text_offset;
    std::uint32_t source_offset;
    std::uint32_t text_length;
    std::uint32_t source_length;
    bool verbatim;
  };
  // The piece whose text range contains `text_offset` (end-inclusive when `at_end`).
  const Piece* find(std::uint32_t text_offset, bool at_end) const;

  std::vector<Piece> pieces_;  // ordered by text_offset, contiguous in text
};

}  // namespace tonelint
