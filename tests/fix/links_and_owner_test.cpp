// write_if_unchanged and the file system: symbolic links (chains, relative, into another
// folder, dangling) are written through, hard links are rewritten in place (every name sees
// the new text, the inode stays), and owner, group and mode are kept, by the new file or,
// where the owner cannot be kept, by a rewrite in place. Cases that need another user run
// in a child process that gives up root; they are skipped when the tests do not run as root.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fix/safe_write.h"
#include "test_support.h"

namespace tonelint {
namespace {

using testing::read_file;
using testing::write_file;

namespace fs = std::filesystem;

constexpr uid_t kOtherUid = 12345;
constexpr gid_t kOtherGid = 23456;
constexpr uid_t kNobody = 65534;

struct stat stat_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st;
}

bool is_symlink(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// Runs `body` in a child process as `uid`/`gid` (from root) and returns its exit status;
// the body returns 0 for success, anything else names what failed.
int run_as(uid_t uid, gid_t gid, const std::function<int()>& body) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) ::_exit(100);
    ::_exit(body());
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class LinksAndOwnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "tonelint_links_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // Reachable by the unprivileged child: TempDir may be a private folder.
    ::chmod(dir_.c_str(), 0777);
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir_, ec)) {
      if (e.is_directory(ec)) ::chmod(e.path().c_str(), 0777);
    }
    fs::remove_all(dir_);
  }

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string folder(const std::string& name) const {
    fs::create_directories(path(name));
    ::chmod(path(name).c_str(), 0777);
    return path(name);
  }
  // The names in `dir` (not below it), sorted.
  static std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  static bool root() { return ::geteuid() == 0; }

  std::string dir_;
};

using Names = std::vector<std::string>;

// --- symbolic links ---------------------------------------------------------------------

TEST_F(LinksAndOwnerTest, AChainOfRelativeLinksIsFollowedToTheLastTarget) {
  const std::string real = folder("real"), links = folder("links");
  write_file(real + "/draft.md", "old\n");
  ASSERT_EQ(::symlink("../real/draft.md", (links + "/second.md").c_str()), 0);
  ASSERT_EQ(::symlink("second.md", (links + "/first.md").c_str()), 0);
  const Status s = write_if_unchanged(links + "/first.md", "old\n", "new\n");
  ASSERT_TRUE(s.ok()) << s.to_string();
  EXPECT_EQ(read_file(real + "/draft.md"), "new\n");
  EXPECT_TRUE(is_symlink(links + "/first.md"));
  EXPECT_TRUE(is_symlink(links + "/second.md"));
  EXPECT_EQ(fs::read_symlink(links + "/first.md"), "second.md");
  EXPECT_EQ(fs::read_symlink(links + "/second.md"), "../real/draft.md");
  // The temporary file was made (and removed) next to the target, not next to the link.
  EXPECT_EQ(names_in(real), (Names{"draft.md"}));
  EXPECT_EQ(names_in(links), (Names{"first.md", "second.md"}));
}

TEST_F(LinksAndOwnerTest, AnAbsoluteLinkIntoAnotherFolderWritesTheTargetThere) {
  const std::string real = folder("elsewhere"), links = folder("here");
  write_file(real + "/draft.md", "old\n");
  ASSERT_EQ(::chmod((real + "/draft.md").c_str(), 0640), 0);
  ASSERT_EQ(::symlink((real + "/draft.md").c_str(), (links + "/draft.md").c_str()), 0);
  ASSERT_TRUE(write_if_unchanged(links + "/draft.md", "old\n", "new\n").ok());
  EXPECT_EQ(read_file(real + "/draft.md"), "new\n");
  EXPECT_EQ(stat_of(real + "/draft.md").st_mode & 07777, 0640u);
  EXPECT_TRUE(is_symlink(links + "/draft.md"));
  EXPECT_EQ(names_in(real), (Names{"draft.md"}));
}

TEST_F(LinksAndOwnerTest, ADanglingLinkIsAnErrorAndNothingIsWritten) {
  const std::string link = path("draft.md");
  ASSERT_EQ(::symlink("gone.md", link.c_str()), 0);
  const Status s = write_if_unchanged(link, "old\n", "new\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot follow the symbolic link"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("not changed"), std::string::npos) << s.message();
  EXPECT_EQ(s.location().path, link);
  EXPECT_TRUE(is_symlink(link));
  EXPECT_EQ(names_in(dir_), (Names{"draft.md"}));  // no gone.md created
}

TEST_F(LinksAndOwnerTest, ALinkToAHardLinkedFileIsRewrittenInPlace) {
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  ASSERT_EQ(::symlink("a.md", path("link.md").c_str()), 0);
  const ino_t inode = stat_of(path("a.md")).st_ino;
  ASSERT_TRUE(write_if_unchanged(path("link.md"), "old\n", "new\n").ok());
  EXPECT_EQ(read_file(path("b.md")), "new\n");
  EXPECT_EQ(stat_of(path("b.md")).st_ino, inode);
  EXPECT_TRUE(is_symlink(path("link.md")));
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md", "link.md"}));
}

// --- hard links: rewritten in place -----------------------------------------------------

