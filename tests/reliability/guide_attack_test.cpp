// The CLI against the guide, config and front-matter attacks of issue 13: every one is a
// clear error naming the file (and line:column), exit status 2, before anything is checked;
// never a crash or a hang. FIFOs are opened by the binary under `timeout`, so a regression
// fails the test instead of hanging it.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using testing::run_tonelint;
using testing::run_tonelint_shell;

class GuideAttackCliTest : public testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    draft_ = write("draft.md", "Hello there.\n");
  }
  std::string q(const std::string& path) const { return "'" + path + "'"; }
  // The binary, bounded in time: a FIFO that blocks an open() must fail the test, not hang it.
  testing::CommandResult run_bounded(const std::string& args) {
    return run_tonelint_shell("timeout 60 " + std::string(TONELINT_BINARY) + " " + args);
  }
  std::string write_chain(std::size_t n) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
      write("g" + std::to_string(i) + ".yaml",
            "guide: g" + std::to_string(i) + "\nextends: g" + std::to_string(i + 1) + ".yaml\n");
    }
    write("g" + std::to_string(n - 1) + ".yaml",
          "guide: base\nrules:\n  - {id: r, kind: existence, words: [Hello], message: m}\n");
    return (dir_ / "g0.yaml").string();
  }

  std::string draft_;
};

// The run stopped at the guide: exit 2, and no summary line (nothing was checked).
void expect_refused(const testing::CommandResult& r, const std::string& message) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("tone score"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(GuideAttackCliTest, ExtendsChainOf3000GuidesIsAnErrorNotACrash) {
  const std::string guide = write_chain(3000);
  const auto r = run_tonelint("check --guide " + q(guide) + " " + q(draft_));
  expect_refused(r, (dir_ / "g63.yaml").string() + ":2:10: 'extends' chain is longer than 64 guides: ");
  EXPECT_NE(r.err.find("nothing was checked"), std::string::npos) << r.err;
}

TEST_F(GuideAttackCliTest, ExtendsChainOf65GuidesIsAnErrorAndOf64Loads) {
  expect_refused(run_tonelint("check --guide " + q(write_chain(65)) + " " + q(draft_)), "longer than 64 guides");
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  draft_ = write("draft.md", "Hello there.\n");
  const auto ok = run_tonelint("check --guide " + q(write_chain(64)) + " " + q(draft_));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;  // the base's rule finds "Hello": a warning, which does not fail
  EXPECT_NE(ok.out.find("g0.r"), std::string::npos) << ok.out;
  EXPECT_NE(ok.err.find("1 file, 0 errors, 1 warning"), std::string::npos) << ok.err;
}

TEST_F(GuideAttackCliTest, PhraseWithoutWordsStopsTheRunBeforeAnythingIsChecked) {
  // A URL is masked before analysis, so it is no word; the loader cannot know that (it has
  // no analyzer), compiling the rules for a draft's context did, after the run.
  const std::string guide =
      write("g.yaml", "guide: g\nrules:\n  - {id: p, kind: existence, words: [Hello, \"http://x.y\"], message: m}\n");
  const auto r = run_tonelint("check --guide " + q(guide) + " " + q(draft_));
  expect_refused(r, guide + ":3:5: rule 'p': 'http://x.y' has no words to match");
  EXPECT_NE(r.err.find("nothing was checked"), std::string::npos) << r.err;
}

TEST_F(GuideAttackCliTest, NulInAGuideWordIsAGuideError) {
  const std::string guide = write("g.yaml", "guide: g\nrules:\n  - {id: p, kind: existence, words: [\"a\\0b\"], message: m}\n");
  const auto r = run_tonelint("check --guide " + q(guide) + " " + q(draft_));
  expect_refused(r, guide + ":3:38: 'words' contains a NUL character");
  EXPECT_EQ(r.err.find("binary file"), std::string::npos) << r.err;
}

TEST_F(GuideAttackCliTest, OverflowingMaxIsAGuideError) {
  const std::string guide =
      write("g.yaml", "guide: g\nrules:\n  - {id: p, kind: occurrence, words: [Hello], max: 99999999999999999999, message: m}\n");
  expect_refused(run_tonelint("check --guide " + q(guide) + " " + q(draft_)),
                 guide + ":3:52: 'max' must be a number from 0 to 1000000000");
}

TEST_F(GuideAttackCliTest, GuideThatIsAFifoIsRefused) {
  const std::string fifo = (dir_ / "guide.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_refused(run_bounded("check --guide " + q(fifo) + " " + q(draft_)), fifo + ": guide is a FIFO, not a regular file");
}

TEST_F(GuideAttackCliTest, LexiconThatIsAFifoOrADeviceIsRefused) {
  ASSERT_EQ(::mkfifo((dir_ / "words").c_str(), 0600), 0);
  for (const std::string lexicon : {"words", "/dev/urandom", "/dev/zero"}) {
    const std::string guide =
        write("g.yaml", "guide: g\nrules:\n  - {id: c, kind: capitalization, message: m, lexicon: " + lexicon + "}\n");
    const auto r = run_bounded("check --guide " + q(guide) + " " + q(draft_));
    expect_refused(r, guide + ":3:56: cannot load lexicon " + lexicon);
    EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
  }
}

TEST_F(GuideAttackCliTest, ConfigThatIsAFolderOrAFifoIsRefused) {
  fs::create_directories(dir_ / "conf");
  expect_refused(run_tonelint("check --config " + q((dir_ / "conf").string()) + " " + q(draft_)),
                 (dir_ / "conf").string() + ": config is a directory, not a regular file");
  const std::string fifo = (dir_ / "fifo.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_refused(run_bounded("check --config " + q(fifo) + " " + q(draft_)), fifo + ": config is a FIFO");
  expect_refused(run_tonelint("check --config " + q((dir_ / "missing.yaml").string()) + " " + q(draft_)),
                 "missing.yaml: cannot read config: No such file or directory");
}

TEST_F(GuideAttackCliTest, RepoConfigThatIsAFifoIsRefusedNotSkipped) {
  const std::string draft = write("folder/draft.md", "Hello there.\n");
  ASSERT_EQ(::mkfifo((dir_ / "folder" / ".tonelint.yaml").c_str(), 0600), 0);
  expect_refused(run_bounded("check " + q(draft)), ".tonelint.yaml: config is a FIFO, not a regular file");
}

TEST_F(GuideAttackCliTest, FrontMatterListWhereAValueBelongsSaysSo) {
  const std::string draft = write("list.md", "---\ntone: {channel: [email, chat]}\n---\nHello there.\n");
  const auto r = run_tonelint("check " + q(draft));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(draft + ":2:17: front matter 'tone': 'channel' takes one value (such as channel: email); found a list"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("unknown channel ''"), std::string::npos) << r.err;
}

TEST_F(GuideAttackCliTest, DeeplyNestedFrontMatterSaysSo) {
  const std::string draft =
      write("deep.md", "---\ntone: " + std::string(3000, '[') + std::string(3000, ']') + "\n---\nHello there.\n");
  const auto r = run_tonelint("check " + q(draft));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(draft + ":2:106: invalid YAML front matter: YAML nested more than 100 levels deep"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("bad file"), std::string::npos) << r.err;
}

TEST_F(GuideAttackCliTest, ShippedGuidePassesItsOwnExamples) {
  const auto r = run_tonelint("test --guide " + q(std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 failed"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tonelint
