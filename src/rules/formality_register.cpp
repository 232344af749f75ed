// register: the level of formality. Japanese: です・ます調 and だ・である調 not mixed in
// one message (style: consistent), or one of them required (polite / plain). English
// (style: formal): no contractions, with the expanded form as the rewrite, read from the
// word after it where a contraction has two expansions (it's been → it has been; it's
// gone, which could be either, is reported without one).
#include <array>
#include <optional>
#include <string>

#include "rules/rule_check.h"

namespace tonelint {
namespace {

enum class Style { kNone, kPolite, kPlain };

// What `style:` names, in the order of kFormalityNames.
enum class Formality : std::uint8_t { kConsistent, kPolite, kPlain, kFormal };
constexpr std::string_view kFormalityNames[] = {"consistent", "polite", "plain", "formal"};

struct RegisterOptions final : KindOptions {
  Formality style = Formality::kConsistent;
};

struct Marker {
  Style style = Style::kNone;
  std::uint32_t token = 0;  // absolute index of the token that shows it
};

// The sentence's closing style, read from its last auxiliary verbs: です/ます are polite;
// だ and である are plain. A sentence with neither (a noun phrase, a plain verb) says nothing.
Marker style_of(const MessageView& message, const AnalyzedSentence& as) {
  const auto tokens = message.tokens(as);
  for (std::size_t i = tokens.size(); i-- > 0;) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kEmoji || t.kind == TokenKind::kKaomoji) continue;
    if (t.morph == nullptr) break;
    const Morph& m = *t.morph;
    const auto at = as.token_begin + static_cast<std::uint32_t>(i);
    // である: ipadic reads で (助動詞) + ある (助動詞, sometimes 動詞).
    if (m.base == "ある" && (m.pos == "助動詞" || m.pos == "動詞") && i > 0 && tokens[i - 1].surface == "で") {
      return Marker{Style::kPlain, at - 1};
    }
    if (m.pos == "助動詞" && (m.base == "です" || m.base == "ます")) return Marker{Style::kPolite, at};
    // だ ends a sentence as だ or だっ(た); な and に (主な, 簡単に) only modify what follows.
    if (m.pos == "助動詞" && m.base == "だ" && (m.cform == "基本形" || m.cform == "連用タ接続")) {
      return Marker{Style::kPlain, at};
    }
    if (m.pos == "助動詞" && (m.base == "た" || m.base == "う" || m.base == "ん" || m.base == "ない")) continue;
    if (m.pos == "助詞" && m.pos1 == "終助詞") continue;  // ね, よ, か after the ending
    break;
  }
  return Marker{};
}

struct Contraction {
  std::string_view word;
  std::string_view expanded;
};
constexpr std::array<Contraction, 40> kContractions = {{
    {"don't", "do not"},   {"doesn't", "does not"}, {"didn't", "did not"}, {"can't", "cannot"},
    {"won't", "will not"}, {"wouldn't", "would not"}, {"shouldn't", "should not"}, {"couldn't", "could not"},
    {"isn't", "is not"},   {"aren't", "are not"},   {"wasn't", "was not"}, {"weren't", "were not"},
    {"haven't", "have not"}, {"hasn't", "has not"}, {"hadn't", "had not"}, {"i'm", "I am"},
    {"you're", "you are"}, {"we're", "we are"},     {"they're", "they are"}, {"it's", "it is"},
    {"that's", "that is"}, {"there's", "there is"}, {"what's", "what is"}, {"let's", "let us"},
    {"i've", "I have"},    {"you've", "you have"},  {"we've", "we have"},  {"they've", "they have"},
    {"i'll", "I will"},    {"you'll", "you will"},  {"we'll", "we will"},  {"they'll", "they will"},
    {"it'll", "it will"},  {"i'd", "I would"},      {"you'd", "you would"}, {"we'd", "we would"},
    {"he's", "he is"},     {"she's", "she is"},     {"who's", "who is"},   {"here's", "here is"},
}};

// What a contraction stands for before `next`: 's is "has" before "been" and "got" ("it's
// been" is not "it is been"), 'd is "had" before "been" and "better"; before another past
// participle ("it's gone", "I'd seen") either reading may be meant, so there is none.
std::optional<std::string> read_contraction(const Contraction& c, std::string_view next) {
  const bool s_form = c.word.ends_with("'s") && c.word != "let's";
  const bool d_form = c.word.ends_with("'d");
  std::string expanded(c.expanded);
  if (!s_form && !d_form) return expanded;
  const std::string_view subject = std::string_view(expanded).substr(0, expanded.find(' '));
  if (next == "been" || next == "got" || (d_form && next == "better")) {
    return std::string(subject) + (s_form ? " has" : " had");
  }
  const bool participle = next.size() > 3 && (next.ends_with("ed") || next.ends_with("en") || next == "gone" ||
                                              next == "done" || next == "made" || next == "sent");
  if (participle) return std::nullopt;
  return expanded;
}