TEST_F(LinksAndOwnerTest, BothNamesOfAHardLinkSeeTheNewTextInTheSameInode) {
  const std::string a = path("a.md"), b = folder("other") + "/b.md";
  write_file(a, "a longer old text that the new one is shorter than\n");
  ASSERT_EQ(::link(a.c_str(), b.c_str()), 0);
  ASSERT_EQ(::chmod(a.c_str(), 0640), 0);
  const struct stat before = stat_of(a);
  const Status s = write_if_unchanged(b, read_file(a), "short\n");
  ASSERT_TRUE(s.ok()) << s.to_string();
  EXPECT_EQ(read_file(a), "short\n");  // truncated to the new length
  EXPECT_EQ(read_file(b), "short\n");
  const struct stat after = stat_of(a);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_nlink, 2u);
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "other"}));  // no backup left behind
  EXPECT_EQ(names_in(path("other")), (Names{"b.md"}));
}

TEST_F(LinksAndOwnerTest, AHardLinkedFileChangedSinceItWasReadIsLeftAlone) {
  write_file(path("a.md"), "someone else's edit\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  const Status s = write_if_unchanged(path("a.md"), "what we read\n", "our fix\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed on disk since it was read"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(path("b.md")), "someone else's edit\n");
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md"}));
}

TEST_F(LinksAndOwnerTest, AHardLinkedFileChangedInTheLastWindowIsNotOverwritten) {
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  ReplaceHooks hooks;
  hooks.before_replace = [&] {
    const int fd = ::open(path("b.md").c_str(), O_WRONLY | O_APPEND);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::write(fd, "theirs\n", 7), 7);
    ::close(fd);
  };
  const Status s = write_if_unchanged(path("a.md"), "old\n", "new\n", hooks);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed on disk"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(path("a.md")), "old\ntheirs\n");
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md"}));
}

TEST_F(LinksAndOwnerTest, AHardLinkedFileLockedByAnotherWriterIsLeftAlone) {
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  const int holder = ::open(path("b.md").c_str(), O_RDONLY);
  ASSERT_GE(holder, 0);
  ASSERT_EQ(::flock(holder, LOCK_EX), 0);
  const Status s = write_if_unchanged(path("a.md"), "old\n", "new\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("locked by another process"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(path("a.md")), "old\n");
  ::close(holder);
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md"}));
}

TEST_F(LinksAndOwnerTest, AHardLinkedFileOpenForWritingElsewhereIsLeftAloneWhenLeasesWork) {
  struct sigaction ignore {}, before {};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGIO, &ignore, &before), 0);
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  {
    const int probe = ::open(path("a.md").c_str(), O_RDONLY);
    const bool leases = ::fcntl(probe, F_SETLEASE, F_RDLCK) == 0;
    ::close(probe);
    if (!leases) {
      ::sigaction(SIGIO, &before, nullptr);
      GTEST_SKIP() << "no file leases here";
    }
  }
  const int writer = ::open(path("b.md").c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(writer, 0);
  const Status s = write_if_unchanged(path("a.md"), "old\n", "new\n");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("open for writing by another process"), std::string::npos) << s.message();
  ASSERT_EQ(::write(writer, "more\n", 5), 5);
  ::close(writer);
  EXPECT_EQ(read_file(path("a.md")), "old\nmore\n");
  // With the lease (nobody else has it open) the rewrite goes through.
  const Status t = write_if_unchanged(path("a.md"), "old\nmore\n", "new\n");
  EXPECT_TRUE(t.ok()) << t.to_string();
  EXPECT_EQ(read_file(path("b.md")), "new\n");
  ::sigaction(SIGIO, &before, nullptr);
}

TEST_F(LinksAndOwnerTest, AnInterruptedInPlaceRewriteLeavesTheDraftAndNoBackup) {
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  ReplaceHooks hooks;
  hooks.cancelled = [] { return true; };
  const Status s = write_if_unchanged(path("a.md"), "old\n", "new\n", hooks);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("interrupted"), std::string::npos) << s.message();
  EXPECT_EQ(read_file(path("b.md")), "old\n");
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md"}));
}

// A write that fails half-way (here: the file-size limit, as a full disk would) puts the
// old text back and says nothing was changed.
TEST_F(LinksAndOwnerTest, AnInPlaceWriteThatFailsHalfWayPutsTheOldTextBack) {
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  const std::string longer(4096, 'x');
  const pid_t child = ::fork();
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const struct rlimit limit {1024, 1024};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(100);
    const Status s = write_if_unchanged(path("a.md"), "old\n", longer);
    if (s.ok()) ::_exit(1);
    if (s.message().find("not changed") == std::string::npos) ::_exit(2);
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(read_file(path("b.md")), "old\n");
  EXPECT_EQ(names_in(dir_), (Names{"a.md", "b.md"}));
}

// --- owner, group, mode -----------------------------------------------------------------

