// Large single-line inputs: streaming analysis must finish and keep memory bounded.
// Each TEST runs in its own process under CTest, so ru_maxrss measures this test alone.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "../test_support.h"
#include "extract/extractor.h"
#include "tokenize/analyzer.h"

namespace tonelint {
namespace {

using testing::shared_model;
using testing::source_of;

constexpr std::size_t kTenMb = std::size_t{10} << 20;

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

std::string repeat_to(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

struct StreamStats {
  std::size_t sentences = 0;
  std::size_t forced = 0;
  std::size_t tokens = 0;
  std::uint32_t longest = 0;
  std::uint32_t covered_until = 0;  // end of the last sentence, in source bytes
  bool ordered = true;
  long growth_kb = 0;
};

// Streams `bytes` through for_each_sentence, measuring peak-memory growth from the
// moment the input and model are loaded (the input itself is not the analysis' cost).
StreamStats stream(std::string bytes) {
  StreamStats stats;
  auto model = shared_model();
  auto source = source_of(std::move(bytes), "big.txt");
  if (!model || !source) return stats;
  auto doc = extractor_for_path("big.txt").extract(*source);
  EXPECT_TRUE(doc.ok());
  if (!doc.ok()) return stats;
  auto analyzer = Analyzer::create(model);
  EXPECT_TRUE(analyzer.ok());
  if (!analyzer.ok()) return stats;
  const long before = peak_rss_kb();
  (*analyzer)->for_each_sentence(*doc, [&](const TextBlock&, const Sentence& s, std::span<const Token> tokens) {
    ++stats.sentences;
    stats.forced += s.forced_split;
    stats.tokens += tokens.size();
    stats.longest = std::max(stats.longest, s.length);
    if (s.offset < stats.covered_until) stats.ordered = false;
    for (const Token& t : tokens) {
      if (t.offset < s.offset || t.offset + t.length > s.offset + s.length) stats.ordered = false;
    }
    stats.covered_until = s.offset + s.length;
  });
  stats.growth_kb = peak_rss_kb() - before;
  return stats;
}

// Streaming keeps one block's sentence list and one sentence's tokens: tens of MB at
// most. Holding every token of 10 MB would take hundreds of MB.
// Under AddressSanitizer freed memory waits in a 256 MB quarantine and every block has
// redzones, so only a looser bound still means "not every token at once".
#ifdef TONELINT_SANITIZED
constexpr long kMaxGrowthKb = 512 * 1024;
#else
constexpr long kMaxGrowthKb = 96 * 1024;
#endif

TEST(LargeInput, TenMegabytesOfEnglishOnOneLine) {
  const std::string unit = "The quick brown fox jumps over the lazy dog. ";
  std::string text = repeat_to(unit, kTenMb);
  const std::size_t size = text.size();
  const StreamStats stats = stream(std::move(text));
  EXPECT_EQ(stats.sentences, size / unit.size());
  EXPECT_EQ(stats.forced, 0u);
  EXPECT_EQ(stats.tokens, stats.sentences * 10);  // nine words and a period
  EXPECT_TRUE(stats.ordered);
  EXPECT_EQ(stats.covered_until, size - 1);  // the trailing space is trimmed
  EXPECT_LT(stats.growth_kb, kMaxGrowthKb) << "peak memory grew by " << stats.growth_kb << " kB";
}

TEST(LargeInput, EnglishWithoutPunctuationIsCut) {
  // No sentence end anywhere: only the forced split bounds the pieces.
  std::string text = repeat_to("lorem ipsum dolor sit amet ", kTenMb);
  const std::size_t size = text.size();
  const StreamStats stats = stream(std::move(text));
  EXPECT_GE(stats.sentences, size / kMaxSentenceBytes);
  EXPECT_EQ(stats.forced, stats.sentences - 1);
  EXPECT_LE(stats.longest, kMaxSentenceBytes);
  EXPECT_TRUE(stats.ordered);
  EXPECT_LT(stats.growth_kb, kMaxGrowthKb) << "peak memory grew by " << stats.growth_kb << " kB";
}

TEST(LargeInput, JapaneseWithoutKutenIsCut) {
  // No 。 and no space, only 、 to cut at.
  std::string text = repeat_to("今日はとても良い天気ですね、散歩に行きましょう", kTenMb);
  const std::size_t size = text.size();
  const StreamStats stats = stream(std::move(text));
  EXPECT_GE(stats.sentences, size / kMaxSentenceBytes);
  EXPECT_EQ(stats.forced, stats.sentences - 1);
  EXPECT_LE(stats.longest, kMaxSentenceBytes);
  EXPECT_GT(stats.tokens, stats.sentences * 100);
  EXPECT_TRUE(stats.ordered);
  EXPECT_EQ(stats.covered_until, size);
  EXPECT_LT(stats.growth_kb, kMaxGrowthKb) << "peak memory grew by " << stats.growth_kb << " kB";
}

TEST(LargeInput, CliOnTenMegabyteLine) {
  const std::string path = ::testing::TempDir() + "tonelint_large_" + std::to_string(::getpid()) + ".txt";
  const std::string unit = "The quick brown fox jumps over the lazy dog. ";
  const std::string text = repeat_to(unit, kTenMb);
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  // The JSON is hundreds of MB: keep only its tail (the summary) and the exit status.
  const std::string tail = path + ".tail", code = path + ".code", err = path + ".err";
  const std::string command = "{ " + std::string(TONELINT_BINARY) + " tokens --format json " + path + " 2>" + err +
                              "; echo $? >" + code + "; } | tail -c 300 >" + tail;
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string out = testing::read_file(tail), status = testing::read_file(code),
                    errors = testing::read_file(err);
  for (const std::string& f : {tail, code, err}) std::remove(f.c_str());
  std::remove(path.c_str());
  EXPECT_EQ(status, "0\n") << errors;
  const std::size_t sentences = text.size() / unit.size();
  const std::string summary = "\"summary\":{\"errors\":0,\"files\":1,\"sentences\":" + std::to_string(sentences) +
                              ",\"skipped\":0,\"tokens\":" + std::to_string(sentences * 10) + "}}";
  EXPECT_NE(out.find(summary), std::string::npos) << out;
}

}  // namespace
}  // namespace tonelint
