#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "config/repo_config.h"

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

namespace {

namespace fs = std::filesystem;

// The directory of the running executable, so the shipped guide is found wherever it runs from.
fs::path executable_dir() {
  char buffer[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return {};
  return fs::path(std::string(buffer, static_cast<std::size_t>(n))).parent_path();
}

}  // namespace

std::string shipped_guide() {
  // Next to the binary (build/tonelint → rules/) or installed.
  const fs::path exe = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {exe / ".." / "rules" / "tonelint.yaml", exe / "rules" / "tonelint.yaml",
                                    exe / ".." / "share" / "tonelint" / "rules" / "tonelint.yaml"}) {
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return {};
}

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

std::string shipped_user_dictionary() {
  // Built next to the binary (build/dictionaries/brand-names.dic) or installed.
  const fs::path exe = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {exe / "dictionaries" / "brand-names.dic",
                                    exe / ".." / "share" / "tonelint" / "dictionaries" / "brand-names.dic"}) {
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return {};
}

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
