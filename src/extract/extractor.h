// The extractor interface: one implementation per input format (plain text, Markdown,
// HTML, e-mail). Each turns a SourceText into a Document of prose blocks, and says what
// its format is (FormatTraits). The formats are listed in formats.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "extract/directive_comments.h"
#include "extract/document.h"
#include "extract/formats.h"
#include "extract/input_format.h"
#include "tonelint/status.h"

namespace tonelint {

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Name, aliases, extensions and comment syntax of the format this extractor reads.
  virtual const FormatTraits& traits() const = 0;
  // The format name reported in output ("text", "markdown", "html", "email").
  std::string_view format() const { return traits().name; }
  // Errors (e.g. broken front matter) name the file, line and column.
  virtual Result<Document> extract(const SourceText& source) const = 0;
  // The tonelint comments of `source`, written as this format writes them.
  std::vector<DirectiveComment> directive_comments(const SourceText& source) const {
    return find_directive_comments(source, traits().comments);
  }
};

}  // namespace tonelint
