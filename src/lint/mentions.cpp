#include "lint/mentions.h"

#include <algorithm>

#include "lint/quotations.h"

namespace tonelint {
namespace {

struct SentenceRange {
  std::uint32_t begin = 0;  // indices into Analysis::sentences
  std::uint32_t end = 0;
};

class MentionFinder {
 public:
  MentionFinder(const Document& doc, const Analysis& analysis)
      : doc_(doc), analysis_(analysis), by_block_(doc.blocks().size()) {
    for (std::uint32_t s = 0; s < analysis.sentences.size(); ++s) {
      const std::uint32_t b = analysis.sentences[s].sentence.block;
      if (b >= by_block_.size()) continue;
      if (by_block_[b].begin == by_block_[b].end) by_block_[b].begin = s;
      by_block_[b].end = s + 1;
    }
  }

  std::vector<SourceRange> find() {
    std::vector<std::uint32_t> sentence_ends;  // reused for each block
    for (std::uint32_t b = 0; b < doc_.blocks().size(); ++b) {
      const TextBlock& block = doc_.blocks()[b];
      sentence_ends.clear();
      for (std::uint32_t s = by_block_[b].begin; s < by_block_[b].end; ++s) {
        sentence_ends.push_back(analysis_.sentences[s].sentence.text_end);
      }
      for (const TextRange& r : quoted_ranges(block.text, sentence_ends)) add_text(block, r.begin, r.end);
      labelled_and_quoted_lines(block);
    }
    for (const AnalyzedSentence& s : analysis_.sentences) {
      const auto tokens = analysis_.tokens_of(s);
      construction_items(tokens, &out_);
      items_after_colon(tokens);
    }
    lists_and_tables();
    return std::move(out_);
  }

 private:
  void add_text(const TextBlock& block, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    out_.push_back({block.map.to_source_begin(begin), block.map.to_source_end(end)});
  }
  void add_block(const TextBlock& block) { add_text(block, 0, static_cast<std::uint32_t>(block.text.size())); }

  std::span<const Token> block_tokens(std::uint32_t b) const {
    const SentenceRange r = by_block_[b];
    if (r.begin == r.end) return {};
    const std::uint32_t first = analysis_.sentences[r.begin].token_begin;
    return std::span<const Token>(analysis_.tokens).subspan(first, analysis_.sentences[r.end - 1].token_end - first);
  }
  std::span<const Token> last_sentence_tokens(std::uint32_t b) const {
    const SentenceRange r = by_block_[b];
    if (r.begin == r.end) return {};
    return analysis_.tokens_of(analysis_.sentences[r.end - 1]);
  }

  // "Avoid these words: guys, folks." / 「次の表現は使いません：マジ、ヤバい」
  void items_after_colon(std::span<const Token> tokens) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].surface != ":" && tokens[i].surface != "：") continue;
      std::size_t last = tokens.size();
      while (last > i + 1 && tokens[last - 1].kind == TokenKind::kPunct) --last;  // "dude, awesome."
      if (last > i + 1 && says_avoid(tokens.first(i))) {
        out_.push_back({tokens[i + 1].offset, tokens[last - 1].offset + tokens[last - 1].length});
      }
      return;
    }
  }

  // Per line of a block: an example after an "NG:" label, and the quoted lines ("> ") of
  // a plain-text reply, which are the customer's words, not ours.
  void labelled_and_quoted_lines(const TextBlock& block) {
    const std::string_view text = block.text;
    const bool replies = doc_.format() == "text";
    for (std::size_t line = 0; line < text.size();) {
      const std::size_t end = std::min(text.find('\n', line), text.size());
      const std::string_view line_text = text.substr(line, end - line);
      if (const std::size_t label = avoid_label_length(line_text); label > 0) {
        add_text(block, static_cast<std::uint32_t>(line + label), static_cast<std::uint32_t>(end));
      }
      const std::size_t first = text.find_first_not_of(" \t", line);
      if (replies && first < end && text[first] == '>') {
        const std::size_t quoted = std::min(text.find_first_not_of(" \t>", first), end);
        add_text(block, static_cast<std::uint32_t>(quoted), static_cast<std::uint32_t>(end));
      }
      line = end + 1;
    }
  }

  // The items of a list or table under a "words to avoid" heading (up to the next heading
  // of the same or a higher level) or right after a sentence that introduces them, and the
  // cells of a table column whose header names words to avoid.
  void lists_and_tables() {
    int avoid_section = 0;  // the heading level of the section we are in, 0 when none
    bool after_intro = false;
    bool previous_was_cell = false;
    std::uint16_t previous_row = 0;
    std::vector<std::uint16_t> avoid_columns;  // of the current table
    for (std::uint32_t b = 0; b < doc_.blocks().size(); ++b) {
      const TextBlock& block = doc_.blocks()[b];
      switch (block.kind) {
        case BlockKind::kHeading:
          if (avoid_section != 0 && block.heading_level <= avoid_section) avoid_section = 0;
          if (heads_words_to_avoid(block_tokens(b))) avoid_section = std::max<int>(block.heading_level, 1);
          after_intro = false;
          break;
        case BlockKind::kParagraph: {
          const auto last = last_sentence_tokens(b);
          after_intro = !block.in_list && says_avoid(last) && introduces_what_follows(last);
          break;
        }
        case BlockKind::kListItem:
        case BlockKind::kTableCell:
          if (avoid_section != 0 || after_intro) add_block(block);
          break;
        default:  // text beside the flow (alt text, a subject) leaves the sections as they are
          break;
      }
      if (block.kind == BlockKind::kTableCell && block.table_row > 0) {
        if (!previous_was_cell || block.table_row < previous_row) avoid_columns.clear();  // a new table
        if (block.table_row == 1) {
          if (names_avoid_column(block_tokens(b))) avoid_columns.push_back(block.table_column);
        } else if (std::find(avoid_columns.begin(), avoid_columns.end(), block.table_column) != avoid_columns.end()) {
          add_block(block);
        }
        previous_row = block.table_row;
      }
      if (block.kind != BlockKind::kAltText) previous_was_cell = block.kind == BlockKind::kTableCell;
    }
  }

  const Document& doc_;
  const Analysis& analysis_;
  std::vector<SentenceRange> by_block_;
  std::vector<SourceRange> out_;
};

}  // namespace

Mentions::Mentions(std::vector<SourceRange> ranges) : ranges_(std::move(ranges)) {}

Mentions Mentions::find(const Document& doc, const Analysis& analysis) {
  std::vector<SourceRange> ranges = MentionFinder(doc, analysis).find();
  std::erase_if(ranges, [](const SourceRange& r) { return r.begin >= r.end; });
  std::sort(ranges.begin(), ranges.end(), [](const SourceRange& a, const SourceRange& b) { return a.begin < b.begin; });
  std::vector<SourceRange> merged;
  for (const SourceRange& r : ranges) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  return Mentions(std::move(merged));
}

bool Mentions::contains(std::uint32_t offset, std::uint32_t length) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), offset,
                             [](std::uint32_t o, const SourceRange& r) { return o < r.begin; });
  if (it == ranges_.begin()) return false;
  --it;
  return offset < it->end && offset + length <= it->end;
}

bool Mentions::overlaps(std::uint32_t offset, std::uint32_t length) const {
  const std::uint32_t end = offset + std::max<std::uint32_t>(length, 1);
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), end,
                             [](const SourceRange& r, std::uint32_t e) { return r.begin < e; });
  return it != ranges_.begin() && (it - 1)->end > offset;
}

}  // namespace tonelint
