// `tonelint test [--guide G]`: every rule proves itself on its examples. A bad example
// must be reported by the rule, a good one must not (see tonelint/guide_test.h).
#include <iostream>

#include "cli/commands.h"
#include "tonelint/guide_test.h"

namespace tonelint::cli {
namespace {

struct TestOptions {
  std::string guide;
  std::string config;
};

int run_test(const TestOptions& options) {
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

}  // namespace

std::function<int()> add_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand("test", "Check every rule of a guide against its good and bad examples");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML)");
  return [options] { return run_test(*options); };
}

}  // namespace tonelint::cli
