// One test per distinct error message of the guide loader (src/load/guide_loader.cpp):
// each input triggers exactly that error, at an exact line:column (1-based, columns in
// code points), with its "did you mean" suggestion where the loader gives one.
#include "load/guide_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonelint {
namespace {

const std::string kErrorFixtures = std::string(TONELINT_TEST_DATA) + "/guide/errors/";

// Lines 1-4 of most inputs: a guide id and two dimensions with values.
constexpr const char* kHead = R"(guide: g
contexts:
  channel: [email, chat]
  emotion: [upset, neutral]
)";

std::string with_head(const std::string& rest) { return std::string(kHead) + rest; }

std::string describe(const std::vector<Status>& errors) {
  std::string out;
  for (const Status& s : errors) out += "  " + s.to_string() + "\n";
  return out;
}

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::uint32_t line;
  std::uint32_t column;
  std::string message;  // the key part of the message, as a substring
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class GuideLoaderErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(GuideLoaderErrorTest, ReportsExactlyThisError) {
  const ErrorCase& c = GetParam();
  const GuideLoad load = load_guide_text(c.yaml, "g.yaml");
  EXPECT_FALSE(load.ok());
  EXPECT_EQ(load.guide, nullptr);  // a broken guide is never returned
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors.front();
  EXPECT_EQ(e.code(), ErrorCode::kParse);
  EXPECT_EQ(e.location().path, "g.yaml");
  EXPECT_EQ(e.location().line, c.line) << e.to_string();
  EXPECT_EQ(e.location().column, c.column) << e.to_string();
  EXPECT_NE(e.message().find(c.message), std::string::npos) << "expected: " << c.message << "\nactual:   " << e.message();
}

const std::string kKinds = "existence, substitution, occurrence, required, metric, register, capitalization";

// A rule at line 6 (after kHead and "rules:"), in block style: keys at column 5.
std::string rule(const std::string& body) { return with_head("rules:\n  - id: a\n" + body); }

