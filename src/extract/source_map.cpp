#include "extract/source_map.h"

#include <algorithm>

namespace tonelint {

void SourceMap::append_verbatim(std::uint32_t source_offset, std::uint32_t length) {
  if (length == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    // Contiguous verbatim runs stay one piece, so plain text is a single piece.
    if (last.verbatim && last.source_offset + last.source_length == source_offset) {
      last.text_length += length;
      last.source_length += length;
      return;
    }
  }
  pieces_.push_back(Piece{text_length(), source_offset, length, length, true});
}

void SourceMap::append_replacement(std::uint32_t source_offset, std::uint32_t source_length,
                                   std::uint32_t text_length) {
  if (text_length == 0) return;  // nothing in the text to map
  pieces_.push_back(Piece{this->text_length(), source_offset, text_length, source_length, false});
}

void SourceMap::append_mapped(const SourceMap& inner, std::uint32_t text_begin, std::uint32_t text_end) {
  if (text_begin >= text_end || inner.pieces_.empty()) return;
  auto it = std::upper_bound(inner.pieces_.begin(), inner.pieces_.end(), text_begin,
                             [](std::uint32_t t, const Piece& p) { return t < p.text_offset; });
  if (it != inner.pieces_.begin()) --it;
  for (; it != inner.pieces_.end() && it->text_offset < text_end; ++it) {
    const std::uint32_t from = std::max(text_begin, it->text_offset);
    const std::uint32_t to = std::min(text_end, it->text_offset + it->text_length);
    if (from >= to) continue;
    if (it->verbatim) {
      append_verbatim(it->source_offset + (from - it->text_offset), to - from);
    } else {
      append_replacement(it->source_offset, it->source_length, to - from);
    }
  }
}

SourceMap SourceMap::through(const SourceMap& outer) const {
  SourceMap out;
  for (const Piece& p : pieces_) {
    if (p.verbatim) {
      out.append_mapped(outer, p.source_offset, p.source_offset + p.source_length);
    } else {
      const std::uint32_t begin = outer.to_source_begin(p.source_offset);
      const std::uint32_t end = std::max(begin, outer.to_source_end(p.source_offset + p.source_length));
      out.append_replacement(begin, end - begin, p.text_length);
    }
  }
  return out;
}

void SourceMap::plain_source_runs(std::string_view source,
                                  std::vector<std::pair<std::uint32_t, std::uint32_t>>* out) const {
  auto whitespace_only = [&](const Piece& p) {
    if (std::size_t{p.source_offset} + p.source_length > source.size() || p.source_length == 0) return false;
    const std::string_view bytes = source.substr(p.source_offset, p.source_length);
    return bytes.find_first_not_of(" \t\r\n") == std::string_view::npos;
  };
  bool open = false;
  std::uint32_t begin = 0, end = 0;
  for (const Piece& p : pieces_) {
    const bool plain = p.verbatim || whitespace_only(p);
    if (open && plain && p.source_offset == end) {
      end += p.source_length;
      continue;
    }
    if (open) out->emplace_back(begin, end);
    open = plain;
    begin = p.source_offset;
    end = p.source_offset + p.source_length;
  }
  if (open) out->emplace_back(begin, end);
}

std::uint32_t SourceMap::text_length() const {
  return pieces_.empty() ? 0 : pieces_.back().text_offset + pieces_.back().text_length;
}

const SourceMap::Piece* SourceMap::find(std::uint32_t text_offset, bool at_end) const {
  if (pieces_.empty()) return nullptr;
  // First piece that starts after text_offset (or at it, for ends), then step back.
  auto it = at_end ? std::lower_bound(pieces_.begin(), pieces_.end(), text_offset,
                                      [](const Piece& p, std::uint32_t t) { return p.text_offset < t; })
                   : std::upper_bound(pieces_.begin(), pieces_.end(), text_offset,
                                      [](std::uint32_t t, const Piece& p) { return t < p.text_offset; });
  if (it == pieces_.begin()) return &*it;
  return &*(it - 1);
}

std::uint32_t SourceMap::to_source_begin(std::uint32_t text_offset) const {
  const Piece* p = find(text_offset, /*at_end=*/false);
  if (p == nullptr) return 0;
  const std::uint32_t delta = std::min(text_offset - std::min(text_offset, p->text_offset), p->text_length);
  if (delta >= p->text_length) return p->source_offset + p->source_length;
  return p->verbatim ? p->source_offset + delta : p->source_offset;
}

std::uint32_t SourceMap::to_source_end(std::uint32_t text_offset) const {
  const Piece* p = find(text_offset, /*at_end=*/true);
  if (p == nullptr) return 0;
  const std::uint32_t delta = std::min(text_offset - std::min(text_offset, p->text_offset), p->text_length);
  if (delta == 0) return p->source_offset;
  return p->verbatim ? p->source_offset + delta : p->source_offset + p->source_length;
}

}  // namespace tonelint
