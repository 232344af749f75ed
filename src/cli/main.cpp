#include <iostream>

#include "cli/checked_stdout.h"
#include "cli/commands.h"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"tonelint: voice-and-tone linter for Japanese and English drafts"};
  app.set_version_flag("--version", std::string("tonelint ") + TONELINT_VERSION);
  app.require_subcommand(1);
  std::function<int()> run_tokens = tonelint::cli::add_tokens_command(app);
  std::function<int()> run_explain = tonelint::cli::add_explain_command(app);
  std::function<int()> run_check = tonelint::cli::add_check_command(app);
  std::function<int()> run_test = tonelint::cli::add_test_command(app);
  std::function<int()> run_serve = tonelint::cli::add_serve_command(app);
  std::function<int()> run_lsp = tonelint::cli::add_lsp_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return tonelint::cli::kExitUsage;  // bad arguments are exit 2, whatever CLI11 says
  }
  if (app.got_subcommand("tokens")) return run_tokens();
  if (app.got_subcommand("explain")) return run_explain();
  if (app.got_subcommand("check")) return run_check();
  if (app.got_subcommand("test")) return run_test();
  if (app.got_subcommand("serve")) return run_serve();
  if (app.got_subcommand("lsp")) return run_lsp();
  return tonelint::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);  // before CheckedStdout, which this would replace
  tonelint::cli::CheckedStdout out;
  return out.finish(run(argc, argv), "tonelint");
}
