#include "guide/cascade.h"

#include <gtest/gtest.h>

#include "load/guide_loader.h"

namespace tonelint {
namespace {

std::shared_ptr<const Guide> acme() {
  GuideLoad load = load_guide_file(std::string(TONELINT_TEST_DATA) + "/guide/acme.yaml");
  EXPECT_TRUE(load.ok());
  return load.guide;
}

Context context(const Guide& g, const std::string& channel, const std::string& situation, const std::string& emotion) {
  Context c;
  c[Dimension::kChannel] = channel;
  c[Dimension::kSituation] = situation;
  c[Dimension::kEmotion] = emotion;
  auto full = complete_context(g, c);
  EXPECT_TRUE(full.ok());
  return *full;
}

const Rule* active(const EffectiveRules& e, const std::string& id) {
  for (const Rule& r : e.rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

TEST(CascadeTest, DefaultsKeepTheVoice) {
  auto g = acme();
  const EffectiveRules e = resolve_rules(*g, context(*g, "", "", ""));
  EXPECT_TRUE(e.applied.empty());
  ASSERT_NE(active(e, "exclamation"), nullptr);
  EXPECT_EQ(active(e, "exclamation")->level, Level::kSuggestion);
  EXPECT_EQ(*active(e, "exclamation")->max, 2);
  EXPECT_TRUE(active(e, "exclamation")->set_by.empty());
}

TEST(CascadeTest, MatchingEntriesOverrideAndRecordWhere) {
  auto g = acme();
  const EffectiveRules e = resolve_rules(*g, context(*g, "chat", "", "upset"));
  ASSERT_EQ(e.applied.size(), 2u);
  EXPECT_EQ(e.applied[0]->origin.entry, "tones[0]");
  EXPECT_EQ(e.applied[1]->origin.entry, "tones[1]");
  const Rule* excl = active(e, "exclamation");
  ASSERT_NE(excl, nullptr);
  EXPECT_EQ(excl->level, Level::kError);
  EXPECT_EQ(*excl->max, 0);
  EXPECT_EQ(excl->set_by.at("max").entry, "tones[0]");
  EXPECT_EQ(active(e, "no-blame")->level, Level::kError);
  EXPECT_EQ(active(e, "no-blame")->set_by.at("level").entry, "tones[1]");
}

TEST(CascadeTest, EmailUpsetDoesNotGetTheChatEntry) {
  auto g = acme();
  const EffectiveRules e = resolve_rules(*g, context(*g, "email", "", "upset"));
  ASSERT_EQ(e.applied.size(), 1u);
  EXPECT_EQ(active(e, "no-blame")->level, Level::kWarning);
}

TEST(CascadeTest, OffRemovesTheRuleAndSaysWho) {
  auto g = acme();
  const EffectiveRules e = resolve_rules(*g, context(*g, "", "celebration", ""));
  EXPECT_EQ(active(e, "exclamation"), nullptr);
  ASSERT_EQ(e.off.size(), 1u);
  EXPECT_EQ(e.off[0].rule_id, "exclamation");
  EXPECT_EQ(e.off[0].by.entry, "tones[2]");
}

TEST(CascadeTest, MoreSpecificEntriesWinWhateverTheirFileOrder) {
  GuideLoad load = load_guide_text(R"(guide: g
contexts: {channel: [email, chat], emotion: [upset, neutral]}
rules:
  - {id: x, kind: occurrence, message: m, regex: ["!"], max: 3}
tones:
  - when: {channel: chat, emotion: upset}
    set: {x: {max: 0}}
  - when: {emotion: upset}
    set: {x: {max: 1, level: error}}
  - when: {channel: chat}
    rules:
      - {id: chat-only, kind: existence, message: m, words: [kindly]}
)",
                                   "g.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  Context c;
  c[Dimension::kChannel] = "chat";
  c[Dimension::kEmotion] = "upset";
  const EffectiveRules e = resolve_rules(*load.guide, c);
  ASSERT_EQ(e.applied.size(), 3u);
  EXPECT_EQ(e.applied.back()->specificity, 2);  // applied last
  EXPECT_EQ(*active(e, "x")->max, 0);          // the two-dimension entry wins
  EXPECT_EQ(active(e, "x")->level, Level::kError);  // untouched by it, set by the other
  ASSERT_NE(active(e, "chat-only"), nullptr);
  c[Dimension::kChannel] = "email";
  EXPECT_EQ(active(resolve_rules(*load.guide, c), "chat-only"), nullptr);
}

// A level's reason travels with the level: a tone that sets the level brings its own reason
// (or none), and a tone that changes only the bound keeps the reason of the level in force.
TEST(CascadeTest, TheReasonForALevelComesWithTheLevel) {
  GuideLoad load = load_guide_text(R"(guide: g
contexts:
  channel: [email, chat]
  emotion: [upset, neutral]
rules:
  - {id: bang, kind: occurrence, level: suggestion, level_why: "Style.", message: m, regex: ["!"], max: 2}
tones:
  - when: {channel: chat}
    set: {bang: {max: 1}}
  - when: {emotion: upset}
    set: {bang: {level: error, level_why: "It hurts an upset reader."}}
  - when: {channel: chat, emotion: upset}
    set: {bang: {level: warning}}
)",
                                   "g.yaml");
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  const Guide& g = *load.guide;
  const EffectiveRules chat = resolve_rules(g, context(g, "chat", "", "neutral"));
  EXPECT_EQ(active(chat, "bang")->level_why, "Style.");
  EXPECT_EQ(active(chat, "bang")->set_by.count("level_why"), 0u);
  const EffectiveRules upset = resolve_rules(g, context(g, "email", "", "upset"));
  EXPECT_EQ(active(upset, "bang")->level, Level::kError);
  EXPECT_EQ(active(upset, "bang")->level_why, "It hurts an upset reader.");
  EXPECT_EQ(active(upset, "bang")->set_by.at("level_why").entry, "tones[1]");
  const EffectiveRules both = resolve_rules(g, context(g, "chat", "", "upset"));
  EXPECT_EQ(active(both, "bang")->level, Level::kWarning);
  EXPECT_EQ(active(both, "bang")->level_why, "");  // tones[2] gave its level no reason
  EXPECT_EQ(active(both, "bang")->set_by.count("level_why"), 0u);
}

}  // namespace
}  // namespace tonelint
