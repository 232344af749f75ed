#include "tokenize/user_dictionary.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

#include "input/utf8.h"
#include "segment/char_class.h"

namespace tonelint {
namespace {

// The layout mecab-dict-index writes (native byte order): ten 32-bit words, a 32-byte
// charset, then the double array (8-byte units), the tokens (16 bytes each) and the
// NUL-terminated feature strings.
constexpr std::uint32_t kDictionaryMagic = 0xef718f77u;
constexpr std::uint32_t kDictionaryVersion = 102;
constexpr std::uint32_t kUserDictionary = 1;
constexpr std::size_t kHeaderSize = 10 * 4 + 32;
constexpr std::size_t kUnitSize = 8;
constexpr std::size_t kTokenSize = 16;

struct Header {
  std::uint32_t magic, version, type, lexsize, lsize, rsize, dsize, tsize, fsize, dummy;
};

std::uint32_t u32_at(const std::string& bytes, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, bytes.data() + at, sizeof v);
  return v;
}

std::uint16_t u16_at(const std::string& bytes, std::size_t at) {
  std::uint16_t v;
  std::memcpy(&v, bytes.data() + at, sizeof v);
  return v;
}

Result<std::string> read_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, std::string(what) + " not found or unreadable: " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(ErrorCode::kIo, std::string("cannot read ") + what + " " + path);
  return bytes;
}

Header header_of(const std::string& bytes) {
  Header h{};
  h.magic = u32_at(bytes, 0);
  h.version = u32_at(bytes, 4);
  h.type = u32_at(bytes, 8);
  h.lexsize = u32_at(bytes, 12);
  h.lsize = u32_at(bytes, 16);
  h.rsize = u32_at(bytes, 20);
  h.dsize = u32_at(bytes, 24);
  h.tsize = u32_at(bytes, 28);
  h.fsize = u32_at(bytes, 32);
  h.dummy = u32_at(bytes, 36);
  return h;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool has_latin_and_no_japanese(std::string_view s) {
  bool latin = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, &i);
    if (is_japanese(c)) return false;
    latin = latin || is_latin_letter(c);
  }
  return latin;
}

bool is_white(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (!u_isUWhiteSpace(static_cast<UChar32>(next_code_point(s, &i)))) return false;
  }
  return true;
}

}  // namespace

Result<std::pair<std::uint32_t, std::uint32_t>> dictionary_context_sizes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(kHeaderSize, '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status(ErrorCode::kNotFound, "cannot read the dictionary header of " + path);
  }
  const Header h = header_of(bytes);
  return std::make_pair(h.lsize, h.rsize);
}

