// Scoring a guide on annotated drafts (tonelint/case_test.h): each case checked as
// `tonelint check` checks it, its findings matched against its expectations.
#include "tonelint/case_test.h"

#include <algorithm>
#include <map>

#include "api/api_guard.h"

namespace tonelint {
namespace {

std::optional<double> rate(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

bool counts(const Finding& f) { return f.level == Severity::kError || f.level == Severity::kWarning; }

// Any byte in common; a finding of no length (a point) overlaps the span it falls in.
bool overlaps(const Finding& f, const ExpectedProblem& e) {
  const std::uint32_t f_end = f.offset + std::max<std::uint32_t>(f.length, 1);
  return f.offset < e.offset + e.length && e.offset < f_end;
}

// What one case adds to the report.
void score_case(const DraftCase& draft, const CheckResult& checked,
                std::map<std::string, CategoryRecall>* categories, CaseTestReport* out) {
  std::vector<const Finding*> findings;
  for (const Finding& f : checked.findings) {
    if (counts(f)) findings.push_back(&f);
  }
  // Which findings a quoted expectation explains; the rest may stand for a whole-message one.
  std::vector<bool> explained(findings.size(), false);
  std::vector<bool> met(draft.expect.size(), false);
  for (std::size_t e = 0; e < draft.expect.size(); ++e) {
    if (draft.expect[e].whole_message) continue;
    for (std::size_t f = 0; f < findings.size(); ++f) {
      if (!overlaps(*findings[f], draft.expect[e])) continue;
      met[e] = true;
      explained[f] = true;
    }
  }
  const bool unexplained = std::find(explained.begin(), explained.end(), false) != explained.end();
  bool whole_message_expected = false;
  for (std::size_t e = 0; e < draft.expect.size(); ++e) {
    if (!draft.expect[e].whole_message) continue;
    whole_message_expected = true;
    met[e] = unexplained;
  }
  for (std::size_t e = 0; e < draft.expect.size(); ++e) {
    const ExpectedProblem& x = draft.expect[e];
    CategoryRecall& c = (*categories)[x.category];
    c.category = x.category;
    ++c.expected;
    ++out->expected;
    if (met[e]) {
      ++c.met;
      ++out->met;
    } else {
      out->misses.push_back({draft.id, x.category, x.text, x.why, x.where});
    }
  }
  out->findings += findings.size();
  for (std::size_t f = 0; f < findings.size(); ++f) {
    // An unexplained finding meets the case's whole-message expectations.
    if (explained[f] || whole_message_expected) {
      ++out->findings_met;
      continue;
    }
    const Finding& x = *findings[f];
    out->false_alarms.push_back({draft.id, x.rule, x.level, x.match, x.message, x.line, x.column, draft.where});
  }
  if (draft.clean()) {
    ++out->clean_drafts;
    out->clean_passed += findings.empty();
  }
}

}  // namespace

std::optional<double> CategoryRecall::recall() const { return rate(met, expected); }
std::optional<double> CaseTestReport::recall() const { return rate(met, expected); }
std::optional<double> CaseTestReport::clean_rate() const { return rate(clean_passed, clean_drafts); }
std::optional<double> CaseTestReport::precision() const { return rate(findings_met, findings); }

Result<CaseTestReport> test_cases(const Checker& checker, const std::vector<CaseFile>& files) {
  return guard_api<CaseTestReport>("testing the cases", [&]() -> Result<CaseTestReport> {
    CaseTestReport out;
    out.guide = checker.guide().id();
    std::map<std::string, CategoryRecall> categories;
    for (const CaseFile& file : files) {
      out.files.push_back(file.path);
      for (const DraftCase& draft : file.cases) {
        CheckOptions options;
        options.format = "text";
        options.context = draft.context;
        options.filename = file.path + "#" + draft.id;
        auto checked = checker.check(draft.text, options);
        if (!checked.ok()) {
          return Status(checked.status().code(), "case '" + draft.id + "': " + checked.status().message(), draft.where);
        }
        ++out.cases;
        score_case(draft, *checked, &categories, &out);
      }
    }
    for (auto& [name, recall] : categories) out.categories.push_back(std::move(recall));
    return out;
  });
}

}  // namespace tonelint
