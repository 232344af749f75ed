#include "fix/fixer.h"

#include <algorithm>

namespace tonelint {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

void append_line(std::string* out, char mark, std::string_view line) {
  out->push_back(mark);
  out->append(line);
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

}  // namespace

namespace {

// A suggestion taken and the finding it belongs to (for the rule id of an applied edit).
struct Taken {
  const Suggestion* suggestion;
  const Diagnostic* diagnostic;
};

// select_suggestions with each suggestion's finding kept beside it, so that applying N edits
// never searches the findings again (that search made --fix quadratic in the edits).
std::vector<Taken> select_taken(std::size_t text_size, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  std::vector<Taken> edits;
  for (const Diagnostic& d : diagnostics) {
    if (d.suggestions.empty()) continue;
    const Suggestion& s = d.suggestions.front();  // the rule's preferred rewrite
    // In 64 bits: offset + length of a broken span must not wrap around to something small.
    if ((s.safe || include_unsafe) && std::size_t{s.offset} + s.length <= text_size) edits.push_back({&s, &d});
  }
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Taken& a, const Taken& b) { return a.suggestion->offset < b.suggestion->offset; });
  std::vector<Taken> taken;
  std::size_t at = 0;
  for (const Taken& t : edits) {
    if (t.suggestion->offset < at) continue;  // overlaps an edit already taken: next pass
    taken.push_back(t);
    at = std::size_t{t.suggestion->offset} + t.suggestion->length;
  }
  return taken;
}

}  // namespace

std::vector<const Suggestion*> select_suggestions(std::size_t text_size, const std::vector<Diagnostic>& diagnostics,
                                                  bool include_unsafe) {
  std::vector<const Suggestion*> out;
  for (const Taken& t : select_taken(text_size, diagnostics, include_unsafe)) out.push_back(t.suggestion);
  return out;
}

std::string apply_suggestions(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe,
                              int* applied, std::vector<AppliedEdit>* applied_edits) {
  // One pass: the edits are sorted and do not overlap, so the output is built left to right
  // in one buffer, each untouched run and each rewrite copied once.
  const std::vector<Taken> edits = select_taken(text.size(), diagnostics, include_unsafe);
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Taken& t : edits) {
    const Suggestion* s = t.suggestion;
    if (applied_edits != nullptr) {
      applied_edits->push_back({t.diagnostic->rule, s->offset, s->length, std::string(text.substr(s->offset, s->length)),
                                s->text, s->safe});
    }
    out.append(text.substr(at, s->offset - at));
    out.append(s->text);
    at = std::size_t{s->offset} + s->length;
  }
  out.append(text.substr(at));
  *applied = static_cast<int>(edits.size());
  return out;
}

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  // Edits rarely add or remove lines; pair lines up after the common prefix and suffix,
  // and treat the differing middle as one block per run of changed lines.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  struct Change {
    std::size_t a_begin, a_end, b_begin, b_end;
  };
  std::vector<Change> changes;
  const std::size_t a_mid = a.size() - suffix, b_mid = b.size() - suffix;
  if (a_mid - prefix == b_mid - prefix) {  // same shape: line-by-line runs
    std::size_t i = prefix;
    while (i < a_mid) {
      if (a[i] == b[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < a_mid && a[j] != b[j]) ++j;
      changes.push_back(Change{i, j, i, j});
      i = j;
    }
  } else {
    changes.push_back(Change{prefix, a_mid, prefix, b_mid});
  }
  std::string out = "--- " + path + "\n+++ " + path + "\n";
  constexpr std::size_t kContext = 3;
  std::size_t c = 0;
  while (c < changes.size()) {
    // Merge changes whose context would touch into one hunk.
    std::size_t last = c;
    while (last + 1 < changes.size() && changes[last + 1].a_begin <= changes[last].a_end + 2 * kContext) ++last;
    const std::size_t a_start = changes[c].a_begin >= kContext ? changes[c].a_begin - kContext : 0;
    const std::size_t b_start = changes[c].b_begin - (changes[c].a_begin - a_start);
    const std::size_t a_stop = std::min(a.size(), changes[last].a_end + kContext);
    const std::size_t b_stop = std::min(b.size(), changes[last].b_end + (a_stop - changes[last].a_end));
    out += "@@ -" + std::to_string(a_start + 1) + "," + std::to_string(a_stop - a_start) + " +" +
           std::to_string(b_start + 1) + "," + std::to_string(b_stop - b_start) + " @@\n";
    std::size_t ai = a_start;
    for (std::size_t k = c; k <= last; ++k) {
      for (; ai < changes[k].a_begin; ++ai) append_line(&out, ' ', a[ai]);
      for (std::size_t x = changes[k].a_begin; x < changes[k].a_end; ++x) append_line(&out, '-', a[x]);
      for (std::size_t y = changes[k].b_begin; y < changes[k].b_end; ++y) append_line(&out, '+', b[y]);
      ai = changes[k].a_end;
    }
    for (; ai < a_stop; ++ai) append_line(&out, ' ', a[ai]);
    c = last + 1;
  }
  return out;
}

}  // namespace tonelint
