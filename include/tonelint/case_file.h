// The public C++ API: a file of annotated drafts, as a guide author measures a guide on
// them before shipping it (`tonelint test --cases`, case_test.h).
//
//   - id: refund-reply-01
//     context: {channel: chat, situation: billing, audience: customer, emotion: upset}
//     text: "..."
//     expect:
//       - {text: "as soon as possible", category: vague-timeline, why: "no date"}
//       - {text: "__message__", category: missing-apology, why: "never says sorry"}
//   - id: refund-reply-02
//     context: {...}
//     text: "..."
//     expect: []            # a clean draft: no warning or error expected
//
// A file is a YAML list of cases. Each has an `id` (unique in the file), a `text`, and an
// `expect` list; `context` (values by dimension; a dimension left out takes the guide's
// default) and `note` are optional. An expectation has `text` (verbatim in the draft, or
// "__message__" for a problem of the whole message), `category`, and optionally `why`.
// When several expectations of one case quote the same text, they stand for its
// successive occurrences (each させていただきます of a draft).
//
// No exception crosses the API.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

inline constexpr std::string_view kWholeMessage = "__message__";

struct ExpectedProblem {
  std::string text;  // as written: a quote of the draft, or kWholeMessage
  std::string category;
  std::string why;
  bool whole_message = false;  // text is kWholeMessage: no span
  std::uint32_t offset = 0;    // bytes of the case's text (whole_message: 0, 0)
  std::uint32_t length = 0;
  Location where;  // the expectation's `text` in the case file
};

struct DraftCase {
  std::string id;
  std::map<std::string, std::string> context;  // as written, each value one the guide allows
  std::string text;
  std::vector<ExpectedProblem> expect;  // empty: a clean draft
  Location where;                       // the case in the file (its first key)

  bool clean() const { return expect.empty(); }
};

struct CaseFile {
  std::string path;
  std::vector<DraftCase> cases;  // in file order

  // Reads and checks a case file against `guide` (its context values). Errors name the
  // file, line and column: bad YAML, a missing or unknown key, a duplicate id, a context
  // dimension or value the guide does not know, an expected text not in the draft.
  static Result<CaseFile> load(const std::string& path, const ToneGuide& guide);
  // The same for YAML already in memory, reported as `path`.
  static Result<CaseFile> parse(std::string_view yaml, const std::string& path, const ToneGuide& guide);
};

}  // namespace tonelint