Status check_user_dictionary(const std::string& path, std::uint32_t lsize, std::uint32_t rsize) {
  auto bytes_or = read_file(path, "user dictionary");
  if (!bytes_or.ok()) return bytes_or.status();
  const std::string& bytes = *bytes_or;
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kParse, "user dictionary " + path + " is not a usable MeCab user dictionary: " + why);
  };
  if (bytes.size() < kHeaderSize) return bad("too short (" + std::to_string(bytes.size()) + " bytes)");
  const Header h = header_of(bytes);
  if ((h.magic ^ kDictionaryMagic) != bytes.size()) {
    return bad("broken or not a compiled dictionary (its size does not match its header)");
  }
  if (h.version != kDictionaryVersion) {
    return bad("version " + std::to_string(h.version) + "; this MeCab reads version " +
               std::to_string(kDictionaryVersion));
  }
  if (h.type != kUserDictionary) {
    return bad(h.type == 0 ? "it is a system dictionary (sys.dic); compile the CSV with mecab-dict-index -u"
                           : "unknown dictionary type " + std::to_string(h.type));
  }
  const std::string_view charset_field(bytes.data() + 40, 32);
  const std::size_t nul = charset_field.find('\0');
  if (nul == std::string_view::npos) return bad("broken header (charset)");
  std::string charset;
  for (char c : charset_field.substr(0, nul)) {
    if (c != '-' && c != '_') charset.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (charset != "utf8") {
    return bad("its charset is '" + std::string(charset_field.substr(0, nul)) +
               "', not UTF-8; compile it with mecab-dict-index -f utf-8 -t utf-8");
  }
  if (kHeaderSize + std::uint64_t{h.dsize} + h.tsize + h.fsize != bytes.size() || h.dsize % kUnitSize != 0 ||
      h.tsize != std::uint64_t{h.lexsize} * kTokenSize || h.fsize == 0) {
    return bad("broken (its sections do not add up)");
  }
  if (lsize != 0 && (h.lsize != lsize || h.rsize != rsize)) {
    return bad("compiled for another system dictionary (" + std::to_string(h.lsize) + "x" + std::to_string(h.rsize) +
               " contexts, this one has " + std::to_string(lsize) + "x" + std::to_string(rsize) +
               "); compile it with mecab-dict-index -d the ipadic-utf8 directory");
  }
  const std::size_t da = kHeaderSize, tokens = da + h.dsize, features = tokens + h.tsize;
  // Features: NUL-terminated UTF-8, every token pointing at the start of one.
  if (bytes[features + h.fsize - 1] != '\0') return bad("broken (features)");
  if (find_invalid_utf8(std::string_view(bytes).substr(features, h.fsize))) return bad("broken (features not UTF-8)");
  for (std::size_t t = 0; t < h.lexsize; ++t) {
    const std::size_t at = tokens + t * kTokenSize;
    const std::uint16_t left = u16_at(bytes, at), right = u16_at(bytes, at + 2);
    const std::uint32_t feature = u32_at(bytes, at + 8);
    // MeCab reads connection costs at matrix[right of the left word + lsize * left of the right word].
    if (left >= h.rsize || right >= h.lsize || feature >= h.fsize) {
      return bad("broken (entry " + std::to_string(t + 1) + " has ids or a feature out of range)");
    }
  }
  // Double array: a unit's base, when an index, must leave room for any next byte
  // (base + byte + 1 with byte up to 255); when a leaf, it names entries that exist.
  const std::uint64_t units = h.dsize / kUnitSize;
  for (std::uint64_t u = 0; u < units; ++u) {
    const auto base = static_cast<std::int32_t>(u32_at(bytes, da + u * kUnitSize));
    if (base >= 0) {
      if (static_cast<std::uint64_t>(base) + 256 >= units) return bad("broken (index out of range)");
    } else {
      const std::uint32_t value = ~static_cast<std::uint32_t>(base);  // -base - 1
      if ((value >> 8) + (value & 0xff) > h.lexsize) return bad("broken (index points past the entries)");
    }
  }
  return Status();
}

bool split_dictionary_csv_line(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      quoted = false;
    } else {
      field.push_back(c);
    }
  }
  fields->push_back(std::move(field));
  return !in_quotes;
}

NameList::NameList(Normalizer normalizer, std::unique_ptr<icu::BreakIterator> word_breaker)
    : normalizer_(normalizer), word_breaker_(std::move(word_breaker)) {}
NameList::~NameList() = default;
NameList::NameList(NameList&&) noexcept = default;
NameList& NameList::operator=(NameList&&) noexcept = default;

Result<NameList> NameList::create() {
  auto normalizer = Normalizer::create();
  if (!normalizer.ok()) return normalizer.status();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !words) {
    return Status(ErrorCode::kInternal, std::string("ICU word break iterator: ") + u_errorName(status));
  }
  return NameList(*normalizer, std::move(words));
}

Status NameList::add(std::string_view surface, std::string feature) {
  std::string nfkc_buffer;
  const std::string nfkc(normalizer_.nfkc(surface, &nfkc_buffer));
  if (nfkc.empty()) return Status(ErrorCode::kInvalidArgument, "a name is empty");
  Name name;
  name.surface = nfkc;
  name.feature = feature.empty() ? "名詞,固有名詞,一般," + std::string(kNameFeature) + ",*,*," + nfkc : std::move(feature);
  // The name's tokens, exactly as the tokenizer's ICU word breaking makes them.
  icu::BreakIterator* words = word_breaker_.get();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, nfkc.data(), static_cast<int64_t>(nfkc.size()), &status);
  if (U_SUCCESS(status)) words->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return Status(ErrorCode::kInternal, std::string("ICU word break iterator: ") + u_errorName(status));
  }
  Arena arena;
  bool space = false;
  int32_t p = words->first();
  for (int32_t q = words->next(); q != icu::BreakIterator::DONE; p = q, q = words->next()) {
    const std::string_view piece = std::string_view(nfkc).substr(static_cast<std::size_t>(p), static_cast<std::size_t>(q - p));
    if (is_white(piece)) {
      space = true;
      continue;
    }
    name.norms.push_back(straight_apostrophes(normalizer_.fold(piece, &arena)));
    if (name.norms.back().empty()) {
      utext_close(&utext);
      return Status(ErrorCode::kInvalidArgument, "name '" + nfkc + "' has a part that normalizes to nothing");
    }
    name.written.emplace_back(piece);
    name.space_before.push_back(space);
    space = false;
  }
  utext_close(&utext);
  if (name.norms.empty()) return Status(ErrorCode::kInvalidArgument, "name '" + nfkc + "' has no words");
  name.space_before.front() = false;
  name.any_case = true;
  for (std::size_t i = 0; i < nfkc.size();) {
    if (u_isupper(static_cast<UChar32>(next_code_point(nfkc, &i)))) name.any_case = false;
  }
  const auto index = static_cast<std::uint32_t>(names_.size());
  first_bytes_.set(static_cast<unsigned char>(name.norms.front().front()));
  auto& bucket = by_first_[name.norms.front()];
  names_.push_back(std::move(name));
  bucket.push_back(index);
  std::stable_sort(bucket.begin(), bucket.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return names_[a].norms.size() > names_[b].norms.size(); });
  return Status();
}

