// What an input format says about itself: its name, the other names it answers to, the
// file extensions that select it and how its drafts write tonelint comments. Each
// extractor declares its own; src/extract/formats.cpp lists the extractors.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace tonelint {

// How a format's drafts write the comments that switch rules off (see lint/suppression.h).
enum class CommentSyntax : std::uint8_t {
  kHashOrSlashLine,       // a line of its own starting with `#` or `//` (plain text)
  kHtmlComment,           // <!-- ... --> anywhere (HTML, e-mail)
  kHtmlCommentOutsideFences,  // <!-- ... --> outside ``` and ~~~ fenced code (Markdown)
  kMdxComment,            // {/* ... */} (or <!-- ... -->) where MDX reads a comment, not in code (MDX)
};

struct FormatTraits {
  std::string_view name;                         // reported in output: "markdown"
  std::span<const std::string_view> aliases;     // also accepted by name: "md"
  std::span<const std::string_view> extensions;  // lower case, no dot: "md", "mdx"
  CommentSyntax comments;
};

}  // namespace tonelint
