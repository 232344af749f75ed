// The bodies of the fuzz targets, one function per untrusted input. The libFuzzer
// executables (fuzz/fuzz_<name>.cpp, clang, -DTONELINT_FUZZ=ON) call them, and so does
// tests/reliability/fuzz_regressions_test.cpp with every input saved under
// fuzz/regressions/<name>/, built with the normal compiler: a crash found once stays fixed.
//
// Each function returns normally on any input the product handles (errors included) and
// stops the process (FUZZ_CHECK) when an invariant breaks: an offset outside the file, a
// fix that breaks UTF-8 or touches bytes outside its edits, ...
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/glob.h"
#include "config/repo_config.h"
#include "lint/session.h"
#include "extract/extractor.h"
#include "extract/front_matter.h"
#include "extract/mdx_syntax.h"
#include "fix/fixer.h"
#include "load/guide_loader.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "server/guide_registry.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "tokenize/analyzer.h"
#include "tokenize/mecab_model.h"

#ifndef TONELINT_SOURCE_DIR
#error "TONELINT_SOURCE_DIR must name the repository (for rules/tonelint.yaml)"
#endif

#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace tonelint::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// One MeCab model per process, with the brand dictionary when the build made one.
inline std::shared_ptr<const MecabModel> model() {
  static std::shared_ptr<const MecabModel> m = [] {
    std::vector<std::string> dics;
#ifdef TONELINT_BRAND_DIC
    if (std::filesystem::exists(TONELINT_BRAND_DIC)) dics.push_back(TONELINT_BRAND_DIC);
#endif
    auto loaded = MecabModel::load("", dics);
    FUZZ_CHECK(loaded.ok());
    return std::shared_ptr<const MecabModel>(*loaded);
  }();
  return m;
}

inline Analyzer& analyzer() {
  static std::unique_ptr<Analyzer> a = [] {
    auto created = Analyzer::create(model());
    FUZZ_CHECK(created.ok());
    return std::move(*created);
  }();
  return *a;
}

