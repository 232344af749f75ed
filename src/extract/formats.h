// The input formats tonelint reads, one row each in formats.cpp: lookup by name or path,
// which files a folder walk takes, and the lists help texts and errors print.
//
// A new input format is its extractor (declaring its FormatTraits) with its source in
// CMakeLists.txt, its row in formats.cpp, its tests and a README line.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace tonelint {

class Extractor;

// Every format, in the order help texts list them ("text", "markdown", "html", "email").
std::span<const Extractor* const> input_formats();

// The extractor for a format name or alias ("text", "markdown"/"md", "html", "email"), or
// null when unknown.
const Extractor* extractor_for_format(std::string_view format);
// The extractor of a file extension (no dot, any case), or null when no format claims it.
const Extractor* extractor_for_extension(std::string_view extension);
// The extractor a path's extension calls for; plain text for anything unrecognised.
const Extractor& extractor_for_path(std::string_view path);

// "text, markdown, html or email": the format names as help texts and errors list them.
std::string format_name_list();
// ".txt .text .md ...": the extensions a folder walk takes, as the README lists them.
std::string draft_extension_list();

}  // namespace tonelint
