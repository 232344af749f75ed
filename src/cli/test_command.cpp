// `tonelint test [--guide G]`: every rule proves itself on its examples. A bad example
// must be reported by the rule, a good one must not (see tonelint/guide_test.h).
// `tonelint test --cases FILE...`: the guide measured on annotated drafts (recall per
// category, clean rate, precision; see tonelint/case_test.h), with --min-recall and
// --min-clean as the bar a CI step holds it to.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "report/escape.h"
#include "tonelint/case_test.h"
#include "tonelint/guide_test.h"

namespace tonelint::cli {
namespace {

struct TestOptions {
  std::string guide;
  std::string config;
  std::vector<std::string> cases;
  std::string format = "text";
  std::string min_recall;
  std::string min_clean;
};

int run_examples(const TestOptions& options) {
  auto guide = resolve_guide_file_or_report(options.guide, options.config, {});
  if (!guide) return kExitUsage;
  std::shared_ptr<const Dictionaries> dictionaries = load_dictionaries_or_report();
  if (!dictionaries) return kExitUsage;
  auto report = test_guide(*guide, dictionaries);
  if (!report.ok()) {
    std::cerr << "tonelint: " << report.status().to_string() << '\n';
    return kExitUsage;
  }
  std::cout << to_text(*report);
  return report->failed() > 0 ? kExitFindings : kExitOk;
}

// A --min-recall/--min-clean value: a fraction from 0 to 1 (0.8 is 80 %).
std::optional<double> parse_fraction(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || !(value >= 0.0 && value <= 1.0)) return std::nullopt;
  return value;
}

// Whether `rate` reaches the bar of `flag` (nothing to measure reaches any bar); if not,
// says so on stderr.
bool reaches(const std::optional<double>& rate, const std::optional<double>& bar, const char* flag, const char* what) {
  if (!bar || !rate || *rate >= *bar) return true;
  char line[160];
  std::snprintf(line, sizeof line, "tonelint test: %s %.1f %% is below %s %g\n", what, *rate * 100.0, flag, *bar);
  std::cerr << line;
  return false;
}

int run_cases(const TestOptions& options) {
  if (options.format != "text" && options.format != "json") {
    std::cerr << "tonelint test: unknown --format '" << options.format << "' (expected text or json)\n";
    return kExitUsage;
  }
  std::optional<double> min_recall, min_clean;
  const std::pair<const std::string*, std::optional<double>*> bars[] = {{&options.min_recall, &min_recall},
                                                                        {&options.min_clean, &min_clean}};
  const char* names[] = {"--min-recall", "--min-clean"};
  for (std::size_t i = 0; i < 2; ++i) {
    if (bars[i].first->empty()) continue;
    *bars[i].second = parse_fraction(*bars[i].first);
    if (!*bars[i].second) {
      std::cerr << "tonelint test: " << names[i] << " takes a fraction from 0 to 1 (0.8 for 80 %), not '"
                << report::escape_controls(*bars[i].first) << "'\n";
      return kExitUsage;
    }
  }
  std::string why;
  const std::string guide_path = find_guide(options.guide, options.config, options.cases, &why);
  if (guide_path.empty()) {
    std::cerr << "tonelint: " << why << '\n';
    return kExitUsage;
  }
  std::shared_ptr<const Dictionaries> dictionaries = load_dictionaries_or_report();
  if (!dictionaries) return kExitUsage;
  ToneGuide::Options guide_options;
  guide_options.guide_path = guide_path;
  guide_options.dictionaries = dictionaries;
  auto guide = ToneGuide::load(guide_options);
  if (!guide.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(guide.status().to_string()) << '\n';
    return kExitUsage;
  }
  std::vector<CaseFile> files;
  for (const std::string& path : options.cases) {
    auto file = CaseFile::load(path, **guide);
    if (!file.ok()) {
      std::cerr << "tonelint: " << report::escape_controls(file.status().to_string()) << '\n';
      return kExitUsage;
    }
    files.push_back(std::move(*file));
  }
  auto checker = Checker::create(*guide);
  if (!checker.ok()) {
    std::cerr << "tonelint: " << checker.status().to_string() << '\n';
    return kExitUsage;
  }
  auto report = test_cases(*checker, files);
  if (!report.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(report.status().to_string()) << '\n';
    return kExitUsage;
  }
  std::cout << (options.format == "json" ? to_json(*report) + '\n' : to_text(*report));
  const bool recall_ok = reaches(report->recall(), min_recall, "--min-recall", "recall");
  const bool clean_ok = reaches(report->clean_rate(), min_clean, "--min-clean", "clean rate");
  return recall_ok && clean_ok ? kExitOk : kExitFindings;
}

int run_test(const TestOptions& options) {
  if (!options.cases.empty()) return run_cases(options);
  for (const auto& [given, flag] : {std::pair{!options.min_recall.empty(), "--min-recall"},
                                    std::pair{!options.min_clean.empty(), "--min-clean"},
                                    std::pair{options.format != "text", "--format"}}) {
    if (given) {
      std::cerr << "tonelint test: " << flag << " applies to --cases FILE...\n";
      return kExitUsage;
    }
  }
  return run_examples(options);
}

}  // namespace

std::function<int()> add_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "test", "Check every rule of a guide against its good and bad examples, or measure it on annotated drafts");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML)");
  cmd->add_option("--cases", options->cases, "Annotated drafts (YAML): recall per category, clean rate, precision")
      ->expected(1, -1);
  cmd->add_option("--format", options->format, "Output format of --cases: text or json")->capture_default_str();
  cmd->add_option("--min-recall", options->min_recall, "With --cases: exit 1 below this recall (a fraction, 0-1)");
  cmd->add_option("--min-clean", options->min_clean,
                  "With --cases: exit 1 below this share of clean drafts without findings (a fraction, 0-1)");
  return [options] { return run_test(*options); };
}

}  // namespace tonelint::cli
