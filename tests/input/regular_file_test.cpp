#include "input/regular_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace tonelint {
namespace {

namespace fs = std::filesystem;

class RegularFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("tonelint_regular_file_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  fs::path dir_;
};

TEST_F(RegularFile, ReadsAWholeFile) {
  const auto path = write("a.txt", "line one\nline two\n");
  auto bytes = read_regular_file(path, 1024, "guide");
  ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
  EXPECT_EQ(*bytes, "line one\nline two\n");
}

TEST_F(RegularFile, RefusesAFifoWithoutBlocking) {
  const auto path = (dir_ / "pipe").string();
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  auto bytes = read_regular_file(path, 1024, "lexicon");  // would hang in open() if it blocked
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kIo);
  EXPECT_EQ(bytes.status().location().path, path);
  EXPECT_EQ(bytes.status().message(), "lexicon is a FIFO, not a regular file");
}

TEST_F(RegularFile, RefusesDevicesAndDirectories) {
  auto zero = read_regular_file("/dev/zero", 1024, "file list");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.status().message(), "file list is a character device, not a regular file");
  auto dir = read_regular_file(dir_.string(), 1024, "config");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().message(), "config is a directory, not a regular file");
}

TEST_F(RegularFile, RefusesAFileOverTheLimitBeforeReadingIt) {
  const auto path = write("big.txt", std::string(2049, 'x'));
  auto bytes = read_regular_file(path, 2048, "guide");
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(bytes.status().message(), "guide of 2049 bytes exceeds the limit of 2 KiB");
  EXPECT_TRUE(read_regular_file(path, 2049, "guide").ok());
}

TEST_F(RegularFile, AMissingFileIsNotFound) {
  auto bytes = read_regular_file((dir_ / "absent.yaml").string(), 1024, "guide");
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(bytes.status().message().find("cannot read guide"), std::string::npos);
}

}  // namespace
}  // namespace tonelint
