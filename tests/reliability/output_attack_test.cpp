// The output side of the attack battery (issue 13): reports written where they cannot be
// (a full disk), file names that carry control characters, newlines or bytes that are not
// UTF-8, very many findings and very long lines. Each test drives the real binary.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../test_support.h"
#include "input/utf8.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run_tonelint;
using testing::run_tonelint_shell;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";
const std::string kBinary = TONELINT_BINARY;
// A guide that reports every '!' on its own, for drafts of very many findings (the test
// guide's occurrence rule makes one finding of a message however many marks it has).
constexpr const char* kFloodGuide = "guide: loud\nrules:\n  - {id: bang, kind: existence, level: warning, regex: [\"!\"], message: m}\n";
const std::vector<std::string> kFormats = {"text", "json", "sarif", "github", "rdjsonl", "checkstyle", "junit"};

class OutputAttack : public testing::ScratchDirTest {
 protected:
  // A shell word for `s` (single quotes; the bytes pass unchanged).
  static std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }
};

// ---- item 5: a report to a full disk ---------------------------------------------------------

TEST_F(OutputAttack, FullDiskIsAnErrorInEveryFormat) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string clean = write("clean.txt", "Thank you for writing.\n");
  const std::string findings = write("findings.txt", "Please utilize the form!!!\n");
  for (const std::string& format : kFormats) {
    // A clean draft writes nothing in text, github and rdjsonl: nothing to fail.
    const bool writes_when_clean = format != "text" && format != "github" && format != "rdjsonl";
    for (const std::string& f : {clean, findings}) {
      if (f == clean && !writes_when_clean) continue;
      const auto r = run_tonelint("check --guide " + kGuide + " --format " + format + " " + f + " >/dev/full");
      EXPECT_EQ(r.exit_code, 2) << format << ' ' << f << r.err;
      EXPECT_NE(r.err.find("tonelint: cannot write the output: No space left on device"), std::string::npos)
          << format << r.err;
    }
  }
  for (const std::string& args : {"tokens " + findings, "tokens --format json " + findings, "explain --guide " + kGuide,
                                  "explain --format json --guide " + kGuide, "test --guide " + kGuide}) {
    const auto r = run_tonelint(args + " >/dev/full");
    EXPECT_EQ(r.exit_code, 2) << args << r.err;
    EXPECT_NE(r.err.find("cannot write the output"), std::string::npos) << args << r.err;
  }
}

TEST_F(OutputAttack, ClosedStdoutIsAnError) {
  const std::string f = write("findings.txt", "Please utilize the form.\n");
  const auto r = run_tonelint("check --guide " + kGuide + " " + f + " >&-");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cannot write the output"), std::string::npos) << r.err;
}

// A reader that goes away is not a failed run: with SIGPIPE ignored the exit status is
// the findings' (tests/reliability/bad_input_test.cpp covers the default SIGPIPE).
TEST_F(OutputAttack, ReaderGoneIsQuietInEveryFormat) {
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "Please utilize form " + std::to_string(i) + ".\n";
  const std::string f = write("many.txt", many);
  for (const std::string& format : kFormats) {
    const std::string script = write("pipe.sh", "trap '' PIPE; " + kBinary + " check --guide " + kGuide + " --format " +
                                                    format + " " + f + " | head -c 10 >/dev/null; echo \"status=${PIPESTATUS[0]}\" >&2\n");
    const auto r = run_tonelint_shell("bash " + script);
    EXPECT_NE(r.err.find("status=0"), std::string::npos) << format << r.err;
    EXPECT_EQ(r.err.find("cannot write"), std::string::npos) << format << r.err;
  }
}

// ---- item 6: names that carry newlines and ESC sequences ---------------------------------------