Status NameList::add_csv(const std::string& path) {
  auto bytes_or = read_file(path, "user dictionary source");
  if (!bytes_or.ok()) return bytes_or.status();
  std::string_view bytes = *bytes_or;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (const auto bad = find_invalid_utf8(bytes)) {
    return Status(ErrorCode::kInvalidUtf8, "not UTF-8 (byte " + std::to_string(*bad) + ")", Location{path, 0, 0});
  }
  std::vector<std::string> fields;
  std::uint32_t line_number = 0;
  while (!bytes.empty()) {
    ++line_number;
    const std::size_t eol = bytes.find('\n');
    std::string_view line = bytes.substr(0, eol);
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (!split_dictionary_csv_line(line, &fields) || fields.size() < 5) {
      return Status(ErrorCode::kParse,
                    "expected surface,left-id,right-id,cost,品詞,品詞細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音",
                    Location{path, line_number, 0});
    }
    if (fields.size() < 8 || fields[7] != kNameFeature || !has_latin_and_no_japanese(fields[0])) continue;
    // MeCab keeps the feature fields as written (quotes included): the text after the fourth comma.
    std::size_t at = 0;
    bool quotes = false;
    for (int commas = 0; at < line.size() && commas < 4; ++at) {
      if (line[at] == '"') quotes = !quotes;
      if (line[at] == ',' && !quotes) ++commas;
    }
    if (Status s = add(fields[0], std::string(line.substr(at))); !s.ok()) {
      return Status(s.code(), s.message(), Location{path, line_number, 0});
    }
  }
  return Status();
}

bool NameList::written_matches(const Name& name, std::size_t k, std::string_view surface) const {
  if (name.any_case) return true;
  if (is_ascii(surface)) return surface == name.written[k];
  std::string buffer;
  return normalizer_.nfkc(surface, &buffer) == name.written[k];
}

std::size_t NameList::match(std::string_view text, std::span<const Token> tokens, std::size_t at,
                            const Name** found) const {
  const Token& first = tokens[at];
  if (first.norm.empty() || !first_bytes_.test(static_cast<unsigned char>(first.norm.front()))) return 0;
  // "tonelint's": a one-token name with a possessive.
  const bool possessive = first.norm.size() > 2 && first.norm.ends_with("'s");
  for (const bool strip : {false, true}) {
    if (strip && !possessive) break;
    const std::string_view key = strip ? first.norm.substr(0, first.norm.size() - 2) : first.norm;
    const auto it = by_first_.find(key);
    if (it == by_first_.end()) continue;
    for (std::uint32_t index : it->second) {
      const Name& name = names_[index];
      const std::size_t n = name.norms.size();
      if (at + n > tokens.size() || (strip && n != 1)) continue;
      bool all = true;
      for (std::size_t k = 0; k < n && all; ++k) {
        const Token& t = tokens[at + k];
        std::string_view surface = t.surface;
        const bool last = k + 1 == n;
        if (t.norm == name.norms[k]) {
          // as is
        } else if (last && t.norm.size() == name.norms[k].size() + 2 && t.norm.starts_with(name.norms[k]) &&
                   t.norm.ends_with("'s")) {
          surface.remove_suffix(surface.ends_with("\xE2\x80\x99s") ? 4 : 2);
        } else {
          all = false;
          break;
        }
        if (k > 0) {
          const Token& prev = tokens[at + k - 1];
          const std::uint32_t prev_end = prev.text_offset + prev.text_length;
          if (t.text_offset < prev_end) {
            all = false;
            break;
          }
          const std::string_view gap = text.substr(prev_end, t.text_offset - prev_end);
          all = name.space_before[k] ? !gap.empty() && is_white(gap) : gap.empty();
        }
        all = all && written_matches(name, k, surface);
      }
      if (all) {
        *found = &name;
        return n;
      }
    }
  }
  return 0;
}

}  // namespace tonelint
