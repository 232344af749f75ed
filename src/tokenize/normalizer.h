// Unicode normalization with ICU: NFKC for what MeCab reads (full-width ＡＢＣ！ and
// half-width ｶﾀｶﾅ become their usual forms) and NFKC_Casefold for matching forms.
// The ICU instances are immutable singletons, so a Normalizer is cheap and thread-safe.
#pragma once

#include <unicode/uversion.h>

#include <string>
#include <string_view>

#include "extract/source_map.h"
#include "tokenize/arena.h"
#include "tonelint/status.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace tonelint {

class Normalizer {
 public:
  static Result<Normalizer> create();

  // NFKC_Casefold of `s`: `s` itself when already folded, else a copy in `arena`.
  std::string_view fold(std::string_view s, Arena* arena) const;

  // NFKC of `s`: `s` itself when already NFKC, else the normalized copy in `buffer`.
  std::string_view nfkc(std::string_view s, std::string* buffer) const;

  // NFKC of `text`. Returns false (and leaves `out` alone) when `text` is already NFKC.
  // Otherwise writes the normalized text and a map whose "source" offsets are offsets
  // in `text`, so every normalized offset maps back exactly.
  bool nfkc_with_map(std::string_view text, std::string* out, SourceMap* map) const;

 private:
  Normalizer(const icu::Normalizer2* nfkc, const icu::Normalizer2* nfkc_cf) : nfkc_(nfkc), nfkc_cf_(nfkc_cf) {}
  const icu::Normalizer2* nfkc_;
  const icu::Normalizer2* nfkc_cf_;
};

// English norms use a straight apostrophe, so don’t = don't: `s` with every ’ made '.
std::string straight_apostrophes(std::string_view s);

}  // namespace tonelint