// The shipped guide and one lint session on it.
inline LintSession& shipped_session() {
  static std::unique_ptr<LintSession> session = [] {
    GuideLoad load = load_guide_file(std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml");
    FUZZ_CHECK(load.ok());
    auto created = LintSession::create(load.guide, model());
    FUZZ_CHECK(created.ok());
    return std::move(*created);
  }();
  return *session;
}

// Valid UTF-8 from any bytes: bad sequences become U+FFFD, NUL becomes a space.
inline std::string to_valid_utf8(std::string_view bytes) {
  std::string out = to_well_formed_utf8(bytes);
  std::replace(out.begin(), out.end(), '\0', ' ');
  return out;
}

// Every block's text maps into the source, in order, and every token lies in its block.
inline void check_document(const SourceText& source, const Document& doc) {
  const std::size_t size = source.bytes().size();
  for (const TextBlock& block : doc.blocks()) {
    FUZZ_CHECK(!find_invalid_utf8(block.text).has_value());
    const auto n = static_cast<std::uint32_t>(block.text.size());
    for (std::uint32_t at : {std::uint32_t{0}, n / 2, n}) {
      const std::uint32_t b = block.map.to_source_begin(at);
      const std::uint32_t e = block.map.to_source_end(at);
      FUZZ_CHECK(b <= size && e <= size);
    }
    FUZZ_CHECK(block.map.to_source_begin(0) <= block.map.to_source_end(n));
    for (const Mask& m : block.masks) FUZZ_CHECK(m.text_offset <= n);
  }
  if (const auto& fm = doc.front_matter()) FUZZ_CHECK(fm->offset + fm->length <= size);
}

inline void check_analysis(const SourceText& source, const Document& doc, const Analysis& analysis) {
  const std::size_t size = source.bytes().size();
  for (const AnalyzedSentence& s : analysis.sentences) {
    FUZZ_CHECK(s.token_begin <= s.token_end && s.token_end <= analysis.tokens.size());
    FUZZ_CHECK(s.sentence.offset + s.sentence.length <= size);
    FUZZ_CHECK(s.sentence.block < doc.blocks().size());
    const TextBlock& block = doc.blocks()[s.sentence.block];
    FUZZ_CHECK(s.sentence.text_begin <= s.sentence.text_end && s.sentence.text_end <= block.text.size());
    for (const Token& t : analysis.tokens_of(s)) {
      FUZZ_CHECK(t.offset + t.length <= size);
      FUZZ_CHECK(t.text_offset + t.text_length <= block.text.size());
      FUZZ_CHECK(!find_invalid_utf8(t.surface).has_value());
      FUZZ_CHECK(!find_invalid_utf8(t.norm).has_value());
    }
  }
}

// Extracts `bytes` (as read from a file named `name`), then analyses what came out.
inline void extract_and_analyze(std::string_view bytes, const std::string& name, bool analyze) {
  auto source = load_source_bytes(std::string(bytes), name);
  if (!source.ok()) return;  // not UTF-8 text: refused, which is the contract
  auto doc = extractor_for_path(name).extract(**source);
  if (!doc.ok()) return;
  check_document(**source, *doc);
  if (!analyze) return;
  Analysis analysis;
  analyzer().analyze(*doc, &analysis);
  check_analysis(**source, *doc, analysis);
}

// ---- the targets ---------------------------------------------------------------------

// The UTF-8 input layer (validation, BOM, line index) and Markdown extraction (md4c, front matter).
inline int input_markdown(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = as_view(data, size);
  auto source = load_source_bytes(std::string(bytes), "fuzz.md");
  if (!source.ok()) {
    FUZZ_CHECK(find_invalid_utf8(bytes).has_value() || std::memchr(bytes.data(), 0, bytes.size()) != nullptr);
    return 0;
  }
  const SourceText& s = **source;
  const Position end = s.position(static_cast<std::uint32_t>(size));
  FUZZ_CHECK(end.line >= 1 && end.column >= 1);
  auto doc = extractor_for_path("fuzz.md").extract(s);
  if (doc.ok()) check_document(s, *doc);
  return 0;
}

// Segmenter + tokenizer (MeCab and ICU) on arbitrary valid UTF-8 as plain text.
inline int tokenizer(const std::uint8_t* data, std::size_t size) {
  extract_and_analyze(to_valid_utf8(as_view(data, size)), "fuzz.txt", true);
  return 0;
}

// The guide loader on arbitrary YAML (relative paths in it resolve under a missing folder).
// Every guide an `extends:` names under that folder is the input again, so one input such
// as "extends: a/guide.yaml" makes a chain of distinct files as long as the bound allows
// (kMaxExtendsDepth) and reaches the error at its end; naming itself makes a cycle.
inline int guide_loader(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = as_view(data, size);
  constexpr std::string_view kFolder = "/nonexistent-tonelint-fuzz/";
  const GuideReader same_input = [&](const std::string& path) -> Result<std::string> {
    if (!path.starts_with(kFolder)) return Status(ErrorCode::kNotFound, "not in the fuzz folder", Location{path});
    return std::string(input);
  };
  const GuideLoad load = load_guide_text(input, std::string(kFolder) + "guide.yaml", nullptr, same_input);
  FUZZ_CHECK(load.ok() == load.errors.empty());
  for (const Status& e : load.errors) FUZZ_CHECK(!e.message().empty());
  return 0;
}

// The whole check path with the shipped guide; the first byte picks the format.
inline int check(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"fuzz.md", "fuzz.txt", "fuzz.html", "fuzz.eml"};
  const std::string name = kNames[data[0] % 4];
  auto source = load_source_bytes(std::string(as_view(data + 1, size - 1)), name);
  if (!source.ok()) return 0;
  auto report = shipped_session().lint(**source, extractor_for_path(name), Context{});
  if (!report.ok()) return 0;
  for (const Diagnostic& d : report->result.diagnostics) {
    FUZZ_CHECK(d.offset + d.length <= (*source)->bytes().size());
    FUZZ_CHECK(!d.rule.empty() && !d.message.empty());
    for (const Suggestion& s : d.suggestions) FUZZ_CHECK(s.offset + s.length <= (*source)->bytes().size());
  }
  FUZZ_CHECK(report->result.score >= 0 && report->result.score <= 100);
  return 0;
}

