// JSON helpers shared by the CLI's JSON outputs.
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace tonelint::cli {

// YAML (front matter) as JSON: maps, sequences, scalars as strings, null as null.
nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace tonelint::cli
