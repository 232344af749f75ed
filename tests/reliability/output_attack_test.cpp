// The output side of the attack battery (issue 13): reports written where they cannot be
// (a full disk), file names that carry control characters, newlines or bytes that are not
// UTF-8, very many findings and very long lines. Each test drives the real binary.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../test_support.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run_tonelint;
using testing::run_tonelint_shell;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";
const std::string kBinary = TONELINT_BINARY;
const std::vector<std::string> kFormats = {"text", "json", "sarif", "github", "rdjsonl", "checkstyle", "junit"};

class OutputAttack : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / ("tonelint_out_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  // A shell word for `s` (single quotes; the bytes pass unchanged).
  static std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }

  fs::path dir_;
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

}  // namespace
}  // namespace tonelint
