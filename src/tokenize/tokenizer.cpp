#include "tokenize/tokenizer.h"

#include <libstemmer.h>
#include <mecab.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>

#include "input/utf8.h"
#include "segment/char_class.h"
#include "tokenize/user_dictionary.h"

namespace tonelint {

struct Tokenizer::Context {
  const TextBlock& block;
  std::span<const SpecialSpan> specials;  // those inside the sentence
  MorphTable* morphs;
  Arena* arena;
  std::vector<Token>* tokens;
};

namespace {

TokenKind token_kind_of(SpecialKind kind) {
  switch (kind) {
    case SpecialKind::kUrl:
    case SpecialKind::kMaskedUrl: return TokenKind::kUrl;
    case SpecialKind::kEmail:
    case SpecialKind::kMaskedEmail: return TokenKind::kEmail;
    case SpecialKind::kEmoji: return TokenKind::kEmoji;
    case SpecialKind::kKaomoji: return TokenKind::kKaomoji;
    case SpecialKind::kCode:
    case SpecialKind::kMaskedHtml: return TokenKind::kCode;
  }
  return TokenKind::kCode;
}

bool contains_japanese(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (is_japanese(next_code_point(s, &i))) return true;
  }
  return false;
}

bool contains_latin(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (is_latin_letter(next_code_point(s, &i))) return true;
  }
  return false;
}

bool is_all_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, &i);
    if (!u_isUWhiteSpace(static_cast<UChar32>(c)) && c != 0xFEFF && c != 0x200B) return false;
  }
  return true;
}

// kWord for ASCII letters only, kNumber for ASCII digits only, else kSymbol ("not simple").
TokenKind simple_ascii_kind(std::string_view s) {
  bool letters = true, digits = true;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    letters = letters && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    digits = digits && c >= '0' && c <= '9';
  }
  if (s.empty()) return TokenKind::kSymbol;
  return letters ? TokenKind::kWord : (digits ? TokenKind::kNumber : TokenKind::kSymbol);
}

bool is_latin_alnum(char32_t c) { return is_latin_letter(c) || (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// A name MeCab found inside a longer Latin word ("Simply Sync" in "Simply Syncing") is not one.
bool on_word_boundaries(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::size_t i = begin;
  const char32_t first = next_code_point(text, &i);
  const char32_t last = previous_code_point(text, end);
  if (is_latin_alnum(first) && begin > 0 && is_latin_alnum(previous_code_point(text, begin))) return false;
  if (is_latin_alnum(last) && end < text.size()) {
    std::size_t j = end;
    if (is_latin_alnum(next_code_point(text, &j))) return false;
  }
  return true;
}

// English norms use a straight apostrophe: don’t = don't. `norm` itself when it has none.
std::string_view straighten_apostrophes(std::string_view norm, Arena* arena) {
  if (norm.find("\xE2\x80\x99") == std::string_view::npos) return norm;
  return arena->store(straight_apostrophes(norm));
}

TokenKind kind_of_mecab_token(const Morph& m, std::string_view surface) {
  if (is_name_morph(m)) return TokenKind::kName;
  if (m.pos == "記号") {
    std::size_t i = 0;
    return u_ispunct(static_cast<UChar32>(next_code_point(surface, &i))) ? TokenKind::kPunct : TokenKind::kSymbol;
  }
  if (m.pos == "名詞" && m.pos1 == "数") return TokenKind::kNumber;
  return TokenKind::kWord;
}

}  // namespace

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kEmoji: return "emoji";
    case TokenKind::kKaomoji: return "kaomoji";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kCode: return "code";
    case TokenKind::kName: return "name";
  }
  return "word";
}

Tokenizer::Tokenizer(std::shared_ptr<const MecabModel> model, Normalizer normalizer)
    : model_(std::move(model)), normalizer_(normalizer) {}