// Applying edits: (1) the shipped guide's own rewrites of the text, all of them (--fix=all);
// (2) edits made up from the input's tail. Either way the result is valid UTF-8 when the
// text and the replacements are, and every byte outside the edits taken is unchanged.
inline void check_applied(std::string_view before, const std::vector<Diagnostic>& diagnostics, bool utf8_edits) {
  int applied = 0;
  const std::string after = apply_suggestions(before, diagnostics, true, &applied);
  const std::vector<const Suggestion*> taken = select_suggestions(before.size(), diagnostics, true);
  FUZZ_CHECK(applied == static_cast<int>(taken.size()));
  std::size_t in = 0, out = 0;
  for (const Suggestion* s : taken) {
    FUZZ_CHECK(s->offset >= in && s->offset + s->length <= before.size());
    const std::size_t keep = s->offset - in;
    FUZZ_CHECK(after.compare(out, keep, before, in, keep) == 0);  // untouched bytes before the edit
    out += keep;
    FUZZ_CHECK(after.compare(out, s->text.size(), s->text) == 0);
    out += s->text.size();
    in = s->offset + s->length;
  }
  FUZZ_CHECK(after.compare(out, std::string::npos, before, in) == 0);  // and after the last
  FUZZ_CHECK(after.size() - out == before.size() - in);
  if (utf8_edits) FUZZ_CHECK(!find_invalid_utf8(after).has_value());
}

inline int fix(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = as_view(data, size);
  // Text, then (after a 0xFF byte, which UTF-8 never has) edits: offset, length, text.
  const std::size_t split = bytes.find('\xFF');
  const std::string text = to_valid_utf8(bytes.substr(0, split));
  auto source = load_source_bytes(text, "fuzz.md");
  FUZZ_CHECK(source.ok());
  auto report = shipped_session().lint(**source, extractor_for_path("fuzz.md"), Context{});
  if (report.ok()) check_applied(text, report->result.diagnostics, true);
  if (split == std::string_view::npos) return 0;
  std::vector<Diagnostic> made_up;
  std::string_view tail = bytes.substr(split + 1);
  while (tail.size() >= 3) {
    Diagnostic d;
    Suggestion s;
    s.offset = static_cast<unsigned char>(tail[0]) * (text.size() + 1) / 256;
    s.length = static_cast<unsigned char>(tail[1]) % 16;
    const std::size_t n = std::min<std::size_t>(static_cast<unsigned char>(tail[2]) % 8, tail.size() - 3);
    s.text = std::string(tail.substr(3, n));
    s.safe = (tail[2] & 0x80) == 0;
    d.suggestions.push_back(std::move(s));
    made_up.push_back(std::move(d));
    tail.remove_prefix(3 + n);
  }
  check_applied(text, made_up, false);
  return 0;
}

inline int html(const std::uint8_t* data, std::size_t size) {
  extract_and_analyze(as_view(data, size), "fuzz.html", size < 4096);
  return 0;
}

inline int email(const std::uint8_t* data, std::size_t size) {
  extract_and_analyze(as_view(data, size), "fuzz.eml", size < 4096);
  return 0;
}

