// The rewrite oracle: the shipped guide's safe rewrites (what `tonelint check --fix`
// writes) over real Markdown, judged by three invariants that hold whatever the rules say:
//   1. only reported rewrites change bytes: every edit of every pass is a safe suggestion of
//      the check before that pass, and applying exactly those edits gives the fixed text;
//   2. code spans, fenced code, URLs, quotations (「」『』“”"") and capitalised acronyms
//      come through byte for byte;
//   3. the fixed text re-checks with no finding that the original did not have, from the
//      same rule, at the same place.
// It runs over our own drafts (tests/fixtures/oracle/, always) and over a fixed subset of
// the shared corpus (tests/fixtures/oracle/corpus_subset.txt; skipped when the corpus is
// not there: set TONELINT_CORPUS, or keep it at ../shared/corpus beside the repository).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/checker.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

const std::string kOracleData = std::string(TONELINT_TEST_DATA) + "/oracle";

// --- the spans that must come through untouched -----------------------------------------

struct Protected {
  std::string_view kind;
  std::size_t offset = 0;
  std::size_t length = 0;
};

bool is_word_byte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t line_end(std::string_view text, std::size_t at) {
  const std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

// Fenced code blocks (``` or ~~~, closed by a fence of the same character at least as
// long, or by the end of the text), each from its opening fence to its closing one.
void fenced_blocks(std::string_view text, std::vector<Protected>* out) {
  std::size_t at = 0;
  std::optional<std::size_t> open;
  char fence = 0;
  std::size_t fence_length = 0;
  while (at < text.size()) {
    const std::size_t end = line_end(text, at);
    std::size_t i = at;
    while (i < end && i - at < 3 && text[i] == ' ') ++i;
    std::size_t run = 0;
    while (i + run < end && (text[i + run] == '`' || text[i + run] == '~') && text[i + run] == text[i]) ++run;
    if (run >= 3) {
      if (!open) {
        open = at;
        fence = text[i];
        fence_length = run;
      } else if (text[i] == fence && run >= fence_length) {
        out->push_back({"a fenced code block", *open, end - *open});
        open.reset();
      }
    }
    at = end + 1;
  }
  if (open) out->push_back({"a fenced code block", *open, text.size() - *open});
}

bool inside(const std::vector<Protected>& spans, std::size_t at) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Protected& p) { return at >= p.offset && at < p.offset + p.length; });
}

// Inline code: a run of n backticks up to the next run of exactly n, within the paragraph.
void code_spans(std::string_view text, const std::vector<Protected>& fences, std::vector<Protected>* out) {
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] != '`' || inside(fences, at)) {
      ++at;
      continue;
    }
    std::size_t run = 0;
    while (at + run < text.size() && text[at + run] == '`') ++run;
    const std::size_t paragraph_end = std::min(text.find("\n\n", at), text.size());
    std::size_t close = at + run;
    for (;;) {
      close = text.find(std::string(run, '`'), close);
      if (close == std::string_view::npos || close >= paragraph_end) break;
      std::size_t closing_run = 0;
      while (close + closing_run < text.size() && text[close + closing_run] == '`') ++closing_run;
      if (closing_run == run) break;
      close += closing_run;
    }
    if (close == std::string_view::npos || close >= paragraph_end) {
      at += run;
      continue;
    }
    out->push_back({"a code span", at, close + run - at});
    at = close + run;
  }
}

// http(s) URLs, bare or in <...> or (...): up to a space, a delimiter or a non-ASCII byte,
// without the punctuation that ends a sentence.
void urls(std::string_view text, std::vector<Protected>* out) {
  for (std::size_t at = text.find("http"); at != std::string_view::npos; at = text.find("http", at + 1)) {
    const std::string_view rest = text.substr(at);
    if (!rest.starts_with("http://") && !rest.starts_with("https://")) continue;
    if (at > 0 && is_word_byte(text[at - 1])) continue;
    std::size_t end = at;
    while (end < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if (c <= ' ' || c >= 0x80 || c == '<' || c == '>' || c == '"' || c == ')' || c == ']' || c == '`') break;
      ++end;
    }
    while (end > at && std::string_view(".,;:!?'*_").find(text[end - 1]) != std::string_view::npos) --end;
    out->push_back({"a URL", at, end - at});
    at = end;
  }
}

