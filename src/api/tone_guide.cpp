#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "api/api_internal.h"
#include "api/api_guard.h"
#include "load/guide_loader.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

// The directory of the running executable: the build and installs lay data out around it.
fs::path executable_dir() {
  char buffer[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return {};
  return fs::path(std::string(buffer, static_cast<std::size_t>(n))).parent_path();
}

std::string first_file(std::initializer_list<fs::path> candidates) {
  std::error_code ec;
  for (const fs::path& candidate : candidates) {
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return {};
}

}  // namespace

std::string shipped_guide_path() {
  // build/tonelint → rules/ of the source tree; or installed.
  const fs::path exe = executable_dir();
  return first_file({exe / ".." / "rules" / "tonelint.yaml", exe / "rules" / "tonelint.yaml",
                     exe / ".." / "share" / "tonelint" / "rules" / "tonelint.yaml"});
}

std::string shipped_user_dictionary_path() {
  // Built next to the binary (build/dictionaries/brand-names.dic) or installed.
  const fs::path exe = executable_dir();
  return first_file({exe / "dictionaries" / "brand-names.dic",
                     exe / ".." / "share" / "tonelint" / "dictionaries" / "brand-names.dic"});
}

Dictionaries::Dictionaries(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Dictionaries::~Dictionaries() = default;

// A warning when the shipped brand dictionary is looked for and not found: a copied binary
// or a library user would otherwise lose every name without a word.
std::vector<Status> missing_brand_dictionary(const Dictionaries::Options& options, const std::string& shipped) {
  if (options.user_dictionaries || std::getenv("TONELINT_USER_DIC") != nullptr || !shipped.empty()) return {};
  const fs::path exe = executable_dir();
  return {Status(ErrorCode::kNotFound,
                 "no brand dictionary: brand-names.dic is neither beside the executable (" +
                     (exe / "dictionaries").string() + ") nor installed (" +
                     (exe / ".." / "share" / "tonelint" / "dictionaries").lexically_normal().string() +
                     "); brand and product names are not known as names. Install with 'cmake --install', or set "
                     "TONELINT_USER_DIC to the .dic (with its .csv beside it)")};
}

Result<std::shared_ptr<const Dictionaries>> Dictionaries::load(const Options& options) {
  return guard_api<std::shared_ptr<const Dictionaries>>(
      "loading the dictionaries", [&]() -> Result<std::shared_ptr<const Dictionaries>> {
        const std::string shipped = options.user_dictionaries ? std::string() : shipped_user_dictionary_path();
        const std::vector<std::string> user_dics =
            options.user_dictionaries ? *options.user_dictionaries : MecabModel::user_dictionaries(shipped);
        auto model = MecabModel::load(options.mecab_dicdir, user_dics);
        if (!model.ok()) return model.status();
        return std::shared_ptr<const Dictionaries>(std::make_shared<Dictionaries>(
            std::make_unique<Impl>(Impl{std::move(*model), missing_brand_dictionary(options, shipped)})));
      });
}

const std::string& Dictionaries::mecab_dicdir() const { return impl_->model->dicdir(); }
const std::vector<std::string>& Dictionaries::user_dictionaries() const { return impl_->model->user_dics(); }
const std::vector<Status>& Dictionaries::warnings() const { return impl_->warnings; }

ToneGuide::ToneGuide(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ToneGuide::~ToneGuide() = default;

Status guide_load_status(const GuideLoad& load, const std::string& path) {
  if (load.errors.empty()) return Status(ErrorCode::kParse, "the guide could not be loaded", Location{path});
  const Status& first = load.errors.front();
  std::string message = first.message();
  for (std::size_t i = 1; i < load.errors.size(); ++i) message.append("\n").append(load.errors[i].to_string());
  return Status(first.code(), std::move(message), first.location());
}

std::shared_ptr<const ToneGuide> make_tone_guide(std::shared_ptr<const Guide> guide,
                                                 std::shared_ptr<const Dictionaries> dictionaries) {
  auto impl = std::make_unique<ToneGuide::Impl>();
  impl->guide = std::move(guide);
  impl->dictionaries = std::move(dictionaries);
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    impl->dimensions.push_back({kDimensionNames[d], impl->guide->allowed[d], impl->guide->defaults.values[d]});
  }
  return std::make_shared<ToneGuide>(std::move(impl));
}

Result<std::shared_ptr<const ToneGuide>> ToneGuide::load(const Options& options) {
  return guard_api<std::shared_ptr<const ToneGuide>>("loading the guide", [&]() -> Result<std::shared_ptr<const ToneGuide>> {
    const std::string path = options.guide_path.empty() ? shipped_guide_path() : options.guide_path;
    if (path.empty()) {
      return Status(ErrorCode::kNotFound,
                    "no guide given and the shipped rules/tonelint.yaml is not beside the executable: set guide_path");
    }
    GuideLoad load = load_guide_file(path);
    if (!load.ok()) return guide_load_status(load, path);
    std::shared_ptr<const Dictionaries> dictionaries = options.dictionaries;
    if (!dictionaries) {
      auto loaded = Dictionaries::load(options.dictionary_options);
      if (!loaded.ok()) return loaded.status();
      dictionaries = std::move(*loaded);
    }
    return make_tone_guide(std::move(load.guide), std::move(dictionaries));
  });
}

const std::string& ToneGuide::id() const { return impl_->guide->id; }
const std::string& ToneGuide::path() const { return impl_->guide->path; }
const std::vector<std::string>& ToneGuide::languages() const { return impl_->guide->languages; }
const std::vector<ContextDimension>& ToneGuide::dimensions() const { return impl_->dimensions; }
std::size_t ToneGuide::rule_count() const { return impl_->guide->rules.size(); }
const std::shared_ptr<const Dictionaries>& ToneGuide::dictionaries() const { return impl_->dictionaries; }

}  // namespace tonelint