bool has_line_starting_with(const std::string& text, const std::string& prefix) {
  std::size_t at = 0;
  while (at <= text.size()) {
    if (text.compare(at, prefix.size(), prefix) == 0) return true;
    const std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return false;
}

TEST_F(OutputAttack, NewlineInANameCannotForgeAWorkflowCommand) {
  const std::string name = "nl\n::error file=README.md,line=1::X.md";
  const std::string f = write(name, "Please utilize the form.\n");
  const std::string missing = (dir_ / "gone\n::error::forged.md").string();
  for (const std::string& format : kFormats) {
    const auto r = run_tonelint("check --guide " + kGuide + " --format " + format + " " + quoted(f) + " " + quoted(missing));
    EXPECT_EQ(r.exit_code, 2) << format << r.err;  // the missing file
    EXPECT_FALSE(has_line_starting_with(r.err, "::")) << format << r.err;
    if (format == "github") {
      // Every line is one of ours, the name escaped as GitHub decodes it.
      std::size_t at = 0;
      while (at < r.out.size()) {
        EXPECT_TRUE(r.out.compare(at, 10, "::warning ") == 0 || r.out.compare(at, 9, "::notice ") == 0) << r.out;
        at = r.out.find('\n', at) + 1;
      }
      EXPECT_NE(r.out.find("nl%0A%3A%3Aerror file=README.md%2Cline=1%3A%3AX.md"), std::string::npos) << r.out;
    } else {
      EXPECT_FALSE(has_line_starting_with(r.out, "::")) << format << r.out;
    }
  }
  const auto diff = run_tonelint("check --diff --guide " + kGuide + " " + quoted(f));
  EXPECT_NE(diff.out.find("+Please use the form."), std::string::npos) << diff.out;
  EXPECT_FALSE(has_line_starting_with(diff.out, "::")) << diff.out;
  const auto text = run_tonelint("check --guide " + kGuide + " " + quoted(f));
  EXPECT_NE(text.out.find("\"" + dir_.string() + "/nl\\n::error file=README.md,line=1::X.md\":1:8: warning:"),
            std::string::npos)
      << text.out;
}

TEST_F(OutputAttack, EscapeSequencesInNamesAndTextDoNotReachTheTerminal) {
  const std::string f = write("e\x1b]0;owned\x07\x1b[2J.txt", "Please utilize the \x1b[31mform\x1b[0m.\n");
  for (const std::string& format : {std::string("text"), std::string("github")}) {
    const auto r = run_tonelint("check --color=never --guide " + kGuide + " --format " + format + " " + quoted(f) + " " +
                                quoted(f + ".missing"));
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << format << r.out;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << format << r.out;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << format << r.err;
    EXPECT_EQ(r.err.find('\x07'), std::string::npos) << format << r.err;
  }
  const auto r = run_tonelint("check --color=never --guide " + kGuide + " " + quoted(f));
  EXPECT_NE(r.out.find("/e\\e]0;owned\\x07\\e[2J.txt\":1:8:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\xE2\x90\x9B[31mform"), std::string::npos) << r.out;  // ␛ in the shown line
}

// ---- item 7: names that are not UTF-8 --------------------------------------------------------

TEST_F(OutputAttack, NameThatIsNotUtf8InEveryFormat) {
  const std::string name = "bad\xff\xfe\x01name.txt";
  const std::string f = write(name, "Please utilize the form.\n");
  for (const std::string& format : kFormats) {
    for (const bool fix : {false, true}) {
      write(name, "Please utilize the form.\n");  // as it was before a --fix
      const auto r = run_tonelint("check --guide " + kGuide + " --format " + format + (fix ? " --fix " : " ") + quoted(f));
      EXPECT_EQ(r.exit_code, 0) << format << r.err;
      EXPECT_FALSE(find_invalid_utf8(r.out).has_value()) << format << r.out;
      if (fix) {  // fixed before the report (which has no findings left): the report must still come
        if (format == "json") {
          EXPECT_EQ(json::parse(r.out)["files"][0]["fixed"], 1) << r.out;
        }
        continue;
      }
      if (format == "text") {
        EXPECT_NE(r.out.find("bad\\xff\\xfe\\x01name.txt\""), std::string::npos) << r.out;
      } else if (format == "json") {
        const json j = json::parse(r.out);
        const std::string shown = j["files"][0]["path"];
        EXPECT_NE(shown.find("bad\xEF\xBF\xBD\xEF\xBF\xBD\x01name.txt"), std::string::npos) << shown;
        const std::string hex = j["files"][0]["path_bytes"];
        EXPECT_NE(hex.find("626164fffe016e616d652e747874"), std::string::npos) << hex;
      } else if (format == "sarif") {
        const json j = json::parse(r.out);
        const std::string uri = j["runs"][0]["artifacts"][0]["location"]["uri"];
        EXPECT_NE(uri.find("bad%FF%FE%01name.txt"), std::string::npos) << uri;
      } else if (format == "rdjsonl") {
        const json j = json::parse(r.out.substr(0, r.out.find('\n')));
        EXPECT_NE(j["location"]["path"].get<std::string>().find("bad\xEF\xBF\xBD"), std::string::npos);
      } else if (format == "checkstyle" || format == "junit") {
        EXPECT_EQ(r.out.find('\x01'), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("bad\xEF\xBF\xBD"), std::string::npos) << r.out;
      }
    }
  }
  // --stdin-filename: the same name, given on the command line.
  for (const std::string& format : kFormats) {
    const auto r = run_tonelint("check --guide " + kGuide + " --format " + format + " --stdin-filename " +
                                    quoted(name) + " -",
                                "Please utilize the form.\n");
    EXPECT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_FALSE(find_invalid_utf8(r.out).has_value()) << format << r.out;
    if (format == "json") {
      EXPECT_EQ(json::parse(r.out)["files"][0]["path_bytes"], "626164fffe016e616d652e747874");
    }
  }
}

TEST_F(OutputAttack, TokensNamesThatAreNotUtf8OrHoldNewlines) {
  const std::string f = write("tok\xff\n::error::x.txt", "Hello there.\n");
  const auto j = run_tonelint("tokens --format json " + quoted(f));
  EXPECT_EQ(j.exit_code, 0) << j.err;
  EXPECT_FALSE(find_invalid_utf8(j.out).has_value());
  EXPECT_EQ(json::parse(j.out)["files"][0]["path"], (dir_ / "tok\xEF\xBF\xBD\n::error::x.txt").string());
  const auto t = run_tonelint("tokens " + quoted(f) + " " + quoted(f + "\n::error::gone"));
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_FALSE(has_line_starting_with(t.out, "::")) << t.out;
  EXPECT_FALSE(has_line_starting_with(t.err, "::")) << t.err;
  EXPECT_NE(t.out.find("tok\\xff\\n::error::x.txt\" (text)"), std::string::npos) << t.out;
}

// ---- item 23: a run whose only draft is refused ----------------------------------------------

TEST_F(OutputAttack, OnlyRefusedDraftsClaimNoScore) {
  const std::string bad = write("latin1.txt", "caf\xe9\n");
  const auto r = run_tonelint("check --format json --guide " + kGuide + " " + bad);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["files"].size(), 0u);
  EXPECT_EQ(j["summary"]["files"], 0);
  EXPECT_EQ(j["summary"]["refused"], 1);
  EXPECT_TRUE(j["summary"]["score"].is_null()) << j.dump();
  EXPECT_NE(r.err.find("tonelint: 1 file (0 checked, 1 refused), 0 errors"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no tone score"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("tone score 100"), std::string::npos) << r.err;

  // Beside a checked one: the score is the checked file's, the refused one counted apart.
  const std::string good = write("good.txt", "Thank you.\n");
  const auto both = run_tonelint("check --format json --guide " + kGuide + " " + bad + " " + good);
  EXPECT_EQ(both.exit_code, 2);
  const json jb = json::parse(both.out);
  EXPECT_EQ(jb["summary"]["files"], 1);
  EXPECT_EQ(jb["summary"]["refused"], 1);
  EXPECT_EQ(jb["summary"]["score"], 100);
}

// ---- item 14: very many findings -------------------------------------------------------------

TEST_F(OutputAttack, FindingsPastTheBoundAreCountedNotKept) {
  // 12,000 findings of `loud.bang` (every '!'), on lines of 100.
  std::string text = "Hello.";
  for (int line = 0; line < 120; ++line) text += std::string(100, '!') + "\n";
  const std::string f = write("bangs.txt", text);
  const std::string flood = write("loud.yaml", kFloodGuide);
  const auto j_run = run_tonelint("check --fail-on warning --format json --guide " + flood + " " + f);
  EXPECT_EQ(j_run.exit_code, 1) << j_run.err;
  const json j = json::parse(j_run.out);
  EXPECT_EQ(j["files"][0]["diagnostics"].size(), 10000u);
  EXPECT_EQ(j["files"][0]["dropped"], 2000);
  EXPECT_EQ(j["summary"]["warnings"], 12000);
  EXPECT_NE(j_run.err.find("2000 more findings counted but not reported (at most 10000 a file)"), std::string::npos)
      << j_run.err;
  EXPECT_NE(j_run.err.find("12000 warnings"), std::string::npos) << j_run.err;

  const auto sarif = run_tonelint("check --format sarif --guide " + flood + " " + f);
  const json s = json::parse(sarif.out);
  EXPECT_EQ(s["runs"][0]["results"].size(), 10000u);
  EXPECT_EQ(s["runs"][0]["artifacts"][0]["properties"]["tonelint/droppedFindings"], 2000);
  const auto text_run = run_tonelint("check --color=never --guide " + flood + " " + f);
  EXPECT_NE(text_run.out.find("2000 more findings not shown"), std::string::npos);
}

// Peak RSS in KB of the binary run with `args`, stdout and stderr to /dev/null (wait4).
long peak_rss_kb(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(kBinary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(kBinary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return -1;
  return usage.ru_maxrss;
}

TEST_F(OutputAttack, ReportMemoryDoesNotGrowWithTheFindings) {
#ifdef TONELINT_SANITIZED
  GTEST_SKIP() << "ASan's quarantine holds what each writer frees: peaks are not comparable";
#endif
  // 100,000 findings. The text output never held more than the findings themselves; json
  // built a tree of them all (4x the text run's peak), SARIF 9x. Now each is within a
  // margin of the text run: what the check itself holds.
  std::string text = "Hello!";
  for (int line = 0; line < 1000; ++line) text += std::string(100, '!') + "\n";
  const std::string f = write("bangs.txt", text);
  const long text_kb = peak_rss_kb({"check", "--guide", kGuide, f});
  ASSERT_GT(text_kb, 0);
  for (const char* format : {"json", "sarif", "junit", "rdjsonl"}) {
    const long kb = peak_rss_kb({"check", "--guide", kGuide, "--format", format, f});
    ASSERT_GT(kb, 0) << format;
    EXPECT_LT(kb, text_kb * 13 / 10 + 8 * 1024) << format << ": " << kb << " KB, text " << text_kb << " KB";
    std::cout << "[ measured ] 100,000 findings, " << format << ": peak RSS " << kb / 1024 << " MB (text "
              << text_kb / 1024 << " MB)\n";
  }
}

TEST_F(OutputAttack, CheckMemoryDoesNotGrowWithTheFindings) {
#ifdef TONELINT_SANITIZED
  GTEST_SKIP() << "ASan's quarantine keeps the memory of every finding dropped";
#endif
  // One draft, analysed the same way twice: under a guide that reports every '!' it has 100,000 findings,
  // under a guide whose one rule never matches, none. The engine keeps at most 10,000 of a
  // file's findings and counts the rest, so the runs differ by some 11 MB (the matches and
  // the 10,000 kept); keeping all the findings cost 37 MB more, in every format, text too.
  std::string bangs = "Hello!";
  for (int line = 0; line < 1000; ++line) bangs += std::string(100, '!') + "\n";
  const std::string draft = write("bangs.md", bangs);
  const std::string flood = write("loud.yaml", kFloodGuide);
  const std::string no_match = write("no-match.yaml", "guide: quiet\nrules:\n  - {id: r, kind: existence, words: [zzzz], message: m}\n");
  const long clean_kb = peak_rss_kb({"check", "--guide", no_match, draft});
  ASSERT_GT(clean_kb, 0);
  for (const char* format : {"text", "json"}) {
    const long noisy_kb = peak_rss_kb({"check", "--guide", flood, "--format", format, draft});
    ASSERT_GT(noisy_kb, 0) << format;
    EXPECT_LT(noisy_kb - clean_kb, 20 * 1024) << format << ": " << noisy_kb << " KB, without findings " << clean_kb << " KB";
    std::cout << "[ measured ] 100,000 findings, " << format << ": peak RSS " << noisy_kb / 1024 << " MB (no findings: "
              << clean_kb / 1024 << " MB)\n";
  }
  // Counted all the same.
  const auto r = run_tonelint("check --format json --guide " + flood + " " + draft);
  const json report = json::parse(r.out);
  const json& summary = report["summary"];
  EXPECT_GE(summary["errors"].get<int>() + summary["warnings"].get<int>() + summary["suggestions"].get<int>(), 100000)
      << summary.dump();
  EXPECT_EQ(report["files"][0]["diagnostics"].size(), 10000u);
}

// ---- item 16: findings on a very long line ---------------------------------------------------

TEST_F(OutputAttack, LongLineIsShownAsAWindowAroundTheSpan) {
  // 1,000 findings on one 25 KB line: the whole line per finding printed 37 MB.
  std::string line = "Hello!";
  for (int i = 0; i < 1000; ++i) line += std::string(24, 'x') + "!";
  const std::string f = write("long.txt", line + "\n");
  const auto r = run_tonelint("check --color=never --guide " + kGuide + " " + f);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.size(), 1000u * 600u) << "bytes per finding: " << r.out.size() / 1000;
  EXPECT_NE(r.out.find("…"), std::string::npos);

  // The marker stays under the span, counted in display columns, wide characters included.
  const std::string wide = write("wide.md", std::string(3000, 'a') + " " + std::string(300 * 3, '\0') + "\n");
  std::string cjk;
  for (int i = 0; i < 300; ++i) cjk += "あ";
  write("wide.md", std::string(3000, 'a') + " " + cjk + " Please utilize it " + cjk + "\n");
  const auto w = run_tonelint("check --color=never --guide " + kGuide + " " + wide);
  const std::size_t shown = w.out.find("  1 | ");
  ASSERT_NE(shown, std::string::npos) << w.out;
  const std::size_t shown_end = w.out.find('\n', shown);
  const std::string shown_line = w.out.substr(shown + 6, shown_end - shown - 6);
  const std::size_t marker = w.out.find("    | ", shown_end);
  const std::string marker_line = w.out.substr(marker + 6, w.out.find('\n', marker) - marker - 6);
  EXPECT_LT(shown_line.size(), 400u) << shown_line;
  // Display columns before "utilize": each あ is two, the ellipsis one.
  const std::string before = shown_line.substr(0, shown_line.find("utilize"));
  std::size_t columns = 0;
  for (std::size_t i = 0; i < before.size();) {
    const char32_t c = next_code_point(before, &i);
    columns += c == U'あ' ? 2 : 1;
  }
  EXPECT_EQ(marker_line, std::string(columns, ' ') + "^^^^^^^") << shown_line;
}

// ---- item 17: output in input order with several jobs ------------------------------------------

TEST_F(OutputAttack, ParallelRunReportsInInputOrder) {
  std::string paths;
  for (int i = 0; i < 40; ++i) paths += " " + write("d" + std::to_string(i) + ".txt", "Please utilize form " + std::to_string(i) + ".\n");
  const auto r = run_tonelint("check --jobs 4 --format json --guide " + kGuide + paths);
  const json j = json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 40u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(j["files"][i]["path"], (dir_ / ("d" + std::to_string(i) + ".txt")).string());
  }
}

}  // namespace
}  // namespace tonelint
