// Shared by the public API's tests: the dictionaries and a small guide of their own.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tonelint/guide_file.h"
#include "tonelint/tone_guide.h"

namespace tonelint::api_test {

inline std::shared_ptr<const Dictionaries> dictionaries() {
  static std::shared_ptr<const Dictionaries> loaded = [] {
    Dictionaries::Options options;
    options.user_dictionaries = std::vector<std::string>{TONELINT_BRAND_DIC};
    auto d = Dictionaries::load(options);
    if (!d.ok()) {
      ADD_FAILURE() << d.status().to_string();
      return std::shared_ptr<const Dictionaries>();
    }
    return *d;
  }();
  return loaded;
}

// The guide at `path` with the shared dictionaries; a load error fails the test.
inline std::shared_ptr<const ToneGuide> load_guide(const std::string& path) {
  ToneGuide::Options options;
  options.guide_path = path;
  options.dictionaries = dictionaries();
  auto loaded = ToneGuide::load(options);
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.status().to_string();
    return std::shared_ptr<const ToneGuide>();
  }
  return *loaded;
}

inline const std::string kShippedGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";

// The shipped guide, loaded once for the whole test binary, as a service would hold it.
inline std::shared_ptr<const ToneGuide> shipped() {
  static std::shared_ptr<const ToneGuide> guide = [] {
    ToneGuide::Options options;
    options.guide_path = kShippedGuide;
    options.dictionary_options.user_dictionaries = std::vector<std::string>{TONELINT_BRAND_DIC};
    auto loaded = ToneGuide::load(options);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().to_string();
      return std::shared_ptr<const ToneGuide>();
    }
    return *loaded;
  }();
  return guide;
}

// A fresh folder under the test's temporary directory.
inline std::filesystem::path temp_folder(const std::string& prefix, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / (prefix + "_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `content` at `path`, its folders made as needed.
inline void write(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string write_file(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "api_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Two voice rules and a tone that turns one up and the other off, with examples of which
// one lies: the `hype` rule's good example is reported by `bang`.
inline constexpr const char* kHelpdeskGuide = R"(guide: helpdesk
languages: [ja, en]
contexts:
  channel: [email, chat]
  emotion: [calm, angry]
defaults: {channel: email, emotion: calm}
rules:
  - id: bang
    kind: occurrence
    message: "At most {max} '!'."
    why: "Exclamation marks read as shouting to an angry reader."
    regex: ["[!！]"]
    max: 2
    examples:
      bad: ["Fixed! Done! Thanks!"]
      good: ["Fixed it for you!"]
  - id: sumimasen
    kind: substitution
    lang: ja
    message: "「{to}」と書きます。"
    swap: {すいません: すみません}
    examples:
      bad: ["お待たせしてすいません。"]
      good: ["お待たせしてすみません。"]
  - id: hype
    kind: existence
    lang: en
    level: error
    message: "Drop '{match}'."
    words: [amazing]
    examples:
      bad: ["This is an amazing fix."]
      good: ["Fixed!!! Fixed!!!"]
  - id: quiet
    kind: existence
    lang: en
    message: "No '{match}'."
    words: [whatever]
tones:
  - when: {emotion: angry}
    set:
      bang: {max: 0, level: error}
      hype: {off: true}
)";

inline std::shared_ptr<const GuideFile> helpdesk_guide() {
  static std::shared_ptr<const GuideFile> guide = [] {
    GuideFileLoad load = GuideFile::load(write_file("helpdesk.yaml", kHelpdeskGuide));
    for (const Status& e : load.errors) ADD_FAILURE() << e.to_string();
    return load.guide;
  }();
  return guide;
}

}  // namespace tonelint::api_test
