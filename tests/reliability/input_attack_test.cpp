// The inputs of `check` and `tokens` under attack (issue 13, items 18-21): FIFOs and devices
// where a draft or a list of paths is expected, lists that never end, a stdin list naming
// stdin, and folders nested deeper than a path can name. Each row drives the real binary;
// every command runs under `timeout`, so a regression that blocks fails instead of hanging.
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <string>

#include "../test_support.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using testing::run_tonelint_shell;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";

// The binary under a time limit: a blocked open() shows as exit 124, not as a hung test.
testing::CommandResult run(const std::string& args, const std::string& stdin_text = "") {
  return run_tonelint_shell("timeout 20 " + std::string(TONELINT_BINARY) + " " + args, stdin_text);
}

class InputAttack : public testing::ScratchDirTest {
 protected:
  std::string fifo(const std::string& name) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    EXPECT_EQ(::mkfifo(p.c_str(), 0600), 0);
    return p.string();
  }
};

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST_F(InputAttack, FifoNamedAsADraftIsRefusedByItsTypeAndTheOthersAreChecked) {
  const std::string pipe = fifo("pipe.md");
  const std::string good = write("good.md", "Please utilize the form.\n");
  const auto r = run("check --guide " + kGuide + " " + pipe + " " + good);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "tonelint: " + pipe + ": is a FIFO, not a regular file")) << r.err;
  EXPECT_TRUE(contains(r.out, good + ":1:8:")) << r.out;
}

TEST_F(InputAttack, FixOfAFifoDoesNotBlock) {
  const std::string pipe = fifo("pipe.md");
  const auto r = run("check --guide " + kGuide + " --fix=safe " + pipe);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, pipe + ": is a FIFO, not a regular file")) << r.err;
}

TEST_F(InputAttack, DevicesNamedAsDraftsAreRefused) {
  for (const char* device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    const auto r = run("check --guide " + kGuide + " " + device);
    EXPECT_EQ(r.exit_code, 2) << device << ": " << r.err;
    EXPECT_TRUE(contains(r.err, std::string("tonelint: ") + device + ": is a character device, not a regular file"))
        << r.err;
  }
  const auto tokens = run("tokens /dev/urandom");
  EXPECT_EQ(tokens.exit_code, 2) << tokens.err;
  EXPECT_TRUE(contains(tokens.err, "/dev/urandom: is a character device")) << tokens.err;
}

TEST_F(InputAttack, FifoFoundInAFolderIsSkippedWithANote) {
  const std::string pipe = fifo("drafts/pipe.md");
  fifo("drafts/not-a-draft");  // no draft extension: not a candidate, not named
  const std::string good = write("drafts/good.md", "Please utilize the form.\n");
  const auto r = run("check --guide " + kGuide + " " + (dir_ / "drafts").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "tonelint: " + pipe + ": is a FIFO, not a regular file; skipped")) << r.err;
  EXPECT_FALSE(contains(r.err, "not-a-draft")) << r.err;
  EXPECT_TRUE(contains(r.out, good + ":1:8:")) << r.out;
}

TEST_F(InputAttack, FifoInAListIsRefusedAndAFifoAsTheListToo) {
  const std::string pipe = fifo("pipe.md");
  const std::string good = write("good.md", "Please utilize the form.\n");
  const std::string list = write("list.txt", pipe + "\n" + good + "\n");
  auto r = run("check --guide " + kGuide + " --files-from " + list);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, pipe + ": is a FIFO, not a regular file")) << r.err;
  EXPECT_TRUE(contains(r.out, good + ":1:8:")) << r.out;

  const std::string list_pipe = fifo("list.fifo");
  r = run("check --guide " + kGuide + " --files-from " + list_pipe);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, list_pipe + ": list of paths (--files-from) is a FIFO, not a regular file")) << r.err;
}

TEST_F(InputAttack, DeviceAsTheListIsRefusedByItsType) {
  for (const char* device : {"/dev/zero", "/dev/urandom"}) {
    const auto r = run("check --guide " + kGuide + " --files-from " + device);
    EXPECT_EQ(r.exit_code, 2) << device << ": " << r.err;
    EXPECT_TRUE(contains(r.err, std::string(device) + ": list of paths (--files-from) is a character device")) << r.err;
  }
}

