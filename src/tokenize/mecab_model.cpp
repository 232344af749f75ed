#include "tokenize/mecab_model.h"

#include <mecab.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

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

// MeCab's error without its trail of source locations: "no such file or directory: x.dic".
std::string mecab_error() {
  std::string error = MeCab::getLastError();
  if (const std::size_t at = error.rfind("] "); at != std::string::npos) error.erase(0, at + 2);
  while (!error.empty() && (error.back() == ' ' || error.back() == '\n')) error.pop_back();
  return error;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::vector<std::string> MecabModel::user_dictionaries(const std::string& shipped) {
  std::vector<std::string> out;
  if (const char* env = std::getenv("TONELINT_USER_DIC"); env != nullptr) {
    std::string_view list = env;
    while (!list.empty()) {
      const std::size_t comma = list.find(',');
      if (std::string item = trim(list.substr(0, comma)); !item.empty()) out.push_back(std::move(item));
      list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
    }
    return out;
  }
  std::error_code ec;
  if (!shipped.empty() && std::filesystem::is_regular_file(shipped, ec)) out.push_back(shipped);
  return out;
}

Result<std::shared_ptr<MecabModel>> MecabModel::load(const std::string& requested,
                                                     const std::vector<std::string>& user_dics) {
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
  // User dictionaries are checked here: MeCab trusts the bytes it maps, and a corrupt
  // file would crash it. A .dic with its CSV beside it also lends its Latin names to
  // the English path.
  auto names = NameList::create();
  if (!names.ok()) return names.status();
  std::string user_list;
  if (!user_dics.empty()) {
    auto sizes = dictionary_context_sizes((std::filesystem::path(dicdir) / "sys.dic").string());
    if (!sizes.ok()) return sizes.status();
    for (const std::string& dic : user_dics) {
      if (dic.find(',') != std::string::npos) {
        return Status(ErrorCode::kInvalidArgument, "user dictionary " + dic + ": MeCab cannot load a path with a comma");
      }
      std::error_code ec;
      if (!std::filesystem::is_regular_file(dic, ec)) {
        return Status(ErrorCode::kNotFound, "user dictionary not found: " + dic);
      }
      if (Status s = check_user_dictionary(dic, sizes->first, sizes->second); !s.ok()) return s;
      const std::filesystem::path csv = std::filesystem::path(dic).replace_extension(".csv");
      if (std::filesystem::is_regular_file(csv, ec)) {
        if (Status s = names->add_csv(csv.string()); !s.ok()) return s;
      }
      user_list += (user_list.empty() ? "" : ",") + dic;
    }
  }
  // "-r /dev/null": the dictionary is named here, so the system mecabrc (which may point
  // at another dictionary, e.g. jumandic) is not consulted. Arguments go one by one, so
  // paths may hold spaces.
  std::vector<std::string> args = {"tonelint", "-r", "/dev/null", "-d", dicdir};
  if (!user_list.empty()) {
    args.emplace_back("-u");
    args.push_back(user_list);
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  MecabModelHandle model(MeCab::createModel(static_cast<int>(args.size()), argv.data()));
  if (model == nullptr) {
    return Status(ErrorCode::kInternal, "MeCab could not load " + dicdir +
                                            (user_list.empty() ? "" : " with user dictionaries " + user_list) + ": " +
                                            mecab_error());
  }
  const MeCab::DictionaryInfo* info = model->dictionary_info();
  const std::string charset = info != nullptr && info->charset != nullptr ? info->charset : "";
  if (charset != "utf8" && charset != "UTF-8" && charset != "utf-8" && charset != "UTF8") {
    return Status(ErrorCode::kInvalidArgument,
                  "MeCab dictionary " + dicdir + " is " + charset + ", not UTF-8; use mecab-ipadic-utf8");
  }
  return std::shared_ptr<MecabModel>(new MecabModel(std::move(model), dicdir, user_dics, std::move(*names)));
}

void MecabDeleter::operator()(MeCab::Model* model) const { MeCab::deleteModel(model); }
void MecabDeleter::operator()(MeCab::Tagger* tagger) const { MeCab::deleteTagger(tagger); }
void MecabDeleter::operator()(MeCab::Lattice* lattice) const { MeCab::deleteLattice(lattice); }

MecabTaggerHandle MecabModel::new_tagger() const { return MecabTaggerHandle(model_->createTagger()); }
MecabLatticeHandle MecabModel::new_lattice() const { return MecabLatticeHandle(model_->createLattice()); }

}  // namespace tonelint
