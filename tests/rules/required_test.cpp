// The required rule kind, proved on the drafts of tests/fixtures/rules/required.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(RequiredRuleTest, Fixtures) { testing::run_rule_fixture("required.yaml"); }

}  // namespace
}  // namespace tonelint
