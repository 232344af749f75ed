#include "tonelint/analysis.h"

#include <exception>
#include <mutex>
#include <new>
#include <sstream>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "api/api_internal.h"
#include "api/idle_pool.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/front_matter.h"
#include "input/source_text.h"
#include "report/json_report.h"
#include "segment/segmenter.h"
#include "tokenize/analyzer.h"

namespace tonelint {
namespace {

constexpr const char* kDefaultName = "<text>";

// Scalars stay strings: front matter is shown as written, not reinterpreted.
nlohmann::json yaml_as_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) object[entry.first.as<std::string>("")] = yaml_as_json(entry.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(yaml_as_json(item));
      return array;
    }
    case YAML::NodeType::Scalar:
      return node.Scalar();
    default:
      return nullptr;
  }
}

TextToken token_of(const SourceText& source, const Token& t) {
  TextToken out;
  out.masked = t.kind == TokenKind::kCode || t.surface == kPlaceholder;
  // Masked code shows what it hides, not the placeholder the rules saw.
  out.surface = std::string(out.masked ? source.bytes().substr(t.offset, t.length) : t.surface);
  out.norm = std::string(t.norm);
  out.lemma = std::string(t.lemma);
  out.kind = token_kind_name(t.kind);
  out.lang = lang_name(t.lang);
  out.prose = is_prose(t.kind);
  out.offset = t.offset;
  out.length = t.length;
  const Position p = source.position(t.offset);
  out.line = p.line;
  out.column = p.column;
  if (t.morph != nullptr) {
    const Morph& m = *t.morph;
    out.morphology = Morphology{std::string(m.pos),   std::string(m.pos1),  std::string(m.pos2),   std::string(m.pos3),
                                std::string(m.ctype), std::string(m.cform), std::string(m.reading)};
  }
  return out;
}

TextSentence sentence_of(const SourceText& source, const TextBlock& block, const Sentence& s,
                         std::span<const Token> tokens) {
  TextSentence out;
  out.block_index = s.block;
  out.block = block_kind_name(block.kind);
  out.offset = s.offset;
  out.length = s.length;
  const Position begin = source.position(s.offset);
  const Position end = source.position(s.offset + s.length);
  out.line = begin.line;
  out.column = begin.column;
  out.end_line = end.line;
  out.end_column = end.column;
  out.lang = lang_name(s.lang);
  out.japanese = s.langs.has(Lang::kJa);
  out.english = s.langs.has(Lang::kEn);
  out.cut = s.forced_split;
  out.text = std::string(source.bytes().substr(s.offset, s.length));
  out.tokens.reserve(tokens.size());
  for (const Token& t : tokens) out.tokens.push_back(token_of(source, t));
  return out;
}

TextAnalysis header_of(const SourceText& source, const Document& doc) {
  TextAnalysis out;
  out.path = source.path();
  out.format = doc.format();
  if (const auto& fm = doc.front_matter()) {
    TextFrontMatter front;
    front.offset = fm->offset;
    front.length = fm->length;
    front.last_line = source.position(fm->offset + fm->length - 1).line;
    front.json = report::dump_json(yaml_as_json(fm->data));
    out.front_matter = std::move(front);
  }
  return out;
}

nlohmann::json sentence_json(const TextSentence& s) {
  nlohmann::json j;
  j["paragraph"] = s.block_index;
  j["block"] = s.block;
  j["offset"] = s.offset;
  j["length"] = s.length;
  j["line"] = s.line;
  j["column"] = s.column;
  j["end_line"] = s.end_line;
  j["end_column"] = s.end_column;
  j["lang"] = s.lang;
  nlohmann::json langs = nlohmann::json::array();
  if (s.japanese) langs.push_back("ja");
  if (s.english) langs.push_back("en");
  j["langs"] = std::move(langs);
  if (s.cut) j["cut"] = true;
  j["text"] = s.text;
  nlohmann::json list = nlohmann::json::array();
  for (const TextToken& t : s.tokens) {
    nlohmann::json tj;
    tj["surface"] = t.surface;
    tj["offset"] = t.offset;
    tj["length"] = t.length;
    tj["line"] = t.line;
    tj["column"] = t.column;
    tj["kind"] = t.kind;
    tj["lang"] = t.lang;
    tj["norm"] = t.norm;
    tj["lemma"] = t.lemma;
    if (t.morphology) {
      const Morphology& m = *t.morphology;
      tj["pos"] = m.pos;
      tj["pos1"] = m.pos1;
      tj["pos2"] = m.pos2;
      tj["pos3"] = m.pos3;
      tj["ctype"] = m.ctype;
      tj["cform"] = m.cform;
      tj["reading"] = m.reading;
    }
    list.push_back(std::move(tj));
  }
  j["tokens"] = std::move(list);
  return j;
}

