// The tonelint comments of a draft (`<!-- tonelint-disable ... -->`, `# tonelint-enable`),
// found the way its format writes them. The suppression pass reads their bodies; a
// comment whose body names no directive is skipped there.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/input_format.h"
#include "input/source_text.h"

namespace tonelint {

struct DirectiveComment {
  std::uint32_t offset;       // the whole comment, source bytes
  std::uint32_t length;
  std::uint32_t body_offset;  // what follows the opener (`<!--`, `#`, `//`)
  std::uint32_t body_length;  // up to the closer (`-->`) or the end of the line
};

// In source order. Empty at once when the source never says "tonelint-".
std::vector<DirectiveComment> find_directive_comments(const SourceText& source, CommentSyntax syntax);

}  // namespace tonelint
