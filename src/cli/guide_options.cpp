#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
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

namespace {

// The `guide:` of a repository config, relative to the config's folder. Empty with `why`
// set when the config is unreadable or malformed; empty with `why` empty when it names none.
std::string guide_of_config(const fs::path& config, std::string* why) {
  try {
    const YAML::Node node = YAML::LoadFile(config.string());
    if (node.IsMap() && node["guide"]) {
      if (!node["guide"].IsScalar()) {
        *why = config.string() + ":" + std::to_string(node["guide"].Mark().line + 1) +
               ": 'guide' is the path of a tone guide";
        return {};
      }
      return (config.parent_path() / node["guide"].Scalar()).string();
    }
  } catch (const YAML::BadFile&) {
    *why = config.string() + ": cannot read the config";
  } catch (const YAML::Exception& e) {
    *why = config.string() + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
           ": invalid YAML: " + e.msg;
  }
  return {};
}

}  // namespace

std::string find_guide(const std::string& requested, const std::string& config,
                       const std::vector<std::string>& inputs, std::string* why) {
  if (!requested.empty()) return requested;
  std::error_code ec;
  if (!config.empty()) {  // --config names the repository config
    why->clear();
    std::string guide = guide_of_config(config, why);
    if (!guide.empty() || !why->empty()) return guide;
  } else {
    // The nearest .tonelint.yaml above the first input (or the working directory) decides.
    fs::path dir = inputs.empty() || inputs.front() == "-" ? fs::current_path(ec) : fs::absolute(inputs.front(), ec);
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
      const fs::path candidate = dir / ".tonelint.yaml";
      if (fs::is_regular_file(candidate, ec)) {
        std::string guide = guide_of_config(candidate, why);
        if (!guide.empty() || !why->empty()) return guide;
        break;  // it names no guide: use the shipped one
      }
      if (dir == dir.root_path()) break;
    }
  }
  // The shipped guide, next to the binary (build/tonelint → rules/) or installed.
  const fs::path exe = executable_dir();
  for (const fs::path& candidate : {exe / ".." / "rules" / "tonelint.yaml", exe / "rules" / "tonelint.yaml",
                                    exe / ".." / "share" / "tonelint" / "rules" / "tonelint.yaml"}) {
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  *why = "no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml";
  return {};
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
