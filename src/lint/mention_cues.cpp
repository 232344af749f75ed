#include "lint/mention_cues.h"

#include <algorithm>
#include <optional>

namespace tonelint {
namespace {

// Whether `value` is one of `words`: a constant list, or a braced list at the call.
template <std::size_t N>
bool in(std::string_view value, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), value) != std::end(words);
}

std::string_view pos1_of(const Token& t) { return t.morph != nullptr ? t.morph->pos1 : std::string_view(); }
std::string_view pos_of(const Token& t) { return t.morph != nullptr ? t.morph->pos : std::string_view(); }

bool is_mark(const Token& t) { return t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol; }
bool is_word(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber; }
bool is_quote_mark(const Token& t) {
  return in(t.surface, {"「", "」", "『", "』", "“", "”", "‘", "’", "\"", "'"});
}

// ---- Japanese ----

// What joins the named words to the noun that says they are words: マジのような表現.
constexpr std::string_view kJaConnectives[] = {"のような", "のよう", "みたいな", "といった", "という", "などの", "などという",
                                  "などといった", "等の"};
// Nouns that say "a word, an expression".
constexpr std::string_view kJaWordNouns[] = {"表現", "言葉", "言い方", "言い回し", "語",   "単語", "用語",
                                "フレーズ", "言葉遣い", "語尾", "書き方", "呼び方", "口調", "ワード"};
// Verbs that, negated, say the words are not to be written: 使いません, 言わない.
constexpr std::string_view kJaUseVerbs[] = {"使う", "用いる", "言う", "書く", "使用", "呼ぶ"};
// Verbs and nouns that say so by themselves: 避けます, 控える, 禁止.
constexpr std::string_view kJaAvoidWords[] = {"避ける", "控える", "禁止", "禁句", "厳禁"};

// The number of tokens from `i` whose surfaces make up `word` exactly; 0 when they do not.
std::size_t run_spelling(std::span<const Token> tokens, std::size_t i, std::string_view word) {
  std::size_t n = 0;
  while (!word.empty() && i + n < tokens.size() && word.starts_with(tokens[i + n].surface) &&
         !tokens[i + n].surface.empty()) {
    word.remove_prefix(tokens[i + n].surface.size());
    ++n;
  }
  return word.empty() ? n : 0;
}

bool is_negation(const Token& t) {
  return (pos_of(t) == "助動詞" && in(t.lemma, {"ない", "ぬ", "ん"})) || in(t.surface, {"ず", "ん", "ない", "なかっ"});
}
// A negation among the `within` tokens after `i`: 使い|ませ|ん, 使わ|ない; not a
// potential form (使用できません, 使えない say what cannot be done, not what we avoid).
bool negated_after(std::span<const Token> tokens, std::size_t i, std::size_t within) {
  for (std::size_t j = i + 1; j < tokens.size() && j <= i + within; ++j) {
    if (is_negation(tokens[j])) return true;
    if (is_mark(tokens[j]) || in(tokens[j].lemma, {"できる", "出来る", "れる", "られる", "える", "得る"})) return false;
  }
  return false;
}

// Where a Japanese item ends, looking back: a mark, or a particle that ends a phrase (は,
// を, が, に). Not every particle: MeCab reads slang it does not know as pieces, particles
// among them (ぶっ|ちゃ|け).
bool ends_ja_item(const Token& t) {
  if (is_mark(t) && t.surface != "・") return true;
  return pos_of(t) == "助詞" && in(pos1_of(t), {"係助詞", "格助詞", "終助詞"});
}

// An avoid verb (or noun) at `i`: 避け(ます), 控え(ます), 禁止, 使い(ませ)(ん), 使わ(ない).
bool avoid_word_at(std::span<const Token> tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (in(t.lemma, kJaAvoidWords) || t.norm == "ng") return true;
  return in(t.lemma, kJaUseVerbs) && negated_after(tokens, i, 3);
}

constexpr std::size_t kMaxItemTokens = 8;

