#include "tonelint/context.h"

namespace tonelint {

std::string config_source(const std::string& config_path, const std::string& pattern) {
  return "config " + config_path + " (" + pattern + ")";
}

std::vector<ContextValue> resolve_context(const ContextInputs& inputs) {
  std::vector<ContextValue> out;
  out.reserve(inputs.dimensions.size());
  for (const ContextDimension& d : inputs.dimensions) {
    if (auto it = inputs.explicit_values.find(d.name); it != inputs.explicit_values.end() && !it->second.empty()) {
      out.push_back({d.name, it->second, "flag"});
      continue;
    }
    if (auto it = inputs.front_matter.find(d.name); it != inputs.front_matter.end() && !it->second.empty()) {
      out.push_back({d.name, it->second, "front matter"});
      continue;
    }
    const ConfiguredValue* configured = nullptr;  // the last entry that sets it wins
    for (const ConfiguredValue& c : inputs.configured) {
      if (c.dimension == d.name && !c.value.empty()) configured = &c;
    }
    if (configured != nullptr) {
      out.push_back({d.name, configured->value, config_source(inputs.config_path, configured->pattern)});
      continue;
    }
    out.push_back({d.name, d.default_value, "guide default"});
  }
  return out;
}

}  // namespace tonelint
