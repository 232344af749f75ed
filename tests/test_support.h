// Helpers shared by the tests: loading text, extracting, analysing, running the CLI.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "input/source_text.h"
#include "tokenize/analyzer.h"
#include "tokenize/mecab_model.h"

namespace tonelint::testing {

// The whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Writes `content` to `path`, replacing what was there.
inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

// Writes `content` to the file `name` in the test temporary folder; returns its path.
inline std::string temp_file(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  write_file(path, content);
  return path;
}

// One MeCab model for the whole test binary, as in the product.
inline std::shared_ptr<MecabModel> shared_model() {
  static std::shared_ptr<MecabModel> model = [] {
    auto loaded = MecabModel::load();
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().to_string();
      return std::shared_ptr<MecabModel>();
    }
    return *loaded;
  }();
  return model;
}

inline std::unique_ptr<SourceText> source_of(std::string bytes, std::string name = "test.txt") {
  auto source = load_source_bytes(std::move(bytes), name);
  if (!source.ok()) {
    ADD_FAILURE() << source.status().to_string();
    return nullptr;
  }
  return std::move(*source);
}

// A document and its analysis, kept together because tokens point into both.
struct Analyzed {
  std::unique_ptr<SourceText> source;
  std::unique_ptr<Document> doc;
  Analysis analysis;

  std::vector<std::string> surfaces() const {
    std::vector<std::string> out;
    for (const Token& t : analysis.tokens) out.emplace_back(t.surface);
    return out;
  }
  std::vector<std::string> sentence_texts() const {
    std::vector<std::string> out;
    for (const auto& s : analysis.sentences) out.emplace_back(source->bytes().substr(s.sentence.offset, s.sentence.length));
    return out;
  }
  const Token* find(std::string_view surface) const {
    for (const Token& t : analysis.tokens) {
      if (t.surface == surface) return &t;
    }
    return nullptr;
  }
};

// Extracts (by the name's extension) and analyses `bytes` with `model`.
inline std::unique_ptr<Analyzed> analyze_with(std::shared_ptr<MecabModel> model, std::string bytes,
                                              std::string name = "test.txt") {
  if (!model) return nullptr;
  auto out = std::make_unique<Analyzed>();
  out->source = source_of(std::move(bytes), std::move(name));
  if (!out->source) return nullptr;
  auto doc = extractor_for_path(out->source->path()).extract(*out->source);
  if (!doc.ok()) {
    ADD_FAILURE() << doc.status().to_string();
    return nullptr;
  }
  out->doc = std::make_unique<Document>(std::move(*doc));
  auto analyzer = Analyzer::create(std::move(model));
  if (!analyzer.ok()) {
    ADD_FAILURE() << analyzer.status().to_string();
    return nullptr;
  }
  (*analyzer)->analyze(*out->doc, &out->analysis);
  return out;
}

// The same with the test binary's shared model.
inline std::unique_ptr<Analyzed> analyze(std::string bytes, std::string name = "test.txt") {
  return analyze_with(shared_model(), std::move(bytes), std::move(name));
}

// Sets (or, with nullptr, unsets) an environment variable for the rest of a scope,
// including for the tonelint processes a test starts.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value == nullptr) {
      ::unsetenv(name);
    } else {
      ::setenv(name, value, 1);
    }
  }
  ScopedEnv(const char* name, const std::string& value) : ScopedEnv(name, value.c_str()) {}
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A test with a fresh folder of its own (named after the test and the process, removed
// after it), and a way to write files into it, making the folders on the way.
class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("tonelint_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;  // a test may leave a folder it made unreadable
    std::filesystem::remove_all(dir_, ignored);
  }
  // Writes `content` to `name` under the folder; returns the file's path.
  std::string write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::filesystem::path dir_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs a shell command line and captures its output.
inline CommandResult run_tonelint_shell(const std::string& command_line, const std::string& stdin_text = "") {
  static int counter = 0;
  const std::string base = ::testing::TempDir() + "tonelint_cli_" + std::to_string(::getpid()) + "_" +
                           std::to_string(counter++);
  const std::string in_path = base + ".in", out_path = base + ".out", err_path = base + ".err";
  if (FILE* f = std::fopen(in_path.c_str(), "wb")) {
    std::fwrite(stdin_text.data(), 1, stdin_text.size(), f);
    std::fclose(f);
  }
  const std::string command = "(" + command_line + ") <" + in_path + " >" + out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& path) {
    std::string data;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
      char buffer[65536];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
      std::fclose(f);
    }
    return data;
  };
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

// Runs the built `tonelint` with `args` (a shell fragment) and captures its output.
inline CommandResult run_tonelint(const std::string& args, const std::string& stdin_text = "") {
  return run_tonelint_shell(std::string(TONELINT_BINARY) + " " + args, stdin_text);
}

}  // namespace tonelint::testing
