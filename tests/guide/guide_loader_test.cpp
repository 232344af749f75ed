#include "load/guide_loader.h"
#include "rules/rule_kinds.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tonelint {
namespace {

const std::string kFixtures = std::string(TONELINT_TEST_DATA) + "/guide/";

const Rule* find_rule(const Guide& g, const std::string& id) {
  auto it = std::find_if(g.rules.begin(), g.rules.end(), [&](const Rule& r) { return r.id == id; });
  return it == g.rules.end() ? nullptr : &*it;
}

// The errors of loading `yaml`, as "line:column: message" strings.
std::vector<std::string> errors_of(const std::string& yaml) {
  GuideLoad load = load_guide_text(yaml, "g.yaml");
  std::vector<std::string> out;
  for (const Status& s : load.errors) {
    out.push_back(std::to_string(s.location().line) + ":" + std::to_string(s.location().column) + ": " + s.message());
  }
  EXPECT_EQ(load.ok(), out.empty());
  return out;
}

constexpr const char* kContexts = R"(guide: g
contexts:
  channel: [email, chat]
  emotion: [upset, neutral]
)";

TEST(GuideLoaderTest, LoadsTheDesignExample) {
  GuideLoad load = load_guide_file(kFixtures + "acme.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  const Guide& g = *load.guide;
  EXPECT_EQ(g.id, "acme");
  EXPECT_EQ(g.allowed[static_cast<std::size_t>(Dimension::kSituation)].size(), 8u);
  EXPECT_EQ(g.defaults[Dimension::kChannel], "email");
  ASSERT_EQ(g.rules.size(), 2u);
  const Rule* blame = find_rule(g, "no-blame");
  ASSERT_NE(blame, nullptr);
  EXPECT_EQ(blame->kind, find_rule_kind("existence"));
  EXPECT_EQ(blame->lang, RuleLang::kEn);
  EXPECT_EQ(blame->words.size(), 3u);
  ASSERT_EQ(blame->bad_examples.size(), 1u);
  EXPECT_EQ(blame->bad_examples[0].text, "You forgot to verify your email.");
  EXPECT_EQ(blame->bad_examples[0].format, "");
  EXPECT_FALSE(blame->bad_examples[0].fixed);
  EXPECT_EQ(blame->origin.line, 11u);
  ASSERT_EQ(g.tones.size(), 3u);
  EXPECT_EQ(g.tones[1].specificity, 2);
  EXPECT_EQ(g.tones[0].set.front().rule_id, "exclamation");
}

TEST(GuideLoaderTest, UnknownKeysSuggestTheRightOne) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - id: a
    kind: existence
    mesage: hi
    words: [x]
)");
  ASSERT_EQ(errors.size(), 2u);  // in file order: the rule (line 6), then its misspelt key
  EXPECT_EQ(errors[0], "6:5: rule 'a' has no 'message': say what is wrong and what to write instead");
  EXPECT_EQ(errors[1], "8:5: unknown key 'mesage' in rule (did you mean 'message'?)");
}

TEST(GuideLoaderTest, UnknownKindAndLevel) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - id: a
    kind: existance
    level: fatal
    message: m
    words: [x]
)");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("7:11: unknown kind 'existance' (did you mean 'existence'?)"), std::string::npos);
  EXPECT_NE(errors[1].find("8:12: unknown level 'fatal'"), std::string::npos);
}

TEST(GuideLoaderTest, UnknownContextValueInWhen) {
  const auto errors = errors_of(std::string(kContexts) + R"(tones:
  - when: {emotion: upsett, channel: [chat, emial]}
)");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("unknown emotion 'upsett' (did you mean 'upset'?)"), std::string::npos);
  EXPECT_NE(errors[1].find("unknown channel 'emial' (did you mean 'email'?)"), std::string::npos);
  EXPECT_EQ(errors[0].substr(0, 5), "6:21:");
  EXPECT_EQ(errors[1].substr(0, 5), "6:45:");
}

TEST(GuideLoaderTest, UnknownDimension) {
  const auto errors = errors_of(std::string(kContexts) + R"(tones:
  - when: {mood: upset}
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("unknown key 'mood' in 'when'"), std::string::npos);
}

