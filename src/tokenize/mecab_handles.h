// Owning handles for what MeCab creates: each released by MeCab's own delete function
// (the library allocated it, the library frees it). The deleters are defined in
// mecab_model.cpp, so this header needs no <mecab.h>.
#pragma once

#include <memory>

namespace MeCab {
class Model;
class Tagger;
class Lattice;
}  // namespace MeCab

namespace tonelint {

struct MecabDeleter {
  void operator()(MeCab::Model* model) const;
  void operator()(MeCab::Tagger* tagger) const;
  void operator()(MeCab::Lattice* lattice) const;
};

using MecabModelHandle = std::unique_ptr<MeCab::Model, MecabDeleter>;
using MecabTaggerHandle = std::unique_ptr<MeCab::Tagger, MecabDeleter>;
using MecabLatticeHandle = std::unique_ptr<MeCab::Lattice, MecabDeleter>;

}  // namespace tonelint