// The item that ends with token `last`: back to the sentence start or a phrase boundary.
void add_item_before(std::span<const Token> tokens, std::size_t last, std::vector<SourceRange>* out) {
  if (is_quote_mark(tokens[last])) return;  // 「了解」という言葉: the quotes have it
  // 「了解」という言葉は使いません, マジなどは: the word before は names the kind of
  // words, or is a particle; the construction before it has the item.
  if (in(tokens[last].lemma, kJaWordNouns) || pos_of(tokens[last]) == "助詞") return;
  std::size_t first = last + 1;
  while (first > 0 && last + 1 - first < kMaxItemTokens && !ends_ja_item(tokens[first - 1]) &&
         !(tokens[first - 1].lang == Lang::kEn && is_word(tokens[first - 1]) && tokens[last].lang == Lang::kJa)) {
    --first;
  }
  if (first > last) return;
  out->push_back({tokens[first].offset, tokens[last].offset + tokens[last].length});
}

void ja_constructions(std::span<const Token> tokens, std::vector<SourceRange>* out) {
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    // マジのような表現, 了解といった言葉, ダメなどの言い回し
    for (std::string_view connective : kJaConnectives) {
      const std::size_t n = run_spelling(tokens, i, connective);
      if (n > 0 && i + n < tokens.size() && in(tokens[i + n].lemma, kJaWordNouns)) {
        add_item_before(tokens, i - 1, out);
        break;
      }
    }
    // マジは避けます, ダメも使いません, 了解とは言いません, マジなどは控えます
    const Token& particle = tokens[i];
    if (pos_of(particle) != "助詞" || !in(particle.surface, {"は", "も", "と", "とは", "など"})) continue;
    std::size_t verb = i + 1;
    while (verb < tokens.size() && verb < i + 3 && pos_of(tokens[verb]) == "助詞") ++verb;  // などは, とは
    if (verb < tokens.size() && avoid_word_at(tokens, verb) &&
        !(particle.surface == "と" && !in(tokens[verb].lemma, {"言う", "書く", "呼ぶ"}))) {
      add_item_before(tokens, i - 1, out);
    }
  }
}

// ---- English ----

// Nouns that say "words": words like, phrases such as.
constexpr std::string_view kEnWordNouns[] = {"word",     "words",     "phrase",  "phrases", "expression", "expressions", "term",
                                "terms",    "saying",    "sayings", "slang",   "jargon",     "language",    "filler",
                                "fillers",  "buzzword",  "buzzwords", "idiom", "idioms",     "cliché",      "clichés",
                                "cliche",   "cliches",   "greeting", "greetings", "opener",  "openers",     "emoji",
                                "emojis",   "phrasing"};
// Verbs of writing after "don't", "never": don't say X.
constexpr std::string_view kEnSayVerbs[] = {"say", "write", "use", "type", "call"};
constexpr std::string_view kEnNegations[] = {"don't", "dont", "never", "not"};
// Words that end an unquoted item: a new clause or a phrase about the words, not the words.
constexpr std::string_view kEnItemEnds[] = {"when",  "if",   "because", "unless", "while", "since", "so",    "but",
                               "that",  "which", "as",     "than",   "please", "in",   "on",    "at",
                               "for",   "to",   "with",    "from",   "into",  "by",    "about", "instead",
                               "before", "after", "unless", "is",    "are",   "was",   "were"};
constexpr std::string_view kEnBanned[] = {"banned", "forbidden", "prohibited", "taboo", "off-limits"};
constexpr std::size_t kMaxItemWords = 6;

bool is_comma(const Token& t) { return in(t.surface, {",", "、", "，"}); }
bool is_and_or(const Token& t) { return in(t.norm, {"and", "or", "nor"}); }

// Whether a comma at `comma` goes on with a list ("guys, folks, or dude"): an "and"/"or"
// opens one of the next two short segments.
bool list_goes_on(std::span<const Token> tokens, std::size_t comma) {
  std::size_t k = comma + 1;
  for (int segment = 0; segment < 2 && k < tokens.size(); ++segment) {
    if (is_and_or(tokens[k])) return true;
    std::size_t words = 0;
    while (k < tokens.size() && !is_comma(tokens[k]) && !is_mark(tokens[k])) words += is_word(tokens[k++]);
    if (words > 2 || k >= tokens.size() || !is_comma(tokens[k])) return false;
    ++k;
  }
  return false;
}

