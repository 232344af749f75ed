// Where a yaml-cpp mark points, as tonelint reports places: yaml-cpp counts lines from 0
// and columns in bytes; errors name 1-based lines and columns in code points.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "input/line_index.h"
#include "input/utf8.h"
#include "tonelint/status.h"

namespace tonelint {

// `lines` indexes the file the YAML came from; `first_line` is the file line where the
// YAML text starts (front matter starts below its opening fence). An unknown mark names
// only the file.
inline Location yaml_location(const std::string& path, const LineIndex& lines, const YAML::Mark& mark,
                              std::uint32_t first_line = 1) {
  if (mark.line < 0) return Location{path};
  const std::uint32_t line = first_line + static_cast<std::uint32_t>(mark.line);
  const std::string_view text = lines.line_text(line);
  const std::size_t bytes = std::min<std::size_t>(static_cast<std::size_t>(std::max(mark.column, 0)), text.size());
  return Location{path, line, static_cast<std::uint32_t>(count_code_points(text.substr(0, bytes)) + 1)};
}

}  // namespace tonelint
