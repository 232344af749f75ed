// Tokenizer throughput on the shared corpus, beside raw MeCab on the same bytes.
//
//   tonelint_bench [--runs N] [--mecab PATH] DIR...
//
// For each DIR (e.g. ../shared/corpus/ja), all .md/.mdx/.txt files are read into memory,
// then timed through
//   pipeline   the product's path: Markdown extraction, segmentation, tokenization
//   text path  every byte as plain text through segmentation + tokenization (the same
//              bytes MeCab reads, so this is the like-for-like comparison)
//   mecab      `mecab -Owakati` (ipadic-utf8) on the concatenated bytes, as a child process
// and printed as MB/s (best of N runs) with peak RSS. Input bytes count the whole files.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "extract/extractor.h"
#include "input/source_text.h"
#include "tokenize/analyzer.h"

namespace fs = std::filesystem;
using tonelint::Analyzer;
using namespace tonelint::bench;

namespace {

struct Counts {
  std::size_t sentences = 0;
  std::size_t tokens = 0;
};

// Seconds for one pass of the product path over the corpus.
double time_pipeline(Analyzer& analyzer, const Corpus& corpus, bool as_plain_text, Counts* counts) {
  const tonelint::Extractor* plain = tonelint::extractor_for_format("text");
  const auto start = std::chrono::steady_clock::now();
  for (const auto& [path, bytes] : corpus.files) {
    auto source = tonelint::load_source_bytes(bytes, path);
    if (!source.ok()) continue;  // binary or invalid files are skipped, as in the CLI
    const tonelint::Extractor& extractor = as_plain_text ? *plain : tonelint::extractor_for_path(path);
    auto doc = extractor.extract(**source);
    if (!doc.ok()) continue;
    analyzer.for_each_sentence(*doc, [&](const tonelint::TextBlock&, const tonelint::Sentence&,
                                         std::span<const tonelint::Token> tokens) {
      ++counts->sentences;
      counts->tokens += tokens.size();
    });
  }
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::string mecab = "/usr/bin/mecab";
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--mecab" && i + 1 < argc) {
      mecab = argv[++i];
    } else {
      dirs.push_back(arg);
    }
  }
  if (dirs.empty()) {
    std::cerr << "usage: tonelint_bench [--runs N] [--mecab PATH] DIR...\n";
    return 2;
  }
  auto model = tonelint::MecabModel::load();
  if (!model.ok()) {
    std::cerr << model.status().to_string() << '\n';
    return 2;
  }
  auto analyzer = Analyzer::create(*model);
  if (!analyzer.ok()) {
    std::cerr << analyzer.status().to_string() << '\n';
    return 2;
  }

  std::printf("%-28s %9s %10s %10s %9s %11s\n", "corpus / path", "MB", "best s", "MB/s", "vs mecab", "peak RSS");
  for (const std::string& dir : dirs) {
    const Corpus corpus = load_corpus(dir);
    if (corpus.files.empty()) {
      std::cerr << dir << ": no .md/.mdx/.txt files\n";
      continue;
    }
    // The concatenation MeCab reads.
    const std::string concat_path = write_concatenation(corpus);

    double mecab_best = 1e9;
    long mecab_rss = 0;
    bool mecab_ok = true;
    double pipeline_best = 1e9, text_best = 1e9;
    Counts pipeline_counts, text_counts;
    for (int r = 0; r < runs; ++r) {
      Counts c1, c2;
      pipeline_best = std::min(pipeline_best, time_pipeline(**analyzer, corpus, false, &c1));
      text_best = std::min(text_best, time_pipeline(**analyzer, corpus, true, &c2));
      pipeline_counts = c1;
      text_counts = c2;
      if (mecab_ok) {
        double s = 0;
        long rss = 0;
        mecab_ok = time_mecab(mecab, (*model)->dicdir(), concat_path, &s, &rss);
        mecab_best = std::min(mecab_best, s);
        mecab_rss = std::max(mecab_rss, rss);
      }
    }
    std::remove(concat_path.c_str());

    const double mecab_rate = mecab_ok ? mb(corpus.bytes) / mecab_best : 0;
    auto row = [&](const char* what, double seconds, long rss_kb, bool compare) {
      const double rate = mb(corpus.bytes) / seconds;
      char ratio[32] = "-";
      if (compare && mecab_rate > 0) std::snprintf(ratio, sizeof ratio, "%.0f%%", 100.0 * rate / mecab_rate);
      std::printf("  %-26s %9.2f %10.2f %10.2f %9s %8.1f MB\n", what, mb(corpus.bytes), seconds, rate, ratio,
                  static_cast<double>(rss_kb) / 1024.0);
    };
    std::printf("%s  (%zu files)\n", dir.c_str(), corpus.files.size());
    row("tonelint pipeline (md)", pipeline_best, peak_rss_kb(), true);
    row("tonelint text path", text_best, peak_rss_kb(), true);
    if (mecab_ok) row("mecab -Owakati", mecab_best, mecab_rss, false);
    std::printf("  sentences %zu / tokens %zu (pipeline), %zu / %zu (text path)\n", pipeline_counts.sentences,
                pipeline_counts.tokens, text_counts.sentences, text_counts.tokens);
  }
  std::printf("peak RSS of this process includes the corpus held in memory.\n");
  return 0;
}
