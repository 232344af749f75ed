// The public C++ API: a guide measured on annotated drafts (case_file.h), as
// `tonelint test --cases` prints it.
//
//   auto checker = tonelint::Checker::create(guide);
//   auto cases = tonelint::CaseFile::load("drafts.yaml", *guide);
//   auto report = tonelint::test_cases(*checker, {*cases});
//   if (report->recall() < 0.8) ...
//
// Each case's text is checked as `tonelint check --format text` checks it with the case's
// context as flags (Checker::check), so what a case reports is what a check reports. Only
// findings of level warning or error count ("findings" below); suggestions never do.
//
// - A quoted expectation is met when a finding overlaps its span (a byte in common).
// - A "__message__" expectation (a problem of the whole message: a missing apology) is met
//   by a finding that overlaps no quoted expectation of its case: a finding already
//   explained by a quoted problem does not also stand for a missing one.
// - A finding is met when it overlaps a quoted expectation or meets a "__message__" one;
//   every other finding is a false alarm (in a clean draft, every finding is one).
// - recall = met expectations / expectations (per category and overall); clean rate =
//   clean drafts without findings / clean drafts; precision = met findings / findings.
//
// No exception crosses the API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tonelint/case_file.h"
#include "tonelint/checker.h"
#include "tonelint/status.h"

namespace tonelint {

struct CategoryRecall {
  std::string category;
  std::size_t expected = 0;
  std::size_t met = 0;
  std::optional<double> recall() const;  // nullopt when nothing is expected
};

// An expectation no finding met.
struct CaseMiss {
  std::string case_id;
  std::string category;
  std::string text;  // the quote, or "__message__"
  std::string why;
  Location where;    // the expectation in the case file
};

// A finding no expectation explains.
struct FalseAlarm {
  std::string case_id;
  std::string rule;  // "<guide>.<rule id>"
  Severity level = Severity::kWarning;
  std::string match;
  std::string message;
  std::uint32_t line = 1, column = 1;  // in the case's text (code points)
  Location where;                      // the case in the case file
};

struct CaseTestReport {
  std::string guide;               // the guide's id
  std::vector<std::string> files;  // the case files, in the order given
  std::size_t cases = 0;
  std::vector<CategoryRecall> categories;  // by category name
  std::size_t expected = 0, met = 0;       // expectations, over every category
  std::size_t clean_drafts = 0;            // cases with `expect: []`
  std::size_t clean_passed = 0;            // ...of which no finding was made
  std::size_t findings = 0;                // warning and error findings over all cases
  std::size_t findings_met = 0;            // ...that meet an expectation
  std::vector<CaseMiss> misses;            // in file and case order
  std::vector<FalseAlarm> false_alarms;    // in file, case and text order

  std::optional<double> recall() const;      // met / expected
  std::optional<double> clean_rate() const;  // clean_passed / clean_drafts
  std::optional<double> precision() const;   // findings_met / findings
};

// Checks every case with `checker` and scores the findings. Errors: a case the checker
// refuses (its text too large), named by file, line and column of the case.
Result<CaseTestReport> test_cases(const Checker& checker, const std::vector<CaseFile>& files);

// The report as `tonelint test --cases` prints it: the categories (expected, met, recall),
// overall recall, clean rate and precision, then "missed:" and "false alarms:" lines.
std::string to_text(const CaseTestReport& report);
// The same as one JSON object (README.md, "tonelint test --cases"): rates are fractions
// 0-1, or null when their denominator is 0.
std::string to_json(const CaseTestReport& report);

}  // namespace tonelint