INSTANTIATE_TEST_SUITE_P(
    Messages, GuideLoaderErrorTest,
    ::testing::Values(
        // ---- the document -----------------------------------------------------------
        ErrorCase{"InvalidYaml", "guide: g\nrules: [a, b\n", 3, 1, "invalid YAML: "},
        ErrorCase{"RootIsAList", "- guide\n- rules\n", 1, 1,
                  "a guide is a YAML mapping with 'guide', 'contexts', 'rules' and 'tones'"},
        ErrorCase{"RootIsAScalar", "just some text\n", 1, 1,
                  "a guide is a YAML mapping with 'guide', 'contexts', 'rules' and 'tones'"},
        ErrorCase{"MissingGuide", "contexts:\n  channel: [email]\n", 1, 1,
                  "missing 'guide': the guide's id, which prefixes every rule id"},
        ErrorCase{"UnknownTopLevelKey", "guide: g\nrulez: []\n", 2, 1,
                  "unknown key 'rulez' in guide (did you mean 'rules'?)"},
        ErrorCase{"UnknownTopLevelKeyWithoutSuggestion", "guide: g\nfoo: 1\n", 2, 1, "unknown key 'foo' in guide"},
        ErrorCase{"GuideNotASingleValue", "guide: [a, b]\n", 1, 8, "'guide' must be a single value"},
        ErrorCase{"ExtendsNotASingleValue", "guide: g\nextends: [a.yaml]\n", 2, 10, "'extends' must be a single value"},
        ErrorCase{"LanguagesNotAList", "guide: g\nlanguages: {ja: 1}\n", 2, 12, "'languages' must be a list of strings"},
        ErrorCase{"LanguagesItemNotAString", "guide: g\nlanguages: [ja, [en]]\n", 2, 17,
                  "'languages' must be a list of strings"},
        // ---- contexts and defaults ------------------------------------------------------
        ErrorCase{"ContextsNotAMap", "guide: g\ncontexts: [email, chat]\n", 2, 11,
                  "'contexts' maps each dimension (channel, situation, audience, emotion) to its values"},
        ErrorCase{"UnknownDimensionInContexts", "guide: g\ncontexts:\n  chanel: [email]\n", 3, 3,
                  "unknown key 'chanel' in contexts (did you mean 'channel'?)"},
        ErrorCase{"DefaultsNotAMap", with_head("defaults: email\n"), 5, 11,
                  "'defaults' maps dimensions to one value each"},
        ErrorCase{"UnknownDimensionInDefaults", with_head("defaults: {emotoin: upset}\n"), 5, 12,
                  "unknown key 'emotoin' in defaults (did you mean 'emotion'?)"},
        ErrorCase{"UnknownDefaultValue", with_head("defaults: {channel: emial}\n"), 5, 21,
                  "unknown channel 'emial' (did you mean 'email'?); 'contexts' allows: email, chat"},
        ErrorCase{"DefaultForDimensionWithNoValues", with_head("defaults: {situation: outage}\n"), 5, 23,
                  "dimension 'situation' has no values in 'contexts'"},
        // ---- rules ---------------------------------------------------------------------
        ErrorCase{"RulesNotAList", with_head("rules: {a: 1}\n"), 5, 8, "'rules' must be a list of rules"},
        ErrorCase{"RuleNotAMap", with_head("rules:\n  - just-a-word\n"), 6, 5,
                  "rules[0] must be a mapping with id, kind, message, ..."},
        ErrorCase{"UnknownKeyInRule", rule("    kind: existence\n    message: m\n    word: [x]\n    lemmas: [y]\n"), 9, 5,
                  "unknown key 'word' in rule (did you mean 'words'?)"},
        ErrorCase{"RuleMissingId", with_head("rules:\n  - {kind: existence, message: m, words: [x]}\n"), 6, 5,
                  "rules[0] has no 'id'"},
        ErrorCase{"RuleMissingKind", rule("    message: m\n    words: [x]\n"), 6, 5,
                  "rule 'a' has no 'kind' (one of: " + kKinds + ")"},
        ErrorCase{"RuleMissingMessage", rule("    kind: existence\n    words: [x]\n"), 6, 5,
                  "rule 'a' has no 'message': say what is wrong and what to write instead"},
        ErrorCase{"MessageNotASingleValue", rule("    kind: existence\n    message: [m, n]\n    words: [x]\n"), 8, 14,
                  "'message' must be a single value"},
        ErrorCase{"UnknownKind", rule("    kind: existance\n    message: m\n    words: [x]\n"), 7, 11,
                  "unknown kind 'existance' (did you mean 'existence'?); expected one of: " + kKinds},
        ErrorCase{"UnknownKindCountsCodePoints",
                  with_head("rules:\n  - {message: 「了解」は避けます, id: a, kind: nope, words: [x]}\n"), 6, 39,
                  "unknown kind 'nope'; expected one of: " + kKinds},
        ErrorCase{"UnknownLang", rule("    kind: existence\n    lang: jp\n    message: m\n    words: [x]\n"), 8, 11,
                  "unknown lang 'jp' (did you mean 'ja'?); expected one of: any, ja, en"},
        ErrorCase{"UnknownLevel", rule("    kind: existence\n    level: warnign\n    message: m\n    words: [x]\n"), 8, 12,
                  "unknown level 'warnign' (did you mean 'warning'?); expected one of: error, warning, suggestion"},
        ErrorCase{"UnknownFix", rule("    kind: substitution\n    fix: safer\n    message: m\n    swap: {a: b}\n"), 8, 10,
                  "unknown fix 'safer' (did you mean 'safe'?); expected safe or unsafe"},
        ErrorCase{"UnknownMentions",
                  rule("    kind: existence\n    message: m\n    words: [x]\n    mentions: chek\n"), 10, 15,
                  "unknown mentions 'chek' (did you mean 'check'?); expected one of: skip, check"},
        ErrorCase{"UnknownScope",
                  rule("    kind: occurrence\n    message: m\n    words: [x]\n    max: 1\n    scope: sentense\n"), 11, 12,
                  "unknown scope 'sentense' (did you mean 'sentence'?); expected one of: message, paragraph, sentence"},
        ErrorCase{"UnknownPosition", rule("    kind: required\n    message: m\n    words: [x]\n    position: strat\n"), 10,
                  15, "unknown position 'strat' (did you mean 'start'?); expected one of: start, end"},
        ErrorCase{"UnknownMetric", rule("    kind: metric\n    message: m\n    metric: sentence_lenght\n    max: 40\n"), 9,
                  13,
                  "unknown metric 'sentence_lenght' (did you mean 'sentence_length'?); expected one of: "
                  "sentence_length, readability, touten, kanji_ratio"},
        ErrorCase{"UnknownStyle", rule("    kind: register\n    message: m\n    style: polit\n"), 9, 12,
                  "unknown style 'polit' (did you mean 'polite'?); expected one of: consistent, polite, plain, formal"},
        ErrorCase{"MaxNotANumber", rule("    kind: occurrence\n    message: m\n    words: [x]\n    min: 1\n    max: lots\n"),
                  11, 10, "'max' must be a number, not 'lots'"},
        ErrorCase{"MinLengthNotANumber",
                  rule("    kind: capitalization\n    message: m\n    min_length: {chars: 3}\n"), 9, 17,
                  "'min_length' must be a number, not 'a list or map'"},
        ErrorCase{"ExamplesNotAMap", rule("    kind: existence\n    message: m\n    words: [x]\n    examples: [x]\n"), 10,
                  15, "'examples' maps 'bad' and 'good' to lists of example texts"},
        ErrorCase{"UnknownKeyInExamples",
                  rule("    kind: existence\n    message: m\n    words: [x]\n    examples: {bad: [x], godo: [y]}\n"), 10, 26,
                  "unknown key 'godo' in examples (did you mean 'good'?)"},
        // ---- token patterns ------------------------------------------------------------
        ErrorCase{"TokensNotAList", rule("    kind: existence\n    message: m\n    words: [x]\n    tokens: {lemma: x}\n"), 10,
                  13, "'tokens' is a list of patterns, each a list of {field: value} elements"},
        ErrorCase{"TokenPatternEmpty", rule("    kind: existence\n    message: m\n    words: [x]\n    tokens: [[]]\n"), 10,
                  14, "a token pattern is a non-empty list of {field: value} elements"},
        ErrorCase{"TokenPatternNotAList",
                  rule("    kind: existence\n    message: m\n    words: [x]\n    tokens: [{lemma: x}]\n"), 10, 14,
                  "a token pattern is a non-empty list of {field: value} elements"},
        ErrorCase{"TokenElementNotAMap",
                  rule("    kind: existence\n    message: m\n    tokens: [[{lemma: 見る}, おっしゃる]]\n"), 9, 28,
                  "a token pattern element is a map such as {lemma: おっしゃる, pos: 動詞}"},
        ErrorCase{"UnknownTokenElementKey",
                  rule("    kind: existence\n    message: m\n    tokens: [[{pos: 動詞, lemm: 見る}]]\n"), 9, 25,
                  "unknown key 'lemm' in token pattern element (did you mean 'lemma'?)"},
        ErrorCase{"BadRepeat",
                  rule("    kind: existence\n    message: m\n    tokens: [[{pos: 動詞, repeat: \"{2}\"}]]\n"), 9, 33,
                  "'repeat' is ? (optional), * (any number) or + (one or more), not '{2}'"},
        ErrorCase{"TokenElementWithNoField",
                  rule("    kind: existence\n    message: m\n    tokens: [[{lemma: 見る}, {repeat: \"?\"}]]\n"), 9, 28,
                  "a token pattern element needs at least one field"},
        // ---- regex and swap --------------------------------------------------------------
        ErrorCase{"InvalidRegexInAList",
                  rule("    kind: existence\n    message: m\n    regex: [\"ok\", \"(unclosed\"]\n"), 9, 19,
                  "invalid regex '(unclosed': U_REGEX_MISMATCHED_PAREN"},
        ErrorCase{"InvalidRegexAlone", rule("    kind: existence\n    message: m\n    regex: \"[a-\"\n"), 9, 12,
                  "invalid regex '[a-': "},
        ErrorCase{"SwapNotAMap", rule("    kind: substitution\n    message: m\n    swap: [{見れる: 見られる}, 了解]\n"), 9, 25,
                  "'swap' maps a phrase to its replacement: {from: to}"},
        ErrorCase{"SwapValueNotAPhrase", rule("    kind: substitution\n    message: m\n    swap: {a: b, c: [d]}\n"), 9, 18,
                  "'swap' maps a phrase to its replacement: {from: to}"},
        // ---- what each kind needs --------------------------------------------------------
        ErrorCase{"ExistenceNeedsAPattern", rule("    kind: existence\n    message: m\n"), 6, 5,
                  "rule 'a' (existence) needs words, lemmas, tokens, regex or a dictionary"},
        ErrorCase{"SubstitutionNeedsSwap", rule("    kind: substitution\n    message: m\n    words: [x]\n"), 6, 5,
                  "rule 'a' (substitution) needs 'swap: {from: to}', a dictionary, or token patterns with a 'rewrite'"},
        ErrorCase{"SubstitutionTokensWithoutRewrite",
                  rule("    kind: substitution\n    message: m\n    tokens: [[{lemma: れる}]]\n"), 6, 5,
                  "rule 'a' (substitution) needs 'swap: {from: to}', a dictionary, or token patterns with a 'rewrite'"},
        ErrorCase{"RewriteOutsideSubstitution",
                  rule("    kind: existence\n    message: m\n    tokens: [[{lemma: れる, rewrite: られる}]]\n"), 9, 36,
                  "'rewrite' belongs to substitution rules; rule 'a' is existence"},
        ErrorCase{"UnknownMarkupScope",
                  rule("    kind: existence\n    message: m\n    words: [x]\n    scope: [heading, titel]\n"), 10, 22,
                  "unknown scope 'titel'"},
        ErrorCase{"MarkupScopeIncludesAndExcludes",
                  rule("    kind: existence\n    message: m\n    words: [x]\n    scope: [heading, \"!list_item\"]\n"), 10, 12,
                  "a scope list either names the markup to check or, with '!', the markup to skip; not both"},
        ErrorCase{"UnlessNotAList", rule("    kind: existence\n    message: m\n    words: [x]\n    unless: {a: b}\n"), 10, 13,
                  "'unless' must be a list of strings"},
        ErrorCase{"OccurrenceNeedsAPattern", rule("    kind: occurrence\n    message: m\n    max: 1\n"), 6, 5,
                  "rule 'a' (occurrence) needs words, lemmas, tokens or regex to count"},
        ErrorCase{"OccurrenceNeedsABound", rule("    kind: occurrence\n    message: m\n    regex: [\"!\"]\n"), 6, 5,
                  "rule 'a' (occurrence) needs 'max' or 'min'"},
        ErrorCase{"RequiredNeedsAPattern", rule("    kind: required\n    message: m\n    position: start\n"), 6, 5,
                  "rule 'a' (required) needs words, lemmas, tokens or regex, one of which must appear"},
        ErrorCase{"MetricNeedsMetric", rule("    kind: metric\n    message: m\n    max: 40\n"), 6, 5,
                  "rule 'a' (metric) needs 'metric' (one of: sentence_length, readability, touten, kanji_ratio)"},
        ErrorCase{"MetricNeedsABound", rule("    kind: metric\n    message: m\n    metric: touten\n"), 6, 5,
                  "rule 'a' (metric) needs 'max' or 'min'"},
        ErrorCase{"RegisterNeedsStyle", rule("    kind: register\n    message: m\n"), 6, 5,
                  "rule 'a' (register) needs 'style' (one of: consistent, polite, plain, formal)"},
        // ---- duplicate ids ----------------------------------------------------------------
        ErrorCase{"DuplicateVoiceRuleId",
                  with_head("rules:\n  - {id: a, kind: existence, message: m, words: [x]}\n"
                            "  - {id: b, kind: existence, message: m, words: [y]}\n"
                            "  - {id: a, kind: existence, message: n, words: [z]}\n"),
                  8, 5, "duplicate rule id 'a' (first defined at line 6)"},
        ErrorCase{"DuplicateRuleIdWithinATone",
                  with_head("tones:\n  - when: {emotion: upset}\n    rules:\n"
                            "      - {id: t, kind: existence, message: 落ち着いて, words: [x]}\n"
                            "      - {id: t, kind: existence, message: m, words: [y]}\n"),
                  9, 9, "duplicate rule id 't' in tones[0]"},
        // ---- tones --------------------------------------------------------------------
        ErrorCase{"TonesNotAList", with_head("tones: {when: {emotion: upset}}\n"), 5, 8,
                  "'tones' must be a list of {when, set, rules} entries"},
        ErrorCase{"ToneNotAMap", with_head("tones:\n  - upset\n"), 6, 5,
                  "tones[0] must be a mapping with 'when' and 'set' and/or 'rules'"},
        ErrorCase{"UnknownKeyInTone", with_head("tones:\n  - when: {emotion: upset}\n    sets: {}\n"), 7, 5,
                  "unknown key 'sets' in tones[0] (did you mean 'set'?)"},
        ErrorCase{"ToneMissingWhen", with_head("tones:\n  - {when: {emotion: upset}}\n  - rules: []\n"), 7, 5,
                  "tones[1] has no 'when': say which contexts it applies to"},
        ErrorCase{"WhenNotAMap", with_head("tones:\n  - when: upset\n"), 6, 11,
                  "'when' maps dimensions to a value or a list of values"},
        ErrorCase{"UnknownDimensionInWhen", with_head("tones:\n  - when: {emotoin: upset}\n"), 6, 12,
                  "unknown key 'emotoin' in 'when' (did you mean 'emotion'?)"},
        ErrorCase{"UnknownWhenValue", with_head("tones:\n  - when: {emotion: upset, channel: [email, chta]}\n"), 6, 45,
                  "unknown channel 'chta' (did you mean 'chat'?); 'contexts' allows: email, chat"},
        ErrorCase{"WhenDimensionWithNoValues", with_head("tones:\n  - when: {audience: executive}\n"), 6, 22,
                  "dimension 'audience' has no values in 'contexts'"},
        ErrorCase{"ToneRulesNotAList", with_head("tones:\n  - when: {emotion: upset}\n    rules: {id: t}\n"), 7, 12,
                  "'rules' must be a list of rules"},
        // ---- set ---------------------------------------------------------------------
        ErrorCase{"SetNotAMap",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set: [bang]\n"),
                  9, 10, "'set' maps rule ids to the fields to override, e.g. {exclamation: {max: 0}}"},
        ErrorCase{"SetEntryNotAMap",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: 0\n"),
                  10, 13, "'set: bang' takes a map of fields, e.g. {level: error} or {off: true}"},
        ErrorCase{"UnknownKeyInSet",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: {of: true}\n"),
                  10, 14, "unknown key 'of' in 'set: bang' (did you mean 'off'?)"},
        ErrorCase{"BadOffValue",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: {off: maybe}\n"),
                  10, 19, "'off' is true or false"},
        ErrorCase{"SetMaxNotANumber",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: {max: none}\n"),
                  10, 19, "'max' must be a number, not 'none'"},
        ErrorCase{"SetUnknownLevel",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: {level: eror}\n"),
                  10, 21, "unknown level 'eror' (did you mean 'error'?); expected one of: error, warning, suggestion"},
        ErrorCase{"SetLevelWhyWithoutALevel",
                  with_head("rules:\n  - {id: bang, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      bang: {max: 0, level_why: harsh}\n"),
                  10, 33, "'set: bang' gives 'level_why' without a 'level' to explain"},
        ErrorCase{"SetNamesAMissingRule",
                  with_head("rules:\n  - {id: exclamation, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set:\n      exclamaton: {max: 0}\n"),
                  10, 7,
                  "'set' names rule 'exclamaton', which the guide does not define (did you mean 'exclamation'?)"},
        ErrorCase{"SetNamesAMissingRuleWithoutSuggestion",
                  with_head("rules:\n  - {id: exclamation, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                            "tones:\n  - when: {emotion: upset}\n    set: {emoji: {off: true}}\n"),
                  9, 11, "'set' names rule 'emoji', which the guide does not define"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

// The suggestion is left out when nothing is close: the message ends right after the id.
TEST(GuideLoaderErrorMiscTest, NoSuggestionWhenNothingIsClose) {
  const GuideLoad load = load_guide_text(
      with_head("rules:\n  - {id: exclamation, kind: occurrence, message: m, regex: [\"!\"], max: 1}\n"
                "tones:\n  - when: {emotion: upset}\n    set: {emoji: {off: true}}\n"),
      "g.yaml");
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].message(), "'set' names rule 'emoji', which the guide does not define");
  const GuideLoad top = load_guide_text("guide: g\nfoo: 1\n", "g.yaml");
  ASSERT_EQ(top.errors.size(), 1u) << describe(top.errors);
  EXPECT_EQ(top.errors[0].message(), "unknown key 'foo' in guide");
}

// Without an id, a rule is named by its entry in what it lacks.
TEST(GuideLoaderErrorMiscTest, RuleWithoutIdIsNamedByItsEntry) {
  const GuideLoad load =
      load_guide_text(with_head("rules:\n  - {id: a, kind: register, message: m, style: polite}\n"
                                "  - {kind: register, message: m}\n"),
                      "g.yaml");
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].to_string(), "g.yaml:7:5: rules[1] has no 'id'");
  EXPECT_EQ(load.errors[1].to_string(),
            "g.yaml:7:5: rules[1] (register) needs 'style' (one of: consistent, polite, plain, formal)");
}