void StemmerDeleter::operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }

Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::create(std::shared_ptr<const MecabModel> model) {
  if (!model) return Status(ErrorCode::kInvalidArgument, "Tokenizer needs a MeCab model");
  auto normalizer = Normalizer::create();
  if (!normalizer.ok()) return normalizer.status();
  std::unique_ptr<Tokenizer> t(new Tokenizer(std::move(model), *normalizer));
  t->tagger_ = t->model_->new_tagger();
  t->lattice_ = t->model_->new_lattice();
  if (!t->tagger_ || !t->lattice_) {
    return Status(ErrorCode::kInternal, std::string("MeCab tagger: ") + MeCab::getLastError());
  }
  UErrorCode status = U_ZERO_ERROR;
  t->word_breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !t->word_breaker_) {
    return Status(ErrorCode::kInternal, std::string("ICU word break iterator: ") + u_errorName(status));
  }
  t->stemmer_.reset(sb_stemmer_new("english", nullptr));
  if (t->stemmer_ == nullptr) return Status(ErrorCode::kInternal, "libstemmer: no English stemmer");
  return t;
}

void Tokenizer::emit(Context& ctx, std::uint32_t begin, std::uint32_t end, TokenKind kind, Lang lang,
                     const Morph* morph) {
  Token t;
  t.text_offset = begin;
  t.text_length = end - begin;
  t.offset = ctx.block.map.to_source_begin(begin);
  t.length = std::max(ctx.block.map.to_source_end(end), t.offset) - t.offset;  // never wraps
  t.kind = kind;
  t.lang = lang;
  t.morph = morph;
  t.surface = ctx.block.text.substr(begin, end - begin);
  if (kind == TokenKind::kUrl || kind == TokenKind::kEmail || kind == TokenKind::kCode ||
      kind == TokenKind::kEmoji || kind == TokenKind::kKaomoji) {
    t.norm = t.surface;  // matched, if ever, as written
  } else {
    t.norm = normalizer_.fold(t.surface, ctx.arena);
    // NFKC keeps ’ (U+2019); English words match with a straight apostrophe: don’t = don't.
    if (lang == Lang::kEn) t.norm = straighten_apostrophes(t.norm, ctx.arena);
  }
  if (morph != nullptr && !morph->base.empty()) {
    t.lemma = morph->base;
  } else if (lang == Lang::kEn && kind == TokenKind::kWord) {
    const sb_symbol* stem = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(t.norm.data()),
                                            static_cast<int>(t.norm.size()));
    const std::string_view stemmed(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
    t.lemma = stem == nullptr ? t.norm : (stemmed == t.norm ? t.norm : ctx.arena->store(stemmed));
  } else {
    t.lemma = t.norm;
  }
  ctx.tokens->push_back(t);
}

void Tokenizer::tokenize(const TextBlock& block, const Sentence& sentence, std::span<const SpecialSpan> specials,
                         MorphTable* morphs, Arena* arena, std::vector<Token>* tokens) {
  // The special spans inside this sentence (breaks never fall inside one).
  auto first = std::lower_bound(specials.begin(), specials.end(), sentence.text_begin,
                                [](const SpecialSpan& s, std::uint32_t at) { return s.begin < at; });
  auto last = std::lower_bound(first, specials.end(), sentence.text_end,
                               [](const SpecialSpan& s, std::uint32_t at) { return s.begin < at; });
  Context ctx{block, std::span<const SpecialSpan>(first, last), morphs, arena, tokens};
  const std::size_t first_token = tokens->size();

  if (sentence.langs.has(Lang::kJa)) {
    tokenize_japanese(ctx, sentence.text_begin, sentence.text_end);
  } else {
    tokenize_other(ctx, sentence.text_begin, sentence.text_end);
  }
  for (const SpecialSpan& s : ctx.specials) {
    emit(ctx, s.begin, std::min(s.end, sentence.text_end), token_kind_of(s.kind), Lang::kNone, nullptr);
  }
  std::sort(tokens->begin() + static_cast<std::ptrdiff_t>(first_token), tokens->end(),
            [](const Token& a, const Token& b) { return a.text_offset < b.text_offset; });
  if (!model_->names().empty()) mark_names(ctx, first_token);
}

