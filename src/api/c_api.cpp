// The C API over the C++ one: handles own shared_ptrs, results are malloc'd JSON strings.
// No C++ exception may cross into C, so every entry point catches everything.
#include "tonelint/tonelint.h"

#include <cstdlib>
#include <cstring>
#include <sstream>

#include "api/json_api.h"
#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

#ifndef TONELINT_VERSION
#define TONELINT_VERSION "unknown"
#endif

struct tonelint_guide {
  std::shared_ptr<const tonelint::ToneGuide> guide;
};

struct tonelint_checker {
  tonelint::Checker checker;
};

namespace {

char* copy_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

void set_error(char** error, const std::string& message) {
  if (error != nullptr) *error = copy_string(message);
}

void clear_error(char** error) {
  if (error != nullptr) *error = nullptr;
}

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

tonelint::Result<tonelint::CheckOptions> options_of(const char* options_json) {
  if (options_json == nullptr || *options_json == '\0') return tonelint::CheckOptions{};
  nlohmann::json parsed = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return tonelint::Status(tonelint::ErrorCode::kInvalidArgument, "options are not valid JSON",
                            tonelint::Location{"options"});
  }
  return tonelint::api::check_options_from_json(parsed, {});
}

// Runs `body` (which returns a pointer) so that no exception escapes: one becomes an
// "internal error" in *error and a NULL result.
template <typename F>
auto guarded(char** error, F&& body) -> decltype(body()) {
  clear_error(error);
  try {
    return body();
  } catch (const std::exception& e) {
    set_error(error, std::string("internal error: ") + e.what());
  } catch (...) {
    set_error(error, "internal error");
  }
  return nullptr;
}

// tonelint_check and tonelint_fix: the same checks of their arguments, then `run` on the
// text and the parsed options, whose result goes out as JSON.
template <typename Run>
char* check_or_fix(const char* function, tonelint_checker* checker, const char* text, size_t length,
                   const char* options_json, char** error, Run&& run) {
  return guarded(error, [&]() -> char* {
    if (checker == nullptr || text == nullptr) {
      set_error(error, std::string(function) + ": " + (checker == nullptr ? "checker" : "text") + " is NULL");
      return nullptr;
    }
    auto options = options_of(options_json);
    if (!options.ok()) {
      set_error(error, options.status().to_string());
      return nullptr;
    }
    const std::string_view bytes(text, length == TONELINT_NUL_TERMINATED ? std::strlen(text) : length);
    auto result = run(checker->checker, bytes, *options);
    if (!result.ok()) {
      set_error(error, result.status().to_string());
      return nullptr;
    }
    return copy_string(tonelint::to_json(*result));
  });
}

}  // namespace

extern "C" {

tonelint_guide* tonelint_guide_load(const char* guide_path, const char* user_dictionaries, char** error) {
  return guarded(error, [&]() -> tonelint_guide* {
    tonelint::ToneGuide::Options options;
    if (guide_path != nullptr) options.guide_path = guide_path;
    if (user_dictionaries != nullptr) options.dictionary_options.user_dictionaries = split_commas(user_dictionaries);
    auto loaded = tonelint::ToneGuide::load(options);
    if (!loaded.ok()) {
      set_error(error, loaded.status().to_string());
      return nullptr;
    }
    return new tonelint_guide{std::move(*loaded)};
  });
}

void tonelint_guide_free(tonelint_guide* guide) { delete guide; }

char* tonelint_guide_json(const tonelint_guide* guide) {
  if (guide == nullptr) return nullptr;
  return guarded(nullptr, [&] { return copy_string(tonelint::api::guide_json(*guide->guide).dump()); });
}

tonelint_checker* tonelint_checker_new(const tonelint_guide* guide, char** error) {
  return guarded(error, [&]() -> tonelint_checker* {
    if (guide == nullptr) {
      set_error(error, "tonelint_checker_new: guide is NULL");
      return nullptr;
    }
    auto checker = tonelint::Checker::create(guide->guide);
    if (!checker.ok()) {
      set_error(error, checker.status().to_string());
      return nullptr;
    }
    return new tonelint_checker{std::move(*checker)};
  });
}

void tonelint_checker_free(tonelint_checker* checker) { delete checker; }

char* tonelint_check(tonelint_checker* checker, const char* text, size_t length, const char* options_json,
                     char** error) {
  return check_or_fix("tonelint_check", checker, text, length, options_json, error,
                      [](const tonelint::Checker& c, std::string_view bytes, const tonelint::CheckOptions& options) {
                        return c.check(bytes, options);
                      });
}

char* tonelint_fix(tonelint_checker* checker, const char* text, size_t length, const char* options_json, int all,
                   char** error) {
  const tonelint::FixMode mode = all != 0 ? tonelint::FixMode::kAll : tonelint::FixMode::kSafe;
  return check_or_fix("tonelint_fix", checker, text, length, options_json, error,
                      [mode](const tonelint::Checker& c, std::string_view bytes, const tonelint::CheckOptions& options) {
                        return c.fix(bytes, options, mode);
                      });
}

void tonelint_free(char* string) { std::free(string); }

const char* tonelint_version(void) { return TONELINT_VERSION; }

}  // extern "C"
