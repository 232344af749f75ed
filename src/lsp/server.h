// `tonelint lsp`: a Language Server over a pair of file descriptors (stdin/stdout).
// The protocol thread reads and answers messages and keeps the open documents; a lint
// worker thread checks them (debounced while typing) and publishes diagnostics for the
// version it checked, never for one the client has already replaced; a writer thread
// owns the output, so no thread ever blocks on a slow client while holding state.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint::lsp {

struct ServerOptions {
  std::string guide;   // --guide: wins over initializationOptions.guide and .tonelint.yaml
  std::string config;  // --config: governs every document instead of the nearest .tonelint.yaml
  std::string version;  // reported in serverInfo
  std::function<std::string()> shipped_guide;
  std::function<Result<std::shared_ptr<const Dictionaries>>()> load_dictionaries;
};

// Serves until the `exit` notification or the end of input. Returns the process exit
// status: 0 when `shutdown` came first, 1 otherwise (as LSP specifies).
int run_server(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace tonelint::lsp
