// `tonelint check --fix` (the real binary) under the outside attacks of issue 13: another
// process appending to the drafts (item 1), SIGINT/SIGTERM in the middle of a run (item 2),
// rewrites across inline markup (item 4), a 253-byte file name (item 23).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "fix/safe_write.h"
#include "test_support.h"

extern char** environ;

namespace tonelint {
namespace {

using testing::read_file;
using testing::write_file;

namespace fs = std::filesystem;
using tonelint::testing::run_tonelint;



std::string fresh_dir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "tonelint_fix_attack_" + std::to_string(::getpid()) + "_" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Starts `tonelint check --fix <dir>` with its output thrown away; returns its pid.
pid_t start_fix(const std::string& dir) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = {TONELINT_BINARY, "check", "--fix", "--jobs", "2", dir};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, TONELINT_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

const std::string kLine = "Please utilize the new dashboard.\n\n";
const std::string kFixedLine = "Please use the new dashboard.\n\n";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Item 1: a second process appends to the drafts while tonelint fixes them. Every byte it
// appended must be in the file, once; what is left once those lines are taken out must be
// the draft as it was or as fixed, never a mixture.
TEST(FixAttackTest, NoAppendIsLostWhileDraftsAreFixed) {
  const std::string dir = fresh_dir("append");
  constexpr int kFiles = 300;
  const std::string original = repeat(kLine, 150), fixed = repeat(kFixedLine, 150);
  std::vector<std::string> paths;
  for (int i = 0; i < kFiles; ++i) {
    paths.push_back(dir + "/draft" + std::to_string(i) + ".md");
    write_file(paths.back(), original);
  }
  const pid_t pid = start_fix(dir);
  ASSERT_GT(pid, 0);
  std::atomic<bool> done{false};
  std::vector<std::vector<std::string>> appended(kFiles);
  std::thread appender([&] {
    // Round the files over and over, an append about every 0.1 ms, until tonelint is done.
    for (int k = 0; !done.load(); ++k) {
      const int i = k % kFiles;
      const std::string line = "appended " + std::to_string(i) + " " + std::to_string(k) + "\n";
      const int fd = ::open(paths[i].c_str(), O_WRONLY | O_APPEND);
      if (fd < 0) continue;
      if (::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size())) appended[i].push_back(line);
      ::close(fd);
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  });
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  done = true;
  appender.join();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 3);  // the files it could not fix are errors (2), not a crash

  std::size_t total = 0, fixed_files = 0;
  for (int i = 0; i < kFiles; ++i) {
    std::string rest = read_file(paths[i]);
    for (const std::string& line : appended[i]) {
      const std::size_t at = rest.find(line);
      ASSERT_NE(at, std::string::npos) << paths[i] << " lost \"" << line << "\"";
      rest.erase(at, line.size());
      ++total;
    }
    ASSERT_TRUE(rest == original || rest == fixed) << paths[i] << " is neither old nor new:\n" << rest.substr(0, 400);
    if (rest == fixed) ++fixed_files;
  }
  EXPECT_GT(total, 50u) << "the appender hardly ran during the fix";
  EXPECT_GT(fixed_files, 0u);
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_FALSE(is_tonelint_temp_name(e.path().filename().string())) << "left behind: " << e.path();
  }
  fs::remove_all(dir);
}

// Item 2: a signal in the middle of a run. Exit 128 + the signal, no temporary file left,
// every draft old or new.
void interrupt_run(int signal, int expected_status) {
  const std::string dir = fresh_dir("signal" + std::to_string(signal));
  constexpr int kFiles = 1200;
  const std::string original = repeat(kLine, 4), fixed = repeat(kFixedLine, 4);
  std::vector<std::string> paths;
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/d%05d.md", i);  // the first ones are fixed first
    paths.push_back(dir + name);
    write_file(paths.back(), original);
  }
  const pid_t pid = start_fix(dir);
  ASSERT_GT(pid, 0);
  // Once the fixes have begun (a first file rewritten), the signal.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (read_file(paths[0]) == original && read_file(paths[1]) == original && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ASSERT_EQ(::kill(pid, signal), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), expected_status);
  int old_files = 0, new_files = 0;
  for (const std::string& p : paths) {
    const std::string now = read_file(p);
    ASSERT_TRUE(now == original || now == fixed) << p << " is torn";
    (now == original ? old_files : new_files) += 1;
  }
  EXPECT_GT(old_files, 0) << "the run ended before the signal: nothing was interrupted";
  EXPECT_GT(new_files, 0);
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(dir)) leftovers += is_tonelint_temp_name(e.path().filename().string());
  EXPECT_EQ(leftovers, 0);
  fs::remove_all(dir);
}