// Rules named in `set:` may be defined by a tone; only truly missing ones are errors.
TEST(GuideLoaderErrorMiscTest, SetMayNameARuleThatOnlyAToneDefines) {
  const GuideLoad load = load_guide_text(with_head("tones:\n  - when: {emotion: upset}\n    rules:\n"
                                                   "      - {id: calm, kind: existence, message: m, words: [x]}\n"
                                                   "  - when: {channel: chat}\n    set: {calm: {off: true}}\n"),
                                         "g.yaml");
  EXPECT_TRUE(load.ok()) << describe(load.errors);
}

TEST(GuideLoaderErrorMiscTest, InvalidUtf8IsReportedBeforeParsing) {
  const GuideLoad load = load_guide_text("guide: g\nrules: [\xff]\n", "g.yaml");
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(e.location().line, 2u);
  EXPECT_EQ(e.location().column, 9u);
  EXPECT_EQ(e.message(),
            "invalid UTF-8: byte 0xFF at byte offset 17 does not start a valid sequence; save the file as UTF-8");
}

// ---- errors that involve other files (fixtures in tests/fixtures/guide/errors/) ----

TEST(GuideLoaderErrorFileTest, MissingGuideFile) {
  const std::string path = kErrorFixtures + "no-such-guide.yaml";
  const GuideLoad load = load_guide_file(path);
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  EXPECT_EQ(e.location().path, path);
  EXPECT_EQ(e.location().line, 0u);
  EXPECT_EQ(e.message(), "cannot read guide: No such file or directory");
}