// MDX: the syntax pass (spans ordered, inside the file, blanking keeps the length and the
// line breaks), extraction and analysis over it, and the shipped guide's fixes, none of
// which may touch a byte of ESM, a tag, an expression or a comment.
inline int mdx(const std::uint8_t* data, std::size_t size) {
  const std::string text = to_valid_utf8(as_view(data, size));
  extract_and_analyze(text, "fuzz.mdx", size < 4096);
  auto source = load_source_bytes(text, "fuzz.mdx");
  FUZZ_CHECK(source.ok());
  auto split = split_front_matter(**source);
  if (!split.ok()) return 0;
  const std::vector<MdxSpan> syntax = find_mdx_syntax(text, split->body_offset);
  std::uint32_t previous_end = split->body_offset;
  for (const MdxSpan& s : syntax) {
    FUZZ_CHECK(previous_end <= s.begin && s.begin < s.end && s.end <= text.size());
    previous_end = s.end;
  }
  const std::string blanked = blank_mdx_syntax(text, syntax);
  FUZZ_CHECK(blanked.size() == text.size());
  for (std::size_t i = 0; i < text.size(); ++i) FUZZ_CHECK((text[i] == '\n') == (blanked[i] == '\n'));
  auto report = shipped_session().lint(**source, extractor_for_path("fuzz.mdx"), Context{});
  if (!report.ok()) return 0;
  for (const Diagnostic& d : report->result.diagnostics) {
    for (const Suggestion& s : d.suggestions) {
      for (const MdxSpan& span : syntax) FUZZ_CHECK(!(s.offset < span.end && span.begin < s.offset + s.length));
    }
  }
  check_applied(text, report->result.diagnostics, true);
  return 0;
}

// The repository config parser, and globs. First byte even: the input is a .tonelint.yaml,
// then asked about a few paths; odd: a glob pattern, a newline, then paths to match.
inline int repo_config(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes = as_view(data + 1, size - 1);
  if (data[0] % 2 == 0) {
    auto config = RepoConfig::parse(bytes, "/nonexistent-tonelint-fuzz/.tonelint.yaml");
    if (!config.ok()) {
      FUZZ_CHECK(!config.status().message().empty());
      return 0;
    }
    for (std::string_view path : {"a.md", "docs/x/y.txt", "support/incidents/a.md", "node_modules/p.md", ""}) {
      (void)config->takes(path);
      (void)config->excludes(path);
      (void)config->context_for(path);
    }
    return 0;
  }
  const std::size_t nl = bytes.find('\n');
  auto glob = Glob::compile(bytes.substr(0, nl));
  if (!glob.ok() || nl == std::string_view::npos) return 0;
  std::string_view paths = bytes.substr(nl + 1);
  while (true) {
    const std::size_t end = paths.find('\n');
    const std::string_view path = paths.substr(0, end);
    (void)glob->matches(path, false);
    (void)glob->matches(path, true);
    (void)glob->matches_path_or_parent(path);
    if (end == std::string_view::npos) break;
    paths.remove_prefix(end + 1);
  }
  return 0;
}

// ---- the service ----------------------------------------------------------------------

// `tonelint serve`'s HTTP server, with no socket: the shipped guide and a second one, so a
// request's "guide" field has something to pick.
inline server::HttpServer& service_server() {
  struct Service {
    std::unique_ptr<server::GuideRegistry> registry;
    server::Metrics metrics;
    std::unique_ptr<server::HttpServer> http;
  };
  static Service* service = [] {
    auto* s = new Service;
    auto dictionaries = Dictionaries::load();
    FUZZ_CHECK(dictionaries.ok());
    const std::string root = TONELINT_SOURCE_DIR;
    auto registry = server::GuideRegistry::open(
        {root + "/rules/tonelint.yaml", root + "/tests/fixtures/guide/team.yaml"}, *dictionaries);
    FUZZ_CHECK(registry.ok());
    s->registry = std::move(*registry);
    s->http = std::make_unique<server::HttpServer>(server::ServerOptions{}, *s->registry, s->metrics);
    return s;
  }();
  return *service->http;
}

struct HttpResponse {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  bool body_omitted = false;  // the answer to HEAD: a length, no body
};

