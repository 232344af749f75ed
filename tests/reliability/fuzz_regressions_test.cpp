// Replays every input saved under fuzz/regressions/<target>/ (and the hand-made seeds of
// fuzz/seeds/<target>/) through the same function the
// fuzz target calls (fuzz/fuzz_targets.h), built with the normal compiler and run in CI
// (and under the sanitizers by scripts/test.sh). An input that once crashed or broke an
// invariant must now pass: the function aborts the test on any broken invariant.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_targets.h"

namespace tonelint {
namespace fuzz {
// Test names and messages show the target's name, not its bytes.
inline void PrintTo(const Target& target, std::ostream* os) { *os << target.name; }
}  // namespace fuzz

namespace {

namespace fs = std::filesystem;

#ifdef TONELINT_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

const fs::path kRegressions = fs::path(TONELINT_SOURCE_DIR) / "fuzz" / "regressions";
const fs::path kSeeds = fs::path(TONELINT_SOURCE_DIR) / "fuzz" / "seeds";

class FuzzRegression : public ::testing::TestWithParam<fuzz::Target> {};

TEST_P(FuzzRegression, SavedInputsPass) {
  const fuzz::Target& target = GetParam();
  // The saved findings, and the hand-made seeds too: they must pass every invariant.
  std::vector<fs::path> inputs;
  for (const fs::path& dir : {kRegressions / target.name, kSeeds / target.name}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  // Also the empty input and a few bytes every target must take in its stride.
  const std::vector<std::string> built_in = {"", std::string(1, '\0'), "\xFF", "---\n", "a"};
  for (const std::string& bytes : built_in) {
    target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cerr << "replaying " << input.string() << " (" << bytes.size() << " bytes)\n";  // names a crash
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0) << input;
    // Some saved inputs were timeouts: each must now take well under the fuzzer's 10 s.
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, kSanitized ? 10.0 : 2.0) << input;
  }
  RecordProperty("inputs", static_cast<int>(inputs.size()));
}

// What fuzz_html's foster-parenting input could have led to: a span whose end lay before
// its start, so its length wrapped to some 4 billion; offset + length then wrapped in 32
// bits to a small number and the edit was taken, duplicating the text. Never again.
TEST(FuzzFindings, AnEditWhoseEndWrapsAroundIsNeverApplied) {
  Diagnostic d;
  d.suggestions.push_back(Suggestion{142, 4294967154u, "x", true});  // 142 + 4294967154 = 2^32
  const std::vector<Diagnostic> diagnostics{d};
  EXPECT_TRUE(select_suggestions(200, diagnostics, true).empty());
  int applied = -1;
  const std::string text(200, 'a');
  EXPECT_EQ(apply_suggestions(text, diagnostics, true, &applied), text);
  EXPECT_EQ(applied, 0);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(fuzz::kTargets),
                         [](const ::testing::TestParamInfo<fuzz::Target>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tonelint