TEST(GuideLoaderTest, DuplicateIds) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - {id: a, kind: existence, message: m, words: [x]}
  - {id: a, kind: existence, message: n, words: [y]}
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("duplicate rule id 'a' (first defined at line 6)"), std::string::npos);
  EXPECT_EQ(errors[0].substr(0, 4), "7:5:");
}

TEST(GuideLoaderTest, InvalidRegexNamesItsPosition) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - id: a
    kind: existence
    message: m
    regex: ["ok", "(unclosed"]
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("invalid regex '(unclosed'"), std::string::npos);
  EXPECT_EQ(errors[0].substr(0, 5), "9:19:");
}

TEST(GuideLoaderTest, SetNamingAMissingRule) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - {id: exclamation, kind: occurrence, message: m, regex: ["!"], max: 1}
tones:
  - when: {emotion: upset}
    set:
      exclamaton: {max: 0}
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'set' names rule 'exclamaton', which the guide does not define (did you mean "
                           "'exclamation'?)"),
            std::string::npos);
}

TEST(GuideLoaderTest, MissingRequiredFields) {
  const auto errors = errors_of(std::string(kContexts) + R"(rules:
  - kind: existence
    message: m
  - id: b
    kind: occurrence
    message: m
    words: [x]
  - id: c
    kind: metric
    message: m
    max: 40
)");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].find("has no 'id'"), std::string::npos);
  EXPECT_NE(errors[1].find("needs words, lemmas, tokens, regex or a dictionary"), std::string::npos);
  EXPECT_NE(errors[2].find("rule 'b' (occurrence) needs 'max' or 'min'"), std::string::npos);
  EXPECT_NE(errors[3].find("rule 'c' (metric) needs 'metric'"), std::string::npos);
}

TEST(GuideLoaderTest, AMalformedValueIsReportedOnceNotAgainAsMissing) {
  // An unknown kind says nothing about which fields the rule needs; a malformed max or
  // swap is malformed, not missing; a list where a value belongs is one error.
  EXPECT_EQ(errors_of(std::string(kContexts) + "rules:\n  - {id: a, kind: existance, message: m}\n").size(), 1u);
  EXPECT_EQ(errors_of(std::string(kContexts) +
                      "rules:\n  - {id: a, kind: occurrence, message: m, words: [x], max: lots}\n").size(),
            1u);
  EXPECT_EQ(errors_of(std::string(kContexts) + "rules:\n  - {id: a, kind: substitution, message: m, swap: plain}\n").size(),
            1u);
  EXPECT_EQ(errors_of(std::string(kContexts) + "rules:\n  - {id: a, kind: [existence], message: m, words: [x]}\n").size(),
            1u);
}

TEST(GuideLoaderTest, OffTakesAnyYamlBoolean) {
  GuideLoad load = load_guide_text(std::string(kContexts) + R"(rules:
  - {id: x, kind: existence, message: m, words: [x]}
tones:
  - when: {emotion: upset}
    set: {x: {off: True}}
  - when: {channel: chat}
    set: {x: {off: no}}
)",
                                   "g.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  EXPECT_TRUE(load.guide->tones[0].set[0].off);
  EXPECT_FALSE(load.guide->tones[1].set[0].off);
}

TEST(GuideLoaderTest, LevelWhyOnARuleAndOnATonesLevel) {
  GuideLoad load = load_guide_text(std::string(kContexts) + R"(rules:
  - id: x
    kind: existence
    level: warning
    level_why: An editor would change it.
    message: m
    words: [x]
  - {id: y, kind: existence, message: m, words: [y]}
tones:
  - when: {emotion: upset}
    set:
      x: {level: error, level_why: It hurts an upset reader.}
      y: {level: error}
)",
                                   "g.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  EXPECT_EQ(find_rule(*load.guide, "x")->level_why, "An editor would change it.");
  EXPECT_EQ(find_rule(*load.guide, "y")->level_why, "");
  const auto& set = load.guide->tones[0].set;
  ASSERT_EQ(set.size(), 2u);
  EXPECT_EQ(set[0].level_why, "It hurts an upset reader.");
  EXPECT_FALSE(set[1].level_why.has_value());
}