// A quotation on one line (Japanese brackets may span lines in a paragraph).
void quotations(std::string_view text, std::string_view open, std::string_view close, bool one_line,
                std::vector<Protected>* out) {
  for (std::size_t at = text.find(open); at != std::string_view::npos;) {
    const std::size_t limit = one_line ? line_end(text, at) : std::min(text.find("\n\n", at), text.size());
    const std::size_t end = text.find(close, at + open.size());
    if (end == std::string_view::npos || end >= limit) {
      at = text.find(open, at + open.size());
      continue;
    }
    out->push_back({"a quotation", at, end + close.size() - at});
    at = text.find(open, end + close.size());
  }
}

// Words of two or more capitals and no lower-case letter (API, TLS, NG8001).
void acronyms(std::string_view text, std::vector<Protected>* out) {
  for (std::size_t at = 0; at < text.size();) {
    if (!is_word_byte(text[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    int capitals = 0;
    bool lower = false;
    for (; end < text.size() && is_word_byte(text[end]); ++end) {
      capitals += text[end] >= 'A' && text[end] <= 'Z';
      lower = lower || (text[end] >= 'a' && text[end] <= 'z');
    }
    if (capitals >= 2 && !lower) out->push_back({"an acronym", at, end - at});
    at = end;
  }
}

std::vector<Protected> protected_spans(std::string_view text) {
  std::vector<Protected> spans;
  fenced_blocks(text, &spans);
  const std::vector<Protected> fences = spans;
  code_spans(text, fences, &spans);
  urls(text, &spans);
  quotations(text, "「", "」", false, &spans);
  quotations(text, "『", "』", false, &spans);
  quotations(text, "“", "”", false, &spans);
  quotations(text, "\"", "\"", true, &spans);
  acronyms(text, &spans);
  return spans;
}

// --- positions across the passes of a fix -----------------------------------------------

using Pass = std::vector<const FixEdit*>;  // one pass's edits, in text order

bool overlaps(const FixEdit& e, std::size_t offset, std::size_t length) {
  if (e.length == 0) return e.offset > offset && e.offset < offset + length;  // an insertion
  return e.offset < offset + length && offset < e.offset + e.length;
}

// Where an untouched span of the text before `pass` starts after it.
std::size_t forward(const Pass& pass, std::size_t offset) {
  long delta = 0;
  for (const FixEdit* e : pass) {
    if (e->offset + e->length > offset) break;
    delta += static_cast<long>(e->after.size()) - static_cast<long>(e->length);
  }
  return static_cast<std::size_t>(static_cast<long>(offset) + delta);
}

// Where a position of the text after `pass` was before it; inside a replacement, the start
// (or, for an end, the end) of what it replaced.
std::size_t backward(const Pass& pass, std::size_t at, bool is_end) {
  long delta = 0;
  for (const FixEdit* e : pass) {
    const auto new_start = static_cast<std::size_t>(static_cast<long>(e->offset) + delta);
    const std::size_t new_end = new_start + e->after.size();
    if (at < new_start) break;
    if (at < new_end || (is_end && at == new_end && e->after.empty())) return is_end ? e->offset + e->length : e->offset;
    delta += static_cast<long>(e->after.size()) - static_cast<long>(e->length);
  }
  return static_cast<std::size_t>(static_cast<long>(at) - delta);
}

// --- the oracle -------------------------------------------------------------------------

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string shown(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 80)) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + (s.size() > 80 ? "…'" : "'");
}

std::string describe(const FixEdit& e) {
  return e.rule + " " + shown(e.before) + " -> " + shown(e.after) + " (pass " + std::to_string(e.pass) + ")";
}

struct OracleRun {
  std::vector<std::string> violations;
  int edits = 0;
};

// Fixes `original` as `name` (its front matter gives the context) and checks the three
// invariants; each violation names the file, line, invariant, rule and rewrite.
OracleRun run_oracle(const Checker& checker, const std::string& name, const std::string& original) {
  OracleRun run;
  auto fail = [&](std::size_t line, const std::string& what) {
    run.violations.push_back(name + ":" + std::to_string(line) + ": " + what);
  };
  CheckOptions options;
  options.filename = name;
  options.format = "markdown";
  auto first = checker.check(original, options);
  auto fixed = checker.fix(original, options, FixMode::kSafe);
  if (!first.ok() || !fixed.ok()) {
    fail(1, "cannot check: " + (first.ok() ? fixed.status() : first.status()).to_string());
    return run;
  }
  run.edits = static_cast<int>(fixed->edits.size());
  std::vector<Pass> passes;
  for (const FixEdit& e : fixed->edits) {
    if (static_cast<std::size_t>(e.pass) > passes.size()) passes.resize(static_cast<std::size_t>(e.pass));
    passes[static_cast<std::size_t>(e.pass) - 1].push_back(&e);
  }

  // 1. Every edit is a reported safe rewrite of the text it was applied to, and nothing else
  // changed. Later passes are judged against a check of the text before them.
  std::string text = original;
  std::vector<Finding> reported = first->findings;
  for (std::size_t p = 0; p < passes.size(); ++p) {
    if (p > 0) {
      auto again = checker.check(text, options);
      if (!again.ok()) {
        fail(1, "cannot re-check before pass " + std::to_string(p + 1) + ": " + again.status().to_string());
        return run;
      }
      reported = again->findings;
    }
    std::string next;
    std::size_t copied = 0;
    for (const FixEdit* e : passes[p]) {
      const bool was_reported = std::any_of(reported.begin(), reported.end(), [&](const Finding& f) {
        return f.rule == e->rule && std::any_of(f.suggestions.begin(), f.suggestions.end(), [&](const Rewrite& r) {
                 return r.safe && r.offset == e->offset && r.length == e->length && r.text == e->after;
               });
      });
      if (!was_reported) fail(line_of(text, e->offset), "(1) an edit no safe suggestion reported: " + describe(*e));
      if (e->offset < copied || e->offset + e->length > text.size()) {
        fail(line_of(text, e->offset), "(1) an edit out of order or out of the text: " + describe(*e));
        return run;
      }
      if (text.compare(e->offset, e->length, e->before) != 0) {
        fail(line_of(text, e->offset), "(1) an edit whose 'before' is not the text there: " + describe(*e));
      }
      next.append(text, copied, e->offset - copied);
      next += e->after;
      copied = e->offset + e->length;
    }
    next.append(text, copied);
    text = std::move(next);
  }
  if (text != fixed->text) fail(1, "(1) the fixed text has changes no reported edit made");

  // 2. Code, URLs, quotations and acronyms: untouched, and found where they moved to.
  for (const Protected& span : protected_spans(original)) {
    std::size_t at = span.offset;
    bool touched = false;
    for (const Pass& pass : passes) {
      for (const FixEdit* e : pass) {
        if (!overlaps(*e, at, span.length)) continue;
        fail(line_of(original, span.offset),
             "(2) a rewrite inside " + std::string(span.kind) + " " +
                 shown(std::string_view(original).substr(span.offset, span.length)) + ": " + describe(*e));
        touched = true;
      }
      if (touched) break;
      at = forward(pass, at);
    }
    if (!touched && fixed->text.compare(at, span.length, original, span.offset, span.length) != 0) {
      fail(line_of(original, span.offset),
           "(2) " + std::string(span.kind) + " changed: " + shown(std::string_view(original).substr(span.offset, span.length)));
    }
  }

  // 3. Each finding of the fixed text was a finding of the same rule at the same place.
  for (const Finding& f : fixed->remaining.findings) {
    std::size_t begin = f.offset, end = f.offset + f.length;
    for (auto pass = passes.rbegin(); pass != passes.rend(); ++pass) {
      begin = backward(*pass, begin, false);
      end = backward(*pass, end, true);
    }
    const bool had = std::any_of(first->findings.begin(), first->findings.end(), [&](const Finding& o) {
      return o.rule == f.rule && o.offset <= end && begin <= o.offset + o.length;
    });
    if (!had) {
      fail(line_of(original, begin), "(3) a new finding after the fix: " + f.rule + " on " +
                                         shown(std::string_view(fixed->text).substr(f.offset, f.length)));
    }
  }
  return run;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs the oracle over `files` (relative to `root`) and reports every violation at once.
void expect_oracle_holds(const fs::path& root, const std::vector<std::string>& files, int min_edits) {
  auto checker = Checker::create(api_test::shipped());
  ASSERT_TRUE(checker.ok()) << checker.status().to_string();
  std::vector<std::string> violations;
  int edits = 0;
  for (const std::string& file : files) {
    OracleRun run = run_oracle(*checker, file, read_all(root / file));
    edits += run.edits;
    violations.insert(violations.end(), run.violations.begin(), run.violations.end());
  }
  std::ostringstream all;
  for (const std::string& v : violations) all << "  " << v << "\n";
  EXPECT_TRUE(violations.empty()) << violations.size() << " violation(s) in " << files.size() << " files:\n"
                                  << all.str();
  // The oracle proves nothing over texts no rewrite touches.
  EXPECT_GE(edits, min_edits) << "rewrites applied over " << files.size() << " files";
}

std::vector<std::string> markdown_under(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(fs::relative(e.path(), root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<fs::path> corpus_root() {
  if (const char* env = std::getenv("TONELINT_CORPUS"); env != nullptr && *env != '\0') return fs::path(env);
  // The repository beside ../shared, or a worktree of it one folder further down.
  for (const char* up : {"/../shared/corpus", "/../../shared/corpus"}) {
    const fs::path candidate = fs::path(std::string(TONELINT_SOURCE_DIR) + up);
    if (fs::is_directory(candidate)) return fs::canonical(candidate);
  }
  return std::nullopt;
}

// Our own drafts: code spans, fenced code, URLs, quotations and acronyms next to words the
// shipped guide rewrites, in both languages.
TEST(RewriteOracleTest, OwnDraftsKeepEverythingButTheReportedRewrites) {
  const std::vector<std::string> files = markdown_under(kOracleData);
  ASSERT_GE(files.size(), 4u);
  expect_oracle_holds(kOracleData, files, 10);
}

// The same scanners find what they should (else invariant 2 would check nothing).
TEST(RewriteOracleTest, TheScannersFindEachKindOfProtectedSpan) {
  const std::string text =
      "Run `a``b` and ``x ` y`` at https://example.com/p?q=1. and <http://e.org/x>.\n"
      "```sh\nutilize \"this\"\n```\n「了解しました」『本』 “quoted” said \"utilize\" API NG8001 Api\n";
  std::vector<std::string> found;
  for (const Protected& p : protected_spans(text)) {
    found.push_back(std::string(p.kind) + ":" + text.substr(p.offset, p.length));
  }
  std::sort(found.begin(), found.end());
  const std::vector<std::string> expected = {
      "a URL:http://e.org/x",
      "a URL:https://example.com/p?q=1",
      "a code span:``x ` y``",
      "a code span:`a``b`",
      "a fenced code block:```sh\nutilize \"this\"\n```",
      "a quotation:\"this\"",
      "a quotation:\"utilize\"",
      "a quotation:“quoted”",
      "a quotation:「了解しました」",
      "a quotation:『本』",
      "an acronym:API",
      "an acronym:NG8001",
  };  // in byte order
  EXPECT_EQ(found, expected);
}

// A fixed subset of the shared corpus: the files listed, 15 per language (how they were
// picked is in the list's header), so the run stays short and its result comparable.
TEST(RewriteOracleTest, CorpusSubsetKeepsEverythingButTheReportedRewrites) {
  const std::optional<fs::path> root = corpus_root();
  if (!root) GTEST_SKIP() << "no corpus: set TONELINT_CORPUS or keep it at ../shared/corpus beside the repository";
  std::ifstream list(kOracleData + "/corpus_subset.txt");
  ASSERT_TRUE(list) << "missing corpus_subset.txt";
  std::vector<std::string> files, missing;
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || line[0] == '#') continue;
    (fs::is_regular_file(*root / line) ? files : missing).push_back(line);
  }
  ASSERT_TRUE(missing.empty()) << missing.size() << " listed files are not in " << *root << ", the first "
                               << missing.front() << ": update corpus_subset.txt";
  ASSERT_EQ(files.size(), 30u);
  expect_oracle_holds(*root, files, 1);
}

}  // namespace
}  // namespace tonelint
