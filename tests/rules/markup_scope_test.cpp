// Markup scopes (`scope: [heading, ...]` in a rule), proved on the drafts of
// tests/fixtures/rules/markup_scope.yaml: each inline ⟦span⟧{rule} mark must be reported, and
// nothing else may be.
#include "rules/rule_tester.h"

namespace tonelint {
namespace {

TEST(MarkupScopeTest, Fixtures) { testing::run_rule_fixture("markup_scope.yaml"); }

}  // namespace
}  // namespace tonelint
