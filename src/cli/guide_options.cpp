#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "config/repo_config.h"
#include "load/guide_loader.h"
#include "report/escape.h"
#include "tokenize/analyzer.h"
#include "tonelint/tone_guide.h"

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

std::string shipped_guide() { return shipped_guide_path(); }

namespace fs = std::filesystem;

std::string find_guide(const std::string& requested, const std::string& config,
                       const std::vector<std::string>& inputs, std::string* why) {
  if (!requested.empty()) return requested;
  why->clear();
  // --config, else the nearest .tonelint.yaml above the first input (or the working folder).
  ConfigFinder finder(config);
  std::error_code ec;
  const fs::path where = inputs.empty() || inputs.front() == "-" ? fs::current_path(ec) : fs::path(inputs.front());
  auto governing = finder.for_path(where);
  if (!governing.ok()) {
    *why = governing.status().to_string();
    return {};
  }
  if (*governing && !(*governing)->guide().empty()) return (*governing)->guide();
  std::string shipped = shipped_guide();
  if (shipped.empty()) *why = "no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml";
  return shipped;
}

std::shared_ptr<const Guide> resolve_guide_or_report(const std::string& requested, const std::string& config,
                                                     const std::vector<std::string>& inputs) {
  std::string why;
  const std::string path = find_guide(requested, config, inputs, &why);
  if (path.empty()) {
    std::cerr << "tonelint: " << why << '\n';
    return nullptr;
  }
  return load_guide_or_report(path);
}

std::string shipped_user_dictionary() { return shipped_user_dictionary_path(); }

std::shared_ptr<const MecabModel> load_model_or_report() {
  auto model = MecabModel::load("", MecabModel::user_dictionaries(shipped_user_dictionary()));
  if (!model.ok()) {
    std::cerr << "tonelint: " << model.status().to_string() << '\n';
    return nullptr;
  }
  return *model;
}

std::unique_ptr<Analyzer> make_analyzer_or_report() {
  std::shared_ptr<const MecabModel> model = load_model_or_report();
  if (!model) return nullptr;
  auto analyzer = Analyzer::create(model);
  if (!analyzer.ok()) {
    std::cerr << "tonelint: " << analyzer.status().to_string() << '\n';
    return nullptr;
  }
  return std::move(*analyzer);
}

std::shared_ptr<const Guide> load_guide_or_report(const std::string& path, GuideCache* cache) {
  if (path.empty()) {
    std::cerr << "tonelint: no guide given: pass --guide FILE\n";
    return nullptr;
  }
  GuideLoad load = load_guide_file(path, cache);
  for (const Status& e : load.errors) std::cerr << "tonelint: " << report::escape_controls(e.to_string()) << '\n';
  if (!load.ok()) {
    std::cerr << "tonelint: the guide has " << load.errors.size() << " error" << (load.errors.size() == 1 ? "" : "s")
              << "; nothing was checked\n";
  }
  return load.guide;
}

}  // namespace tonelint::cli
