// The CLI's subcommands. Each returns the process exit status:
// 0 success, 1 error-level findings (check), 2 the run itself could not be done.
#pragma once

#include <CLI/CLI.hpp>

namespace tonelint::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// Registers `tonelint tokens`; the returned function runs it after parsing.
std::function<int()> add_tokens_command(CLI::App& app);

}  // namespace tonelint::cli
