// The capitalization rule kind, proved on the drafts of tests/fixtures/rules/capitalization.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(CapitalizationRuleTest, Fixtures) { testing::run_rule_fixture("capitalization.yaml"); }

}  // namespace
}  // namespace tonelint
