// Suppression comments (src/lint/suppression.cpp), proved on the drafts of
// tests/fixtures/rules/suppression.yaml: each inline ⟦span⟧{rule} mark must be reported, and
// nothing else may be.
#include "rules/rule_tester.h"
#include "test_support.h"

namespace tonelint {
namespace {

TEST(SuppressionTest, Fixtures) { testing::run_rule_fixture("suppression.yaml"); }

// The message of a comment naming an unknown rule says what it meant.
TEST(SuppressionTest, UnknownRuleMessageSuggestsTheRule) {
  const auto r = testing::run_tonelint("check --guide " + std::string(TONELINT_SOURCE_DIR) +
                                           "/rules/tonelint.yaml --stdin-filename d.md -",
                                       "<!-- tonelint-disable shoutng -->\nHello.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("d.md:1:23: warning: a tonelint comment names the unknown rule 'shoutng' (did you mean "
                       "'shouting'?); it switches nothing off [tonelint.suppression]"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace tonelint
