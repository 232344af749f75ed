// `tonelint explain [--guide G] [context flags]`: the rules in force for a context and,
// for each rule, which entry of the guide set each field.
#include <iostream>

#include "cli/commands.h"
#include "tonelint/explain.h"

namespace tonelint::cli {
namespace {

struct ExplainOptions {
  std::string guide;
  std::string config;
  ContextFlags context;
  std::string format = "text";
};

int run_explain(const ExplainOptions& options) {
  if (options.format != "text" && options.format != "json") {
    std::cerr << "tonelint explain: unknown --format '" << options.format << "' (expected text or json)\n";
    return kExitUsage;
  }
  auto guide = resolve_guide_file_or_report(options.guide, options.config, {});
  if (!guide) return kExitUsage;
  auto explanation = explain(*guide, options.context.to_map());
  if (!explanation.ok()) {
    std::cerr << "tonelint: " << explanation.status().message() << '\n';
    return kExitUsage;
  }
  std::cout << (options.format == "json" ? to_json(*explanation) + '\n' : to_text(*explanation));
  return kExitOk;
}

}  // namespace

std::function<int()> add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Print the rules in force for a context, and where each setting comes from");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML)");
  options->context.add_to(*cmd);
  cmd->add_option("--format", options->format, "Output format: text or json")->capture_default_str();
  return [options] { return run_explain(*options); };
}

}  // namespace tonelint::cli
