// The public explain API (tonelint/explain.h): the rules in force for a context, with the
// entry behind each setting, and the JSON and text `tonelint explain` prints.
#include <gtest/gtest.h>

#include <algorithm>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/explain.h"
#include "tonelint/rule_info.h"

namespace tonelint {
namespace {

const ExplainedRule* find_rule(const Explanation& e, const std::string& id) {
  auto it = std::find_if(e.rules.begin(), e.rules.end(), [&](const ExplainedRule& r) { return r.rule == id; });
  return it == e.rules.end() ? nullptr : &*it;
}

TEST(ExplainApi, DefaultsComeFromTheGuide) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  EXPECT_EQ(guide->id(), "helpdesk");
  auto e = explain(*guide, {});
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  EXPECT_EQ(e->guide, "helpdesk");
  ASSERT_EQ(e->context.size(), 4u);
  EXPECT_EQ(e->context[0].dimension, "channel");
  EXPECT_EQ(e->context[0].value, "email");
  EXPECT_EQ(e->context[0].source, "guide default");
  EXPECT_TRUE(e->tones.empty());
  EXPECT_TRUE(e->off.empty());
  ASSERT_EQ(e->rules.size(), 4u);
  const ExplainedRule* bang = find_rule(*e, "helpdesk.bang");
  ASSERT_NE(bang, nullptr);
  EXPECT_EQ(bang->kind, "occurrence");
  EXPECT_EQ(bang->lang, "any");
  EXPECT_EQ(bang->level, Severity::kWarning);
  EXPECT_EQ(bang->max, 2.0);
  EXPECT_EQ(bang->why, "Exclamation marks read as shouting to an angry reader.");
  EXPECT_EQ(bang->defined.entry, "rules[0]");
  EXPECT_EQ(bang->defined.path, guide->path());
  EXPECT_GT(bang->defined.line, 0u);
  EXPECT_TRUE(bang->set_by.empty());
  const ExplainedRule* sumimasen = find_rule(*e, "helpdesk.sumimasen");
  ASSERT_NE(sumimasen, nullptr);
  EXPECT_EQ(sumimasen->lang, "ja");
}

TEST(ExplainApi, ATonesSettingsAndWhatItTurnsOff) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto e = explain(*guide, {{"emotion", "angry"}});
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  EXPECT_EQ(e->context[3].value, "angry");
  EXPECT_EQ(e->context[3].source, "flag");
  ASSERT_EQ(e->tones.size(), 1u);
  EXPECT_EQ(e->tones[0].entry, "tones[0]");
  const ExplainedRule* bang = find_rule(*e, "helpdesk.bang");
  ASSERT_NE(bang, nullptr);
  EXPECT_EQ(bang->max, 0.0);
  EXPECT_EQ(bang->level, Severity::kError);
  ASSERT_EQ(bang->set_by.size(), 2u);
  EXPECT_EQ(bang->set_by[0].first, "level");
  EXPECT_EQ(bang->set_by[1].first, "max");
  EXPECT_EQ(bang->set_by[1].second.entry, "tones[0]");
  EXPECT_EQ(find_rule(*e, "helpdesk.hype"), nullptr);
  ASSERT_EQ(e->off.size(), 1u);
  EXPECT_EQ(e->off[0].rule, "helpdesk.hype");
  EXPECT_EQ(e->off[0].by.entry, "tones[0]");
}

