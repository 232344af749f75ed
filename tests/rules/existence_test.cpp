// The existence rule kind, proved on the drafts of tests/fixtures/rules/existence.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(ExistenceRuleTest, Fixtures) { testing::run_rule_fixture("existence.yaml"); }

}  // namespace
}  // namespace tonelint