TEST(GuideLoaderErrorFileTest, ExtendsItself) {
  const std::string path = kErrorFixtures + "self-extends.yaml";
  const GuideLoad load = load_guide_file(path);
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.location().path, path);
  EXPECT_EQ(e.location().line, 2u);
  EXPECT_EQ(e.location().column, 10u);
  EXPECT_EQ(e.message(), "'extends' makes a cycle: self-extends.yaml already extends this guide");
}

TEST(GuideLoaderErrorFileTest, ExtendsCycleThroughTwoFiles) {
  const GuideLoad load = load_guide_file(kErrorFixtures + "cycle-a.yaml");
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  // The extended guide's error first (it is in another file), then this file's.
  EXPECT_EQ(load.errors[0].location().path, kErrorFixtures + "cycle-b.yaml");
  EXPECT_EQ(load.errors[0].location().line, 2u);
  EXPECT_EQ(load.errors[0].location().column, 10u);
  EXPECT_EQ(load.errors[0].message(), "'extends' makes a cycle: cycle-a.yaml already extends this guide");
  EXPECT_EQ(load.errors[1].location().path, kErrorFixtures + "cycle-a.yaml");
  EXPECT_EQ(load.errors[1].location().line, 2u);
  EXPECT_EQ(load.errors[1].location().column, 10u);
  EXPECT_EQ(load.errors[1].message(), "the guide this one extends (cycle-b.yaml) has errors");
}

