#include "rules/reading_check.h"

#include <array>
#include <string>
#include <string_view>

#include "engine/analyzed_text.h"

namespace tonelint {
namespace {

// The e-row kana a 可能動詞 ends in and the u-row kana of its 五段 verb, in hiragana (the
// 原形) and katakana (the reading): 行け → 行く, イケ → イク.
struct Row {
  std::string_view e_hira, u_hira, e_kata, u_kata;
};
constexpr std::array<Row, 13> kRows = {{
    {"え", "う", "エ", "ウ"}, {"け", "く", "ケ", "ク"}, {"げ", "ぐ", "ゲ", "グ"}, {"せ", "す", "セ", "ス"},
    {"ぜ", "ず", "ゼ", "ズ"}, {"て", "つ", "テ", "ツ"}, {"で", "づ", "デ", "ヅ"}, {"ね", "ぬ", "ネ", "ヌ"},
    {"へ", "ふ", "ヘ", "フ"}, {"べ", "ぶ", "ベ", "ブ"}, {"ぺ", "ぷ", "ペ", "プ"}, {"め", "む", "メ", "ム"},
    {"れ", "る", "レ", "ル"},
}};
constexpr std::string_view kRu = "る";
constexpr std::size_t kKanaBytes = 3;  // every kana and common kanji is 3 bytes of UTF-8

bool one_kanji(std::string_view s) {
  if (s.size() != 3) return false;
  const auto b0 = static_cast<unsigned char>(s[0]);
  return b0 >= 0xE4 && b0 <= 0xE9;  // U+4E00..U+9FFF
}

bool is_potential_verb(std::string_view stem, std::string_view reading, Analyzer& analyzer) {
  if (stem.size() < kKanaBytes || reading.size() < kKanaBytes) return false;
  const std::string_view last = stem.substr(stem.size() - kKanaBytes);
  const std::string_view last_reading = reading.substr(reading.size() - kKanaBytes);
  for (const Row& row : kRows) {
    if (last != row.e_hira || last_reading != row.e_kata) continue;
    const std::string godan = std::string(stem.substr(0, stem.size() - kKanaBytes)) + std::string(row.u_hira);
    const std::string godan_reading =
        std::string(reading.substr(0, reading.size() - kKanaBytes)) + std::string(row.u_kata);
    auto analyzed = analyze_text(analyzer, godan);
    if (!analyzed.ok()) return false;
    const std::vector<Token> tokens = (*analyzed)->prose_tokens();
    return tokens.size() == 1 && tokens[0].morph != nullptr && tokens[0].morph->pos == "動詞" &&
           tokens[0].morph->ctype.starts_with("五段") && tokens[0].morph->base == godan &&
           tokens[0].morph->reading == godan_reading;
  }
  return false;
}

}  // namespace

bool doubtful_before_reru(const Token& verb, Analyzer* analyzer) {
  if (verb.morph == nullptr) return true;
  const Morph& m = *verb.morph;
  if (m.pos != "動詞" || !m.ctype.starts_with("一段")) return false;  // not the split this is about
  if (!m.base.ends_with(kRu) || m.base.substr(0, m.base.size() - kRu.size()) != verb.surface) return true;
  if (one_kanji(verb.surface) && (m.reading == "ア" || m.reading == "イ" || m.reading == "ウ" || m.reading == "エ" ||
                                  m.reading == "オ")) {
    return true;
  }
  return analyzer != nullptr && is_potential_verb(verb.surface, m.reading, *analyzer);
}

}  // namespace tonelint
