// The CLI contracts of DESIGN.md: exit codes, the JSON report, --fix, --diff, explain, test.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::read_file;
using testing::temp_file;

using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";



TEST(CheckCommandTest, ExitCodesFollowTheFindings) {
  const std::string clean = temp_file("clean.txt", "Thanks, we fixed it.\n");
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " " + clean).exit_code, 0);
  const std::string upset = temp_file("upset.txt", "We fixed it!\n");
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " " + upset).exit_code, 0);  // a warning only
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --emotion upset " + upset).exit_code, 1);
}

TEST(CheckCommandTest, RunErrorsAreExitTwoWithWhere) {
  const std::string f = temp_file("ok.txt", "Hello.\n");
  auto unknown = run_tonelint("check --guide " + kGuide + " --emotion upsett " + f);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("did you mean 'upset'"), std::string::npos);
  const std::string broken = temp_file("broken.yaml", "guide: b\nrules:\n  - id: x\n    kind: existance\n");
  auto bad_guide = run_tonelint("check --guide " + broken + " " + f);
  EXPECT_EQ(bad_guide.exit_code, 2);
  EXPECT_NE(bad_guide.err.find("broken.yaml:4:11: unknown kind 'existance'"), std::string::npos) << bad_guide.err;
  const std::string invalid = temp_file("invalid.txt", "ok\nbad \xff here\n");
  auto not_utf8 = run_tonelint("check --guide " + kGuide + " " + invalid);
  EXPECT_EQ(not_utf8.exit_code, 2);
  EXPECT_NE(not_utf8.err.find("invalid.txt:2:5"), std::string::npos) << not_utf8.err;
}

TEST(CheckCommandTest, JsonReportHasTheContractFields) {
  const std::string f = temp_file("report.md", "---\ntone: {emotion: upset}\n---\nPlease utilize it!\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format json " + f);
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  const auto& file = j["files"][0];
  EXPECT_EQ(file["context"]["emotion"], "upset");
  EXPECT_EQ(file["context"]["channel"], "email");
  EXPECT_TRUE(file["score"].is_number());
  ASSERT_EQ(file["diagnostics"].size(), 2u);
  const auto& swap = file["diagnostics"][0];
  EXPECT_EQ(swap["rule"], "cli.plain");
  EXPECT_EQ(swap["level"], "warning");
  EXPECT_EQ(swap["line"], 4);
  EXPECT_EQ(swap["column"], 8);
  EXPECT_EQ(swap["end_line"], 4);
  EXPECT_EQ(swap["end_column"], 15);
  EXPECT_EQ(swap["match"], "utilize");
  EXPECT_EQ(swap["offset"], 38);
  EXPECT_EQ(swap["length"], 7);
  EXPECT_EQ(swap["suggestions"][0]["text"], "use");
  EXPECT_EQ(swap["suggestions"][0]["safe"], true);
  EXPECT_EQ(swap["origin"], "rules[0]");
  const auto& bang = file["diagnostics"][1];
  EXPECT_EQ(bang["level"], "error");
  EXPECT_EQ(bang["origin"], "tones[0]");
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["warnings"], 1);
  // 3 words (+20): an error (10) and a warning (3) → 100 - 1300/23 = 43; by category,
  // occurrence loses 1000/23 → 57 and substitution 300/23 → 87.
  EXPECT_EQ(file["score"], 43);
  EXPECT_EQ(j["summary"]["score"], 43);
  EXPECT_EQ(file["scores"]["occurrence"], 57);
  EXPECT_EQ(j["summary"]["scores"]["substitution"], 87);
}

