// `tonelint tokens FILE...|-`: the sentences and tokens tonelint sees, with offsets,
// language, part of speech, lemma and conjugation — what guide authors need to write
// token patterns. The analysis is the public API's (tonelint/analysis.h); this prints it.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "report/escape.h"
#include "tonelint/analysis.h"

namespace tonelint::cli {
namespace {

struct TokensOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string input_format = "auto";
  std::string stdin_filename;
};

// "名詞,固有名詞,組織" without the empty trailing fields.
std::string pos_chain(const Morphology& m) {
  std::string out(m.pos);
  for (const std::string* part : {&m.pos1, &m.pos2, &m.pos3}) {
    if (part->empty()) break;
    out += ',';
    out += *part;
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
  void text(const TextAnalysis& analysis) {
    count_ = 0;
    std::cout << report::quote_name(analysis.path) << " (" << analysis.format << ")\n";
    if (analysis.front_matter) std::cout << "  front matter: lines 1-" << analysis.front_matter->last_line << ", not prose\n";
  }
  void sentence(const TextSentence& s) {
    std::cout << "  sentence " << ++count_ << "  " << s.line << ':' << s.column << "  bytes " << s.offset << '+'
              << s.length << "  " << s.block << "  lang=" << s.lang;
    if (s.japanese && s.english) std::cout << " (ja+en)";
    if (s.cut) std::cout << "  [cut: too long]";
    std::cout << "\n    " << escape_for_line(s.text) << '\n';
    for (const TextToken& t : s.tokens) {
      std::cout << "    " << t.line << ':' << t.column << '\t' << t.offset << '+' << t.length << '\t' << t.kind << '\t'
                << t.lang << '\t' << escape_for_line(t.surface);
      if (!t.masked && t.norm != t.surface && (t.prose || t.kind == "name")) std::cout << "\tnorm=" << t.norm;
      if (t.lemma != t.norm && !t.lemma.empty()) std::cout << "\tlemma=" << t.lemma;
      if (t.morphology) {
        const Morphology& m = *t.morphology;
        std::cout << '\t' << pos_chain(m);
        if (!m.ctype.empty()) std::cout << '\t' << m.ctype << '/' << m.cform;
        if (!m.reading.empty()) std::cout << "\treading=" << m.reading;
      }
      std::cout << '\n';
    }
  }

 private:
  int count_ = 0;
};

int run_tokens(const TokensOptions& options) {
  std::ios::sync_with_stdio(false);
  if (options.format != "text" && options.format != "json") {
    std::cerr << "tonelint tokens: unknown --format '" << options.format << "' (expected text or json)\n";
    return kExitUsage;
  }
  const bool forced = options.input_format != "auto";
  if (forced && !is_input_format(options.input_format)) {
    std::cerr << "tonelint tokens: unknown --input-format '" << options.input_format
              << "' (expected auto, " << input_format_list() << ")\n";
    return kExitUsage;
  }
  std::shared_ptr<const Dictionaries> dictionaries = load_dictionaries_or_report();
  if (!dictionaries) return kExitUsage;
  auto analyzer = TextAnalyzer::create(dictionaries);
  if (!analyzer.ok()) {
    std::cerr << "tonelint: " << analyzer.status().to_string() << '\n';
    return kExitUsage;
  }

  const bool json = options.format == "json";
  TextPrinter text_printer;
  std::unique_ptr<AnalysisJsonWriter> json_writer = json ? std::make_unique<AnalysisJsonWriter>(std::cout) : nullptr;
  std::size_t files = 0, errors = 0, skipped = 0;
  auto refuse = [&](const Status& status) {
    ++errors;
    std::cerr << "tonelint: " << report::escape_controls(status.to_string()) << '\n';
    if (json) json_writer->error(status);
  };

  for (const std::string& path : options.paths) {
    const bool from_stdin = path == "-";
    const std::string name = from_stdin ? (options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename) : path;
    AnalysisOptions analysis;
    analysis.format = forced ? options.input_format : "";
    analysis.filename = name;
    bool started = false;
    auto on_text = [&](const TextAnalysis& text) {
      started = true;
      ++files;
      if (json) json_writer->text(text);
      else text_printer.text(text);
    };
    auto on_sentence = [&](const TextSentence& sentence) {
      if (json) json_writer->sentence(sentence);
      else text_printer.sentence(sentence);
    };
    // Read by the analyzer, once, as `check` reads: a FIFO or a device is refused by its type.
    const Status status = from_stdin ? analyzer->stream(std::cin, analysis, on_text, on_sentence)
                                     : analyzer->stream_file(path, analysis, on_text, on_sentence);
    if (!status.ok() && !started && status.code() == ErrorCode::kBinary) {
      ++skipped;  // not an error: binary files are passed over
      std::cerr << "tonelint: " << report::escape_controls(status.to_string()) << '\n';
      continue;
    }
    if (!status.ok() && !started) refuse(status);
    else if (!status.ok()) {  // failed part-way (out of memory): reported, but not as an entry
      ++errors;
      std::cerr << "tonelint: " << report::escape_controls(status.to_string()) << '\n';
    }
  }
  if (json) json_writer->finish(files, errors, skipped);
  std::cout.flush();
  return errors > 0 ? kExitUsage : kExitOk;
}

}  // namespace

std::function<int()> add_tokens_command(CLI::App& app) {
  auto options = std::make_shared<TokensOptions>();
  CLI::App* cmd = app.add_subcommand("tokens", "Print the sentences and tokens of drafts (for writing token patterns)");
  cmd->add_option("paths", options->paths, "Files to analyse; - reads stdin")->required();
  cmd->add_option("--format", options->format, "Output format: text or json")->capture_default_str();
  cmd->add_option("--input-format", options->input_format, "auto (by extension), " + input_format_list())
      ->capture_default_str();
  cmd->add_option("--stdin-filename", options->stdin_filename,
                  "Name to report for stdin (its extension picks the input format)");
  return [options] { return run_tokens(*options); };
}

}  // namespace tonelint::cli
