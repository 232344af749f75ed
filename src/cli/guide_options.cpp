#include <iostream>

#include "cli/commands.h"

namespace tonelint::cli {

void ContextFlags::add_to(CLI::App& cmd) {
  cmd.add_option("--channel", channel, "Channel (email, chat, ...), as the guide's contexts allow");
  cmd.add_option("--situation", situation, "Situation (general, outage, ...)");
  cmd.add_option("--audience", audience, "Audience (customer, executive, ...)");
  cmd.add_option("--emotion", emotion, "The reader's emotional state (upset, neutral, ...)");
}

Context ContextFlags::to_context() const {
  Context c;
  c[Dimension::kChannel] = channel;
  c[Dimension::kSituation] = situation;
  c[Dimension::kAudience] = audience;
  c[Dimension::kEmotion] = emotion;
  return c;
}

std::shared_ptr<const Guide> load_guide_or_report(const std::string& path) {
  if (path.empty()) {
    std::cerr << "tonelint: no guide given: pass --guide FILE\n";
    return nullptr;
  }
  GuideLoad load = load_guide_file(path);
  for (const Status& e : load.errors) std::cerr << "tonelint: " << e.to_string() << '\n';
  if (!load.ok()) {
    std::cerr << "tonelint: the guide has " << load.errors.size() << " error" << (load.errors.size() == 1 ? "" : "s")
              << "; nothing was checked\n";
  }
  return load.guide;
}

}  // namespace tonelint::cli
