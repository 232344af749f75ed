// MeCab user dictionaries of brand and product names (dictionaries/brand-names.csv,
// compiled at build time with mecab-dict-index): checking a compiled .dic before MeCab
// maps it, and the Latin-script names of its source CSV, which the English path (ICU
// word breaking, not MeCab) recognizes itself.
//
// An entry is a name when its 品詞細分類3 is kNameFeature ("ブランド"); tokens of such
// entries are TokenKind::kName, which rules never match.
#pragma once

#include <unicode/uversion.h>

#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenize/normalizer.h"
#include "tokenize/token.h"
#include "tonelint/status.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace tonelint {

// The 品詞細分類3 (fourth feature field) that marks a user-dictionary entry as a name.
inline constexpr std::string_view kNameFeature = "ブランド";
inline bool is_name_morph(const Morph& m) { return m.pos3 == kNameFeature; }

// Checks that `path` is a compiled MeCab user dictionary MeCab can map without reading
// out of bounds: header, section sizes, UTF-8 charset, context ids below `lsize`/`rsize`
// (those of the system dictionary; 0 skips the check), token and feature offsets, and
// every double-array index. MeCab itself trusts the file, and crashes on a corrupt one.
Status check_user_dictionary(const std::string& path, std::uint32_t lsize = 0, std::uint32_t rsize = 0);

// The left and right context sizes of a compiled dictionary (sys.dic or a .dic).
Result<std::pair<std::uint32_t, std::uint32_t>> dictionary_context_sizes(const std::string& path);

// The names of user-dictionary CSVs that are written in Latin script ("Simply Sync",
// "EASY Backup", "tonelint"), matched on a sentence's ICU tokens. Immutable once loaded,
// so one list serves every thread.
class NameList {
 public:
  struct Name {
    std::string surface;               // as in the CSV (NFKC)
    std::string feature;               // the CSV's feature fields, as MeCab would return them
    std::vector<std::string> norms;    // its tokens' norms: "simply", "sync"
    std::vector<std::string> written;  // its tokens as written (NFKC): "Simply", "Sync"
    std::vector<bool> space_before;    // whether the CSV has a space before each token
    bool any_case = false;             // written all in lower case: matches in any case
  };

  static Result<NameList> create();
  // Out of line: BreakIterator is only declared here.
  ~NameList();
  NameList(NameList&&) noexcept;
  NameList& operator=(NameList&&) noexcept;

  // Adds the name entries (品詞細分類3 kNameFeature) of a MeCab user-dictionary CSV whose
  // surface has Latin letters and no kana or kanji. Errors name file:line.
  Status add_csv(const std::string& path);
  // Adds one name (the feature defaults to a proper noun marked as a name).
  Status add(std::string_view surface, std::string feature = "");

  bool empty() const { return names_.empty(); }
  std::size_t size() const { return names_.size(); }
  const std::vector<Name>& names() const { return names_; }

  // The name that starts at tokens[at], longest first: how many tokens it covers (0 for
  // none). Tokens must be consecutive in `text` (the block text their offsets refer to)
  // with exactly the name's spacing between them. A name written with capitals matches
  // only as written (so "simply sync your files" is prose, "Simply Sync" a name); one
  // written in lower case matches in any case. A final "'s" is part of the name.
  std::size_t match(std::string_view text, std::span<const Token> tokens, std::size_t at, const Name** name) const;

 private:
  NameList(Normalizer normalizer, std::unique_ptr<icu::BreakIterator> word_breaker);
  bool written_matches(const Name& name, std::size_t k, std::string_view surface) const;

  Normalizer normalizer_;
  std::unique_ptr<icu::BreakIterator> word_breaker_;  // splits names into words while loading
  std::vector<Name> names_;
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The first bytes of the names' first norms: most words are ruled out before hashing.
  std::bitset<256> first_bytes_;
  // First token norm → names starting with it, longest first.
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> by_first_;
};

// Splits one line of a MeCab dictionary CSV into fields ("..." quotes a field that holds
// commas; "" inside quotes is a quote). False when a quote is not closed.
bool split_dictionary_csv_line(std::string_view line, std::vector<std::string>* fields);

}  // namespace tonelint