// The item that starts at token `first`: up to a mark, a word that opens a clause, or six
// words; a list goes on over its commas.
void add_item_after(std::span<const Token> tokens, std::size_t first, std::vector<SourceRange>* out) {
  if (first >= tokens.size() || is_quote_mark(tokens[first])) return;  // "avoid 'guys'": the quotes have it
  std::size_t words = 0;
  std::optional<std::size_t> last;
  for (std::size_t j = first; j < tokens.size(); ++j) {
    const Token& t = tokens[j];
    if (is_mark(t)) {
      if (t.surface == "-" || (is_comma(t) && list_goes_on(tokens, j))) continue;
      break;
    }
    if (is_word(t) && (in(t.norm, kEnItemEnds) || ++words > kMaxItemWords)) break;
    last = j;
  }
  if (last) out->push_back(SourceRange{tokens[first].offset, tokens[*last].offset + tokens[*last].length});
}

// The item that ends at token `last` ("The word cool is banned"): back to a mark or the
// sentence start, at most six words.
void add_english_item_before(std::span<const Token> tokens, std::size_t last, std::vector<SourceRange>* out) {
  if (is_quote_mark(tokens[last])) return;
  std::size_t first = last + 1, words = 0;
  while (first > 0 && !is_mark(tokens[first - 1]) && words < kMaxItemWords) words += is_word(tokens[--first]);
  if (first <= last) out->push_back({tokens[first].offset, tokens[last].offset + tokens[last].length});
}

template <std::size_t N>
bool norm_at(std::span<const Token> tokens, std::size_t i, const std::string_view (&words)[N]) {
  return i < tokens.size() && in(tokens[i].norm, words);
}

// "We prefer firefighter to fireman and chair to chairman": each pair's words, the
// preferred one and the one it replaces, are named, not used. A pronoun or "to" right
// after the verb is a plain preference ("we prefer you to call", "prefer to wait").
void add_preference_pairs(std::span<const Token> tokens, std::size_t verb, std::vector<SourceRange>* out) {
  if (verb + 1 >= tokens.size() || !is_word(tokens[verb + 1]) ||
      in(tokens[verb + 1].norm, {"to", "you", "him", "her", "them", "us", "it", "me", "that", "this", "not"})) {
    return;
  }
  std::size_t item = verb + 1;  // where the current pair's first word begins
  for (std::size_t j = item; j < tokens.size() && j < verb + 4 * kMaxItemWords; ++j) {
    const Token& t = tokens[j];
    if (is_mark(t) && !is_comma(t) && t.surface != "-") break;
    if (!in(t.norm, {"to", "over"})) continue;
    if (j == item || j + 1 >= tokens.size() || !is_word(tokens[j + 1])) break;
    out->push_back({tokens[item].offset, tokens[j - 1].offset + tokens[j - 1].length});
    std::size_t end = j + 1;  // the replaced words run to "and", a comma, a mark or a clause word
    while (end + 1 < tokens.size() && is_word(tokens[end + 1]) && !is_and_or(tokens[end + 1]) &&
           !in(tokens[end + 1].norm, kEnItemEnds) && end - j < kMaxItemWords) {
      ++end;
    }
    out->push_back({tokens[j + 1].offset, tokens[end].offset + tokens[end].length});
    j = end;
    if (j + 1 < tokens.size() && (is_and_or(tokens[j + 1]) || is_comma(tokens[j + 1]))) ++j;
    item = j + 1;
  }
}

void en_constructions(std::span<const Token> tokens, std::vector<SourceRange>* out) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.lang == Lang::kJa) continue;
    if (in(t.norm, kEnWordNouns)) {  // words like X, phrases such as X
      if (norm_at(tokens, i + 1, {"like"})) add_item_after(tokens, i + 2, out);
      if (norm_at(tokens, i + 1, {"such"}) && norm_at(tokens, i + 2, {"as"})) add_item_after(tokens, i + 3, out);
    } else if (in(t.norm, {"prefer", "prefers", "preferred"})) {  // prefer X to Y
      add_preference_pairs(tokens, i, out);
    } else if (in(t.norm, {"avoid", "avoids", "avoiding"})) {  // avoid X
      add_item_after(tokens, i + 1, out);
    } else if ((t.norm == "instead" && norm_at(tokens, i + 1, {"of"})) ||
               (t.norm == "rather" && norm_at(tokens, i + 1, {"than"}))) {  // instead of X
      add_item_after(tokens, i + 2, out);
    } else if (in(t.norm, kEnNegations) && norm_at(tokens, i + 1, kEnSayVerbs)) {  // don't say X
      add_item_after(tokens, i + 2, out);
    } else if (in(t.norm, {"is", "are"}) && i > 0) {  // X is banned, X is off-limits
      const bool off_limits = norm_at(tokens, i + 1, {"off"}) && norm_at(tokens, i + 3, {"limits"});
      if (off_limits || norm_at(tokens, i + 1, kEnBanned)) add_english_item_before(tokens, i - 1, out);
    }
  }
}

}  // namespace

