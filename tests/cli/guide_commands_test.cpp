// `tonelint explain` and `tonelint test` as adapters over the public API: exit codes and
// what goes to stdout and stderr when the guide, the context or a flag is wrong.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"

namespace tonelint {
namespace {

using testing::run_tonelint;

std::string fixture(const std::string& name) { return std::string(TONELINT_TEST_DATA) + "/" + name; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ExplainCommand, BrokenGuideListsItsErrorsOnStderr) {
  const auto r = run_tonelint("explain --guide " + fixture("guide/errors/broken-base.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "tonelint: " + fixture("guide/errors/broken-base.yaml") + ":")) << r.err;
  EXPECT_TRUE(contains(r.err, "; nothing was checked\n")) << r.err;
}

TEST(ExplainCommand, UnknownContextValueIsExit2) {
  const auto r = run_tonelint("explain --guide " + fixture("cli/guide.yaml") + " --emotion thrilled");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "tonelint: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "thrilled")) << r.err;
}

TEST(ExplainCommand, UnknownFormatIsExit2) {
  const auto r = run_tonelint("explain --guide " + fixture("cli/guide.yaml") + " --format yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tonelint explain: unknown --format 'yaml' (expected text or json)\n");
}

TEST(ExplainCommand, ToneSettingsShowTheirEntry) {
  const auto r = run_tonelint("explain --guide " + fixture("cli/guide.yaml") + " --emotion upset");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, " emotion=upset channel") || contains(r.out, "emotion=upset\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "  cli.bang  occurrence  error  lang=any  max=0\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "      level ← tones[0] (")) << r.out;
}

TEST(TestCommand, PassingGuideIsExit0) {
  const auto r = run_tonelint("test --guide " + fixture("cli/guide.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "✓ cli.plain (2 examples)\n")) << r.out;
  // A level without a reason is a note, not a failure.
  EXPECT_TRUE(contains(r.out, " passed, 0 failed, 5 levels without a reason\n")) << r.out;
}

TEST(TestCommand, BrokenGuideIsExit2) {
  const auto r = run_tonelint("test --guide " + fixture("guide/errors/broken-base.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "; nothing was checked\n")) << r.err;
}

}  // namespace
}  // namespace tonelint
