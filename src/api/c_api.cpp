// The C API over the C++ one: handles own shared_ptrs, results are malloc'd JSON strings.
// No C++ exception may cross into C, so every entry point catches everything.
#include "tonelint/tonelint.h"

#include <cstdlib>
#include <cstring>
#include <sstream>

#include "api/json_api.h"
#include "report/report_format.h"
#include "tonelint/checker.h"
#include "tonelint/report.h"
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

// The check options, and the report's format ("report": "sarif", ...; json by default).
struct CallOptions {
  tonelint::CheckOptions check;
  std::string report = "json";
};

tonelint::Status report_error(const std::string& message) {
  return tonelint::Status(tonelint::ErrorCode::kInvalidArgument, message, tonelint::Location{"report"});
}

tonelint::Result<CallOptions> options_of(const char* options_json) {
  if (options_json == nullptr || *options_json == '\0') return CallOptions{};
  nlohmann::json parsed = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return tonelint::Status(tonelint::ErrorCode::kInvalidArgument, "options are not valid JSON",
                            tonelint::Location{"options"});
  }
  auto check = tonelint::api::check_options_from_json(parsed, {"report"});
  if (!check.ok()) return check.status();
  CallOptions out{std::move(*check)};
  if (auto r = parsed.find("report"); r != parsed.end() && !r->is_null()) {
    if (!r->is_string()) return report_error(std::string("'report' must be a string, got ") + r->type_name());
    out.report = r->get<std::string>();
    if (tonelint::report::find_report_format(out.report) == nullptr) {
      return report_error("unknown report '" + out.report + "' (expected " + tonelint::report::report_format_list() + ")");
    }
  }
  return out;
}

// The report of a check in the format asked for: to_json's bytes for json (as before
// "report" existed), else the report writer's.
tonelint::Result<std::string> report_of(const tonelint::CheckResult& result, const tonelint::Checker& checker,
                                        const std::string& format) {
  if (format == "json") return tonelint::to_json(result);
  tonelint::ReportOptions options;
  options.guide = checker.guide_ptr();
  options.version = TONELINT_VERSION;
  return tonelint::render_report(format, std::span<const tonelint::CheckResult>(&result, 1), options);
}

// A fix answers with the fixed text, which only its JSON carries (refused before the fix
// runs: see check_or_fix).
tonelint::Result<std::string> report_of(const tonelint::FixResult& result, const tonelint::Checker&,
                                        const std::string&) {
  return tonelint::to_json(result);
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
// text and the parsed options, whose result goes out as the report asked for (json only
// when `json_only`).
template <typename Run>
char* check_or_fix(const char* function, bool json_only, tonelint_checker* checker, const char* text, size_t length,
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
    if (json_only && options->report != "json") {
      set_error(error, report_error(std::string(function) +
                                    " answers JSON only (the other reports cannot carry the fixed text); check the "
                                    "fixed text with tonelint_check for a " + options->report + " report")
                           .to_string());
      return nullptr;
    }
    const std::string_view bytes(text, length == TONELINT_NUL_TERMINATED ? std::strlen(text) : length);
    auto result = run(checker->checker, bytes, options->check);
    if (!result.ok()) {
      set_error(error, result.status().to_string());
      return nullptr;
    }
    auto report = report_of(*result, checker->checker, options->report);
    if (!report.ok()) {
      set_error(error, report.status().to_string());
      return nullptr;
    }
    return copy_string(*report);
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
  return check_or_fix("tonelint_check", /*json_only=*/false, checker, text, length, options_json, error,
                      [](const tonelint::Checker& c, std::string_view bytes, const tonelint::CheckOptions& options) {
                        return c.check(bytes, options);
                      });
}

char* tonelint_fix(tonelint_checker* checker, const char* text, size_t length, const char* options_json, int all,
                   char** error) {
  const tonelint::FixMode mode = all != 0 ? tonelint::FixMode::kAll : tonelint::FixMode::kSafe;
  return check_or_fix("tonelint_fix", /*json_only=*/true, checker, text, length, options_json, error,
                      [mode](const tonelint::Checker& c, std::string_view bytes, const tonelint::CheckOptions& options) {
                        return c.fix(bytes, options, mode);
                      });
}

char* tonelint_report_formats(void) {
  return guarded(nullptr, [] {
    nlohmann::json formats = nlohmann::json::array();
    for (const tonelint::ReportFormatInfo& f : tonelint::report_formats()) {
      formats.push_back({{"name", f.name}, {"description", f.description}, {"mime_type", f.mime_type}});
    }
    return copy_string(formats.dump());
  });
}

void tonelint_free(char* string) { std::free(string); }

const char* tonelint_version(void) { return TONELINT_VERSION; }

}  // extern "C"