void Tokenizer::mark_names(Context& ctx, std::size_t first_token) {
  // Latin-script names ("Simply Sync", "EASY Backup") from ICU's words: English text never
  // goes through MeCab, and in Japanese text this also finds a lower-case name in another
  // case (Tonelint). The sentence's tokens are rewritten in place, a name's words merged.
  std::vector<Token>& tokens = *ctx.tokens;
  const std::span<const Token> sentence(tokens.data() + first_token, tokens.size() - first_token);
  std::size_t out = first_token;
  for (std::size_t i = 0; i < sentence.size();) {
    const Token& t = sentence[i];
    const NameList::Name* name = nullptr;
    std::size_t n = 0;
    if ((t.kind == TokenKind::kWord && t.lang == Lang::kEn) || t.kind == TokenKind::kNumber) {
      n = model_->names().match(ctx.block.text, sentence, i, &name);
    }
    if (n == 0) {
      tokens[out++] = sentence[i++];
      continue;
    }
    const Token& last = sentence[i + n - 1];
    Token merged = t;
    merged.kind = TokenKind::kName;
    merged.lang = Lang::kEn;
    merged.text_length = last.text_offset + last.text_length - t.text_offset;
    merged.length = last.offset + last.length - t.offset;
    merged.surface = ctx.block.text.substr(merged.text_offset, merged.text_length);
    merged.norm = n == 1 ? t.norm : straighten_apostrophes(normalizer_.fold(merged.surface, ctx.arena), ctx.arena);
    merged.lemma = merged.norm;
    merged.morph = ctx.morphs->intern(name->feature.c_str());
    tokens[out++] = merged;
    i += n;
  }
  tokens.resize(out);
}

void Tokenizer::tokenize_japanese(Context& ctx, std::uint32_t begin, std::uint32_t end) {
  const std::string_view sentence = ctx.block.text.substr(begin, end - begin);
  // MeCab reads the sentence with special spans blanked out (same length, so offsets
  // hold) and NFKC-normalized (then mapped back through normalized_map_).
  mecab_input_.assign(sentence);
  for (const SpecialSpan& s : ctx.specials) {
    std::fill(mecab_input_.begin() + (s.begin - begin), mecab_input_.begin() + (std::min(s.end, end) - begin), ' ');
  }
  const bool normalized = normalizer_.nfkc_with_map(mecab_input_, &normalized_, &normalized_map_);
  const std::string_view input = normalized ? std::string_view(normalized_) : std::string_view(mecab_input_);

  lattice_->set_sentence(input.data(), input.size());
  if (!tagger_->parse(lattice_.get())) {
    tokenize_other(ctx, begin, end);  // MeCab failed: words are still words
    return;
  }

  // Runs of non-Japanese MeCab tokens ("Settings > Notifications") are re-tokenized
  // with ICU, which knows English words, numbers and punctuation; where an ICU token
  // coincides with a MeCab token it keeps MeCab's part of speech. A name of a user
  // dictionary ("Simply Sync") stays one token, when it stands on word boundaries.
  group_nodes_.clear();
  auto flush_run = [&](std::span<const ForeignNode> nodes) {
    if (nodes.empty()) return;
    // The common case, one English word or number ("React", "2024"), needs no ICU.
    if (nodes.size() == 1) {
      const ForeignNode& node = nodes.front();
      const std::string_view surface = sentence.substr(node.begin, node.end - node.begin);
      if (const TokenKind kind = simple_ascii_kind(surface); kind != TokenKind::kSymbol) {
        emit(ctx, begin + node.begin, begin + node.end, kind, kind == TokenKind::kWord ? Lang::kEn : Lang::kNone,
             ctx.morphs->intern(node.feature));
        return;
      }
    }
    const std::size_t first = ctx.tokens->size();
    tokenize_other(ctx, begin + nodes.front().begin, begin + nodes.back().end);
    auto node = nodes.begin();
    for (std::size_t i = first; i < ctx.tokens->size() && node != nodes.end(); ++i) {
      Token& t = (*ctx.tokens)[i];
      while (node != nodes.end() && begin + node->begin < t.text_offset) ++node;
      // Only words and numbers: MeCab files unknown ASCII symbols under 名詞,サ変接続.
      const bool wordlike = t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
      if (wordlike && node != nodes.end() && begin + node->begin == t.text_offset &&
          begin + node->end == t.text_offset + t.text_length) {
        t.morph = ctx.morphs->intern(node->feature);
      }
    }
  };
  auto flush_group = [&] {
    std::size_t run = 0;
    for (std::size_t k = 0; k < group_nodes_.size(); ++k) {
      const ForeignNode& node = group_nodes_[k];
      const Morph* morph = ctx.morphs->intern(node.feature);
      if (!is_name_morph(*morph) || !on_word_boundaries(sentence, node.begin, node.end)) continue;
      flush_run(std::span<const ForeignNode>(group_nodes_).subspan(run, k - run));
      emit(ctx, begin + node.begin, begin + node.end, TokenKind::kName, Lang::kEn, morph);
      run = k + 1;
    }
    flush_run(std::span<const ForeignNode>(group_nodes_).subspan(run));
    group_nodes_.clear();
  };

  for (const MeCab::Node* node = lattice_->bos_node(); node != nullptr; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
    const auto nb = static_cast<std::uint32_t>(node->surface - input.data());
    const std::uint32_t ne = nb + node->length;
    const std::uint32_t b = normalized ? normalized_map_.to_source_begin(nb) : nb;
    const std::uint32_t e = normalized ? normalized_map_.to_source_end(ne) : ne;
    if (e <= b) continue;
    if (!contains_japanese(input.substr(nb, node->length))) {
      group_nodes_.push_back(ForeignNode{b, e, node->feature});
      continue;
    }
    flush_group();
    const Morph* morph = ctx.morphs->intern(node->feature);
    if (morph->pos == "記号" && morph->pos1 == "空白") continue;
    TokenKind kind = kind_of_mecab_token(*morph, sentence.substr(b, e - b));
    // ミナトPay in ミナトPayment is not the name.
    if (kind == TokenKind::kName && !on_word_boundaries(sentence, b, e)) kind = TokenKind::kWord;
    emit(ctx, begin + b, begin + e, kind, Lang::kJa, morph);
  }
  flush_group();
}

