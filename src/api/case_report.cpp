// A case measurement printed (tonelint/case_test.h): the table and lists a guide author
// reads, and the JSON object a script reads.
#include <algorithm>
#include <cstdio>
#include <new>
#include <sstream>

#include <nlohmann/json.hpp>

#include "input/utf8.h"
#include "report/escape.h"
#include "tonelint/case_test.h"

namespace tonelint {
namespace {

// "27.6 %", or "-" when there is nothing to measure.
std::string percent(const std::optional<double>& rate) {
  if (!rate) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", *rate * 100.0);
  return buffer;
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t shown = count_code_points(text);
  return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string right(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string place(const Location& where) {
  return where.path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string quoted(const std::string& text) { return "\"" + report::escape_controls(text) + "\""; }

nlohmann::json rate_json(const std::optional<double>& rate) {
  return rate ? nlohmann::json(*rate) : nlohmann::json(nullptr);
}

nlohmann::json place_json(const Location& where) {
  return {{"file", where.path}, {"line", where.line}, {"column", where.column}};
}

}  // namespace

std::string to_text(const CaseTestReport& report) {
  std::ostringstream out;
  std::size_t width = std::string("category").size();
  for (const CategoryRecall& c : report.categories) width = std::max(width, count_code_points(c.category));
  const auto row = [&](const std::string& name, std::size_t expected, std::size_t met,
                       const std::optional<double>& recall) {
    out << padded(name, width) << "  " << right(std::to_string(expected), 8) << "  " << right(std::to_string(met), 5)
        << "  " << right(percent(recall), 7) << '\n';
  };
  out << report.cases << " cases against guide '" << report.guide << "'\n\n";
  out << padded("category", width) << "  " << right("expected", 8) << "  " << right("met", 5) << "  "
      << right("recall", 7) << '\n';
  for (const CategoryRecall& c : report.categories) row(c.category, c.expected, c.met, c.recall());
  row("overall", report.expected, report.met, report.recall());
  out << "\nclean drafts: " << report.clean_passed << " of " << report.clean_drafts
      << " without a warning or error (" << percent(report.clean_rate()) << ")\n";
  out << "precision: " << report.findings_met << " of " << report.findings
      << " warning and error findings meet an expectation (" << percent(report.precision()) << ")\n";
  if (!report.misses.empty()) {
    out << "\nmissed (" << report.misses.size() << "):\n";
    for (const CaseMiss& m : report.misses) {
      out << place(m.where) << "  " << m.case_id << "  " << m.category << "  " << quoted(m.text);
      if (!m.why.empty()) out << "  — " << report::escape_controls(m.why);
      out << '\n';
    }
  }
  if (!report.false_alarms.empty()) {
    out << "\nfalse alarms (" << report.false_alarms.size() << "):\n";
    for (const FalseAlarm& a : report.false_alarms) {
      out << place(a.where) << "  " << a.case_id << "  " << a.rule << "  " << severity_name(a.level) << "  "
          << quoted(a.match) << " at " << a.line << ':' << a.column << "  — " << report::escape_controls(a.message)
          << '\n';
    }
  }
  return out.str();
}

namespace {

nlohmann::json report_json(const CaseTestReport& report) {
  nlohmann::json out;
  out["guide"] = report.guide;
  out["files"] = report.files;
  out["cases"] = report.cases;
  nlohmann::json categories = nlohmann::json::array();
  for (const CategoryRecall& c : report.categories) {
    categories.push_back(
        {{"category", c.category}, {"expected", c.expected}, {"met", c.met}, {"recall", rate_json(c.recall())}});
  }
  out["categories"] = std::move(categories);
  out["recall"] = {{"expected", report.expected}, {"met", report.met}, {"rate", rate_json(report.recall())}};
  out["clean"] = {{"drafts", report.clean_drafts},
                  {"passed", report.clean_passed},
                  {"rate", rate_json(report.clean_rate())}};
  out["precision"] = {{"findings", report.findings},
                      {"met", report.findings_met},
                      {"rate", rate_json(report.precision())}};
  nlohmann::json misses = nlohmann::json::array();
  for (const CaseMiss& m : report.misses) {
    nlohmann::json miss = place_json(m.where);
    miss.update({{"case", m.case_id}, {"category", m.category}, {"text", m.text}, {"why", m.why}});
    misses.push_back(std::move(miss));
  }
  out["misses"] = std::move(misses);
  nlohmann::json alarms = nlohmann::json::array();
  for (const FalseAlarm& a : report.false_alarms) {
    nlohmann::json alarm = place_json(a.where);
    alarm.update({{"case", a.case_id},
                  {"rule", a.rule},
                  {"level", severity_name(a.level)},
                  {"match", a.match},
                  {"message", a.message},
                  {"text_line", a.line},
                  {"text_column", a.column}});
    alarms.push_back(std::move(alarm));
  }
  out["false_alarms"] = std::move(alarms);
  return out;
}

}  // namespace

std::string to_json(const CaseTestReport& report) {
  try {
    return report_json(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::bad_alloc&) {
    return R"({"error":{"code":"internal","message":"the report could not be built: out of memory"}})";
  } catch (...) {
    return R"({"error":{"code":"internal","message":"the report could not be built: internal error"}})";
  }
}

}  // namespace tonelint