void construction_items(std::span<const Token> sentence, std::vector<SourceRange>* out) {
  ja_constructions(sentence, out);
  en_constructions(sentence, out);
}

bool says_avoid(std::span<const Token> tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.lang == Lang::kJa || t.morph != nullptr) {
      if (avoid_word_at(tokens, i)) return true;
      if (t.lemma == "悪い" && i + 1 < tokens.size() && tokens[i + 1].lemma == "例") return true;  // 悪い例
      continue;
    }
    if (in(t.norm, {"avoid", "avoiding", "ng", "banned", "forbidden", "prohibited", "taboo"})) return true;
    // "Don't", "Do not", "Never say", "Words not to use"; not "Don't lose your data" or
    // "ready or not".
    if (in(t.norm, kEnNegations)) {
      const bool alone_is_enough = t.norm != "not" || (i > 0 && in(tokens[i - 1].norm, {"do", "does"}));
      std::size_t next = i + 1;
      const bool to = norm_at(tokens, next, {"to"});
      if (to) ++next;
      if (norm_at(tokens, next, kEnSayVerbs)) return true;
      if (alone_is_enough && !to && (next >= tokens.size() || is_mark(tokens[next]))) return true;
    }
  }
  return false;
}

bool heads_words_to_avoid(std::span<const Token> heading) {
  if (!says_avoid(heading)) return false;
  const auto words = std::count_if(heading.begin(), heading.end(), is_word);
  return words <= 2 || std::any_of(heading.begin(), heading.end(), [](const Token& t) {
           return in(t.lemma, kJaWordNouns) || in(t.norm, kEnWordNouns) || in(t.norm, {"vocabulary", "wording", "ng"});
         });
}

bool introduces_what_follows(std::span<const Token> tokens) {
  for (const Token& t : tokens) {
    if (in(t.norm, {"following", "these", "below"}) || in(t.surface, {"次", "以下", "下記", "これら"})) return true;
  }
  return !tokens.empty() && in(tokens.back().surface, {":", "："});
}

bool names_avoid_column(std::span<const Token> tokens) {
  const auto words = std::count_if(tokens.begin(), tokens.end(), is_word);
  if (words > 4) return false;  // a header is a name, not a sentence
  if (says_avoid(tokens)) return true;
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return in(t.norm, {"before", "bad", "wrong", "incorrect", "×", "✕", "✗", "❌", "誤", "誤り", "前"}) ||
           t.lemma == "悪い";
  });
}

namespace {
std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
    } else if (text.substr(i).starts_with("　")) {
      i += std::string_view("　").size();
    } else {
      break;
    }
  }
  return i;
}
}  // namespace

std::size_t avoid_label_length(std::string_view text) {
  const std::size_t start = std::min(text.find_first_not_of(" \t"), text.size());
  const std::string_view rest = text.substr(start);
  auto starts_with_label = [&](std::string_view label) {
    if (rest.size() < label.size()) return false;
    for (std::size_t i = 0; i < label.size(); ++i) {
      const char a = rest[i], b = label[i];
      if (a != b && !(a >= 'A' && a <= 'Z' && a + ('a' - 'A') == b)) return false;
    }
    return true;
  };
  // A word label needs its colon ("Before: …", not "Before you start"); a mark is a label alone.
  for (std::string_view label : {"ng例", "ng", "悪い例", "誤", "don't", "don’t", "avoid", "bad", "wrong", "before",
                                 "incorrect"}) {
    if (!starts_with_label(label)) continue;
    std::size_t i = start + label.size();
    while (i < text.size() && text[i] == ' ') ++i;
    for (std::string_view colon : {":", "："}) {
      if (text.substr(i).starts_with(colon)) return skip_spaces(text, i + colon.size());
    }
    return 0;
  }
  for (std::string_view mark : {"×", "✕", "✗", "❌", "🙅"}) {
    if (rest.starts_with(mark)) return skip_spaces(text, start + mark.size());
  }
  return 0;
}

}  // namespace tonelint
