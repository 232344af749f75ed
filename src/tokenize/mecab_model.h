// The MeCab model (ipadic-utf8): loaded once per process and shared, since loading the
// dictionary is the expensive part; each thread makes its own tagger and lattice from it.
#pragma once

#include <memory>
#include <string>

#include "tonelint/status.h"

namespace MeCab {
class Model;
class Tagger;
class Lattice;
}  // namespace MeCab

namespace tonelint {

class MecabModel {
 public:
  // Loads ipadic-utf8 from `dicdir`, or when empty from $TONELINT_MECAB_DICDIR, or from
  // the usual Debian location. Refuses a dictionary that is not UTF-8.
  static Result<std::shared_ptr<MecabModel>> load(const std::string& dicdir = "");

  ~MecabModel();
  MecabModel(const MecabModel&) = delete;
  MecabModel& operator=(const MecabModel&) = delete;

  const std::string& dicdir() const { return dicdir_; }
  // Thread-safe: MeCab models may be shared; taggers and lattices may not.
  MeCab::Tagger* new_tagger() const;
  MeCab::Lattice* new_lattice() const;

 private:
  MecabModel(MeCab::Model* model, std::string dicdir) : model_(model), dicdir_(std::move(dicdir)) {}
  MeCab::Model* model_;
  std::string dicdir_;
};

}  // namespace tonelint
