// `tonelint check --fix` round trips through the real binary on temp files: the first
// --fix writes exactly the expected bytes (everything around the edits intact: emoji,
// CRLF, a missing final newline), the exit status reflects what remains, and a second
// --fix changes nothing. --diff shows exactly what --fix writes.
// (write_if_unchanged refusing a file changed since it was read is covered in
// tests/fix/fixer_test.cpp.)
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::run_tonelint;
using testing::read_file;
using testing::temp_file;

// Substitution rules: 了解する→承知する (error), 見れる→見られる (warning),
// できません→いたしかねます (error), utilize→use (error), whitelist→allowlist (error, unsafe).
const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/fix_guide.yaml";

// Runs of this binary may overlap: its temporary files carry the process id.
const std::string kTempPrefix = "fix_roundtrip_" + std::to_string(::getpid()) + "_";

std::string check(const std::string& flags, const std::string& path) {
  return "check --guide " + kGuide + " " + flags + " " + path;
}

// Runs `--fix` (or `--fix=all`) once more and expects it to change nothing.
void expect_second_fix_is_a_no_op(const std::string& fix_flag, const std::string& path, const std::string& fixed,
                                  int exit_code, const std::string& summary) {
  SCOPED_TRACE("second " + fix_flag);
  auto again = run_tonelint(check(fix_flag, path));
  EXPECT_EQ(again.exit_code, exit_code) << again.err;
  EXPECT_EQ(read_file(path), fixed);
  EXPECT_NE(again.err.find(summary), std::string::npos) << again.err;
  EXPECT_EQ(again.err.find("fixed"), std::string::npos) << again.err;  // nothing fixed
}