TEST(GuideLoaderTest, BrokenYamlNamesLineAndColumn) {
  const auto errors = errors_of("guide: g\nrules: [\n  {id: a\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("invalid YAML"), std::string::npos);
  EXPECT_NE(errors[0].substr(0, 2), "0:");
}

TEST(GuideLoaderTest, ColumnsCountCodePoints) {
  // "日本語" is 9 bytes but 3 columns: 'nope' is at column 21, not at byte column 27.
  const auto errors = errors_of(std::string(kContexts) + "rules:\n  - {id: 日本語, kind: nope, message: m, words: [x]}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].substr(0, 5), "6:21:");
}

TEST(GuideLoaderTest, TokenPatterns) {
  GuideLoad load = load_guide_text(std::string(kContexts) + R"(rules:
  - id: double-keigo
    kind: existence
    lang: ja
    message: m
    tokens:
      - [{lemma: おっしゃる}, {lemma: [れる, られる], pos: 助動詞}]
      - [{pos: 動詞}, {pos: "!助詞", repeat: "*"}, {surface: た}]
)",
                                   "g.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  const Rule& r = load.guide->rules.front();
  ASSERT_EQ(r.tokens.size(), 2u);
  ASSERT_EQ(r.tokens[0].size(), 2u);
  EXPECT_EQ(r.tokens[0][1].constraints.size(), 2u);
  EXPECT_EQ(r.tokens[0][1].constraints[0].field, TokenField::kLemma);
  EXPECT_EQ(r.tokens[0][1].constraints[0].values, (std::vector<std::string>{"れる", "られる"}));
  const TokenElement& any_but_particle = r.tokens[1][1];
  EXPECT_TRUE(any_but_particle.constraints[0].negate);
  EXPECT_EQ(any_but_particle.constraints[0].values, std::vector<std::string>{"助詞"});
  EXPECT_EQ(any_but_particle.min, 0);
  EXPECT_EQ(any_but_particle.max, 255);
}

TEST(GuideLoaderTest, ExtendsMergesRulesByIdAndLoadsDictionaries) {
  GuideLoad load = load_guide_file(kFixtures + "team.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  const Guide& g = *load.guide;
  EXPECT_EQ(g.id, "acme-support");
  ASSERT_EQ(g.rules.size(), 3u);
  EXPECT_EQ(g.rules[0].id, "no-blame");  // redefined in place
  EXPECT_EQ(g.rules[0].level, Level::kError);
  EXPECT_EQ(g.rules[0].words, (std::vector<std::string>{"you forgot", "user error"}));
  EXPECT_EQ(g.rules[1].id, "exclamation");  // inherited
  const Rule& jargon = g.rules[2];
  ASSERT_EQ(jargon.swap.size(), 3u);
  EXPECT_EQ(jargon.swap[0], (std::pair<std::string, std::string>{"utilize", "use"}));
  EXPECT_EQ(jargon.swap[2], (std::pair<std::string, std::string>{"as per", "as"}));
  EXPECT_TRUE(g.allows(Dimension::kChannel, "forum"));
  EXPECT_TRUE(g.allows(Dimension::kChannel, "email"));
  EXPECT_EQ(g.tones.size(), 4u);  // three from acme, one added
}

TEST(GuideLoaderTest, ExtendsCycleIsAnError) {
  GuideLoad load = load_guide_file(kFixtures + "loop-a.yaml");
  ASSERT_FALSE(load.ok());
  bool cycle = false;
  for (const Status& s : load.errors) cycle = cycle || s.message().find("cycle") != std::string::npos;
  EXPECT_TRUE(cycle);
}

TEST(GuideLoaderTest, MissingFileIsAnError) {
  GuideLoad load = load_guide_file(kFixtures + "no-such-guide.yaml");
  ASSERT_FALSE(load.ok());
  EXPECT_EQ(load.errors.front().code(), ErrorCode::kNotFound);
}

TEST(CompleteContextTest, FillsDefaultsAndRejectsUnknownValues) {
  GuideLoad load = load_guide_file(kFixtures + "acme.yaml");
  ASSERT_TRUE(load.ok());
  Context requested;
  requested[Dimension::kEmotion] = "upset";
  auto context = complete_context(*load.guide, requested);
  ASSERT_TRUE(context.ok());
  EXPECT_EQ((*context)[Dimension::kChannel], "email");
  EXPECT_EQ((*context)[Dimension::kEmotion], "upset");
  requested[Dimension::kChannel] = "chatt";
  auto bad = complete_context(*load.guide, requested);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown channel 'chatt' (did you mean 'chat'?)"), std::string::npos);
}

}  // namespace
}  // namespace tonelint
