#include "tokenize/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "input/utf8.h"

namespace tonelint {

Result<Normalizer> Normalizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr || nfkc_cf == nullptr) {
    return Status(ErrorCode::kInternal, std::string("ICU normalizer: ") + u_errorName(status));
  }
  return Normalizer(nfkc, nfkc_cf);
}

namespace {

// True when every character is one NFKC_Casefold leaves alone and that cannot combine
// with a neighbour: lowercase ASCII letters and digits, hiragana, katakana and the
// unified kanji. Most tokens pass, and skip ICU entirely.
bool is_trivially_folded(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) return false;
      ++i;
      continue;
    }
    const char32_t c = next_code_point(s, &i);
    const bool kana = (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E || (c >= 0x30A1 && c <= 0x30FE);
    if (!kana && !(c >= 0x4E00 && c <= 0x9FFF)) return false;
  }
  return true;
}

}  // namespace

std::string_view Normalizer::fold(std::string_view s, Arena* arena) const {
  if (is_trivially_folded(s)) return s;
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfkc_cf_->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return s;
  std::string folded;
  icu::StringByteSink<std::string> sink(&folded);
  status = U_ZERO_ERROR;
  nfkc_cf_->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return s;
  return arena->store(folded);
}

std::string_view Normalizer::nfkc(std::string_view s, std::string* buffer) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfkc_->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return s;
  buffer->clear();
  icu::StringByteSink<std::string> sink(buffer);
  status = U_ZERO_ERROR;
  nfkc_->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return s;
  return *buffer;
}

bool Normalizer::nfkc_with_map(std::string_view text, std::string* out, SourceMap* map) const {
  UErrorCode status = U_ZERO_ERROR;
  if (nfkc_->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) ||
      U_FAILURE(status)) {
    return false;
  }
  out->clear();
  *map = SourceMap();
  icu::UnicodeString decomposition;
  // Normalize segment by segment (a segment ends where ICU says a boundary is), so each
  // normalized piece maps back to exactly the characters it came from.
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char32_t first = next_code_point(text, &i);
    bool single = true;
    while (i < text.size()) {
      std::size_t k = i;
      const char32_t c = next_code_point(text, &k);
      if (nfkc_->hasBoundaryBefore(static_cast<UChar32>(c))) break;
      i = k;
      single = false;
    }
    const std::string_view segment = text.substr(begin, i - begin);
    if (single && !nfkc_->getDecomposition(static_cast<UChar32>(first), decomposition)) {
      out->append(segment);
      map->append_verbatim(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(segment.size()));
      continue;
    }
    const std::size_t before = out->size();
    icu::StringByteSink<std::string> sink(out);
    status = U_ZERO_ERROR;
    nfkc_->normalizeUTF8(0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), sink, nullptr,
                         status);
    if (U_FAILURE(status)) {
      out->resize(before);
      out->append(segment);
    }
    const auto produced = static_cast<std::uint32_t>(out->size() - before);
    // A changed segment maps only as a whole: no offset may land inside a character.
    map->append_replacement(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(segment.size()), produced);
  }
  return true;
}

std::string straight_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace tonelint