// `mentions:` is shown as the guide says it, "skip" where it says nothing; the text
// output names it only for a rule that checks mentions.
TEST(ExplainApi, ShowsWhetherARuleChecksMentionedWords) {
  GuideFileLoad load = GuideFile::load(api_test::write_file("mentions.yaml", R"(guide: m
contexts: {channel: [email]}
rules:
  - {id: quoted, kind: existence, message: m, words: [guys], mentions: check}
  - {id: plain, kind: existence, message: m, words: [dude]}
)"));
  ASSERT_TRUE(load.guide) << (load.errors.empty() ? "" : load.errors.front().to_string());
  auto e = explain(*load.guide, {});
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  ASSERT_NE(find_rule(*e, "m.quoted"), nullptr);
  EXPECT_EQ(find_rule(*e, "m.quoted")->mentions, "check");
  EXPECT_EQ(find_rule(*e, "m.plain")->mentions, "skip");
  const std::string json = to_json(*e);
  EXPECT_NE(json.find("\"mentions\": \"check\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"mentions\": \"skip\""), std::string::npos) << json;
  const std::string text = to_text(*e);
  EXPECT_NE(text.find("mentions=check"), std::string::npos) << text;
  EXPECT_EQ(text.find("mentions=skip"), std::string::npos) << text;
}

TEST(ExplainApi, UnknownDimensionsAndValuesAreErrors) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto value = explain(*guide, {{"emotion", "furious"}});
  ASSERT_FALSE(value.ok());
  EXPECT_NE(value.status().message().find("furious"), std::string::npos) << value.status().message();
  auto dimension = explain(*guide, {{"mood", "angry"}});
  ASSERT_FALSE(dimension.ok());
  EXPECT_EQ(dimension.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(dimension.status().location().path, "context.mood");
}

TEST(ExplainApi, AToneGuideExplainsAsItsFileDoes) {
  ToneGuide::Options options;
  options.guide_path = api_test::helpdesk_guide()->path();
  options.dictionaries = api_test::dictionaries();
  auto loaded = ToneGuide::load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  auto from_tone_guide = explain(**loaded, {{"channel", "chat"}});
  auto from_file = explain(*GuideFile::of(**loaded), {{"channel", "chat"}});
  ASSERT_TRUE(from_tone_guide.ok() && from_file.ok());
  EXPECT_EQ(to_json(*from_tone_guide), to_json(*from_file));
}

TEST(ExplainApi, JsonAndTextAreWhatExplainPrints) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto e = explain(*guide, {{"emotion", "angry"}, {"channel", "chat"}});
  ASSERT_TRUE(e.ok());
  const std::string args = "explain --guide " + guide->path() + " --emotion angry --channel chat";
  const auto json = testing::run_tonelint(args + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(to_json(*e) + "\n", json.out);
  const auto text = testing::run_tonelint(args);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(to_text(*e), text.out);
  EXPECT_NE(text.out.find("      max ← tones[0] ("), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("rules turned off (1):\n  helpdesk.hype  ← tones[0]"), std::string::npos) << text.out;
}

// Why a rule has its level in a context: the voice's reason, or the reason of the tone that
// set the level; in the struct, the JSON and the text of `tonelint explain`.
constexpr const char* kReasonedGuide = R"(guide: reasoned
languages: [en]
contexts:
  emotion: [calm, angry]
defaults: {emotion: calm}
rules:
  - id: bang
    kind: occurrence
    level: suggestion
    level_why: "Style only: a calm reader takes a second '!' in stride."
    message: "At most {max} '!'."
    regex: ["!"]
    max: 1
tones:
  - when: {emotion: angry}
    set:
      bang: {max: 0, level: error, level_why: "Cheer mocks an angry reader."}
)";

TEST(ExplainApi, TheReasonForEachLevel) {
  GuideFileLoad load = GuideFile::load(api_test::write_file("reasoned.yaml", kReasonedGuide));
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  auto calm = explain(*load.guide, {});
  ASSERT_TRUE(calm.ok()) << calm.status().to_string();
  ASSERT_EQ(calm->rules.size(), 1u);
  EXPECT_EQ(calm->rules[0].level_why, "Style only: a calm reader takes a second '!' in stride.");
  EXPECT_NE(to_text(*calm).find("      why suggestion: Style only: a calm reader"), std::string::npos)
      << to_text(*calm);

  auto angry = explain(*load.guide, {{"emotion", "angry"}});
  ASSERT_TRUE(angry.ok()) << angry.status().to_string();
  const ExplainedRule& bang = angry->rules[0];
  EXPECT_EQ(bang.level, Severity::kError);
  EXPECT_EQ(bang.level_why, "Cheer mocks an angry reader.");
  ASSERT_EQ(bang.set_by.size(), 3u);
  EXPECT_EQ(bang.set_by[1].first, "level_why");
  EXPECT_EQ(bang.set_by[1].second.entry, "tones[0]");
  EXPECT_NE(to_json(*angry).find("\"level_why\": \"Cheer mocks an angry reader.\""), std::string::npos)
      << to_json(*angry);
  const std::string text = to_text(*angry);
  EXPECT_NE(text.find("      why error: Cheer mocks an angry reader.\n      level ← tones[0]"), std::string::npos)
      << text;
}

// What an editor's hover shows for a finding: the voice's reason for the rule's level.
TEST(ExplainApi, DescribeRuleGivesTheVoicesLevelReason) {
  ToneGuide::Options options;
  options.guide_path = api_test::write_file("reasoned-hover.yaml", kReasonedGuide);
  options.dictionaries = api_test::dictionaries();
  auto loaded = ToneGuide::load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  const auto bang = describe_rule(**loaded, "reasoned.bang");
  ASSERT_TRUE(bang.has_value());
  EXPECT_EQ(bang->level_why, "Style only: a calm reader takes a second '!' in stride.");
}

TEST(ExplainApi, NoReasonNoLevelWhy) {
  auto guide = api_test::helpdesk_guide();
  ASSERT_TRUE(guide);
  auto e = explain(*guide, {});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(to_json(*e).find("level_why"), std::string::npos);
  EXPECT_EQ(to_text(*e).find("why "), std::string::npos);
}

TEST(GuideFileApi, EveryErrorIsReported) {
  const std::string path = api_test::write_file("broken.yaml", R"(guide: broken
languages: [en]
rules:
  - id: one
    kind: existence
    message: "x"
  - id: two
    kind: nonsense
    message: "y"
    words: [b]
)");
  GuideFileLoad load = GuideFile::load(path);
  EXPECT_FALSE(load.ok());
  EXPECT_EQ(load.guide, nullptr);
  ASSERT_GE(load.errors.size(), 2u);
  for (const Status& e : load.errors) EXPECT_EQ(e.location().path, path) << e.to_string();
  GuideFileLoad missing = GuideFile::load(path + ".missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors.size(), 1u);
}

}  // namespace
}  // namespace tonelint
