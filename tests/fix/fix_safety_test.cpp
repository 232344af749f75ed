// write_if_unchanged against other writers (issue 13, items 1, 2, 23; issue 15's links,
// owner, mode and attributes) and the cost of applying many edits (item 15).
#include "fix/safe_write.h"

#include <gtest/gtest.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fix/fixer.h"
#include "test_support.h"

namespace tonelint {
namespace {

using testing::read_file;
using testing::write_file;

namespace fs = std::filesystem;



void append(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ::close(fd);
}

// A fresh folder per test, removed afterwards.
class FixSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "tonelint_fix_safety_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  // Every name in the folder but `except`.
  std::vector<std::string> others(const std::string& except) const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().filename() != except) names.push_back(e.path().filename().string());
    }
    return names;
  }

  std::string dir_;
};

// The restore path, deterministically: another writer appends after the last check and
// before the exchange. The file must end up with what it held plus the append, reported
// as changed, with no temporary file left.
TEST_F(FixSafetyTest, AnAppendInTheLastWindowIsPutBackNotLost) {
  const std::string draft = path("draft.md");
  write_file(draft, "Please utilize it.\n");
  ReplaceHooks hooks;
  hooks.before_replace = [&] { append(draft, "their line\n"); };
  const Status s = write_if_unchanged(draft, "Please utilize it.\n", "Please use it.\n", hooks);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed on disk while it was being fixed"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(draft), "Please utilize it.\ntheir line\n");
  EXPECT_TRUE(others("draft.md").empty());
}

// The same window with an in-place overwrite of the same size (mtime may not move).
TEST_F(FixSafetyTest, AnOverwriteOfTheSameSizeInTheLastWindowIsPutBack) {
  const std::string draft = path("draft.md");
  write_file(draft, "Please utilize it.\n");
  ReplaceHooks hooks;
  hooks.before_replace = [&] {
    const int fd = ::open(draft.c_str(), O_WRONLY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::pwrite(fd, "PLEASE", 6, 0), 6);
    ::close(fd);
  };
  const Status s = write_if_unchanged(draft, "Please utilize it.\n", "Please use it.\n", hooks);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(read_file(draft), "PLEASE utilize it.\n");
  EXPECT_TRUE(others("draft.md").empty());
}

TEST_F(FixSafetyTest, AFileChangedBeforeTheWriteIsLeftAlone) {
  const std::string draft = path("draft.md");
  write_file(draft, "someone else's edit\n");
  const Status s = write_if_unchanged(draft, "what we read\n", "our fix\n");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed on disk since it was read"), std::string::npos);
  EXPECT_EQ(read_file(draft), "someone else's edit\n");
  EXPECT_TRUE(others("draft.md").empty());
}

TEST_F(FixSafetyTest, AFileLockedByAnotherWriterIsLeftAlone) {
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  const int holder = ::open(draft.c_str(), O_RDONLY);  // another open file description
  ASSERT_GE(holder, 0);
  ASSERT_EQ(::flock(holder, LOCK_EX), 0);
  const Status s = write_if_unchanged(draft, "old\n", "new\n");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("locked by another process"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(draft), "old\n");
  ::close(holder);
  EXPECT_TRUE(write_if_unchanged(draft, "old\n", "new\n").ok());
  EXPECT_EQ(read_file(draft), "new\n");
}

// With SIGIO handled (as tonelint check does), a file someone has open for writing is not
// replaced: whatever it wrote later would go to the replaced file.
TEST_F(FixSafetyTest, AFileOpenForWritingElsewhereIsLeftAloneWhenLeasesWork) {
  struct sigaction ignore {}, before {};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGIO, &ignore, &before), 0);
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  {  // Leases are not on every filesystem: skip where the folder has none.
    const int probe = ::open(draft.c_str(), O_RDONLY);
    const bool leases = ::fcntl(probe, F_SETLEASE, F_RDLCK) == 0;
    ::close(probe);
    if (!leases) {
      ::sigaction(SIGIO, &before, nullptr);
      GTEST_SKIP() << "no file leases here";
    }
  }
  const int writer = ::open(draft.c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(writer, 0);
  const Status s = write_if_unchanged(draft, "old\n", "new\n");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("open for writing by another process"), std::string::npos) << s.message();
  ASSERT_EQ(::write(writer, "more\n", 5), 5);
  ::close(writer);
  EXPECT_EQ(read_file(draft), "old\nmore\n");
  // A writer that opens the file in the last window breaks the lease: put back as well.
  ReplaceHooks hooks;
  int late = -1;
  hooks.before_replace = [&] { late = ::open(draft.c_str(), O_WRONLY | O_APPEND | O_NONBLOCK); };
  const Status t = write_if_unchanged(draft, "old\nmore\n", "new\n", hooks);
  EXPECT_FALSE(t.ok());
  EXPECT_EQ(read_file(draft), "old\nmore\n");
  if (late >= 0) ::close(late);
  ::sigaction(SIGIO, &before, nullptr);
}

TEST_F(FixSafetyTest, CancelledBeforeTheReplacementLeavesTheDraftAndNoTemporaryFile) {
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  ReplaceHooks hooks;
  hooks.cancelled = [] { return true; };
  const Status s = write_if_unchanged(draft, "old\n", "new\n", hooks);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("interrupted"), std::string::npos);
  EXPECT_EQ(read_file(draft), "old\n");
  EXPECT_TRUE(others("draft.md").empty());
}

