// The public C++ API, part 1: a loaded tone guide.
//
//   auto guide = tonelint::ToneGuide::load({.guide_path = "rules/tonelint.yaml"});
//   if (!guide.ok()) { std::cerr << guide.status().to_string() << '\n'; return; }
//   auto checker = tonelint::Checker::create(*guide);   // see checker.h
//
// A ToneGuide is immutable once loaded: share it (std::shared_ptr<const ToneGuide>) between
// any number of threads and checkers. Nothing here keeps global mutable state, and no
// exception crosses the API: every fallible call returns a Status or a Result.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tonelint/status.h"

namespace tonelint {

// The morphological dictionaries: MeCab's ipadic-utf8 plus user dictionaries of names
// (brand-names.dic). Loading them is the expensive part of start-up (~0.1 s), so one
// instance can serve every guide of a process.
class Dictionaries {
 public:
  struct Options {
    std::string mecab_dicdir;  // empty: $TONELINT_MECAB_DICDIR, else Debian's ipadic-utf8
    // Compiled MeCab user dictionaries (.dic, each with its .csv beside it). nullopt:
    // $TONELINT_USER_DIC when set, else the shipped brand-names.dic when it can be found.
    std::optional<std::vector<std::string>> user_dictionaries;
  };
  // Errors name the dictionary file that is missing or corrupt.
  static Result<std::shared_ptr<const Dictionaries>> load(const Options& options);
  static Result<std::shared_ptr<const Dictionaries>> load() { return load(Options{}); }

  const std::string& mecab_dicdir() const;
  const std::vector<std::string>& user_dictionaries() const;
  // Problems that did not stop loading: the shipped brand dictionary not found where the
  // build or an install puts it (brand and product names are then not known as names, so
  // "EASY Backup" is protected only by what the text itself shows). A front end shows them.
  const std::vector<Status>& warnings() const;

  struct Impl;  // the library's own
  const Impl& impl() const { return *impl_; }
  explicit Dictionaries(std::unique_ptr<Impl> impl);
  ~Dictionaries();

 private:
  std::unique_ptr<Impl> impl_;
};

// One context dimension as the guide defines it, so a UI can offer its values.
struct ContextDimension {
  std::string name;                 // channel, situation, audience, emotion
  std::vector<std::string> values;  // the values the guide allows
  std::string default_value;        // the guide's default
};

class ToneGuide {
 public:
  struct Options {
    // The guide YAML. Empty: the shipped rules/tonelint.yaml (beside the executable, as
    // the build lays it out, or installed under share/tonelint).
    std::string guide_path;
    // Dictionaries to use; null: loaded with `dictionary_options`.
    std::shared_ptr<const Dictionaries> dictionaries;
    Dictionaries::Options dictionary_options;
  };

  // Loads and checks the guide (following `extends:` and its word lists). A guide with
  // any error is refused: the Status names the first error's file:line:column, and its
  // message lists every other error, one a line.
  static Result<std::shared_ptr<const ToneGuide>> load(const Options& options);

  const std::string& id() const;    // rule ids are reported as "<id>.<rule>"
  const std::string& path() const;  // the guide file as loaded
  const std::vector<std::string>& languages() const;
  const std::vector<ContextDimension>& dimensions() const;
  std::size_t rule_count() const;   // voice rules (tone-only rules not counted)
  const std::shared_ptr<const Dictionaries>& dictionaries() const;

  struct Impl;  // the library's own
  const Impl& impl() const { return *impl_; }
  explicit ToneGuide(std::unique_ptr<Impl> impl);
  ~ToneGuide();

 private:
  std::unique_ptr<Impl> impl_;
};

// The shipped guide and brand dictionary beside the running executable (or installed under
// share/tonelint); empty when not found.
std::string shipped_guide_path();
std::string shipped_user_dictionary_path();

}  // namespace tonelint
