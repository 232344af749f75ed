// metric: a measured value against `max`/`min`: sentence length (characters for Japanese,
// words for English), 読点 per sentence, kanji ratio, and the Flesch–Kincaid grade of
// English text. Chat sentences ≤ 40 characters; at most 3 読点 in a sentence.
#include <cmath>

#include "input/utf8.h"
#include "rules/rule_check.h"
#include "segment/char_class.h"

namespace tonelint {
namespace {

// What `metric:` names, in the order of kMeasureNames.
enum class Measure : std::uint8_t { kSentenceLength, kReadability, kTouten, kKanjiRatio };
constexpr std::string_view kMeasureNames[] = {"sentence_length", "readability", "touten", "kanji_ratio"};

struct MetricOptions final : KindOptions {
  Measure measure = Measure::kSentenceLength;
};

// Vowel groups, less a silent final e: good enough for a grade level.
int syllables(std::string_view word) {
  int count = 0;
  bool in_vowel = false;
  for (char ch : word) {
    const bool vowel = std::string_view("aeiouy").find(ch) != std::string_view::npos;
    if (vowel && !in_vowel) ++count;
    in_vowel = vowel;
  }
  if (word.size() > 2 && word.back() == 'e' && count > 1) --count;
  return count > 0 ? count : 1;
}

class MetricCheck final : public RuleCheck {
 public:
  MetricCheck(const Rule& rule, std::string id)
      : RuleCheck(rule, std::move(id)), measure_(static_cast<const MetricOptions&>(*rule.options).measure) {}

  void check(const MessageView& message, std::span<const Match>, FindingSink* out) const override {
    const auto& sentences = message.analysis.sentences;
    // Units: each sentence, each paragraph, or the whole message.
    std::size_t s = 0;
    while (s < sentences.size()) {
      std::size_t last = s;
      if (rule().scope == Scope::kMessage) last = sentences.size() - 1;
      if (rule().scope == Scope::kParagraph) {
        while (last + 1 < sentences.size() && sentences[last + 1].sentence.block == sentences[s].sentence.block) ++last;
      }
      if (auto value = measure(message, s, last)) {
        const bool over = rule().max && *value > *rule().max;
        const bool under = rule().min && *value < *rule().min;
        if (over || under) {
          const Sentence& first = sentences[s].sentence;
          const Sentence& end = sentences[last].sentence;
          const std::pair<std::string_view, std::string> vars[] = {{"value", format_number(*value)}};
          out->push_back(report(message, first.offset, end.offset + end.length - first.offset, vars));
        }
      }
      s = last + 1;
    }
  }

 private:
  // The value over sentences [first, last], or nullopt when it does not apply (a
  // Japanese measure on English text, a grade without words).
  std::optional<double> measure(const MessageView& message, std::size_t first, std::size_t last) const {
    const auto& sentences = message.analysis.sentences;
    double value = 0;
    std::size_t words = 0, syllable_count = 0, kanji = 0, letters = 0;
    bool applies = false;
    for (std::size_t k = first; k <= last; ++k) {
      const AnalyzedSentence& as = sentences[k];
      const bool ja = as.sentence.lang == Lang::kJa;
      // A metric is measured on sentences of its own language, judged by the main language:
      // an English word count says nothing of a Japanese sentence quoting one English word.
      if ((rule().lang == RuleLang::kJa && !ja) || (rule().lang == RuleLang::kEn && (ja || !as.sentence.langs.has(Lang::kEn)))) {
        continue;
      }
      const std::string_view text = message.text(as);
      switch (measure_) {
        case Measure::kSentenceLength:
          applies = true;
          if (ja) {
            for (std::size_t i = 0; i < text.size();) {  // characters, spaces not counted
              const char32_t c = next_code_point(text, &i);
              value += (c != U' ' && c != U'\t' && c != U'\n' && c != 0x3000) ? 1 : 0;
            }
          } else {
            // A name counts the words it is written with ("Minato Cloud": two).
            for (const Token& t : message.tokens(as)) value += static_cast<double>(word_weight(t));
          }
          break;
        case Measure::kTouten:
          if (!ja) break;
          applies = true;
          for (const Token& t : message.tokens(as)) value += (t.surface == "、" || t.surface == "，") ? 1 : 0;
          break;
        case Measure::kKanjiRatio:
          if (!ja) break;
          applies = true;
          for (std::size_t i = 0; i < text.size();) {
            const char32_t c = next_code_point(text, &i);
            if (is_kanji(c)) ++kanji;
            if (is_kanji(c) || is_kana(c)) ++letters;
          }
          break;
        case Measure::kReadability:
          if (as.sentence.lang != Lang::kEn) break;
          applies = true;
          for (const Token& t : message.tokens(as)) {
            if (t.kind == TokenKind::kWord) {
              ++words;
              syllable_count += static_cast<std::size_t>(syllables(t.norm));
            } else if (t.kind == TokenKind::kName) {  // each word of "Simply Sync"
              std::string_view rest = t.norm;
              while (!rest.empty()) {
                const std::size_t space = rest.find(' ');
                if (const std::string_view word = rest.substr(0, space); !word.empty()) {
                  ++words;
                  syllable_count += static_cast<std::size_t>(syllables(word));
                }
                rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
              }
            }
          }
          break;
      }
    }
    if (!applies) return std::nullopt;
    if (measure_ == Measure::kKanjiRatio) {
      if (letters == 0) return std::nullopt;
      return std::round(1000.0 * static_cast<double>(kanji) / static_cast<double>(letters)) / 1000.0;
    }
    if (measure_ == Measure::kReadability) {
      if (words == 0) return std::nullopt;
      const double sentence_count = static_cast<double>(last - first + 1);
      const double grade = 0.39 * (static_cast<double>(words) / sentence_count) +
                           11.8 * (static_cast<double>(syllable_count) / static_cast<double>(words)) - 15.59;
      return std::round(grade * 10.0) / 10.0;
    }
    return value;
  }

  Measure measure_;
};

constexpr std::string_view kKeys[] = {"metric"};

std::string measure_list() {
  std::string out;
  for (std::string_view name : kMeasureNames) out.append(out.empty() ? "" : ", ").append(name);
  return out;
}

std::shared_ptr<const KindOptions> parse_metric(RuleYaml& yaml, const Rule&) {
  auto options = std::make_shared<MetricOptions>();
  if (auto m = yaml.choice("metric", kMeasureNames)) options->measure = static_cast<Measure>(*m);
  if (!yaml.has("metric")) yaml.error(yaml.name() + " (metric) needs 'metric' (one of: " + measure_list() + ")");
  if (!yaml.has_bound()) yaml.error(yaml.name() + " (metric) needs 'max' or 'min'");
  return options;
}

std::unique_ptr<RuleCheck> make_metric_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<MetricCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kMetricKind;
// Measured per sentence unless `scope:` names another unit (a markup list names none).
constinit const RuleKind kMetricKind{.name = "metric",
                                     .keys = kKeys,
                                     .parse = parse_metric,
                                     .make = make_metric_check,
                                     .default_scope = Scope::kSentence};

}  // namespace tonelint