// Splits what the server wrote into responses; each must be well-framed HTTP/1.1 with a
// Content-Length that matches its body (the server never streams or chunks).
inline std::vector<HttpResponse> split_responses(std::string_view out) {
  std::vector<HttpResponse> responses;
  while (!out.empty()) {
    FUZZ_CHECK(out.substr(0, 9) == "HTTP/1.1 " && out.size() >= 12);
    const std::size_t head_end = out.find("\r\n\r\n");
    FUZZ_CHECK(head_end != std::string_view::npos);
    HttpResponse r;
    r.status = std::atoi(std::string(out.substr(9, 3)).c_str());
    r.head = std::string(out.substr(0, head_end));
    std::size_t length = 0;
    if (const std::size_t cl = r.head.find("\r\nContent-Length: "); cl != std::string::npos) {
      length = std::strtoul(r.head.c_str() + cl + 18, nullptr, 10);
    }
    // A HEAD request's response announces a length but has no body: the next response (or
    // the end) follows its head directly.
    const std::string_view after = out.substr(head_end + 4);
    if (length > 0 && (after.empty() || after.substr(0, 9) == "HTTP/1.1 ")) {
      r.body_omitted = true;
      length = 0;
    }
    FUZZ_CHECK(out.size() >= head_end + 4 + length);
    r.body = std::string(out.substr(head_end + 4, length));
    out.remove_prefix(head_end + 4 + length);
    responses.push_back(std::move(r));
  }
  return responses;
}

// A response the handlers wrote (not an answer to HEAD, not compressed) is JSON: the report,
// the fix, or {"error": {"message": ...}}.
inline void check_json_response(const HttpResponse& r) {
  if (r.status == 100 || r.body_omitted || r.head.find("Content-Encoding:") != std::string::npos) return;
  if (r.head.find("Content-Type: application/json") == std::string::npos) return;  // /metrics
  const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!body.is_discarded());
  if (r.status >= 400) {
    FUZZ_CHECK(body.contains("error") && body["error"].contains("message"));
    FUZZ_CHECK(body["error"]["message"].is_string() && !body["error"]["message"].get<std::string>().empty());
  }
}

inline std::string fuzz_post(const char* path, const std::string& headers, std::string_view body) {
  return std::string("POST ") + path + " HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\n" + headers +
         "\r\n" + std::string(body);
}

inline std::vector<HttpResponse> serve_fuzz_request(const std::string& request) {
  const std::vector<HttpResponse> responses = split_responses(service_server().serve_connection(request));
  for (const HttpResponse& r : responses) {
    // No 5xx but 501, the refusal of a transfer coding the service does not know (RFC 9112).
    FUZZ_CHECK(r.status >= 100 && (r.status < 500 || r.status == 501));
    FUZZ_CHECK(r.head.find("Content-Range:") == std::string::npos);  // Range is ignored: whole answers only
    check_json_response(r);
  }
  return responses;
}

// The answer to a JSON body sent as POST /v1/check or /v1/fix with a plain Content-Length.
inline int plain_status(bool fix, std::string_view body) {
  const auto responses = serve_fuzz_request(fuzz_post(fix ? "/v1/fix" : "/v1/check",
                                                      "Content-Length: " + std::to_string(body.size()) + "\r\n", body));
  FUZZ_CHECK(responses.size() == 1);
  return responses[0].status;
}

