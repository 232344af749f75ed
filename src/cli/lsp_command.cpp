// `tonelint lsp [--guide FILE] [--config FILE]`: the language server for editors, over stdin/stdout.
#include <csignal>

#include "cli/commands.h"
#include "lsp/server.h"

namespace tonelint::cli {

std::function<int()> add_lsp_command(CLI::App& app) {
  auto guide = std::make_shared<std::string>();
  auto config = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("lsp", "Run the language server (LSP over stdin/stdout) for editors");
  cmd->add_option("--guide", *guide, "Tone guide (YAML) for every document; default: each file's .tonelint.yaml, else the shipped one");
  cmd->add_option("--config", *config, "Repository config for every document (default: each file's nearest .tonelint.yaml)");
  // Editors' LSP clients (vscode-languageclient) pass --stdio to say which transport: the only one.
  auto stdio = std::make_shared<bool>(false);
  cmd->add_flag("--stdio", *stdio, "Talk over stdin/stdout (the default and only transport)");
  return [guide, config, stdio] {
    // A client that exits mid-write must not kill the server with SIGPIPE before it logs.
    std::signal(SIGPIPE, SIG_IGN);
    lsp::ServerOptions options;
    options.guide = *guide;
    options.config = *config;
    options.version = TONELINT_VERSION;
    options.shipped_guide = [] { return shipped_guide(); };
    options.load_dictionaries = [] { return Dictionaries::load(); };
    return lsp::run_server(0, 1, options);
  };
}

}  // namespace tonelint::cli