TEST(FixRoundTripTest, JapaneseFixesKeepEmojiAndTextAroundThem) {
  const std::string text = "😀まず、了解しました👍🏽。明日なら見れます。日本語テキスト、できません😀。以上です。\n";
  const std::string fixed = "😀まず、承知しました👍🏽。明日なら見られます。日本語テキスト、いたしかねます😀。以上です。\n";
  const std::string f = temp_file(kTempPrefix + "ja.txt", text);

  auto before = run_tonelint(check("", f));
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.err.find("1 file, 2 errors, 1 warning, 0 suggestions"), std::string::npos) << before.err;
  EXPECT_NE(before.out.find(":1:5: error: "), std::string::npos) << before.out;     // 了解し, after 😀まず、
  EXPECT_NE(before.out.find(":1:18: warning: "), std::string::npos) << before.out;  // 見れ, after 👍🏽 (2 code points)
  EXPECT_NE(before.out.find(":1:31: error: "), std::string::npos) << before.out;    // できません
  EXPECT_EQ(read_file(f), text);  // checking alone writes nothing

  auto fix = run_tonelint(check("--fix", f));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(f), fixed);
  EXPECT_NE(fix.err.find("1 file, 0 errors, 0 warnings, 0 suggestions, 3 fixed"), std::string::npos) << fix.err;
  EXPECT_EQ(fix.out.find("error:"), std::string::npos) << fix.out;
  EXPECT_EQ(fix.out.find("warning:"), std::string::npos) << fix.out;

  expect_second_fix_is_a_no_op("--fix", f, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

TEST(FixRoundTripTest, JapaneseFixesKeepCrlfLineEnds) {
  const std::string text =
      "件名：ご依頼の件\r\n"
      "\r\n"
      "了解しました😀。\r\n"
      "資料は明日なら見れます👍🏽、ただし返品はできません。\r\n"
      "よろしくお願いします🙇‍♀️\r\n";
  const std::string fixed =
      "件名：ご依頼の件\r\n"
      "\r\n"
      "承知しました😀。\r\n"
      "資料は明日なら見られます👍🏽、ただし返品はいたしかねます。\r\n"
      "よろしくお願いします🙇‍♀️\r\n";
  const std::string f = temp_file(kTempPrefix + "crlf.txt", text);

  auto fix = run_tonelint(check("--fix", f));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(f), fixed);
  EXPECT_NE(fix.err.find("0 errors, 0 warnings, 0 suggestions, 3 fixed"), std::string::npos) << fix.err;

  expect_second_fix_is_a_no_op("--fix", f, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

// Conjugated forms are rewritten in the same conjugation; the noun 了解です is not the
// verb 了解する and stays; a file without a final newline keeps it missing.
TEST(FixRoundTripTest, JapaneseConjugationsAndNoFinalNewline) {
  const std::string text = "了解です。了解した上で、見れない人も見れた人もいます。了解して😀、明日は見れる？";
  const std::string fixed = "了解です。承知した上で、見られない人も見られた人もいます。承知して😀、明日は見られる？";
  const std::string f = temp_file(kTempPrefix + "conjugations.txt", text);

  auto fix = run_tonelint(check("--fix", f));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(f), fixed);
  EXPECT_NE(fix.err.find("0 errors, 0 warnings, 0 suggestions, 5 fixed"), std::string::npos) << fix.err;

  expect_second_fix_is_a_no_op("--fix", f, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

// --fix applies the safe rewrites only (keeping the case of what it replaces); the unsafe
// one stays an error, so the exit status stays 1 until --fix=all.
TEST(FixRoundTripTest, EnglishSafeFixThenFixAll) {
  const std::string text =
      "Please utilize the form. Utilize it twice; add it to the whitelist. UTILIZE?\nWe utilized it.\n";
  const std::string safe_fixed =
      "Please use the form. Use it twice; add it to the whitelist. USE?\nWe utilized it.\n";
  const std::string all_fixed = "Please use the form. Use it twice; add it to the allowlist. USE?\nWe utilized it.\n";
  const std::string f = temp_file(kTempPrefix + "en.txt", text);

  auto fix = run_tonelint(check("--fix", f));
  EXPECT_EQ(fix.exit_code, 1) << fix.err;
  EXPECT_EQ(read_file(f), safe_fixed);
  EXPECT_NE(fix.err.find("1 file, 1 error, 0 warnings, 0 suggestions, 3 fixed"), std::string::npos) << fix.err;
  // The remaining finding is reported against the fixed text.
  EXPECT_NE(fix.out.find(":1:50: error: Prefer 'allowlist'. [fixrt.inclusive]"), std::string::npos) << fix.out;
  EXPECT_EQ(fix.out.find("[fixrt.plain]"), std::string::npos) << fix.out;

  expect_second_fix_is_a_no_op("--fix", f, safe_fixed, 1, "1 file, 1 error, 0 warnings, 0 suggestions");

  auto all = run_tonelint(check("--fix=all", f));
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(read_file(f), all_fixed);
  EXPECT_NE(all.err.find("1 file, 0 errors, 0 warnings, 0 suggestions, 1 fixed"), std::string::npos) << all.err;

  expect_second_fix_is_a_no_op("--fix=all", f, all_fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

TEST(FixRoundTripTest, EnglishFixAllInOnePass) {
  const std::string text = "Utilize the whitelist, then utilize it again.\r\nThanks 👍🏽\r\n";
  const std::string fixed = "Use the allowlist, then use it again.\r\nThanks 👍🏽\r\n";
  const std::string f = temp_file(kTempPrefix + "en_all.txt", text);

  auto all = run_tonelint(check("--fix=all", f));
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(read_file(f), fixed);
  EXPECT_NE(all.err.find("1 file, 0 errors, 0 warnings, 0 suggestions, 3 fixed"), std::string::npos) << all.err;

  expect_second_fix_is_a_no_op("--fix=all", f, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
  expect_second_fix_is_a_no_op("--fix", f, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

// Applies a unified diff of one file (as tonelint --diff prints it) to `before`.
std::string apply_diff(const std::string& before, const std::string& diff) {
  std::vector<std::string> lines;  // `before` split after each '\n'
  for (std::size_t at = 0; at < before.size();) {
    std::size_t end = before.find('\n', at);
    end = end == std::string::npos ? before.size() : end + 1;
    lines.push_back(before.substr(at, end - at));
    at = end;
  }
  std::vector<std::string> out;
  std::size_t next = 0;  // next line of `before` not yet copied
  std::istringstream in(diff);
  std::string line;
  while (std::getline(in, line)) {
    line += '\n';
    if (line.rfind("--- ", 0) == 0 || line.rfind("+++ ", 0) == 0) continue;
    if (line.rfind("@@ -", 0) == 0) {
      const std::size_t start = std::stoul(line.substr(4)) - 1;
      while (next < start) out.push_back(lines[next++]);
      continue;
    }
    const char mark = line[0];
    const std::string body = line.substr(1);
    if (mark == ' ') {
      EXPECT_EQ(lines.at(next), body) << "context line " << next + 1;
      out.push_back(lines[next++]);
    } else if (mark == '-') {
      EXPECT_EQ(lines.at(next), body) << "removed line " << next + 1;
      ++next;
    } else if (mark == '+') {
      out.push_back(body);
    } else {
      ADD_FAILURE() << "unexpected diff line: " << line;
    }
  }
  while (next < lines.size()) out.push_back(lines[next++]);
  std::string joined;
  for (const std::string& l : out) joined += l;
  return joined;
}

TEST(FixRoundTripTest, DiffShowsExactlyWhatFixWrites) {
  const std::string text =
      "件名：ご確認のお願い\n"
      "了解しました😀\n"
      "一行目はそのままです。\n"
      "二行目もそのままです。\n"
      "三行目も🙇そのままです。\n"
      "四行目もそのままです。\n"
      "Please utilize the whitelist.\n"
      "五行目もそのままです。\n"
      "資料は見れます👍🏽。\n"
      "以上です。\n";
  const std::string fixed =
      "件名：ご確認のお願い\n"
      "承知しました😀\n"
      "一行目はそのままです。\n"
      "二行目もそのままです。\n"
      "三行目も🙇そのままです。\n"
      "四行目もそのままです。\n"
      "Please use the whitelist.\n"
      "五行目もそのままです。\n"
      "資料は見られます👍🏽。\n"
      "以上です。\n";
  const std::string for_diff = temp_file(kTempPrefix + "diff.txt", text);
  const std::string for_fix = temp_file(kTempPrefix + "diff_fix.txt", text);

  auto diff = run_tonelint(check("--diff", for_diff));
  EXPECT_EQ(read_file(for_diff), text);  // --diff writes nothing
  // Changes on lines 2, 7 and 9: 3 lines of context join them into one hunk.
  EXPECT_EQ(diff.out,
            "--- " + for_diff + "\n+++ " + for_diff + "\n" +
                "@@ -1,10 +1,10 @@\n"
                " 件名：ご確認のお願い\n"
                "-了解しました😀\n"
                "+承知しました😀\n"
                " 一行目はそのままです。\n"
                " 二行目もそのままです。\n"
                " 三行目も🙇そのままです。\n"
                " 四行目もそのままです。\n"
                "-Please utilize the whitelist.\n"
                "+Please use the whitelist.\n"
                " 五行目もそのままです。\n"
                "-資料は見れます👍🏽。\n"
                "+資料は見られます👍🏽。\n"
                " 以上です。\n");

  auto fix = run_tonelint(check("--fix", for_fix));
  EXPECT_EQ(fix.exit_code, 1) << fix.err;  // the unsafe whitelist → allowlist remains
  EXPECT_EQ(read_file(for_fix), fixed);
  EXPECT_EQ(apply_diff(text, diff.out), read_file(for_fix));

  // Once fixed, there is nothing left to show.
  auto nothing = run_tonelint(check("--diff", for_fix));
  EXPECT_EQ(nothing.out, "");
  EXPECT_EQ(read_file(for_fix), fixed);
}

TEST(FixRoundTripTest, DiffOfSeparateChangesHasSeparateHunksAndKeepsCrlf) {
  std::string text = "了解しました。\r\n";
  for (int i = 1; i <= 8; ++i) text += "行" + std::to_string(i) + "😀\r\n";
  text += "できません。\r\n";
  std::string fixed = "承知しました。\r\n";
  for (int i = 1; i <= 8; ++i) fixed += "行" + std::to_string(i) + "😀\r\n";
  fixed += "いたしかねます。\r\n";
  const std::string for_diff = temp_file(kTempPrefix + "diff_crlf.txt", text);
  const std::string for_fix = temp_file(kTempPrefix + "diff_crlf_fix.txt", text);

  auto diff = run_tonelint(check("--diff", for_diff));
  EXPECT_EQ(read_file(for_diff), text);
  EXPECT_EQ(diff.out, "--- " + for_diff + "\n+++ " + for_diff + "\n" +
                          "@@ -1,4 +1,4 @@\n"
                          "-了解しました。\r\n"
                          "+承知しました。\r\n"
                          " 行1😀\r\n"
                          " 行2😀\r\n"
                          " 行3😀\r\n"
                          "@@ -7,4 +7,4 @@\n"
                          " 行6😀\r\n"
                          " 行7😀\r\n"
                          " 行8😀\r\n"
                          "-できません。\r\n"
                          "+いたしかねます。\r\n");

  auto fix = run_tonelint(check("--fix", for_fix));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(for_fix), fixed);
  EXPECT_EQ(apply_diff(text, diff.out), fixed);
  expect_second_fix_is_a_no_op("--fix", for_fix, fixed, 0, "1 file, 0 errors, 0 warnings, 0 suggestions");
}

// --fix through the links a repository may hold: a symbolic link (named on the command line
// and reported by that name) stays a link and its target is fixed; both names of a hard link
// see the fix, in the same inode.
TEST(FixRoundTripTest, FixWritesThroughSymbolicAndHardLinks) {
  const std::string target = temp_file(kTempPrefix + "link_target.txt", "Please utilize the form.\n");
  const std::string link = ::testing::TempDir() + kTempPrefix + "link.txt";
  ::unlink(link.c_str());
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
  auto fix = run_tonelint(check("--fix", link));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(read_file(target), "Please use the form.\n");
  struct stat st {};
  ASSERT_EQ(::lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));

  const std::string first = temp_file(kTempPrefix + "hard_a.txt", "Please utilize it.\n");
  const std::string second = ::testing::TempDir() + kTempPrefix + "hard_b.txt";
  ::unlink(second.c_str());
  ASSERT_EQ(::link(first.c_str(), second.c_str()), 0);
  ASSERT_EQ(::stat(first.c_str(), &st), 0);
  const ino_t inode = st.st_ino;
  auto hard = run_tonelint(check("--fix", second));
  EXPECT_EQ(hard.exit_code, 0) << hard.err;
  EXPECT_NE(hard.err.find("1 fixed"), std::string::npos) << hard.err;
  EXPECT_EQ(read_file(first), "Please use it.\n");
  ASSERT_EQ(::stat(first.c_str(), &st), 0);
  EXPECT_EQ(st.st_ino, inode);
  EXPECT_EQ(st.st_nlink, 2u);
  ::unlink(link.c_str());
  ::unlink(second.c_str());
}

}  // namespace
}  // namespace tonelint
