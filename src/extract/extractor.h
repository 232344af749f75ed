// The extractor interface: one implementation per input format (plain text, Markdown,
// HTML, e-mail). Each turns a SourceText into a Document of prose blocks.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "tonelint/status.h"

namespace tonelint {

class Extractor {
 public:
  virtual ~Extractor() = default;
  // The format name reported in output ("text", "markdown", "html", "email").
  virtual std::string_view format() const = 0;
  // Errors (e.g. broken front matter) name the file, line and column.
  virtual Result<Document> extract(const SourceText& source) const = 0;
};

// The extractor for a format name ("text", "markdown"/"md", "html", "email"), or null when unknown.
const Extractor* extractor_for_format(std::string_view format);
// The extractor a path's extension calls for; plain text for anything unrecognised.
const Extractor& extractor_for_path(std::string_view path);

}  // namespace tonelint
