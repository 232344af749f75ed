// Every fixture under tests/fixtures/rules/ runs here, one test each, and every kind of the
// kind table must have one: a new kind is not done until its fixture proves it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "rules/rule_kinds.h"
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

const fs::path kRuleFixtures = fs::path(TONELINT_TEST_DATA) / "rules";

// The fixture files, by name, in a stable order.
std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kRuleFixtures)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class RuleFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixtureTest, ReportsWhatItsCasesMark) { testing::run_rule_fixture(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Fixtures, RuleFixtureTest, ::testing::ValuesIn(fixture_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

TEST(RuleFixtureTest, EveryKindHasAFixture) {
  const std::vector<std::string> names = fixture_names();
  ASSERT_FALSE(rule_kinds().empty());
  for (const RuleKind* kind : rule_kinds()) {
    const std::string file = std::string(kind->name) + ".yaml";
    EXPECT_NE(std::find(names.begin(), names.end(), file), names.end())
        << "the " << kind->name << " kind has no fixture: add tests/fixtures/rules/" << file;
  }
}

// A fixture named after a kind uses that kind: a renamed kind leaves no stale fixture.
TEST(RuleFixtureTest, EveryKindFixtureUsesItsKind) {
  for (const RuleKind* kind : rule_kinds()) {
    const fs::path path = kRuleFixtures / (std::string(kind->name) + ".yaml");
    if (!fs::exists(path)) continue;  // reported above
    const YAML::Node fixture = YAML::LoadFile(path.string());
    const std::string guide = fixture["guide"].as<std::string>();
    EXPECT_NE(guide.find("kind: " + std::string(kind->name)), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace tonelint