TEST(GuideLoaderErrorFileTest, ExtendsABrokenGuide) {
  const GuideLoad load = load_guide_file(kErrorFixtures + "extends-broken.yaml");
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].location().path, kErrorFixtures + "broken-base.yaml");
  EXPECT_EQ(load.errors[0].location().line, 4u);
  EXPECT_EQ(load.errors[0].location().column, 11u);
  EXPECT_EQ(load.errors[0].message(), "unknown kind 'existance' (did you mean 'existence'?); expected one of: " + kKinds);
  EXPECT_EQ(load.errors[1].location().path, kErrorFixtures + "extends-broken.yaml");
  EXPECT_EQ(load.errors[1].location().line, 2u);
  EXPECT_EQ(load.errors[1].location().column, 10u);
  EXPECT_EQ(load.errors[1].message(), "the guide this one extends (broken-base.yaml) has errors");
}

TEST(GuideLoaderErrorFileTest, ExtendsAMissingFile) {
  const GuideLoad load = load_guide_file(kErrorFixtures + "extends-missing.yaml");
  ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
  EXPECT_EQ(load.errors[0].code(), ErrorCode::kNotFound);
  EXPECT_EQ(load.errors[0].location().path, kErrorFixtures + "no-such-base.yaml");
  EXPECT_EQ(load.errors[0].location().line, 0u);
  EXPECT_EQ(load.errors[0].message(), "cannot read guide: No such file or directory");
  EXPECT_EQ(load.errors[1].location().path, kErrorFixtures + "extends-missing.yaml");
  EXPECT_EQ(load.errors[1].location().line, 2u);
  EXPECT_EQ(load.errors[1].location().column, 10u);
  EXPECT_EQ(load.errors[1].message(), "the guide this one extends (no-such-base.yaml) has errors");
}

