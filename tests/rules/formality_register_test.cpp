// The register rule kind, proved on the drafts of tests/fixtures/rules/register.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(RegisterRuleTest, Fixtures) { testing::run_rule_fixture("register.yaml"); }

}  // namespace
}  // namespace tonelint
