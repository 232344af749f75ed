#include "fix/fixer.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

namespace tonelint {
namespace {

using testing::read_file;

Diagnostic with_edit(std::uint32_t offset, std::uint32_t length, std::string text, bool safe = true) {
  Diagnostic d;
  d.offset = offset;
  d.length = length;
  d.suggestions.push_back(Suggestion{offset, length, std::move(text), safe});
  return d;
}


TEST(ApplySuggestionsTest, AppliesNonOverlappingEditsLeftToRight) {
  int applied = 0;
  const std::string out = apply_suggestions("utilize and leverage it", {with_edit(12, 8, "use"), with_edit(0, 7, "use")},
                                            false, &applied);
  EXPECT_EQ(out, "use and use it");
  EXPECT_EQ(applied, 2);
}

TEST(ApplySuggestionsTest, SkipsOverlapsAndUnsafeEdits) {
  int applied = 0;
  std::vector<Diagnostic> ds = {with_edit(0, 5, "A"), with_edit(3, 4, "B"), with_edit(8, 1, "C", false)};
  EXPECT_EQ(apply_suggestions("0123456789", ds, false, &applied), "A56789");
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(apply_suggestions("0123456789", ds, true, &applied), "A567C9");
  EXPECT_EQ(applied, 2);
}

TEST(UnifiedDiffTest, ShowsChangedLinesWithContext) {
  const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\n";
  const std::string after = "a\nb\nc\nD\ne\nf\ng\nh\n";
  EXPECT_EQ(unified_diff("x.md", before, after),
            "--- x.md\n+++ x.md\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n");
  EXPECT_EQ(unified_diff("x.md", before, before), "");
}

TEST(UnifiedDiffTest, SeparateChangesGetSeparateHunks) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string diff = unified_diff("f", before, after);
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n"), std::string::npos) << diff;
}

TEST(WriteIfUnchangedTest, ReplacesAtomicallyAndKeepsPermissions) {
  const std::string path = ::testing::TempDir() + "tonelint_fix_test.md";
  { std::ofstream(path, std::ios::binary) << "old text\n"; }
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  ASSERT_TRUE(write_if_unchanged(path, "old text\n", "new text\n").ok());
  EXPECT_EQ(read_file(path), "new text\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  std::remove(path.c_str());
}

TEST(WriteIfUnchangedTest, RefusesAFileChangedSinceItWasRead) {
  const std::string path = ::testing::TempDir() + "tonelint_fix_changed.md";
  { std::ofstream(path, std::ios::binary) << "someone else's edit\n"; }
  const Status s = write_if_unchanged(path, "what we read\n", "our fix\n");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed on disk"), std::string::npos);
  EXPECT_EQ(read_file(path), "someone else's edit\n");  // nothing lost
  std::remove(path.c_str());
}

}  // namespace
}  // namespace tonelint
