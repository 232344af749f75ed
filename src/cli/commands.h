// The CLI's subcommands. Each returns the process exit status:
// 0 success, 1 error-level findings (check), 2 the run itself could not be done.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "guide/guide.h"
#include "load/guide_loader.h"
#include "tokenize/analyzer.h"

namespace tonelint::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// Registers a subcommand; the returned function runs it after parsing.
std::function<int()> add_tokens_command(CLI::App& app);
std::function<int()> add_explain_command(CLI::App& app);
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_test_command(CLI::App& app);
std::function<int()> add_serve_command(CLI::App& app);
std::function<int()> add_lsp_command(CLI::App& app);

// --channel --situation --audience --emotion, shared by check, explain and serve.
struct ContextFlags {
  std::string channel, situation, audience, emotion;
  void add_to(CLI::App& cmd);
  Context to_context() const;
};

// The shipped rules/tonelint.yaml (beside the binary, or installed); empty if missing.
std::string shipped_guide();
// The guide to use: --guide, else the `guide:` of the config (--config, or the nearest
// .tonelint.yaml above the first input), else the shipped rules/tonelint.yaml. Empty, with
// `why` naming the problem, when there is none or the config is broken.
std::string find_guide(const std::string& requested, const std::string& config,
                       const std::vector<std::string>& inputs, std::string* why);

// Loads a guide, printing every error (file:line:column) to stderr; null if it has any.
// With a cache, what earlier loads of the run built from the same bytes is shared.
std::shared_ptr<const Guide> load_guide_or_report(const std::string& path, GuideCache* cache = nullptr);
// find_guide, then load_guide_or_report; null (with the reason on stderr) when either fails.
std::shared_ptr<const Guide> resolve_guide_or_report(const std::string& requested, const std::string& config,
                                                     const std::vector<std::string>& inputs);

// The shipped brand-name dictionary (dictionaries/brand-names.dic beside the binary, as
// the build makes it, or installed under share/tonelint); empty when there is none.
std::string shipped_user_dictionary();
// The process's MeCab model with its user dictionaries ($TONELINT_USER_DIC, else the
// shipped one), or null with the reason on stderr.
std::shared_ptr<const MecabModel> load_model_or_report();
// An analyzer for this thread, or null with the reason on stderr.
std::unique_ptr<Analyzer> make_analyzer_or_report();

}  // namespace tonelint::cli
