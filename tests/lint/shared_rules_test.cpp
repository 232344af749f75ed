// SharedRules: compiled rules shared by a pool of sessions, least recently used dropped
// beyond its capacity.
#include <gtest/gtest.h>

#include "lint/session.h"
#include "load/guide_loader.h"
#include "test_support.h"

namespace tonelint {
namespace {

std::shared_ptr<const Guide> three_channel_guide() {
  GuideLoad load = load_guide_text(R"(guide: g
contexts: {channel: [email, chat, sms]}
rules:
  - {id: bang, lang: any, kind: existence, message: m, regex: ["!"]}
)",
                                   "g.yaml");
  EXPECT_TRUE(load.ok());
  return load.guide;
}

Context channel(const std::string& value) {
  Context c;
  c[Dimension::kChannel] = value;
  return *complete_context(*three_channel_guide(), c);
}

TEST(SharedRulesTest, KeepsTheMostRecentlyUsedUpToItsCapacity) {
  auto guide = three_channel_guide();
  auto analyzer = Analyzer::create(testing::shared_model());
  ASSERT_TRUE(analyzer.ok());
  SharedRules shared(2);
  auto compile = [&](const std::string& c) { return *CompiledRules::compile(guide, channel(c), **analyzer); };
  auto email = shared.insert(channel("email"), compile("email"));
  shared.insert(channel("chat"), compile("chat"));
  EXPECT_EQ(shared.find(channel("email")), email);  // email is now the most recent
  shared.insert(channel("sms"), compile("sms"));    // so chat goes
  EXPECT_EQ(shared.size(), 2u);
  EXPECT_EQ(shared.find(channel("chat")), nullptr);
  EXPECT_EQ(shared.find(channel("email")), email);
  EXPECT_NE(shared.find(channel("sms")), nullptr);
  // A second compile of a context already there keeps the first.
  EXPECT_EQ(shared.insert(channel("email"), compile("email")), email);
}

TEST(SharedRulesTest, SessionsShareOneCompileAndStayBounded) {
  auto guide = three_channel_guide();
  auto shared = std::make_shared<SharedRules>(2);
  auto a = LintSession::create(guide, testing::shared_model(), shared);
  auto b = LintSession::create(guide, testing::shared_model(), shared);
  ASSERT_TRUE(a.ok() && b.ok());
  auto from_a = (*a)->rules_for(channel("chat"));
  auto from_b = (*b)->rules_for(channel("chat"));
  ASSERT_TRUE(from_a.ok() && from_b.ok());
  EXPECT_EQ(*from_a, *from_b);  // compiled once
  for (const char* c : {"email", "sms", "chat", "email"}) ASSERT_TRUE((*a)->rules_for(channel(c)).ok());
  EXPECT_EQ(shared->size(), 2u);
}

}  // namespace
}  // namespace tonelint
