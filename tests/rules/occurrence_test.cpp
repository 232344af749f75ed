// The occurrence rule kind, proved on the drafts of tests/fixtures/rules/occurrence.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(OccurrenceRuleTest, Fixtures) { testing::run_rule_fixture("occurrence.yaml"); }

}  // namespace
}  // namespace tonelint