void Tokenizer::tokenize_other(Context& ctx, std::uint32_t begin, std::uint32_t end) {
  // Gaps between special spans.
  std::uint32_t at = begin;
  auto special = std::lower_bound(ctx.specials.begin(), ctx.specials.end(), begin,
                                  [](const SpecialSpan& s, std::uint32_t p) { return s.end <= p; });
  while (at < end) {
    std::uint32_t gap_end = end;
    if (special != ctx.specials.end() && special->begin < end) gap_end = std::max(at, special->begin);
    if (gap_end > at) {
      const std::string_view gap = ctx.block.text.substr(at, gap_end - at);
      UErrorCode status = U_ZERO_ERROR;
      UText utext = UTEXT_INITIALIZER;
      utext_openUTF8(&utext, gap.data(), static_cast<int64_t>(gap.size()), &status);
      word_breaker_->setText(&utext, status);
      if (U_SUCCESS(status)) {
        int32_t p = word_breaker_->first();
        for (int32_t q = word_breaker_->next(); q != icu::BreakIterator::DONE; p = q, q = word_breaker_->next()) {
          const std::string_view surface = gap.substr(static_cast<std::size_t>(p), static_cast<std::size_t>(q - p));
          if (is_all_space(surface)) continue;
          const int32_t rule = word_breaker_->getRuleStatus();
          TokenKind kind;
          Lang lang = Lang::kNone;
          if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
            kind = TokenKind::kNumber;
          } else if (rule >= UBRK_WORD_LETTER) {
            kind = TokenKind::kWord;
            lang = contains_japanese(surface) ? Lang::kJa : (contains_latin(surface) ? Lang::kEn : Lang::kNone);
          } else {
            std::size_t i = 0;
            kind = u_ispunct(static_cast<UChar32>(next_code_point(surface, &i))) ? TokenKind::kPunct
                                                                                 : TokenKind::kSymbol;
          }
          emit(ctx, at + static_cast<std::uint32_t>(p), at + static_cast<std::uint32_t>(q), kind, lang, nullptr);
        }
      }
      utext_close(&utext);
    }
    if (special == ctx.specials.end() || special->begin >= end) break;
    at = std::max(at, special->end);
    ++special;
  }
}

}  // namespace tonelint
