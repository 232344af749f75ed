// Why a YAML document failed to load, in words a reader can act on. yaml-cpp 0.7 refuses
// a document nested deeper than some 500 levels (a guard against running out of stack)
// with the bare message "bad file", at the end of the line; a guide, a config or front
// matter so nested is told that it is, at the place where the nesting first goes too deep.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tonelint {

// Far deeper than any guide, config or front matter needs; well inside yaml-cpp's limit.
inline constexpr std::size_t kMaxYamlNesting = 100;

struct YamlFailure {
  YAML::Mark mark;      // in `text`: pos (bytes), line and column (0-based, bytes)
  std::string message;  // "invalid YAML: ..." is left to the caller; this is what is wrong
};

// The first place where `text` opens a collection (a flow [ or {, a block mapping or
// sequence entry) more than `max_depth` levels deep; nullopt when none does. An
// approximation of YAML's structure, used only to explain a load that already failed.
std::optional<YAML::Mark> find_yaml_nesting_beyond(std::string_view text, std::size_t max_depth = kMaxYamlNesting);

// What went wrong when YAML::Load(text) threw `e`.
YamlFailure describe_yaml_failure(std::string_view text, const YAML::Exception& e);

}  // namespace tonelint