// "it is / it has", "I would / I had": the message names both where the text does not tell.
std::string both_readings(const Contraction& c) {
  const std::string expanded(c.expanded);
  const std::string subject = expanded.substr(0, expanded.find(' '));
  return expanded + " / " + subject + (c.word.ends_with("'s") ? " has" : " had");
}

class RegisterCheck final : public RuleCheck {
 public:
  RegisterCheck(const Rule& rule, std::string id)
      : RuleCheck(rule, std::move(id)), style_(static_cast<const RegisterOptions&>(*rule.options).style) {}

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    if (style_ == Formality::kFormal) {
      check_formal(message, matches, out);
    } else {
      check_japanese(message, out);
    }
  }

 private:
  void check_japanese(const MessageView& message, FindingSink* out) const {
    std::vector<Marker> markers;
    std::size_t polite = 0, plain = 0;
    for (const AnalyzedSentence& as : message.analysis.sentences) {
      if (!as.sentence.langs.has(Lang::kJa)) continue;
      // Headings, list items and table cells are customarily written in the plain style
      // (常体・体言止め) even in a polite text: only running prose, not quoted, sets the register.
      // A quotation keeps the register of whoever is quoted.
      if (message.block(as).kind != BlockKind::kParagraph || message.block(as).in_blockquote) continue;
      const Marker m = style_of(message, as);
      if (m.style == Style::kNone) continue;
      (m.style == Style::kPolite ? polite : plain) += 1;
      markers.push_back(m);
    }
    Style wrong = Style::kNone;
    if (style_ == Formality::kPolite) wrong = Style::kPlain;
    if (style_ == Formality::kPlain) wrong = Style::kPolite;
    if (style_ == Formality::kConsistent && polite > 0 && plain > 0) {
      wrong = plain <= polite ? Style::kPlain : Style::kPolite;  // the minority is the slip
    }
    if (wrong == Style::kNone) return;
    const std::string expected = wrong == Style::kPlain ? "です・ます" : "だ・である";
    for (const Marker& m : markers) {
      if (m.style != wrong) continue;
      const Token& t = message.analysis.tokens[m.token];
      std::uint32_t length = t.length;
      if (m.token + 1 < message.analysis.tokens.size() && t.surface == "で") {  // である: both tokens
        const Token& next = message.analysis.tokens[m.token + 1];
        length = next.offset + next.length - t.offset;
      }
      const std::pair<std::string_view, std::string> vars[] = {{"expected", expected}};
      out->push_back(report(message, t.offset, length, vars));
    }
  }

  void check_formal(const MessageView& message, std::span<const Match> matches, FindingSink* out) const {
    for (const AnalyzedSentence& as : message.analysis.sentences) {
      const auto tokens = message.tokens(as);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::kWord || t.lang != Lang::kEn) continue;
        for (const Contraction& c : kContractions) {
          if (t.norm != c.word) continue;  // norms have straight apostrophes (don’t → don't)
          const std::string_view next = i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kWord
                                            ? tokens[i + 1].norm
                                            : std::string_view();
          const std::optional<std::string> reading = read_contraction(c, next);
          if (!reading) {  // "it's gone", "I'd seen": has or is, had or would? Reported as written.
            const std::pair<std::string_view, std::string> vars[] = {{"to", both_readings(c)}};
            out->push_back(report(message, t.offset, t.length, vars));
            break;
          }
          std::string expanded = *reading;
          if (!t.surface.empty() && t.surface.front() >= 'A' && t.surface.front() <= 'Z' && expanded[0] >= 'a') {
            expanded[0] = static_cast<char>(expanded[0] - 'a' + 'A');
          }
          const std::pair<std::string_view, std::string> vars[] = {{"to", expanded}};
          Diagnostic d = report(message, t.offset, t.length, vars);
          d.suggestions.push_back(Suggestion{t.offset, t.length, expanded, rule().fix_safe});
          out->push_back(std::move(d));
          break;
        }
      }
    }
    // Slang the rule lists (gonna, hey guys) is reported as written.
    for (const Match& m : without_overlaps(matches)) out->push_back(report(message, m.offset, m.length));
  }

  Formality style_;
};

constexpr std::string_view kKeys[] = {"style"};

std::shared_ptr<const KindOptions> parse_register(RuleYaml& yaml, const Rule&) {
  auto options = std::make_shared<RegisterOptions>();
  if (auto s = yaml.choice("style", kFormalityNames)) options->style = static_cast<Formality>(*s);
  if (!yaml.has("style")) {
    std::string names;
    for (std::string_view name : kFormalityNames) names.append(names.empty() ? "" : ", ").append(name);
    yaml.error(yaml.name() + " (register) needs 'style' (one of: " + names + ")");
  }
  return options;
}

std::unique_ptr<RuleCheck> make_register_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<RegisterCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kRegisterKind;
constinit const RuleKind kRegisterKind{
    .name = "register", .keys = kKeys, .parse = parse_register, .make = make_register_check};

}  // namespace tonelint
