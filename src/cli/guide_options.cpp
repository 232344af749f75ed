#include <optional>

#include "cli/commands.h"
#include "tonelint/tone_guide.h"
#include "tonelint/workspace.h"

namespace tonelint::cli {

void ContextFlags::add_to(CLI::App& cmd) {
  cmd.add_option("--channel", channel, "Channel (email, chat, ...), as the guide's contexts allow");
  cmd.add_option("--situation", situation, "Situation (general, outage, ...)");
  cmd.add_option("--audience", audience, "Audience (customer, executive, ...)");
  cmd.add_option("--emotion", emotion, "The reader's emotional state (upset, neutral, ...)");
}

std::string shipped_guide() { return shipped_guide_path(); }

std::string find_guide(const std::string& requested, const std::string& config,
                       const std::vector<std::string>& inputs, std::string* why) {
  if (!requested.empty()) return requested;
  why->clear();
  // --config, else the nearest .tonelint.yaml above the first input (or the working folder).
  WorkspaceOptions options;
  options.config_override = config;
  options.shipped_guide = shipped_guide;
  const Workspace workspace(std::move(options));
  std::optional<std::string> where;
  if (!inputs.empty() && inputs.front() != "-") where = inputs.front();
  auto settings = workspace.settings_for(where);
  if (!settings.ok()) {
    *why = settings.status().to_string();
    return {};
  }
  if (settings->guide_path.empty()) *why = "no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml";
  return settings->guide_path;
}

std::string shipped_user_dictionary() { return shipped_user_dictionary_path(); }

}  // namespace tonelint::cli
