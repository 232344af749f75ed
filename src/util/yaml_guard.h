// A guard against YAML "billion laughs": yaml-cpp shares the node an alias names, so
// parsing stays cheap, but every reader that walks the tree (the guide loader, the config,
// front matter) walks each alias in full. Before a document is loaded, its events are
// counted as the reader would see them, aliases expanded; a document that would expand
// past the limits is refused, naming the alias that crossed them.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tonelint {

// Far above any real guide (the shipped one expands to about 3,000 nodes; 10,000 rules to
// some 100,000), far below what would take seconds or gigabytes to walk.
inline constexpr std::uint64_t kMaxYamlExpandedNodes = 2'000'000;
inline constexpr std::uint64_t kMaxYamlExpandedBytes = std::uint64_t{64} << 20;

struct YamlBomb {
  YAML::Mark mark;      // the alias whose expansion crossed a limit
  std::string message;  // "YAML aliases expand to more than N nodes ..."
};

// The alias that makes `text` expand past the limits, or nullopt when it does not. YAML
// that does not parse is left to YAML::Load to report (nullopt).
std::optional<YamlBomb> find_yaml_bomb(std::string_view text, std::uint64_t max_nodes = kMaxYamlExpandedNodes,
                                       std::uint64_t max_bytes = kMaxYamlExpandedBytes);

}  // namespace tonelint
