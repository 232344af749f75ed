// YAML front matter ("---" first line ... "---" or "..." line) at the top of a draft.
// It is not prose; it is parsed because it carries the draft's context (tone: {...}).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>

#include "extract/document.h"
#include "input/source_text.h"
#include "tonelint/status.h"

namespace tonelint {

struct FrontMatter {
  YAML::Node data;           // parsed YAML (a map for a well-formed front matter)
  std::uint32_t offset = 0;  // source bytes of the whole block, fences included
  std::uint32_t length = 0;
};

struct FrontMatterSplit {
  std::optional<FrontMatter> front_matter;
  std::uint32_t body_offset = 0;  // where the prose starts in the source
};

// Finds and parses front matter. An opening fence without a closing one is not front
// matter (in Markdown it is a thematic break). Malformed YAML is an error naming
// file:line:column.
Result<FrontMatterSplit> split_front_matter(const SourceText& source);

}  // namespace tonelint