TEST_F(InputAttack, EndlessListOnStdinStopsAtItsLimit) {
  // 100 MB of NUL bytes, then of random bytes: reading stops at the list's limit (64 MiB).
  for (const char* source : {"/dev/zero", "/dev/urandom"}) {
    const auto r = run_tonelint_shell(std::string("head -c 100000000 ") + source + " | timeout 20 " + TONELINT_BINARY +
                                      " check --guide " + kGuide + " --files-from -");
    EXPECT_EQ(r.exit_code, 2) << source << ": " << r.err;
    EXPECT_TRUE(contains(r.err, "<stdin>: list of paths (--files-from) exceeds the limit of 64 MiB")) << r.err;
  }
}

TEST_F(InputAttack, ListLinesAreBoundedAndNamed) {
  const std::string good = write("good.md", "Please utilize the form.\n");
  const std::string long_line = write("long.txt", good + "\n" + std::string(5000, 'x') + "\n");
  auto r = run("check --guide " + kGuide + " --files-from " + long_line);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, long_line + ":2: list of paths (--files-from): a line of 5000 bytes is longer than any path"))
      << r.err;
  EXPECT_EQ(r.out, "");  // refused before anything is checked

  const std::string nul = write("nul.txt", good + "\n" + std::string("a\0b", 3) + "\n");
  r = run("check --guide " + kGuide + " --files-from " + nul);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, nul + ":2: list of paths (--files-from): a NUL byte")) << r.err;
}

TEST_F(InputAttack, StdinListNamingStdinIsRefused) {
  // Before: a phantom clean `<stdin>` (score 100), exit 0.
  auto r = run("check --guide " + kGuide + " --format json --files-from -", "-\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "<stdin>:1: list of paths (--files-from): '-' (stdin) is listed")) << r.err;
  EXPECT_FALSE(contains(r.out, "<stdin>")) << r.out;

  const std::string good = write("good.md", "Please utilize the form.\n");
  r = run("check --guide " + kGuide + " --files-from -", good + "\r\n\n  -\n-\r\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "<stdin>:4: list of paths (--files-from): '-' (stdin) is listed")) << r.err;

  // A list of good paths on stdin still works (CR-LF, blank lines).
  r = run("check --guide " + kGuide + " --files-from -", good + "\r\n\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, good + ":1:8:")) << r.out;
}

// ---- folders nested deeper than PATH_MAX: built and removed relative to descriptors ----

// Creates `depth` nested folders named `name` under `root` and a draft `leaf` at the bottom,
// with mkdirat/openat: no path to them fits in PATH_MAX, so mkdir -p cannot.
bool make_deep_tree(const fs::path& root, const std::string& name, int depth, const std::string& leaf,
                    const std::string& text) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  for (int i = 0; i < depth; ++i) {
    if (::mkdirat(fd, name.c_str(), 0700) != 0) break;
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ::close(fd);
    fd = next;
    if (fd < 0) return false;
  }
  const int file = ::openat(fd, leaf.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const bool ok = file >= 0 && ::write(file, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (file >= 0) ::close(file);
  ::close(fd);
  return ok;
}

// Removes everything in the folder open as `fd` (closed here), however deep.
void remove_contents(int fd) {
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return;
  }
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const int child = ::openat(::dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (child >= 0) {
      remove_contents(child);
      ::unlinkat(::dirfd(dir), name.c_str(), AT_REMOVEDIR);
    } else {
      ::unlinkat(::dirfd(dir), name.c_str(), 0);
    }
  }
  ::closedir(dir);
}

TEST_F(InputAttack, DraftsDeeperThanPathMaxAreNamedNotSkippedSilently) {
  // 60 folders of 100 bytes: the bottom is some 6,000 bytes down, past PATH_MAX (4096).
  const std::string name(100, 'd');
  const std::string top = write("tree/top.md", "Please utilize it.\n");
  ASSERT_TRUE(make_deep_tree(dir_ / "tree", name, 60, "deep.md", "Please utilize the form.\n"));
  const auto r = run("check --guide " + kGuide + " " + (dir_ / "tree").string());
  {
    const int fd = ::open((dir_ / "tree").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) remove_contents(fd);
  }
  // Before: "1 file", exit 0, nothing said of the deep draft.
  EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 2000);
  EXPECT_TRUE(contains(r.err, "cannot walk this folder (File name too long); the drafts in it are not checked"))
      << r.err.substr(0, 2000);
  EXPECT_TRUE(contains(r.out, top + ":1:8:")) << r.out.substr(0, 2000);  // what could be reached is checked
}

}  // namespace
}  // namespace tonelint
