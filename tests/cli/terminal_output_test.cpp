// `tonelint check` for a person at a terminal: colour and its switches, the source line
// with the span underlined in display columns, before → after, and the progress bar.
// Terminal runs go through util-linux `script`, which gives the command a real pty.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::temp_file;

namespace fs = std::filesystem;
using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";


// Runs `tonelint check ARGS` on a pseudo-terminal with the environment `env` ("A=1 B=2");
// returns what the terminal showed (stdout and stderr together).
std::string on_terminal(const std::string& env, const std::string& args) {
  const std::string inner = "env " + env + " " + std::string(TONELINT_BINARY) + " check " + args;
  auto r = testing::run_tonelint_shell("script -qec '" + inner + "' /dev/null");
  return r.out;
}

TEST(TerminalOutputTest, ColourFollowsTheTerminalAndTheSwitches) {
  const std::string draft = temp_file("terminal_colour.txt", "Please utilize it. Done! Really!\n");
  // Not a terminal (the tests capture stdout): no colour unless asked.
  auto piped = run_tonelint("check --guide " + kGuide + " " + draft);
  EXPECT_EQ(piped.out.find("\x1b["), std::string::npos) << piped.out;
  auto forced = run_tonelint("check --color=always --guide " + kGuide + " " + draft);
  EXPECT_NE(forced.out.find("\x1b[1;33mwarning:\x1b[0m"), std::string::npos) << forced.out;
  // A terminal gets colour; NO_COLOR and --no-color take it away; --color=always wins over NO_COLOR.
  EXPECT_NE(on_terminal("TERM=xterm", "--guide " + kGuide + " " + draft).find("\x1b[1;33mwarning:"), std::string::npos);
  EXPECT_EQ(on_terminal("TERM=xterm NO_COLOR=1", "--guide " + kGuide + " " + draft).find("\x1b[1;"), std::string::npos);
  EXPECT_EQ(on_terminal("TERM=xterm", "--no-color --guide " + kGuide + " " + draft).find("\x1b[1;"), std::string::npos);
  EXPECT_EQ(on_terminal("TERM=dumb", "--guide " + kGuide + " " + draft).find("\x1b[1;"), std::string::npos);
  EXPECT_NE(on_terminal("TERM=xterm NO_COLOR=1", "--color=always --guide " + kGuide + " " + draft).find("\x1b[1;33m"),
            std::string::npos);
  auto bad = run_tonelint("check --color=sometimes --guide " + kGuide + " " + draft);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--color 'sometimes'"), std::string::npos) << bad.err;
}

TEST(TerminalOutputTest, MarkerCountsWideCharactersAsTwoColumns) {
  // 全角 text (2 columns each), a tab (kept, so the marker lines up), then the finding.
  const std::string draft = temp_file("terminal_wide.txt", "全角の説明\tplease utilize it\n");
  auto r = run_tonelint("check --guide " + kGuide + " " + draft);
  // "全角の説明" is 5 characters, 10 columns; "please " 7 more; "utilize" 7 carets.
  EXPECT_NE(r.out.find("  1 | 全角の説明\tplease utilize it\n    | " + std::string(10, ' ') + "\t" + std::string(7, ' ') +
                       "^^^^^^^\n"),
            std::string::npos)
      << r.out;
  // The rewrite as before → after.
  EXPECT_NE(r.out.find("= fix: \"utilize\" → \"use\""), std::string::npos) << r.out;
  // Japanese: the match 見れ (2 wide characters = 4 columns) follows 明日 (4 columns).
  const std::string ja = temp_file("terminal_ja.txt", "明日見れます。\n");
  auto j = run_tonelint("check --guide " + kGuide + " " + ja);
  EXPECT_NE(j.out.find("    | " + std::string(4, ' ') + "^^^^\n"), std::string::npos) << j.out;
}

TEST(TerminalOutputTest, ProgressBarOnlyForManyFilesOnATerminal) {
  const fs::path dir = fs::path(::testing::TempDir()) / "terminal_progress";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int i = 0; i < 25; ++i) std::ofstream(dir / ("d" + std::to_string(i) + ".md")) << "We are on it.\n";
  const std::string shown =
      on_terminal("TERM=xterm TONELINT_PROGRESS_DELAY_MS=0", "--jobs 1 --guide " + kGuide + " " + dir.string());
  EXPECT_NE(shown.find("checking "), std::string::npos) << shown;
  EXPECT_NE(shown.find("/25 "), std::string::npos) << shown;
  EXPECT_NE(shown.find("\r\x1b[K"), std::string::npos) << shown;  // cleared before the summary
  EXPECT_NE(shown.find("tonelint: 25 files"), std::string::npos) << shown;
  // Piped stderr: no bar, whatever the delay.
  auto piped = run_tonelint("check --jobs 1 --guide " + kGuide + " " + dir.string());
  EXPECT_EQ(piped.err.find("checking "), std::string::npos) << piped.err;
  // Few files: no bar either.
  const std::string few = on_terminal("TERM=xterm TONELINT_PROGRESS_DELAY_MS=0",
                                      "--guide " + kGuide + " " + (dir / "d1.md").string());
  EXPECT_EQ(few.find("checking "), std::string::npos) << few;
}

}  // namespace
}  // namespace tonelint
