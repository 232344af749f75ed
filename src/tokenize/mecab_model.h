// The MeCab model (ipadic-utf8, plus user dictionaries of names): loaded once per process
// and shared, since loading the dictionary is the expensive part; each thread makes its
// own tagger and lattice from it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tokenize/mecab_handles.h"
#include "tokenize/user_dictionary.h"
#include "tonelint/status.h"

namespace tonelint {

class MecabModel {
 public:
  // Loads ipadic-utf8 from `dicdir`, or when empty from $TONELINT_MECAB_DICDIR, or from
  // the usual Debian location. Refuses a dictionary that is not UTF-8.
  //
  // `user_dics` are compiled MeCab user dictionaries (.dic, mecab-dict-index -u), such as
  // the brand names of dictionaries/brand-names.csv. Each is checked before MeCab maps it:
  // a missing or corrupt one is an error naming the file. When a .dic has its source CSV
  // beside it (brand-names.dic → brand-names.csv), the CSV's Latin-script names are
  // recognized in English text too (see NameList).
  static Result<std::shared_ptr<MecabModel>> load(const std::string& dicdir = "",
                                                  const std::vector<std::string>& user_dics = {});

  // The user dictionaries a run uses: those of $TONELINT_USER_DIC when it is set (a
  // comma-separated list of .dic files; empty means none), else `shipped` when that file
  // exists, else none.
  static std::vector<std::string> user_dictionaries(const std::string& shipped);

  MecabModel(const MecabModel&) = delete;
  MecabModel& operator=(const MecabModel&) = delete;

  const std::string& dicdir() const { return dicdir_; }
  const std::vector<std::string>& user_dics() const { return user_dics_; }
  // The Latin-script names of the user dictionaries' CSVs (empty without any).
  const NameList& names() const { return names_; }
  // Thread-safe: MeCab models may be shared; taggers and lattices may not.
  MecabTaggerHandle new_tagger() const;
  MecabLatticeHandle new_lattice() const;

 private:
  MecabModel(MecabModelHandle model, std::string dicdir, std::vector<std::string> user_dics, NameList names)
      : model_(std::move(model)), dicdir_(std::move(dicdir)), user_dics_(std::move(user_dics)), names_(std::move(names)) {}
  MecabModelHandle model_;
  std::string dicdir_;
  std::vector<std::string> user_dics_;
  NameList names_;
};

}  // namespace tonelint
