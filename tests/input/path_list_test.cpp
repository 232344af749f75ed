// The --files-from list reader: bounded, line by line, refusing what no list of paths holds.
#include "input/path_list.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "input/source_text.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<std::string>;

TEST(PathList, LinesCrLfAndBlankLines) {
  auto paths = parse_path_list("a.md\r\n\n  \t\nb c.md\nlast.md", "list.txt", false);
  ASSERT_TRUE(paths.ok()) << paths.status().to_string();
  EXPECT_EQ(*paths, (Paths{"a.md", "b c.md", "last.md"}));
}

TEST(PathList, DashIsStdinInAFileListButRefusedInAStdinList) {
  auto from_file = parse_path_list("a.md\n-\n", "list.txt", false);
  ASSERT_TRUE(from_file.ok());
  EXPECT_EQ(*from_file, (Paths{"a.md", "-"}));
  auto from_stdin = parse_path_list("a.md\n-\r\n", "<stdin>", true);
  ASSERT_FALSE(from_stdin.ok());
  EXPECT_EQ(from_stdin.status().to_string(),
            "<stdin>:2: list of paths (--files-from): '-' (stdin) is listed, but stdin is the list itself");
}

TEST(PathList, LongLinesAndNulBytesAreRefusedWithTheirLine) {
  auto long_line = parse_path_list("a\n" + std::string(kMaxPathListLine + 1, 'x'), "l.txt", false);
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.status().code(), ErrorCode::kParse);
  EXPECT_EQ(long_line.status().location().line, 2u);
  EXPECT_TRUE(parse_path_list(std::string(kMaxPathListLine, 'x'), "l.txt", false).ok());

  auto nul = parse_path_list(std::string("a\nb\n\0\n", 6), "l.txt", false);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().location().line, 3u);
}

TEST(PathList, StdinIsReadToTheLimitAndNoFurther) {
  std::istringstream endless(std::string(kMaxPathListBytes + 1, '\n'));
  auto paths = read_path_list("-", endless);
  ASSERT_FALSE(paths.ok());
  EXPECT_EQ(paths.status().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(paths.status().location().path, "<stdin>");

  std::istringstream small("x.md\n");
  auto ok = read_path_list("-", small);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, Paths{"x.md"});
}

TEST(PathList, AFifoOrDeviceAsTheListIsRefusedWithoutBlocking) {
  const fs::path fifo = fs::path(::testing::TempDir()) / ("tonelint_path_list_" + std::to_string(::getpid()));
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::istringstream unused;
  auto paths = read_path_list(fifo.string(), unused);
  fs::remove(fifo);
  ASSERT_FALSE(paths.ok());
  EXPECT_EQ(paths.status().code(), ErrorCode::kIo);
  EXPECT_NE(paths.status().message().find("is a FIFO, not a regular file"), std::string::npos);
  auto device = read_path_list("/dev/zero", unused);
  ASSERT_FALSE(device.ok());
  EXPECT_NE(device.status().message().find("is a character device"), std::string::npos);
}

// load_source_file, the drafts' reader, refuses what is not a regular file by its type.
TEST(SourceFileType, FifoAndDevicesAreRefusedWithoutBlocking) {
  const fs::path fifo = fs::path(::testing::TempDir()) / ("tonelint_draft_fifo_" + std::to_string(::getpid()) + ".md");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto source = load_source_file(fifo.string());
  fs::remove(fifo);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kIo);
  EXPECT_EQ(source.status().message(), "is a FIFO, not a regular file; only regular files are checked");
  for (const char* device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    auto dev = load_source_file(device);
    ASSERT_FALSE(dev.ok()) << device;
    EXPECT_EQ(dev.status().message(), "is a character device, not a regular file; only regular files are checked");
  }
}

}  // namespace
}  // namespace tonelint