Status internal_error(const std::exception& e) {
  return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
}

}  // namespace

bool is_input_format(std::string_view format) { return extractor_for_format(format) != nullptr; }

std::string input_format_list() { return format_name_list(); }

// Per-thread analysers: a call borrows one, so no analyser is used by two threads at once.
struct TextAnalyzer::Impl {
  std::shared_ptr<const Dictionaries> dictionaries;
  IdlePool<Analyzer> analyzers;

  // An idle analyser, else a new one (made outside the pool's lock: MeCab is slow to start).
  Result<std::unique_ptr<Analyzer>> acquire() {
    if (std::unique_ptr<Analyzer> analyzer = analyzers.take()) return analyzer;
    return Analyzer::create(dictionaries->impl().model);
  }
  void release(std::unique_ptr<Analyzer> analyzer) { analyzers.give_back(std::move(analyzer)); }
};

TextAnalyzer::TextAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;
TextAnalyzer::~TextAnalyzer() = default;

Result<TextAnalyzer> TextAnalyzer::create(std::shared_ptr<const Dictionaries> dictionaries) {
  if (!dictionaries) return Status(ErrorCode::kInvalidArgument, "TextAnalyzer::create: no dictionaries");
  try {
    auto impl = std::make_unique<Impl>();
    impl->dictionaries = std::move(dictionaries);
    // One analyser up front: it fails here, not on the first call, if MeCab cannot start.
    auto first = impl->acquire();
    if (!first.ok()) return first.status();
    impl->release(std::move(*first));
    return TextAnalyzer(std::move(impl));
  } catch (const std::exception& e) {
    return internal_error(e);
  }
}

namespace {

using TextCallback = std::function<void(const TextAnalysis&)>;
using SentenceCallback = std::function<void(const TextSentence&)>;
using SourceLoader = std::function<Result<std::unique_ptr<SourceText>>(const std::string& name)>;

// What every stream() does once it has a way to read the text; no exception escapes.
Status stream_source(TextAnalyzer::Impl& pool, const AnalysisOptions& options, const std::string& default_name,
                     const SourceLoader& load, const TextCallback& on_text, const SentenceCallback& on_sentence) {
  try {
    const std::string name = options.filename.empty() ? default_name : options.filename;
    const Extractor* extractor = options.format.empty() ? &extractor_for_path(name) : extractor_for_format(options.format);
    if (extractor == nullptr) {
      return Status(ErrorCode::kInvalidArgument,
                    "unknown format '" + options.format + "' (expected " + format_name_list() + ")",
                    Location{"format"});
    }
    auto source = load(name);
    if (!source.ok()) return source.status();
    const SourceText& src = **source;
    auto doc = extractor->extract(src);
    if (!doc.ok()) return doc.status();
    auto analyzer = pool.acquire();
    if (!analyzer.ok()) return analyzer.status();
    const IdlePool<Analyzer>::Lease lease(&pool.analyzers, std::move(*analyzer));
    if (on_text) on_text(header_of(src, *doc));
    lease->for_each_sentence(*doc, [&](const TextBlock& block, const Sentence& s, std::span<const Token> tokens) {
      if (on_sentence) on_sentence(sentence_of(src, block, s, tokens));
    });
    return Status::ok_status();
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, "out of memory while analysing the text");
  } catch (const std::exception& e) {
    return internal_error(e);
  }
}

}  // namespace