TEST(GuideLoaderErrorFileTest, DictionaryFileMissing) {
  const std::string path = kErrorFixtures + "dictionary-missing.yaml";
  const GuideLoad load = load_guide_file(path);
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.location().path, path);
  EXPECT_EQ(e.location().line, 7u);
  EXPECT_EQ(e.location().column, 17u);
  EXPECT_EQ(e.message(), "cannot load dictionary no-such-words.txt: " + kErrorFixtures +
                             "no-such-words.txt: cannot read dictionary: No such file or directory");
}

TEST(GuideLoaderErrorFileTest, MalformedSubstitutionDictionaryLine) {
  const GuideLoad load = load_guide_file(kErrorFixtures + "dictionary-bad-line.yaml");
  ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
  const Status& e = load.errors[0];
  EXPECT_EQ(e.location().path, kErrorFixtures + "bad-swap.tsv");  // the dictionary, not the guide
  EXPECT_EQ(e.location().line, 3u);
  EXPECT_EQ(e.location().column, 1u);
  EXPECT_EQ(e.message(), "a substitution dictionary line is 'from<TAB>to'");
}

// ---- complete_context: the only error it gives ----

TEST(GuideLoaderErrorContextTest, UnknownContextValue) {
  const GuideLoad load = load_guide_text(kHead, "g.yaml");
  ASSERT_TRUE(load.ok()) << describe(load.errors);
  Context requested;
  requested[Dimension::kEmotion] = "upst";
  auto bad = complete_context(*load.guide, requested);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.status().location().path, "g.yaml");
  EXPECT_EQ(bad.status().location().line, 0u);
  EXPECT_EQ(bad.status().message(),
            "unknown emotion 'upst' (did you mean 'upset'?) for guide 'g'; allowed: upset, neutral");
}

}  // namespace
}  // namespace tonelint
