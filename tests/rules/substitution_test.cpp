// The substitution rule kind, proved on the drafts of tests/fixtures/rules/substitution.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(SubstitutionRuleTest, Fixtures) { testing::run_rule_fixture("substitution.yaml"); }

}  // namespace
}  // namespace tonelint
