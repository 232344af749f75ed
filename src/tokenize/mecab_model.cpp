#include "tokenize/mecab_model.h"

#include <mecab.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace tonelint {
namespace {

// Where Debian (and a source install) put ipadic-utf8.
constexpr std::string_view kDicdirCandidates[] = {
    "/var/lib/mecab/dic/ipadic-utf8",
    "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/share/mecab/dic/ipadic",
    "/usr/local/lib/mecab/dic/ipadic",
};

bool has_dictionary(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(dir) / "sys.dic", ec);
}

}  // namespace

Result<std::shared_ptr<MecabModel>> MecabModel::load(const std::string& requested) {
  std::string dicdir = requested;
  if (dicdir.empty()) {
    if (const char* env = std::getenv("TONELINT_MECAB_DICDIR"); env != nullptr && *env != '\0') dicdir = env;
  }
  if (dicdir.empty()) {
    for (std::string_view candidate : kDicdirCandidates) {
      if (has_dictionary(std::string(candidate))) {
        dicdir = candidate;
        break;
      }
    }
  }
  if (dicdir.empty() || !has_dictionary(dicdir)) {
    return Status(ErrorCode::kNotFound,
                  "MeCab dictionary ipadic-utf8 not found" + (dicdir.empty() ? std::string() : " in " + dicdir) +
                      "; install mecab-ipadic-utf8 or set TONELINT_MECAB_DICDIR");
  }
  // "-r /dev/null": the dictionary is named here, so the system mecabrc (which may point
  // at another dictionary, e.g. jumandic) is not consulted.
  const std::string args = "-r /dev/null -d " + dicdir;
  MeCab::Model* model = MeCab::createModel(args.c_str());
  if (model == nullptr) {
    return Status(ErrorCode::kInternal, std::string("MeCab could not load ") + dicdir + ": " + MeCab::getLastError());
  }
  const MeCab::DictionaryInfo* info = model->dictionary_info();
  const std::string charset = info != nullptr && info->charset != nullptr ? info->charset : "";
  if (charset != "utf8" && charset != "UTF-8" && charset != "utf-8" && charset != "UTF8") {
    delete model;
    return Status(ErrorCode::kInvalidArgument,
                  "MeCab dictionary " + dicdir + " is " + charset + ", not UTF-8; use mecab-ipadic-utf8");
  }
  return std::shared_ptr<MecabModel>(new MecabModel(model, dicdir));
}

MecabModel::~MecabModel() { delete model_; }

MeCab::Tagger* MecabModel::new_tagger() const { return model_->createTagger(); }
MeCab::Lattice* MecabModel::new_lattice() const { return model_->createLattice(); }

}  // namespace tonelint