TEST_F(LinksAndOwnerTest, OwnerGroupAndModeOfAnotherUsersFileAreKept) {
  if (!root()) GTEST_SKIP() << "giving a file to another user needs root";
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  ASSERT_EQ(::chown(draft.c_str(), kOtherUid, kOtherGid), 0);
  ASSERT_EQ(::chmod(draft.c_str(), 0640), 0);
  ASSERT_TRUE(write_if_unchanged(draft, "old\n", "new\n").ok());
  const struct stat st = stat_of(draft);
  EXPECT_EQ(st.st_uid, kOtherUid);
  EXPECT_EQ(st.st_gid, kOtherGid);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(read_file(draft), "new\n");
}

// The owner is kept, so the set-id bits mean what they meant before: they stay (a chown
// clears them; the mode is set after it).
TEST_F(LinksAndOwnerTest, SetIdBitsAreKeptWithTheOwner) {
  if (!root()) GTEST_SKIP() << "giving a file to another user needs root";
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  ASSERT_EQ(::chown(draft.c_str(), kOtherUid, kOtherGid), 0);
  ASSERT_EQ(::chmod(draft.c_str(), 06750), 0);
  ASSERT_TRUE(write_if_unchanged(draft, "old\n", "new\n").ok());
  EXPECT_EQ(stat_of(draft).st_mode & 07777, 06750u);
  EXPECT_EQ(stat_of(draft).st_uid, kOtherUid);
}

TEST_F(LinksAndOwnerTest, AHardLinkedFileKeepsItsOwner) {
  if (!root()) GTEST_SKIP() << "giving a file to another user needs root";
  write_file(path("a.md"), "old\n");
  ASSERT_EQ(::link(path("a.md").c_str(), path("b.md").c_str()), 0);
  ASSERT_EQ(::chown(path("a.md").c_str(), kOtherUid, kOtherGid), 0);
  ASSERT_EQ(::chmod(path("a.md").c_str(), 0604), 0);
  ASSERT_TRUE(write_if_unchanged(path("b.md"), "old\n", "new\n").ok());
  const struct stat st = stat_of(path("a.md"));
  EXPECT_EQ(st.st_uid, kOtherUid);
  EXPECT_EQ(st.st_gid, kOtherGid);
  EXPECT_EQ(st.st_mode & 07777, 0604u);
  EXPECT_EQ(read_file(path("a.md")), "new\n");
}

// Another user's file that we may write (group- or world-writable): a new file would be
// ours, so it is rewritten in place and stays theirs.
TEST_F(LinksAndOwnerTest, WhenTheOwnerCannotBeKeptTheFileIsRewrittenInPlace) {
  if (!root()) GTEST_SKIP() << "needs root to act as two users";
  const std::string draft = path("draft.md");
  write_file(draft, "old\n");
  ASSERT_EQ(::chown(draft.c_str(), kOtherUid, kOtherGid), 0);
  ASSERT_EQ(::chmod(draft.c_str(), 0666), 0);
  const ino_t inode = stat_of(draft).st_ino;
  EXPECT_EQ(run_as(kNobody, kNobody, [&] { return write_if_unchanged(draft, "old\n", "new\n").ok() ? 0 : 1; }), 0);
  const struct stat st = stat_of(draft);
  EXPECT_EQ(read_file(draft), "new\n");
  EXPECT_EQ(st.st_ino, inode);
  EXPECT_EQ(st.st_uid, kOtherUid);
  EXPECT_EQ(st.st_gid, kOtherGid);
  EXPECT_EQ(st.st_mode & 07777, 0666u);
  EXPECT_EQ(names_in(dir_), (Names{"draft.md"}));
}

// A folder we may not write: no temporary file, no backup, so no write at all.
TEST_F(LinksAndOwnerTest, InAReadOnlyFolderNothingIsWritten) {
  const std::string locked = folder("locked");
  write_file(locked + "/draft.md", "old\n");
  write_file(locked + "/a.md", "old\n");
  ASSERT_EQ(::link((locked + "/a.md").c_str(), (locked + "/b.md").c_str()), 0);
  const uid_t uid = root() ? kNobody : ::geteuid();
  const gid_t gid = root() ? kNobody : ::getegid();
  for (const char* name : {"draft.md", "a.md", "b.md"}) ASSERT_EQ(::chown((locked + "/" + name).c_str(), uid, gid), 0);
  ASSERT_EQ(::chmod(locked.c_str(), 0555), 0);
  auto attempt = [&]() -> int {
    const Status replaced = write_if_unchanged(locked + "/draft.md", "old\n", "new\n");
    if (replaced.ok() || replaced.message().find("cannot create a temporary file") == std::string::npos) return 1;
    const Status in_place = write_if_unchanged(locked + "/a.md", "old\n", "new\n");
    if (in_place.ok() || in_place.message().find("cannot keep a copy of the old text") == std::string::npos) return 2;
    if (in_place.message().find("not changed") == std::string::npos) return 3;
    return 0;
  };
  EXPECT_EQ(root() ? run_as(kNobody, kNobody, attempt) : attempt(), 0);
  EXPECT_EQ(read_file(locked + "/draft.md"), "old\n");
  EXPECT_EQ(read_file(locked + "/b.md"), "old\n");
  EXPECT_EQ(names_in(locked), (Names{"a.md", "b.md", "draft.md"}));
}

}  // namespace
}  // namespace tonelint
