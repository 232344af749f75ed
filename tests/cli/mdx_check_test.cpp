// .mdx drafts through the real binary: `check --fix` rewrites the prose (JSX text children
// included) and leaves every byte of ESM, tags, attributes, expressions, comments and code
// as it was; `tokens` names the format; `--input-format mdx` reads stdin as MDX.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "test_support.h"

namespace tonelint {
namespace {

using json = nlohmann::json;
using testing::read_file;
using testing::run_tonelint;
using testing::temp_file;

// utilize → use (error, safe), whitelist → allowlist (error, unsafe).
const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/fix_guide.yaml";
const std::string kTempPrefix = "mdx_check_" + std::to_string(::getpid()) + "_";

// "utilize" in every place MDX has code, and in four places of prose. Inline code and the
// inline expression name another word: a word the draft also writes as inline code may be
// an identifier, and its prose rewrite is then withheld (lint/rewrite_safety.h; see
// AnInlineExpressionNamingTheWordWithholdsItsRewrite).
constexpr const char* kDraft =
    "---\ntitle: Utilize the API\n---\n"
    "import { Callout } from './callout'\n"
    "export const meta = { utilize: true, label: 'utilize' }\n\n"
    "# How to utilize tokens\n\n"
    "<Callout kind=\"utilize\" onClose={() => utilize(1)}>\n"
    "  Teams utilize tokens to sign in.\n"
    "</Callout>\n\n"
    "Press <Kbd>Enter</Kbd> to utilize it, not {utilizer()} or `utilizer` or <code>utilizer</code>.\n\n"
    "{/* utilize this later */}\n\n"
    "```jsx\n<Callout>utilize</Callout>\n```\n";

constexpr const char* kFixed =
    "---\ntitle: Utilize the API\n---\n"
    "import { Callout } from './callout'\n"
    "export const meta = { utilize: true, label: 'utilize' }\n\n"
    "# How to use tokens\n\n"
    "<Callout kind=\"utilize\" onClose={() => utilize(1)}>\n"
    "  Teams use tokens to sign in.\n"
    "</Callout>\n\n"
    "Press <Kbd>Enter</Kbd> to use it, not {utilizer()} or `utilizer` or <code>utilizer</code>.\n\n"
    "{/* utilize this later */}\n\n"
    "```jsx\n<Callout>utilize</Callout>\n```\n";

TEST(MdxCheckTest, FixRewritesProseAndNeverCode) {
  const std::string f = temp_file(kTempPrefix + "page.mdx", kDraft);
  auto before = run_tonelint("check --guide " + kGuide + " " + f);
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.err.find("1 file, 3 errors, 0 warnings"), std::string::npos) << before.err << before.out;
  EXPECT_NE(before.out.find(":7:10: error: Write 'use' instead of 'utilize'."), std::string::npos) << before.out;
  EXPECT_NE(before.out.find(":10:9: error: "), std::string::npos) << before.out;
  EXPECT_NE(before.out.find(":13:27: error: "), std::string::npos) << before.out;

  auto fix = run_tonelint("check --guide " + kGuide + " --fix " + f);
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(f), kFixed);
  EXPECT_NE(fix.err.find("3 fixed"), std::string::npos) << fix.err;
}

// An inline expression is code, as inline code is: a draft that calls utilize() there may
// mean the identifier in its prose too, so the finding stays and the rewrite is withheld.
TEST(MdxCheckTest, AnInlineExpressionNamingTheWordWithholdsItsRewrite) {
  const std::string f = temp_file(kTempPrefix + "expression.mdx", "Teams utilize it.\n\nCall {utilize()} once.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format json " + f);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["files"][0]["diagnostics"].size(), 1u) << r.out;
  EXPECT_EQ(j["files"][0]["diagnostics"][0]["match"], "utilize");
  EXPECT_TRUE(j["files"][0]["diagnostics"][0]["suggestions"].empty()) << r.out;
}

// The same draft read as plain Markdown flags (and would rewrite) code: the difference is
// the format, not the guide.
TEST(MdxCheckTest, AsMarkdownTheCodeWouldBeProse) {
  auto as_markdown = run_tonelint("check --guide " + kGuide + " --stdin-filename page.md -", kDraft);
  EXPECT_EQ(as_markdown.exit_code, 1);
  EXPECT_EQ(as_markdown.err.find("1 file, 3 errors"), std::string::npos) << as_markdown.err;
  auto as_mdx = run_tonelint("check --guide " + kGuide + " --stdin-filename page.mdx -", kDraft);
  EXPECT_NE(as_mdx.err.find("1 file, 3 errors"), std::string::npos) << as_mdx.err;
}

TEST(MdxCheckTest, TokensNamesTheFormat) {
  const auto r = run_tonelint("tokens --format json --input-format mdx -", "export const a = 1\n\nHello {name}.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["format"], "mdx");
  ASSERT_EQ(j["files"][0]["sentences"].size(), 1u);
  EXPECT_EQ(j["files"][0]["sentences"][0]["line"], 3);
  const auto help = run_tonelint("tokens --help");
  EXPECT_NE(help.out.find("mdx"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace tonelint
