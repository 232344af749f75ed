// The metric rule kind, proved on the drafts of tests/fixtures/rules/metric.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(MetricRuleTest, Fixtures) { testing::run_rule_fixture("metric.yaml"); }

}  // namespace
}  // namespace tonelint