TEST(FixAttackTest, SigtermLeavesNoTemporaryFileAndExits143) { interrupt_run(SIGTERM, 143); }
TEST(FixAttackTest, SigintLeavesNoTemporaryFileAndExits130) { interrupt_run(SIGINT, 130); }

// A temporary file of ours younger than a minute may be another run's: it stays.
TEST(FixAttackTest, AFreshTemporaryFileOfAnotherRunIsNotRemoved) {
  const std::string dir = fresh_dir("fresh_temp");
  write_file(dir + "/draft.md", kLine);
  write_file(dir + "/.tonelint-Ab12cZ", "another run's");
  const auto r = run_tonelint("check --fix " + dir + "/draft.md");
  EXPECT_EQ(read_file(dir + "/draft.md"), kFixedLine) << r.err;
  EXPECT_EQ(read_file(dir + "/.tonelint-Ab12cZ"), "another run's");
  EXPECT_EQ(r.err.find("removed"), std::string::npos) << r.err;
  fs::remove_all(dir);
}

// Item 23: the temporary name does not grow with the draft's.
TEST(FixAttackTest, ADraftWithA253ByteNameIsFixed) {
  const std::string dir = fresh_dir("long_name");
  const std::string path = dir + "/" + std::string(250, 'x') + ".md";
  write_file(path, kLine);
  const auto r = run_tonelint("check --fix '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(path), kFixedLine);
  fs::remove_all(dir);
}

// Item 4: a rewrite whose source is not one run of text (it crosses a tag, emphasis, a
// comment, an entity) is not applied; the same words in plain text are.
TEST(FixAttackTest, RewritesAcrossInlineMarkupAreNotApplied) {
  const std::string dir = fresh_dir("markup");
  const std::map<std::string, std::string> untouched = {
      {"span.html", "<p>了解<span>しました</span>。</p>\n"},
      {"link.html", "<p>Please <a href=\"/x\">utiliz</a>e it.</p>\n"},
      {"bold.html", "<p>Please ut<b>il</b>ize it.</p>\n"},
      {"comment.html", "<p>Please util<!-- note -->ize it.</p>\n"},
      {"entity.html", "<p>Please ut&#105;lize it.</p>\n"},
      {"emphasis.md", "Please utili**ze** it.\n"},
      {"comment.md", "Please util<!-- note -->ize it.\n"},
      {"quote.md", "> We will circle\n> back soon.\n"},  // the quote marker between the words
  };
  const std::map<std::string, std::pair<std::string, std::string>> fixed = {
      {"plain.html", {"<p>了解しました。</p>\n", "<p>承知しました。</p>\n"}},
      {"plain.md", {"Please utilize it.\n", "Please use it.\n"}},
      {"inline.html", {"<p>Please <b>utilize</b> it.</p>\n", "<p>Please <b>use</b> it.</p>\n"}},
      {"soft_break.md", {"We will circle\nback soon.\n", "We will follow up soon.\n"}},  // only a line break between
  };
  std::string args = "check --fix=all";
  for (const auto& [name, text] : untouched) {
    write_file(dir + "/" + name, text);
    args += " " + dir + "/" + name;
  }
  for (const auto& [name, texts] : fixed) {
    write_file(dir + "/" + name, texts.first);
    args += " " + dir + "/" + name;
  }
  const auto r = run_tonelint(args);
  for (const auto& [name, text] : untouched) EXPECT_EQ(read_file(dir + "/" + name), text) << name << "\n" << r.out << r.err;
  for (const auto& [name, texts] : fixed) EXPECT_EQ(read_file(dir + "/" + name), texts.second) << name << "\n" << r.out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tonelint