// The service's request handling. The first byte picks what the rest is:
//   0     what a client sends on one connection (raw HTTP, several requests possible);
//   1, 2  the JSON body of a POST /v1/check or /v1/fix (most executions reach the fields);
//   3     a body with a Content-Encoding (picked by the next byte): 415, never inflated,
//         unless identity;
//   4     the body of 1 sent chunked, in chunks of a size the next byte picks: the same
//         answer as with a Content-Length;
//   5     framing headers (picked by the next byte): no length (411), the rest as the
//         Content-Length's text (400 unless digits), Expect: 100-continue with a length
//         over the limit (413, no 100 Continue) or with the body (100, then the answer).
// No input makes the server answer 5xx, write a malformed response, or crash.
inline int service(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int mode = data[0] % 6;
  if (mode >= 3 && size < 2) return 0;
  const std::uint8_t pick = mode >= 3 ? data[1] : 0;
  const std::string_view rest = mode >= 3 ? as_view(data + 2, size - 2) : as_view(data + 1, size - 1);
  if (mode == 0) {
    serve_fuzz_request(std::string(rest));
    return 0;
  }
  if (mode == 1 || mode == 2) {
    const auto responses = serve_fuzz_request(
        fuzz_post(mode == 1 ? "/v1/check" : "/v1/fix", "Content-Length: " + std::to_string(rest.size()) + "\r\n", rest));
    FUZZ_CHECK(responses.size() == 1);
    const int status = responses[0].status;
    FUZZ_CHECK(status == 200 || status == 400 || status == 413);
    if (status == 200) {
      const nlohmann::json body = nlohmann::json::parse(responses[0].body);
      FUZZ_CHECK(body.contains(mode == 1 ? "files" : "text"));
      if (mode == 2) FUZZ_CHECK(!find_invalid_utf8(body["text"].get<std::string>()).has_value());
    }
    return 0;
  }
  if (mode == 3) {
    static const char* const kEncodings[] = {"gzip", "deflate", "br", "x-gzip", "compress", "zstd", "GZIP", "identity"};
    const std::string encoding = kEncodings[pick % 8];
    const auto responses = serve_fuzz_request(fuzz_post(
        "/v1/check", "Content-Encoding: " + encoding + "\r\nContent-Length: " + std::to_string(rest.size()) + "\r\n", rest));
    FUZZ_CHECK(responses.size() == 1);
    if (encoding == "identity") {
      FUZZ_CHECK(responses[0].status == plain_status(false, rest));
    } else {
      FUZZ_CHECK(responses[0].status == 415);
    }
    return 0;
  }
  if (mode == 4) {
    const std::size_t chunk = 1 + pick;
    std::string chunked;
    for (std::size_t at = 0; at < rest.size(); at += chunk) {
      const std::string_view piece = rest.substr(at, chunk);
      char hex[32];
      std::snprintf(hex, sizeof hex, "%zx\r\n", piece.size());
      chunked += hex + std::string(piece) + "\r\n";
    }
    chunked += "0\r\n\r\n";
    const auto responses = serve_fuzz_request(fuzz_post("/v1/check", "Transfer-Encoding: chunked\r\n", chunked));
    FUZZ_CHECK(responses.size() == 1);
    FUZZ_CHECK(responses[0].status == plain_status(false, rest));
    return 0;
  }
  // mode 5
  const std::string body(rest);
  switch (pick % 4) {
    case 0: {
      const auto responses = serve_fuzz_request(fuzz_post("/v1/check", "", body));
      FUZZ_CHECK(responses.size() == 1 && responses[0].status == 411);
      break;
    }
    case 1: {
      // The rest as the Content-Length's text, one line of it; no body follows.
      const std::string value(rest.substr(0, rest.find_first_of("\r\n")));
      const auto responses = serve_fuzz_request(fuzz_post("/v1/check", "Content-Length: " + value + "\r\n", ""));
      const std::string_view trimmed = [&] {
        std::string_view v = value;
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
        return v;
      }();
      const bool digits = !trimmed.empty() && trimmed.find_first_not_of("0123456789") == std::string_view::npos;
      if (!digits) FUZZ_CHECK(responses.size() == 1 && (responses[0].status == 400));
      break;
    }
    case 2: {
      const auto out = service_server().serve_connection(
          fuzz_post("/v1/check", "Expect: 100-continue\r\nContent-Length: 99999999999\r\n", body));
      FUZZ_CHECK(out.find("HTTP/1.1 100") == std::string::npos);  // the final status, not Continue
      const auto responses = split_responses(out);
      FUZZ_CHECK(responses.size() == 1 && responses[0].status == 413);
      break;
    }
    default: {
      const auto responses = serve_fuzz_request(fuzz_post(
          "/v1/check", "Expect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n", body));
      FUZZ_CHECK(responses.size() == 2 && responses[0].status == 100);
      FUZZ_CHECK(responses[1].status == plain_status(false, body));
      break;
    }
  }
  return 0;
}

struct Target {
  const char* name;
  int (*run)(const std::uint8_t*, std::size_t);
};

inline constexpr Target kTargets[] = {
    {"input_markdown", input_markdown}, {"tokenizer", tokenizer}, {"guide_loader", guide_loader},
    {"check", check},                   {"fix", fix},             {"html", html},
    {"email", email},                   {"repo_config", repo_config},       {"service", service},
    {"mdx", mdx},
};

}  // namespace tonelint::fuzz