Status TextAnalyzer::stream(std::string_view text, const AnalysisOptions& options, const TextCallback& on_text,
                            const SentenceCallback& on_sentence) const {
  return stream_source(
      *impl_, options, kDefaultName, [&](const std::string& name) { return load_source_bytes(std::string(text), name); },
      on_text, on_sentence);
}

Status TextAnalyzer::stream_file(const std::string& path, const AnalysisOptions& options, const TextCallback& on_text,
                                 const SentenceCallback& on_sentence) const {
  return stream_source(
      *impl_, options, path,
      [&](const std::string& name) -> Result<std::unique_ptr<SourceText>> {
        if (name == path) return load_source_file(path);
        // Reported under another name: read it, then name it so.
        auto source = load_source_file(path);
        if (!source.ok()) return source;
        return load_source_bytes(std::string((*source)->bytes()), name);
      },
      on_text, on_sentence);
}

Status TextAnalyzer::stream(std::istream& in, const AnalysisOptions& options, const TextCallback& on_text,
                            const SentenceCallback& on_sentence) const {
  return stream_source(
      *impl_, options, kDefaultName, [&](const std::string& name) { return load_source_stream(in, name); }, on_text,
      on_sentence);
}

Result<TextAnalysis> TextAnalyzer::analyze(std::string_view text, const AnalysisOptions& options) const {
  TextAnalysis out;
  Status status = stream(
      text, options, [&](const TextAnalysis& header) { out = header; },
      [&](const TextSentence& sentence) { out.sentences.push_back(sentence); });
  if (!status.ok()) return status;
  return out;
}

std::string to_json(const TextSentence& sentence) { return report::dump_json(sentence_json(sentence)); }

std::string to_json(const TextAnalysis& analysis) {
  std::ostringstream out;
  AnalysisJsonWriter writer(out);
  writer.text(analysis);
  for (const TextSentence& s : analysis.sentences) writer.sentence(s);
  writer.finish(1, 0, 0);
  std::string json = out.str();
  if (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

AnalysisJsonWriter::AnalysisJsonWriter(std::ostream& out) : out_(out) { out_ << "{\"files\":["; }

void AnalysisJsonWriter::text(const TextAnalysis& analysis) {
  open_entry();
  out_ << "{\"path\":" << report::dump_json(analysis.path) << ",\"format\":" << report::dump_json(analysis.format);
  if (analysis.front_matter) out_ << ",\"front_matter\":" << analysis.front_matter->json;
  out_ << ",\"sentences\":[";
  first_sentence_ = true;
  in_text_ = true;
}

void AnalysisJsonWriter::sentence(const TextSentence& sentence) {
  ++sentences_;
  tokens_ += sentence.tokens.size();
  out_ << (first_sentence_ ? "" : ",") << to_json(sentence);
  first_sentence_ = false;
}

void AnalysisJsonWriter::error(const Status& status) {
  open_entry();
  const Location& where = status.location();
  nlohmann::json j;
  j["path"] = where.path;
  nlohmann::json err;
  err["code"] = error_code_name(status.code());
  err["message"] = status.message();
  if (where.line > 0) err["line"] = where.line;
  if (where.column > 0) err["column"] = where.column;
  j["error"] = std::move(err);
  out_ << report::dump_json(j);
}

void AnalysisJsonWriter::finish(std::size_t texts, std::size_t errors, std::size_t skipped) {
  close_text();
  nlohmann::json summary = {{"files", texts},   {"sentences", sentences_}, {"tokens", tokens_},
                            {"errors", errors}, {"skipped", skipped}};
  out_ << "],\"summary\":" << report::dump_json(summary) << "}\n";
}

void AnalysisJsonWriter::open_entry() {
  close_text();
  out_ << (first_entry_ ? "" : ",");
  first_entry_ = false;
}

void AnalysisJsonWriter::close_text() {
  if (in_text_) out_ << "]}";
  in_text_ = false;
}

}  // namespace tonelint
