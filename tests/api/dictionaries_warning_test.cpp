// A missing brand dictionary is not silent: Dictionaries::load says so.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tonelint/tone_guide.h"

namespace tonelint {
namespace {

// The test executables live in build/tests/, where no dictionaries/ folder is, as for a
// binary copied out of the build.
TEST(DictionariesWarningTest, AMissingShippedBrandDictionaryIsReported) {
  testing::ScopedEnv no_env("TONELINT_USER_DIC", nullptr);
  auto dictionaries = Dictionaries::load();
  ASSERT_TRUE(dictionaries.ok()) << dictionaries.status().to_string();
  ASSERT_EQ((*dictionaries)->warnings().size(), 1u);
  const std::string message = (*dictionaries)->warnings()[0].message();
  EXPECT_NE(message.find("no brand dictionary"), std::string::npos) << message;
  EXPECT_NE(message.find("share/tonelint/dictionaries"), std::string::npos) << message;
}

TEST(DictionariesWarningTest, ChosenDictionariesAreNotWarnedAbout) {
  testing::ScopedEnv no_env("TONELINT_USER_DIC", nullptr);
  Dictionaries::Options none;
  none.user_dictionaries = std::vector<std::string>{};
  auto chosen = Dictionaries::load(none);
  ASSERT_TRUE(chosen.ok());
  EXPECT_TRUE((*chosen)->warnings().empty());

  testing::ScopedEnv given("TONELINT_USER_DIC", TONELINT_BRAND_DIC);
  auto from_env = Dictionaries::load();
  ASSERT_TRUE(from_env.ok()) << from_env.status().to_string();
  EXPECT_TRUE((*from_env)->warnings().empty());
}

}  // namespace
}  // namespace tonelint
