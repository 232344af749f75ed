// The public C++ API: what tonelint sees in a text — its sentences and their tokens, with
// byte offsets, language, part of speech, lemma and reading. For a UI that shows tokens,
// or a guide author writing token patterns (`tonelint tokens` prints this).
//
//   auto dictionaries = tonelint::Dictionaries::load();
//   auto analyzer = tonelint::TextAnalyzer::create(*dictionaries);
//   auto analysis = analyzer->analyze("了解です。");
//   for (const tonelint::TextSentence& s : analysis->sentences)
//     for (const tonelint::TextToken& t : s.tokens) std::cout << t.surface << ' ' << t.lemma << '\n';
//
// A TextAnalyzer is thread-safe: each call borrows one of its per-thread analysers (MeCab
// tagger, ICU breakers). No exception crosses the API.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

// MeCab (ipadic) features of a Japanese token; unknown words have no reading.
struct Morphology {
  std::string pos;    // 品詞: 名詞, 動詞, 助詞, ...
  std::string pos1;   // 品詞細分類1..3 (empty when the dictionary has none)
  std::string pos2;
  std::string pos3;
  std::string ctype;  // 活用型: 五段・カ行イ音便, 一段, ...
  std::string cform;  // 活用形: 基本形, 連用形, ...
  std::string reading;  // 読み (katakana)
};

struct TextToken {
  // As written. A token standing for text the rules never see (inline code, raw HTML)
  // shows the source bytes it hides, and is `masked`.
  std::string surface;
  bool masked = false;
  std::string norm;   // NFKC + case-folded: ＡＢＣ→abc, Don't→don't
  std::string lemma;  // ja: 原形 (or norm); en: Snowball stem of norm
  std::string kind;   // word, number, punct, symbol, emoji, kaomoji, url, email, code, name
  std::string lang;   // ja, en, none
  bool prose = true;  // rules looking at words look at it (not a URL, an e-mail address, code or a name)
  std::uint32_t offset = 0;  // bytes of the text
  std::uint32_t length = 0;
  std::uint32_t line = 1, column = 1;  // 1-based; columns in code points
  std::optional<Morphology> morphology;  // Japanese words analysed by MeCab
};

struct TextSentence {
  std::uint32_t block_index = 0;  // which block (paragraph, heading, ...) of the text, from 0
  std::string block;              // its kind: paragraph, heading, list_item, table_cell, ...
  std::uint32_t offset = 0;       // bytes of the text
  std::uint32_t length = 0;
  std::uint32_t line = 1, column = 1;          // 1-based; columns in code points
  std::uint32_t end_line = 1, end_column = 1;  // end_column is exclusive
  std::string lang;                // the sentence's language: ja, en, none
  bool japanese = false;           // it has Japanese words
  bool english = false;            // it has English words
  bool cut = false;                // split where no sentence ended, for being too long
  std::string text;                // the sentence's bytes
  std::vector<TextToken> tokens;
};

// Front matter (Markdown): metadata, not prose.
struct TextFrontMatter {
  std::uint32_t offset = 0;  // bytes of the whole block, fences included
  std::uint32_t length = 0;
  std::uint32_t last_line = 1;
  std::string json;          // its YAML as compact JSON (scalars as strings)
};

struct TextAnalysis {
  std::string path;    // the name reported (AnalysisOptions::filename, or "<text>")
  std::string format;  // the input format used: text, markdown, mdx, html, email
  std::optional<TextFrontMatter> front_matter;
  std::vector<TextSentence> sentences;  // in text order (empty when streamed)
};

struct AnalysisOptions {
  // "text", "markdown" (or "md"), "mdx", "html", "email". Empty: from `filename`'s extension,
  // plain text when it has none.
  std::string format;
  // The name to report (and, without `format`, whose extension picks the format).
  // Empty: "<text>".
  std::string filename;
};

// Whether `format` names an input format AnalysisOptions::format accepts.
bool is_input_format(std::string_view format);
// The input formats' names for a message: "text, markdown, mdx, html or email".
std::string input_format_list();

class TextAnalyzer {
 public:
  static Result<TextAnalyzer> create(std::shared_ptr<const Dictionaries> dictionaries);

  // Analyses UTF-8 `text` whole. Errors: kInvalidArgument (format), kInvalidUtf8,
  // kBinary, kTooLarge, kParse (e.g. bad front matter), with the location.
  Result<TextAnalysis> analyze(std::string_view text, const AnalysisOptions& options = {}) const;

  // The same, sentence by sentence, so memory stays bounded whatever the text's size:
  // `on_text` first (sentences empty), then `on_sentence` for each sentence in order.
  // An exception thrown by a callback is returned as a kInternal Status.
  Status stream(std::string_view text, const AnalysisOptions& options,
                const std::function<void(const TextAnalysis&)>& on_text,
                const std::function<void(const TextSentence&)>& on_sentence) const;

  // The same, reading the text: a file (a FIFO or a device is refused by its type, not
  // read; `options.filename` empty: reported under `path`), or a whole stream (stdin;
  // `options.filename` empty: "<text>"). Up to 256 MiB, read once: a large file is not
  // held twice. Errors add kNotFound and kIo.
  Status stream_file(const std::string& path, const AnalysisOptions& options,
                     const std::function<void(const TextAnalysis&)>& on_text,
                     const std::function<void(const TextSentence&)>& on_sentence) const;
  Status stream(std::istream& in, const AnalysisOptions& options,
                const std::function<void(const TextAnalysis&)>& on_text,
                const std::function<void(const TextSentence&)>& on_sentence) const;

  TextAnalyzer(TextAnalyzer&&) noexcept;
  TextAnalyzer& operator=(TextAnalyzer&&) noexcept;
  ~TextAnalyzer();

  struct Impl;  // the library's own

 private:
  explicit TextAnalyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One sentence as `tonelint tokens --format json` prints it.
std::string to_json(const TextSentence& sentence);
// {"files": [{...}], "summary": {...}} of one analysed text: byte for byte what
// `tonelint tokens --format json` prints for it.
std::string to_json(const TextAnalysis& analysis);

// Writes the JSON report of `tonelint tokens` as it goes, so that memory does not grow
// with the input: text(), then its sentence()s, for each text; error() for a text that
// could not be analysed; finish() once.
class AnalysisJsonWriter {
 public:
  explicit AnalysisJsonWriter(std::ostream& out);  // writes the opening
  void text(const TextAnalysis& analysis);         // its path, format and front matter
  void sentence(const TextSentence& sentence);
  void error(const Status& status);  // {"path": ..., "error": {...}} from the Status's location
  // `texts` analysed, `errors` refused, `skipped` (binary) texts.
  void finish(std::size_t texts, std::size_t errors, std::size_t skipped);

 private:
  void open_entry();
  void close_text();

  std::ostream& out_;
  bool first_entry_ = true;
  bool first_sentence_ = true;
  bool in_text_ = false;
  std::size_t sentences_ = 0;
  std::size_t tokens_ = 0;
};

}  // namespace tonelint
