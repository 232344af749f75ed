// Which context a draft is checked in, and why: the one precedence every front end uses.
//
//   explicit values (command-line flags, a request's "context", an editor's settings)
//   > the draft's front matter (tone: {channel: chat})
//   > the repository config's `contexts:` entries whose paths match the draft (later wins)
//   > the guide's defaults
//
// resolve_context is a pure function of its inputs: it reads no file and no global state,
// so a caller can show "why this context" before (or without) checking anything.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

// One value a repository config's `contexts:` give a path, and the pattern that gave it.
struct ConfiguredValue {
  std::string dimension;
  std::string value;
  std::string pattern;  // the `paths` entry that matched, as written in the config
};

struct ContextInputs {
  std::map<std::string, std::string> explicit_values;  // dimension → value
  std::map<std::string, std::string> front_matter;     // the draft's `tone:` values
  std::vector<ConfiguredValue> configured;             // for the draft's path, in config order
  std::string config_path;                             // the config those came from
  std::vector<ContextDimension> dimensions;            // the guide's, with its defaults
};

// One ContextValue per dimension of `inputs.dimensions`, in their order, each with its
// source: "flag", "front matter", "config <config path> (<pattern>)" or "guide default".
// Values are not checked against the guide here (Checker::check does that, naming where
// each was written).
std::vector<ContextValue> resolve_context(const ContextInputs& inputs);

// "config <path> (<pattern>)": the source of a value a config's `contexts:` gave.
std::string config_source(const std::string& config_path, const std::string& pattern);

}  // namespace tonelint
