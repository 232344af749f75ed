// The CLI's subcommands. Each returns the process exit status:
// 0 success, 1 error-level findings (check), 2 the run itself could not be done.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tonelint/guide_file.h"
#include "tonelint/tone_guide.h"

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
  // The flags given (non-empty), by dimension name, as the public API takes a context.
  std::map<std::string, std::string> to_map() const {
    std::map<std::string, std::string> out;
    const std::pair<const char*, const std::string*> flags[] = {
        {"channel", &channel}, {"situation", &situation}, {"audience", &audience}, {"emotion", &emotion}};
    for (const auto& [name, value] : flags) {
      if (!value->empty()) out[name] = *value;
    }
    return out;
  }
};

// The shipped rules/tonelint.yaml (beside the binary, or installed); empty if missing.
std::string shipped_guide();
// The guide to use: --guide, else the `guide:` of the config (--config, or the nearest
// .tonelint.yaml above the first input), else the shipped rules/tonelint.yaml. Empty, with
// `why` naming the problem, when there is none or the config is broken.
std::string find_guide(const std::string& requested, const std::string& config,
                       const std::vector<std::string>& inputs, std::string* why);

// find_guide, then GuideFile::load, printing every error (file:line:column) to stderr;
// null (with the reason on stderr) when either fails.
std::shared_ptr<const GuideFile> resolve_guide_file_or_report(const std::string& requested, const std::string& config,
                                                              const std::vector<std::string>& inputs);
// The process's dictionaries (MeCab with $TONELINT_USER_DIC, else the shipped brand
// names), or null with the reason on stderr.
std::shared_ptr<const Dictionaries> load_dictionaries_or_report();

// The shipped brand-name dictionary (dictionaries/brand-names.dic beside the binary, as
// the build makes it, or installed under share/tonelint); empty when there is none.
std::string shipped_user_dictionary();

}  // namespace tonelint::cli
