// Shared by the benchmarks: reading a corpus, timing raw MeCab, peak memory.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace tonelint::bench {

struct Corpus {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  std::size_t bytes = 0;
};

// Every .md/.mdx/.txt file under `dir`, in path order, held in memory.
inline Corpus load_corpus(const std::string& dir) {
  namespace fs = std::filesystem;
  Corpus corpus;
  corpus.name = dir;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".md" || ext == ".mdx" || ext == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    corpus.bytes += bytes.size();
    corpus.files.emplace_back(p.string(), std::move(bytes));
  }
  return corpus;
}

inline long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

inline double mb(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Writes the corpus concatenated (what raw MeCab reads) to a temporary file.
inline std::string write_concatenation(const Corpus& corpus) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("tonelint_bench_" + std::to_string(getpid()))).string();
  std::ofstream out(path, std::ios::binary);
  for (const auto& [name, bytes] : corpus.files) out << bytes << '\n';
  return path;
}

// Runs `mecab -Owakati` on `input_path`; its wall time and the child's peak RSS.
inline bool time_mecab(const std::string& mecab, const std::string& dicdir, const std::string& input_path,
                       double* seconds, long* rss_kb) {
  if (access(mecab.c_str(), X_OK) != 0) return false;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    const int in = open(input_path.c_str(), O_RDONLY);
    const int out = open("/dev/null", O_WRONLY);
    if (in < 0 || out < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    execl(mecab.c_str(), mecab.c_str(), "-Owakati", "-d", dicdir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  *seconds = seconds_since(start);
  *rss_kb = usage.ru_maxrss;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace tonelint::bench
