// `tonelint tokens FILE...|-`: the sentences and tokens tonelint sees, with offsets,
// language, part of speech, lemma and conjugation — what guide authors need to write
// token patterns.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/json_writer.h"
#include "extract/extractor.h"
#include "extract/front_matter.h"
#include "input/source_text.h"
#include "report/escape.h"
#include "report/json_report.h"
#include "tokenize/analyzer.h"

namespace tonelint::cli {
namespace {

struct TokensOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string input_format = "auto";
  std::string stdin_filename;
};

std::string_view display_surface(const SourceText& source, const Token& t) {
  // Masked code shows what it hides, not the placeholder.
  if (t.kind == TokenKind::kCode || t.surface == kPlaceholder) return source.bytes().substr(t.offset, t.length);
  return t.surface;
}

// "名詞,固有名詞,組織" without the empty trailing fields.
std::string pos_chain(const Morph& m) {
  std::string out(m.pos);
  for (std::string_view part : {m.pos1, m.pos2, m.pos3}) {
    if (part.empty()) break;
    out += ',';
    out += part;
  }
  return out;
}

std::string escape_for_line(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

class TextPrinter {
 public:
  void file(const SourceText& source, const Document& doc) {
    count_ = 0;
    std::cout << report::quote_name(source.path()) << " (" << doc.format() << ")\n";
    if (const auto& fm = doc.front_matter()) {
      const Position end = source.position(fm->offset + fm->length - 1);
      std::cout << "  front matter: lines 1-" << end.line << ", not prose\n";
    }
  }
  void sentence(const SourceText& source, const TextBlock& block, const Sentence& s, std::span<const Token> tokens) {
    const Position p = source.position(s.offset);
    std::cout << "  sentence " << ++count_ << "  " << p.line << ':' << p.column << "  bytes " << s.offset << '+'
              << s.length << "  " << block_kind_name(block.kind) << "  lang=" << lang_name(s.lang);
    if (s.langs.has(Lang::kJa) && s.langs.has(Lang::kEn)) std::cout << " (ja+en)";
    if (s.forced_split) std::cout << "  [cut: too long]";
    std::cout << "\n    " << escape_for_line(source.bytes().substr(s.offset, s.length)) << '\n';
    for (const Token& t : tokens) {
      const Position tp = source.position(t.offset);
      std::cout << "    " << tp.line << ':' << tp.column << '\t' << t.offset << '+' << t.length << '\t'
                << token_kind_name(t.kind) << '\t' << lang_name(t.lang) << '\t'
                << escape_for_line(display_surface(source, t));
      if (t.norm != t.surface && (is_prose(t.kind) || t.kind == TokenKind::kName)) std::cout << "\tnorm=" << t.norm;
      if (t.lemma != t.norm && !t.lemma.empty()) std::cout << "\tlemma=" << t.lemma;
      if (t.morph != nullptr) {
        std::cout << '\t' << pos_chain(*t.morph);
        if (!t.morph->ctype.empty()) std::cout << '\t' << t.morph->ctype << '/' << t.morph->cform;
        if (!t.morph->reading.empty()) std::cout << "\treading=" << t.morph->reading;
      }
      std::cout << '\n';
    }
  }
  void error(const Status& status) { (void)status; }
  void finish() {}

 private:
  int count_ = 0;
};

// Streams {"files": [...], "summary": {...}} so memory does not grow with the input.
class JsonPrinter {
 public:
  JsonPrinter() { std::cout << "{\"files\":["; }

  void file(const SourceText& source, const Document& doc) {
    open_file();
    std::cout << "{\"path\":" << report::dump_json(source.path()) << ",\"format\":\"" << doc.format() << '"';
    if (const auto& fm = doc.front_matter()) {
      std::cout << ",\"front_matter\":" << report::dump_json(yaml_to_json(fm->data));
    }
    std::cout << ",\"sentences\":[";
    first_sentence_ = true;
    in_file_ = true;
  }

  void sentence(const SourceText& source, const TextBlock& block, const Sentence& s, std::span<const Token> tokens) {
    nlohmann::json j;
    j["paragraph"] = s.block;
    j["block"] = block_kind_name(block.kind);
    report::add_span(j, source, s.offset, s.length);
    j["lang"] = lang_name(s.lang);
    nlohmann::json langs = nlohmann::json::array();
    if (s.langs.has(Lang::kJa)) langs.push_back("ja");
    if (s.langs.has(Lang::kEn)) langs.push_back("en");
    j["langs"] = std::move(langs);
    if (s.forced_split) j["cut"] = true;
    j["text"] = std::string(source.bytes().substr(s.offset, s.length));
    nlohmann::json list = nlohmann::json::array();
    for (const Token& t : tokens) {
      const Position tp = source.position(t.offset);
      nlohmann::json tj;
      tj["surface"] = std::string(display_surface(source, t));
      tj["offset"] = t.offset;
      tj["length"] = t.length;
      tj["line"] = tp.line;
      tj["column"] = tp.column;
      tj["kind"] = token_kind_name(t.kind);
      tj["lang"] = lang_name(t.lang);
      tj["norm"] = std::string(t.norm);
      tj["lemma"] = std::string(t.lemma);
      if (t.morph != nullptr) {
        tj["pos"] = std::string(t.morph->pos);
        tj["pos1"] = std::string(t.morph->pos1);
        tj["pos2"] = std::string(t.morph->pos2);
        tj["pos3"] = std::string(t.morph->pos3);
        tj["ctype"] = std::string(t.morph->ctype);
        tj["cform"] = std::string(t.morph->cform);
        tj["reading"] = std::string(t.morph->reading);
      }
      list.push_back(std::move(tj));
    }
    j["tokens"] = std::move(list);
    ++sentences_;
    tokens_ += tokens.size();
    std::cout << (first_sentence_ ? "" : ",") << report::dump_json(j);
    first_sentence_ = false;
  }

  void error(const Status& status) {
    open_file();
    const Location& where = status.location();
    nlohmann::json j;
    j["path"] = where.path;
    nlohmann::json err;
    err["code"] = error_code_name(status.code());
    err["message"] = status.message();
    if (where.line > 0) err["line"] = where.line;
    if (where.column > 0) err["column"] = where.column;
    j["error"] = std::move(err);
    std::cout << report::dump_json(j);
  }

  void finish(int files, int errors, int skipped) {
    close_file();
    nlohmann::json summary = {{"files", files},       {"sentences", sentences_}, {"tokens", tokens_},
                              {"errors", errors},     {"skipped", skipped}};
    std::cout << "],\"summary\":" << report::dump_json(summary) << "}\n";
  }

 private:
  void open_file() {
    close_file();
    std::cout << (first_file_ ? "" : ",");
    first_file_ = false;
  }
  void close_file() {
    if (in_file_) std::cout << "]}";
    in_file_ = false;
  }

  bool first_file_ = true;
  bool first_sentence_ = true;
  bool in_file_ = false;
  std::size_t sentences_ = 0;
  std::size_t tokens_ = 0;
};

int run_tokens(const TokensOptions& options) {
  std::ios::sync_with_stdio(false);
  if (options.format != "text" && options.format != "json") {
    std::cerr << "tonelint tokens: unknown --format '" << options.format << "' (expected text or json)\n";
    return kExitUsage;
  }
  const Extractor* forced = nullptr;
  if (options.input_format != "auto") {
    forced = extractor_for_format(options.input_format);
    if (forced == nullptr) {
      std::cerr << "tonelint tokens: unknown --input-format '" << options.input_format
                << "' (expected auto, " << format_name_list() << ")\n";
      return kExitUsage;
    }
  }
  std::unique_ptr<Analyzer> analyzer = make_analyzer_or_report();
  if (!analyzer) return kExitUsage;

  const bool json = options.format == "json";
  TextPrinter text_printer;
  std::unique_ptr<JsonPrinter> json_printer = json ? std::make_unique<JsonPrinter>() : nullptr;
  int files = 0, errors = 0, skipped = 0;

  for (const std::string& path : options.paths) {
    const bool from_stdin = path == "-";
    const std::string name = from_stdin ? (options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename) : path;
    auto source = from_stdin ? load_source_stream(std::cin, name) : load_source_file(path);
    if (!source.ok()) {
      if (source.status().code() == ErrorCode::kBinary) {
        ++skipped;
        std::cerr << "tonelint: " << report::escape_controls(source.status().to_string()) << '\n';
        continue;
      }
      ++errors;
      std::cerr << "tonelint: " << report::escape_controls(source.status().to_string()) << '\n';
      if (json) json_printer->error(source.status());
      continue;
    }
    const SourceText& src = **source;
    const Extractor& extractor = forced != nullptr ? *forced : extractor_for_path(name);
    auto doc = extractor.extract(src);
    if (!doc.ok()) {
      ++errors;
      std::cerr << "tonelint: " << report::escape_controls(doc.status().to_string()) << '\n';
      if (json) json_printer->error(doc.status());
      continue;
    }
    ++files;
    if (json) {
      json_printer->file(src, *doc);
    } else {
      text_printer.file(src, *doc);
    }
    analyzer->for_each_sentence(*doc, [&](const TextBlock& block, const Sentence& s, std::span<const Token> tokens) {
      if (json) {
        json_printer->sentence(src, block, s, tokens);
      } else {
        text_printer.sentence(src, block, s, tokens);
      }
    });
  }
  if (json) json_printer->finish(files, errors, skipped);
  std::cout.flush();
  return errors > 0 ? kExitUsage : kExitOk;
}

}  // namespace

std::function<int()> add_tokens_command(CLI::App& app) {
  auto options = std::make_shared<TokensOptions>();
  CLI::App* cmd = app.add_subcommand("tokens", "Print the sentences and tokens of drafts (for writing token patterns)");
  cmd->add_option("paths", options->paths, "Files to analyse; - reads stdin")->required();
  cmd->add_option("--format", options->format, "Output format: text or json")->capture_default_str();
  cmd->add_option("--input-format", options->input_format, "auto (by extension), " + format_name_list())
      ->capture_default_str();
  cmd->add_option("--stdin-filename", options->stdin_filename,
                  "Name to report for stdin (its extension picks the input format)");
  return [options] { return run_tokens(*options); };
}

}  // namespace tonelint::cli
