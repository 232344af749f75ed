// A lint session: one thread's analyzer plus the compiled rules of every context it has
// met, so a run over many files compiles each context once.
#pragma once

#include <algorithm>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "lint/linter.h"
#include "extract/extractor.h"
#include "guide/guide.h"
#include "tokenize/analyzer.h"

namespace tonelint {

// Where a context value came from, most important first.
enum class ContextSource : std::uint8_t { kFlag, kFrontMatter, kConfig, kDefault };
const char* context_source_name(ContextSource source);

struct FileReport {
  Context context;
  std::array<ContextSource, kDimensionCount> context_sources{};
  LintResult result;
};

// Compiled rules shared by several sessions of one guide (a pool serving many threads), so
// each context is compiled once, not once per session. At most `capacity` contexts are
// kept, the least recently used going first: a guide's contexts multiply (the shipped one
// has 1,000) and each costs a few hundred KB compiled, so a service whose clients walk
// through them all must not keep them all. Thread-safe.
class SharedRules {
 public:
  explicit SharedRules(std::size_t capacity = 128) : capacity_(std::max<std::size_t>(1, capacity)) {}

  std::shared_ptr<const CompiledRules> find(const Context& context);
  // Keeps `rules` unless another session got there first; returns the one kept.
  std::shared_ptr<const CompiledRules> insert(const Context& context, std::shared_ptr<const CompiledRules> rules);
  std::size_t size() const;

 private:
  using Key = std::array<std::string, kDimensionCount>;
  struct Entry {
    std::shared_ptr<const CompiledRules> rules;
    std::list<Key>::iterator use;  // its place in `uses_`
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> compiled_;
  std::list<Key> uses_;  // most recently used first
};

class LintSession {
 public:
  // Not thread-safe: one session per thread; the guide and the model are shared, and so
  // is `shared` (compiled rules) when given.
  static Result<std::unique_ptr<LintSession>> create(std::shared_ptr<const Guide> guide,
                                                     std::shared_ptr<const MecabModel> model,
                                                     std::shared_ptr<SharedRules> shared = nullptr);

  // Lints one draft. `flags` are context values given on the command line (empty = unset);
  // they win over the draft's front matter (tone: {...}), which wins over `configured`
  // (the repository config's path mapping), which wins over the guide's defaults.
  // `limits`: which findings are kept (see LintLimits; by default all).
  // Errors: an unknown context value (naming where it was written).
  Result<FileReport> lint(const SourceText& source, const Extractor& extractor, const Context& flags,
                          const Context& configured = {}, const LintLimits& limits = {});

  // The compiled rules for a complete context, compiled on first use.
  Result<std::shared_ptr<const CompiledRules>> rules_for(const Context& context);

  Analyzer& analyzer() { return *analyzer_; }
  const Guide& guide() const { return *guide_; }

 private:
  LintSession(std::shared_ptr<const Guide> guide, std::unique_ptr<Analyzer> analyzer, std::shared_ptr<SharedRules> shared)
      : guide_(std::move(guide)), analyzer_(std::move(analyzer)), shared_(std::move(shared)) {}

  std::shared_ptr<const Guide> guide_;
  std::unique_ptr<Analyzer> analyzer_;
  std::shared_ptr<SharedRules> shared_;
  // Without `shared_`: what this session has compiled (a CLI run meets few contexts).
  std::map<std::array<std::string, kDimensionCount>, std::shared_ptr<const CompiledRules>> compiled_;
};

}  // namespace tonelint
