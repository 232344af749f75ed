// The whole `check` path (read, extract, analyse, lint) on the shared corpus, beside raw
// MeCab on the same bytes, and the in-process latency of checking one chat message.
//
//   tonelint_check_bench [--runs N] [--guide G] [--mecab PATH] [--messages DIR] CORPUS_DIR...
//
// Throughput is measured with the shipped guide and with a one-rule guide (so the cost of
// many rules shows: they share one match pass), on 1 and 2 threads. Latency uses real
// support replies of at most 300 characters from DIR (ja: the ASDC operator turns; en:
// customer-care agent replies), checked as chat to an upset customer.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "messages.h"
#include "lint/session.h"
#include "load/guide_loader.h"
#include "input/source_text.h"
#include "input/utf8.h"

namespace fs = std::filesystem;
using namespace tonelint;
using namespace tonelint::bench;

namespace {

struct Run {
  double seconds = 0;
  std::size_t findings = 0;
};

Run check_corpus(std::shared_ptr<const Guide> guide, std::shared_ptr<const MecabModel> model, const Corpus& corpus,
                 int threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> findings{0};
  const auto start = std::chrono::steady_clock::now();
  auto worker = [&] {
    auto session = LintSession::create(guide, model);
    if (!session.ok()) return;
    for (std::size_t i = next++; i < corpus.files.size(); i = next++) {
      const auto& [path, bytes] = corpus.files[i];
      auto source = load_source_bytes(bytes, path);
      if (!source.ok()) continue;
      auto report = (*session)->lint(**source, extractor_for_path(path), Context{});
      if (report.ok()) findings += report->result.diagnostics.size();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return Run{seconds_since(start), findings.load()};
}

void latency(std::shared_ptr<const Guide> guide, std::shared_ptr<const MecabModel> model, const std::string& label,
             const std::vector<std::string>& messages) {
  if (messages.empty()) return;
  auto session = LintSession::create(guide, model);
  if (!session.ok()) return;
  Context chat;
  chat[Dimension::kChannel] = "chat";
  chat[Dimension::kEmotion] = "upset";
  const Extractor& text = *extractor_for_format("text");
  std::vector<double> micros;
  std::size_t findings = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the first pass warms caches and compiles the context
    micros.clear();
    for (const std::string& m : messages) {
      const auto start = std::chrono::steady_clock::now();
      auto source = load_source_bytes(m, "<message>");
      if (!source.ok()) continue;
      auto report = (*session)->lint(**source, text, chat);
      micros.push_back(seconds_since(start) * 1e6);
      if (pass == 1 && report.ok()) findings += report->result.diagnostics.size();
    }
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
  std::printf("  %-26s %6zu messages  median %7.1f µs  p90 %7.1f µs  p99 %7.1f µs  (%zu findings)\n", label.c_str(),
              micros.size(), at(0.5), at(0.9), at(0.99), findings);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 2;
  std::string mecab = "/usr/bin/mecab", guide_path, messages_dir;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--mecab" && i + 1 < argc) mecab = argv[++i];
    else if (arg == "--guide" && i + 1 < argc) guide_path = argv[++i];
    else if (arg == "--messages" && i + 1 < argc) messages_dir = argv[++i];
    else dirs.push_back(arg);
  }
  if (guide_path.empty()) {
    std::cerr << "usage: tonelint_check_bench --guide G [--runs N] [--messages DIR] CORPUS_DIR...\n";
    return 2;
  }
  GuideLoad shipped = load_guide_file(guide_path);
  GuideLoad one_rule = load_guide_text(R"(guide: one
contexts: {channel: [email, chat], emotion: [neutral, upset]}
rules:
  - {id: plain, kind: substitution, lang: en, message: "use '{to}'", swap: {utilize: use}}
)",
                                       "<one-rule>");
  auto model = MecabModel::load();
  if (!shipped.ok() || !one_rule.ok() || !model.ok()) {
    std::cerr << "cannot load the guide or the MeCab model\n";
    return 2;
  }
  std::size_t shipped_rules = shipped.guide->rules.size();
  for (const auto& t : shipped.guide->tones) shipped_rules += t.rules.size();

  std::printf("%-34s %8s %9s %9s %9s\n", "corpus / path", "MB", "best s", "MB/s", "vs mecab");
  for (const std::string& dir : dirs) {
    const Corpus corpus = load_corpus(dir);
    if (corpus.files.empty()) continue;
    const std::string concat = write_concatenation(corpus);
    double mecab_best = 1e9;
    long mecab_rss = 0;
    bool mecab_ok = true;
    struct Config {
      std::string label;
      std::shared_ptr<const Guide> guide;
      int threads;
      double best = 1e9;
      std::size_t findings = 0;
    };
    std::vector<Config> configs = {
        {"check, shipped guide, 1 thread", shipped.guide, 1},
        {"check, shipped guide, 2 threads", shipped.guide, 2},
        {"check, one-rule guide, 1 thread", one_rule.guide, 1},
    };
    for (int r = 0; r < runs; ++r) {
      for (Config& c : configs) {
        const Run run = check_corpus(c.guide, *model, corpus, c.threads);
        c.best = std::min(c.best, run.seconds);
        c.findings = run.findings;
      }
      if (mecab_ok) {
        double s = 0;
        long rss = 0;
        mecab_ok = time_mecab(mecab, (*model)->dicdir(), concat, &s, &rss);
        mecab_best = std::min(mecab_best, s);
        mecab_rss = std::max(mecab_rss, rss);
      }
    }
    std::remove(concat.c_str());
    std::printf("%s  (%zu files; shipped guide: %zu rules)\n", dir.c_str(), corpus.files.size(), shipped_rules);
    const double mecab_rate = mecab_ok ? mb(corpus.bytes) / mecab_best : 0;
    for (const Config& c : configs) {
      const double rate = mb(corpus.bytes) / c.best;
      std::printf("  %-32s %8.2f %9.2f %9.2f %8.0f%%   %zu findings\n", c.label.c_str(), mb(corpus.bytes), c.best, rate,
                  mecab_rate > 0 ? 100.0 * rate / mecab_rate : 0.0, c.findings);
    }
    if (mecab_ok) {
      std::printf("  %-32s %8.2f %9.2f %9.2f %9s   peak RSS %.1f MB\n", "mecab -Owakati", mb(corpus.bytes), mecab_best,
                  mecab_rate, "-", static_cast<double>(mecab_rss) / 1024.0);
    }
  }
  std::printf("peak RSS of this process: %.1f MB (corpora held in memory)\n", static_cast<double>(peak_rss_kb()) / 1024.0);

  if (!messages_dir.empty()) {
    std::printf("one chat message (<= 300 chars), in process, chat + upset context, shipped guide:\n");
    for (const char* lang : {"ja", "en"}) {
      latency(shipped.guide, *model, lang, load_messages(messages_dir + "/" + lang));
    }
  }
  return 0;
}
