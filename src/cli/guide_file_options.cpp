// The guide and the dictionaries as the commands built over the public API load them,
// with the same messages on stderr as the engine-facing helpers of guide_options.cpp.
#include <iostream>

#include "cli/commands.h"
#include "report/escape.h"

namespace tonelint::cli {

std::shared_ptr<const GuideFile> resolve_guide_file_or_report(const std::string& requested, const std::string& config,
                                                              const std::vector<std::string>& inputs) {
  std::string why;
  const std::string path = find_guide(requested, config, inputs, &why);
  if (path.empty()) {
    std::cerr << "tonelint: " << why << '\n';
    return nullptr;
  }
  GuideFileLoad load = GuideFile::load(path);
  for (const Status& e : load.errors) std::cerr << "tonelint: " << report::escape_controls(e.to_string()) << '\n';
  if (!load.ok()) {
    std::cerr << "tonelint: the guide has " << load.errors.size() << " error" << (load.errors.size() == 1 ? "" : "s")
              << "; nothing was checked\n";
  }
  return load.guide;
}

std::shared_ptr<const Dictionaries> load_dictionaries_or_report() {
  auto dictionaries = Dictionaries::load();
  if (!dictionaries.ok()) {
    std::cerr << "tonelint: " << dictionaries.status().to_string() << '\n';
    return nullptr;
  }
  return *dictionaries;
}

}  // namespace tonelint::cli