TEST(CheckCommandTest, FixWritesSafeRewritesAndDiffOnlyShowsThem) {
  const std::string text = "Please utilize the form.\n明日なら見れます。\n";
  const std::string f = temp_file("fix.txt", text);
  auto diff = run_tonelint("check --guide " + kGuide + " --diff " + f);
  EXPECT_NE(diff.out.find("@@ -1,2 +1,2 @@\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("-Please utilize the form.\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+Please use the form.\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+明日なら見られます。\n"), std::string::npos) << diff.out;
  EXPECT_EQ(read_file(f), text);  // --diff writes nothing
  auto fix = run_tonelint("check --guide " + kGuide + " --fix " + f);
  EXPECT_EQ(fix.exit_code, 0);
  EXPECT_EQ(read_file(f), "Please use the form.\n明日なら見られます。\n");
  EXPECT_NE(fix.err.find("2 fixed"), std::string::npos) << fix.err;
}

TEST(CheckCommandTest, DiffReportsTheFileAsItIs) {
  // --diff writes nothing: its findings and exit status are those of the file on disk.
  const std::string f = temp_file("diff_exit.txt", "We fixed it!!\nPlease utilize the form.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --emotion upset --diff " + f);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("+Please use the form.\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("fixed"), std::string::npos) << r.err;
  // "!!" is one error (one message over its bound), "utilize" a warning.
  EXPECT_NE(r.err.find("1 error, 1 warning"), std::string::npos) << r.err;
}

TEST(CheckCommandTest, FixOnStdinPrintsTheFixedTextOnly) {
  auto r = run_tonelint("check --guide " + kGuide + " --fix -", "Please utilize it.\n明日なら見れます。\n");
  EXPECT_EQ(r.out, "Please use it.\n明日なら見られます。\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("2 fixed"), std::string::npos) << r.err;
}

TEST(CheckCommandTest, UnsafeRewritesNeedFixAll) {
  const std::string f = temp_file("unsafe.txt", "Add it to the whitelist.\n");
  run_tonelint("check --guide " + kGuide + " --fix " + f);
  EXPECT_EQ(read_file(f), "Add it to the whitelist.\n");
  run_tonelint("check --guide " + kGuide + " --fix=all " + f);
  EXPECT_EQ(read_file(f), "Add it to the allowlist.\n");
}

TEST(CheckCommandTest, DiffWithFixAllPreviewsTheUnsafeRewritesToo) {
  const std::string text = "Please utilize the whitelist.\n";
  const std::string f = temp_file("diff_all.txt", text);
  auto safe = run_tonelint("check --guide " + kGuide + " --diff " + f);
  EXPECT_NE(safe.out.find("+Please use the whitelist.\n"), std::string::npos) << safe.out;
  for (const std::string flags : {"--diff --fix=all", "--fix=all --diff"}) {
    auto all = run_tonelint("check --guide " + kGuide + " " + flags + " " + f);
    EXPECT_EQ(all.exit_code, 0) << flags << ": " << all.err;  // the file on disk: two warnings
    EXPECT_NE(all.err.find("2 warnings"), std::string::npos) << flags << ": " << all.err;
    EXPECT_NE(all.out.find("-Please utilize the whitelist.\n+Please use the allowlist.\n"), std::string::npos)
        << flags << ": " << all.out;
    EXPECT_EQ(read_file(f), text) << flags;  // a preview writes nothing
  }
  // --diff with plain --fix previews what --fix writes: the safe rewrites only.
  auto fix_diff = run_tonelint("check --guide " + kGuide + " --fix --diff " + f);
  EXPECT_EQ(fix_diff.out, safe.out);
  EXPECT_EQ(read_file(f), text);
}

TEST(CheckCommandTest, ReadsStdinAndDirectories) {
  auto r = run_tonelint("check --guide " + kGuide + " --stdin-filename reply.md -", "Please utilize `utilize` here.\n");
  EXPECT_NE(r.out.find("reply.md:1:8: warning"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("reply.md:1:17"), std::string::npos);  // inline code is not prose
  const std::string dir = ::testing::TempDir() + "tonelint_dir/";
  std::system(("mkdir -p " + dir + "sub").c_str());
  temp_file("tonelint_dir/a.md", "utilize\n");
  temp_file("tonelint_dir/sub/b.txt", "utilize\n");
  temp_file("tonelint_dir/image.png", "not a draft");
  auto d = run_tonelint("check --guide " + kGuide + " --format json " + dir);
  const auto j = nlohmann::json::parse(d.out);
  EXPECT_EQ(j["summary"]["files"], 2);
}

TEST(CheckCommandTest, FindsTheGuideFromConfigOrShipsItsOwn) {
  const std::string repo = ::testing::TempDir() + "tonelint_repo/";
  std::system(("mkdir -p " + repo + "docs/deep").c_str());
  temp_file("tonelint_repo/.tonelint.yaml", "guide: " + kGuide + "\n");
  const std::string draft = temp_file("tonelint_repo/docs/deep/a.txt", "Please utilize it.\n");
  // The nearest .tonelint.yaml above the draft names the guide: its rules answer.
  auto from_config = run_tonelint("check --format json " + draft);
  EXPECT_EQ(nlohmann::json::parse(from_config.out)["files"][0]["diagnostics"][0]["rule"], "cli.plain");
  // --config names one explicitly.
  const std::string other = temp_file("other-config.yaml", "guide: " + kGuide + "\n");
  auto explicit_config = run_tonelint("check --config " + other + " --format json " + draft);
  EXPECT_EQ(nlohmann::json::parse(explicit_config.out)["files"][0]["diagnostics"][0]["rule"], "cli.plain");
  // A broken config stops the run and says where.
  const std::string broken = temp_file("broken-config.yaml", "guide: [unclosed\n");
  auto bad = run_tonelint("check --config " + broken + " " + draft);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("broken-config.yaml:2:"), std::string::npos) << bad.err;
  // With no config anywhere above, the shipped guide is used.
  const std::string lone = temp_file("lone.txt", "Please utilize it.\n");
  auto shipped = run_tonelint("check --format json " + lone);
  EXPECT_EQ(nlohmann::json::parse(shipped.out)["files"][0]["diagnostics"][0]["rule"], "tonelint.plain-words");
}

TEST(ExplainCommandTest, ShowsWhoSetEachField) {
  auto r = run_tonelint("explain --guide " + kGuide + " --emotion upset --format json");
  EXPECT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["context"]["emotion"], "upset");
  EXPECT_EQ(j["context_source"]["emotion"], "flag");
  EXPECT_EQ(j["context_source"]["channel"], "guide default");
  bool found = false;
  for (const auto& rule : j["rules"]) {
    if (rule["rule"] != "cli.bang") continue;
    found = true;
    EXPECT_EQ(rule["level"], "error");
    EXPECT_EQ(rule["max"], 0);
    EXPECT_NE(rule["set_by"]["max"].get<std::string>().find("tones[0]"), std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST(TestCommandTest, PassesAGoodGuideAndFailsABadExample) {
  auto ok = run_tonelint("test --guide " + kGuide);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("4 passed, 0 failed"), std::string::npos) << ok.out;
  const std::string wrong = temp_file("wrong.yaml", R"(guide: w
rules:
  - id: x
    kind: existence
    message: m
    words: [utilize]
    examples:
      bad: ["We use it."]
      good: ["We utilize it."]
)");
  auto bad = run_tonelint("test --guide " + wrong);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("bad example not reported"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("good example reported"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace tonelint
