#include "lint/rewrite_safety.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "engine/document_names.h"

namespace tonelint {
namespace {

enum class Verdict : std::uint8_t { kKeep, kUnsafe, kDrop };

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_upper(std::string_view w) { return !w.empty() && w.front() >= 'A' && w.front() <= 'Z'; }
bool has_lower(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The first and the last word of a rewrite ("have to" → have, to).
std::string_view first_word(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_first_of(" ,.;:!?", begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}
std::string_view last_word(std::string_view text) {
  const std::size_t end = text.find_last_not_of(" ,.;:!?");
  if (end == std::string_view::npos) return {};
  const std::size_t space = text.find_last_of(' ', end);
  const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
  return text.substr(begin, end + 1 - begin);
}

// Words that carry tense or mood before a verb; a rewrite that begins with one cannot
// follow another ("we've have to").
constexpr std::array<std::string_view, 24> kAuxiliaries = {
    "am",  "is",   "are",   "was",   "were",   "be",    "been",  "being", "have", "has",  "had",   "do",
    "does", "did", "will",  "would", "shall",  "should", "can",  "could", "may",  "might", "must", "don't"};
bool is_auxiliary(std::string_view folded) {
  if (std::find(kAuxiliaries.begin(), kAuxiliaries.end(), folded) != kAuxiliaries.end()) return true;
  // Contracted auxiliaries: we've, they'll, I'd, she's, you're, I'm, isn't.
  for (std::string_view tail : {"'ve", "'ll", "'d", "'s", "'re", "'m", "n't"}) {
    if (folded.size() > tail.size() && folded.ends_with(tail)) return true;
  }
  return false;
}

// A plural noun, or a verb in the third person ("wins", "uses"), by its spelling.
bool ends_like_plural(std::string_view w) {
  return w.size() > 2 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
}
// Words next to a noun that say its number: "a fruit", "fruit is".
constexpr std::array<std::string_view, 10> kSingularBefore = {"a", "an", "one", "each", "every", "this",
                                                              "that", "another", "is", "was"};
constexpr std::array<std::string_view, 12> kAgreeingAfter = {"is",  "was", "has",    "does",    "isn't",  "wasn't",
                                                             "are", "were", "have", "do", "aren't", "weren't"};
template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A word written in katakana only (プライオリティ, サポート).
bool is_katakana(std::string_view w) {
  if (w.empty() || w.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < w.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(w[i]), b1 = static_cast<unsigned char>(w[i + 1]);
    if (b0 != 0xE3 || (b1 != 0x82 && b1 != 0x83)) return false;
    if (b1 == 0x82 && static_cast<unsigned char>(w[i + 2]) < 0xA1) return false;  // before ァ: hiragana
  }
  return true;
}

// Determiners that fix a noun's number: "the guys" cannot become "the everyone".
constexpr std::array<std::string_view, 12> kDeterminers = {"the",  "these", "those", "my",   "our",  "your",
                                                           "their", "his",  "her",   "some", "many", "several"};

bool ends_with_ed(std::string_view w) { return w.size() > 3 && w.ends_with("ed"); }

bool is_apostrophe_at(std::string_view source, std::size_t i) {
  return (i < source.size() && source[i] == '\'') || source.substr(i, 3) == "’";
}
bool is_apostrophe_before(std::string_view source, std::size_t i) {
  return (i >= 1 && source[i - 1] == '\'') || (i >= 3 && source.substr(i - 3, 3) == "’");
}

class Reviewer {
 public:
  Reviewer(const MessageView& message, const FindingsOfText& findings_of)
      : message_(message), findings_of_(findings_of), tokens_(message.analysis.tokens) {
    by_offset_.resize(tokens_.size());
    for (std::uint32_t i = 0; i < by_offset_.size(); ++i) by_offset_[i] = i;
    std::stable_sort(by_offset_.begin(), by_offset_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return tokens_[a].offset < tokens_[b].offset; });
    sentence_of_.assign(tokens_.size(), 0);
    const auto& sentences = message.analysis.sentences;
    for (std::uint32_t s = 0; s < sentences.size(); ++s) {
      for (std::uint32_t t = sentences[s].token_begin; t < sentences[s].token_end; ++t) sentence_of_[t] = s;
    }
  }

  void review(Diagnostic* d) {
    for (auto it = d->suggestions.begin(); it != d->suggestions.end();) {
      const Verdict verdict = judge(*d, &*it);
      if (verdict == Verdict::kDrop) {
        it = d->suggestions.erase(it);
        continue;
      }
      if (verdict == Verdict::kUnsafe) it->safe = false;
      ++it;
    }
  }

 private:
  Verdict judge(const Diagnostic& d, Suggestion* s) {
    const std::vector<std::uint32_t> covered = tokens_in(s->offset, s->length);
    if (covered.empty()) return Verdict::kKeep;  // nothing analysed there to judge
    const std::uint32_t sentence = sentence_of_[covered.front()];
    const AnalyzedSentence& as = message_.analysis.sentences[sentence];
    const TextBlock& block = message_.block(as);
    const Token& first = tokens_[covered.front()];
    // Quoted words are gone already: the linter drops every rewrite inside a mention.
    if (in_link_text(block, first.text_offset)) return Verdict::kDrop;
    const std::string_view original = message_.source(s->offset, s->length);
    const bool case_only = original.size() == s->text.size() && ascii_lower(original) == ascii_lower(s->text);
    for (std::uint32_t t : covered) {
      const Token& token = tokens_[t];
      if (!is_prose(token.kind)) return Verdict::kDrop;  // a name, code, a URL
      if (token.kind != TokenKind::kWord || token.lang != Lang::kEn) continue;
      // "Deep Dive" inside a sentence is a title, a label or a name.
      if (starts_upper(token.surface) && has_lower(token.surface) &&
          !begins_sentence(tokens_, as.token_begin, t)) {
        return Verdict::kDrop;
      }
      if (message_.names->written_as_code(ascii_lower(token.surface))) return Verdict::kDrop;
      // A word the document writes in capitals elsewhere keeps them (FREE, CRUD).
      if (case_only && is_all_capitals(token.surface) && message_.names->capitals_count(token.surface) >= 2 &&
          s->text.compare(token.offset - s->offset, token.length, token.surface) != 0) {
        return Verdict::kDrop;
      }
    }
    if (first.lang == Lang::kEn && !english_grammar_holds(covered, as, s)) return Verdict::kDrop;
    if (first.morph != nullptr && in_katakana_compound(covered, as)) return Verdict::kDrop;
    if (s->safe && findings_of_ && adds_finding(d, as, *s)) return Verdict::kUnsafe;
    return Verdict::kKeep;
  }

  // The words around the swap must allow it; a/an before it is brought into line.
  bool english_grammar_holds(const std::vector<std::uint32_t>& covered, const AnalyzedSentence& as, Suggestion* s) {
    const std::string_view source = message_.doc.source().bytes();
    if (is_apostrophe_before(source, s->offset) || is_apostrophe_at(source, s->offset + s->length)) return false;
    const std::optional<std::uint32_t> before = word_before(covered.front(), as);
    const std::optional<std::uint32_t> after = word_after(covered.back(), as);
    const std::string prev = before ? ascii_lower(tokens_[*before].norm) : std::string();
    const std::string next = after ? ascii_lower(tokens_[*after].norm) : std::string();
    if (!prev.empty() && is_auxiliary(prev) && is_auxiliary(ascii_lower(first_word(s->text)))) return false;
    const std::string_view original = message_.source(s->offset, s->length);
    if (ends_like_plural(ascii_lower(last_word(original))) != ends_like_plural(ascii_lower(last_word(s->text))) &&
        (listed(kSingularBefore, prev) || listed(kDeterminers, prev) || listed(kAgreeingAfter, next))) {
      return false;
    }
    // A participle before a noun is an adjective, and its swap may not be one: "the utilized
    // module" is not "the used module" (second-hand).
    if (after && tokens_[*after].kind == TokenKind::kWord && ends_with_ed(ascii_lower(last_word(original))) &&
        (prev == "a" || prev == "an" || listed(kSingularBefore, prev) || listed(kDeterminers, prev))) {
      return false;
    }
    if (before && (prev == "a" || prev == "an")) return fix_article(tokens_[*before], s);
    return true;
  }

  // A katakana word swapped out of a longer katakana compound (プライオリティ|サポート, a
  // plan's name) would leave half a name: 優先順位サポート.
  bool in_katakana_compound(const std::vector<std::uint32_t>& covered, const AnalyzedSentence& as) const {
    const Token& first = tokens_[covered.front()];
    const Token& last = tokens_[covered.back()];
    const bool before = covered.front() > as.token_begin && is_katakana(first.surface) &&
                        is_katakana(tokens_[covered.front() - 1].surface) &&
                        tokens_[covered.front() - 1].offset + tokens_[covered.front() - 1].length == first.offset;
    const bool after = covered.back() + 1 < as.token_end && is_katakana(last.surface) &&
                       is_katakana(tokens_[covered.back() + 1].surface) &&
                       last.offset + last.length == tokens_[covered.back() + 1].offset;
    return before || after;
  }

  // "a whitelist" → "an allowlist": the suggestion grows to take in the article.
  bool fix_article(const Token& article, Suggestion* s) {
    const std::string_view wanted = article_for(first_word(s->text));
    if (ascii_lower(article.surface) == wanted) return true;
    const std::uint32_t gap_begin = article.offset + article.length;
    if (gap_begin > s->offset) return false;
    const std::string_view gap = message_.source(gap_begin, s->offset - gap_begin);
    if (gap.find_first_not_of(' ') != std::string_view::npos) return false;  // markup between: leave it
    std::string text(wanted);
    if (starts_upper(article.surface)) text[0] = static_cast<char>(text[0] - 'a' + 'A');
    text.append(gap).append(s->text);
    s->length += s->offset - article.offset;
    s->offset = article.offset;
    s->text = std::move(text);
    return true;
  }

  // Whether the sentence, rewritten, gets a finding of another rule it did not have.
  bool adds_finding(const Diagnostic& d, const AnalyzedSentence& as, const Suggestion& s) {
    const std::uint32_t begin = as.sentence.offset, end = as.sentence.offset + as.sentence.length;
    if (s.offset < begin || s.offset + s.length > end) return false;
    const std::string original(message_.source(begin, end - begin));
    auto [memo, fresh] = original_findings_.try_emplace(begin);
    if (fresh) memo->second = findings_of_(original);
    std::string rewritten = original;
    rewritten.replace(s.offset - begin, s.length, s.text);
    for (const auto& [rule, count] : findings_of_(std::move(rewritten))) {
      if (rule == d.rule) continue;
      const auto was = memo->second.find(rule);
      if (count > (was == memo->second.end() ? 0 : was->second)) return true;
    }
    return false;
  }

  // The tokens whose first byte lies in [offset, offset + length), in text order.
  std::vector<std::uint32_t> tokens_in(std::uint32_t offset, std::uint32_t length) const {
    auto it = std::lower_bound(by_offset_.begin(), by_offset_.end(), offset,
                               [&](std::uint32_t t, std::uint32_t o) { return tokens_[t].offset < o; });
    std::vector<std::uint32_t> out;
    for (; it != by_offset_.end() && tokens_[*it].offset < offset + std::max<std::uint32_t>(length, 1); ++it) {
      out.push_back(*it);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The word right before / after a token in its sentence, when only spaces lie between.
  std::optional<std::uint32_t> word_before(std::uint32_t t, const AnalyzedSentence& as) const {
    if (t == as.token_begin || tokens_[t - 1].kind != TokenKind::kWord) return std::nullopt;
    return t - 1;
  }
  std::optional<std::uint32_t> word_after(std::uint32_t t, const AnalyzedSentence& as) const {
    if (t + 1 >= as.token_end || tokens_[t + 1].kind != TokenKind::kWord) return std::nullopt;
    return t + 1;
  }

  static bool in_link_text(const TextBlock& block, std::uint32_t text_offset) {
    return std::any_of(block.spans.begin(), block.spans.end(), [&](const InlineSpan& span) {
      return span.kind == InlineKind::kLinkText && span.text_begin <= text_offset && text_offset < span.text_end;
    });
  }

  const MessageView& message_;
  const FindingsOfText& findings_of_;
  const std::vector<Token>& tokens_;
  std::vector<std::uint32_t> by_offset_;    // token indices by source offset
  std::vector<std::uint32_t> sentence_of_;  // token index → sentence index
  std::unordered_map<std::uint32_t, std::map<std::string, int>> original_findings_;  // by sentence offset
};

}  // namespace

std::string_view article_for(std::string_view word) {
  const std::string w = ascii_lower(word);
  if (w.empty()) return "a";
  // An acronym is read letter by letter: an FAQ, an HTML page, a URL.
  if (is_all_capitals(word) && word.size() <= 5) {
    return std::string_view("aefhilmnorsx").find(w[0]) != std::string_view::npos ? "an" : "a";
  }
  for (std::string_view silent_h : {"hour", "honest", "honor", "honour", "heir"}) {
    if (w.starts_with(silent_h)) return "an";
  }
  // Vowel letters read as consonants: a use, a unit, a one-time fee, a European.
  for (std::string_view yoo : {"uni", "use", "usa", "usu", "uti", "ure", "uro", "eu", "one", "once", "ewe"}) {
    if (w.starts_with(yoo) && !w.starts_with("unin") && !w.starts_with("unim")) return "a";
  }
  return std::string_view("aeiou").find(w[0]) != std::string_view::npos ? "an" : "a";
}

void review_rewrites(const MessageView& message, const FindingsOfText& findings_of,
                     std::vector<Diagnostic>* diagnostics) {
  Reviewer reviewer(message, findings_of);
  for (Diagnostic& d : *diagnostics) {
    if (!d.suggestions.empty()) reviewer.review(&d);
  }
}

}  // namespace tonelint