TEST_F(FixSafetyTest, KeepsModeAndExtendedAttributes) {
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  ASSERT_EQ(::chmod(draft.c_str(), 0640), 0);
  const bool xattrs = ::setxattr(draft.c_str(), "user.tonelint-test", "kept", 4, 0) == 0;
  ASSERT_TRUE(write_if_unchanged(draft, "old\n", "new\n").ok());
  EXPECT_EQ(read_file(draft), "new\n");
  struct stat st {};
  ASSERT_EQ(::stat(draft.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  if (xattrs) {
    char value[16] = {};
    EXPECT_EQ(::getxattr(draft.c_str(), "user.tonelint-test", value, sizeof value), 4);
    EXPECT_STREQ(value, "kept");
  }
  EXPECT_TRUE(others("draft.md").empty());
}

TEST_F(FixSafetyTest, ThroughASymbolicLinkTheTargetIsFixedAndTheLinkStays) {
  const std::string target = path("target.md"), link = path("link.md");
  write_file(target, "old\n");
  ASSERT_EQ(::symlink("target.md", link.c_str()), 0);
  ASSERT_TRUE(write_if_unchanged(link, "old\n", "new\n").ok());
  struct stat st {};
  ASSERT_EQ(::lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_EQ(read_file(target), "new\n");
}

TEST_F(FixSafetyTest, AHardLinkedFileIsRewrittenInPlaceAndBothNamesSeeTheNewText) {
  const std::string a = path("a.md"), b = path("b.md");
  write_file(a, "old\n");
  ASSERT_EQ(::link(a.c_str(), b.c_str()), 0);
  struct stat before {};
  ASSERT_EQ(::stat(a.c_str(), &before), 0);
  const Status s = write_if_unchanged(a, "old\n", "new\n");
  ASSERT_TRUE(s.ok()) << s.to_string();
  EXPECT_EQ(read_file(a), "new\n");
  EXPECT_EQ(read_file(b), "new\n");
  struct stat after {};
  ASSERT_EQ(::stat(b.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_nlink, 2u);
}

TEST_F(FixSafetyTest, ANameOf253BytesCanBeFixed) {
  const std::string draft = path(std::string(250, 'n') + ".md");
  write_file(draft, "old\n");
  const Status s = write_if_unchanged(draft, "old\n", "new\n");
  ASSERT_TRUE(s.ok()) << s.to_string();
  EXPECT_EQ(read_file(draft), "new\n");
}

TEST(TempNameTest, RecognisesOwnNamesOnly) {
  EXPECT_TRUE(is_tonelint_temp_name(".tonelint-Ab12cZ"));
  EXPECT_TRUE(is_tonelint_temp_name("draft.md.tonelint-Ab12cZ"));  // earlier versions' naming
  EXPECT_FALSE(is_tonelint_temp_name(".tonelint-Ab12c"));
  EXPECT_FALSE(is_tonelint_temp_name(".tonelint-Ab12cZ.md"));
  EXPECT_FALSE(is_tonelint_temp_name("tonelint-kept-Ab12cZ"));
  EXPECT_FALSE(is_tonelint_temp_name("notes.md"));
  EXPECT_FALSE(is_tonelint_temp_name("notes.tonelint-backup"));  // a person's name for a file: kept
  EXPECT_FALSE(is_tonelint_temp_name("draft.md.tonelint-Ab-2cZ"));
}

TEST_F(FixSafetyTest, StaleTemporaryFilesAreRemovedOnlyWhenOldEnough) {
  write_file(path(".tonelint-Ab12cZ"), "half a draft");
  write_file(path("draft.md.tonelint-Qw34eR"), "half a draft");
  write_file(path("notes.md"), "keep me");
  // Written just now: younger than a minute, perhaps another run's.
  EXPECT_TRUE(remove_stale_temp_files(dir_, std::chrono::seconds(60)).empty());
  const std::vector<std::string> removed = remove_stale_temp_files(dir_, std::chrono::seconds(0));
  EXPECT_EQ(removed.size(), 2u);
  EXPECT_EQ(others("").size(), 1u);
  EXPECT_EQ(read_file(path("notes.md")), "keep me");
}

// Applying N edits must cost O(N): 4 times the edits may cost about 4 times as much, never
// about 16 (the quadratic search it had). Thread CPU time, best of three, generous slack.
double apply_cpu_seconds(int edits) {
  std::string text;
  std::vector<Diagnostic> diagnostics;
  for (int i = 0; i < edits; ++i) {
    Diagnostic d;
    d.rule = "plain-words";
    d.offset = static_cast<std::uint32_t>(text.size());
    d.length = 7;
    d.suggestions.push_back(Suggestion{d.offset, 7, "use", true});
    diagnostics.push_back(std::move(d));
    text += "utilize it. ";
  }
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    timespec a {}, b {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    int applied = 0;
    std::vector<AppliedEdit> record;
    const std::string out = apply_suggestions(text, diagnostics, false, &applied, &record);
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    EXPECT_EQ(applied, edits);
    EXPECT_EQ(record.size(), static_cast<std::size_t>(edits));
    best = std::min(best, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
  }
  return best;
}

TEST(ApplyScalingTest, ManyEditsCostLinearTime) {
  const double small = apply_cpu_seconds(20000);
  const double large = apply_cpu_seconds(80000);
  // Quadratic: about 16 times (and seconds, not milliseconds, for 80,000 edits).
  EXPECT_LT(large, std::max(small, 0.005) * 8) << "20,000 edits: " << small << " s; 80,000: " << large << " s";
}

}  // namespace
}  // namespace tonelint
