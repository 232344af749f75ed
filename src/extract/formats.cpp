#include "extract/formats.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "extract/email_extractor.h"
#include "extract/html_extractor.h"
#include "extract/markdown_extractor.h"
#include "extract/mdx_extractor.h"
#include "extract/plain_text_extractor.h"

namespace tonelint {
namespace {

// Extractors are stateless, so one immutable instance of each serves every thread.
const PlainTextExtractor kPlainText;
const MarkdownExtractor kMarkdown;
const MdxExtractor kMdx;
const HtmlExtractor kHtml;
const EmailExtractor kEmail;

// One row per input format. The first is the fallback for unknown extensions.
const std::array<const Extractor*, 5> kFormats = {&kPlainText, &kMarkdown, &kMdx, &kHtml, &kEmail};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool contains(std::span<const std::string_view> list, std::string_view s, bool ignore_case) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view x) { return ignore_case ? equals_ignoring_case(x, s) : x == s; });
}

std::string_view extension_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot + 1);
}

}  // namespace

std::span<const Extractor* const> input_formats() { return kFormats; }

const Extractor* extractor_for_format(std::string_view format) {
  for (const Extractor* e : kFormats) {
    if (e->format() == format || contains(e->traits().aliases, format, false)) return e;
  }
  return nullptr;
}

const Extractor* extractor_for_extension(std::string_view extension) {
  if (extension.empty()) return nullptr;
  for (const Extractor* e : kFormats) {
    if (contains(e->traits().extensions, extension, true)) return e;
  }
  return nullptr;
}

const Extractor& extractor_for_path(std::string_view path) {
  const Extractor* e = extractor_for_extension(extension_of(path));
  return e != nullptr ? *e : *kFormats.front();
}

std::string format_name_list() {
  std::string out;
  for (std::size_t i = 0; i < kFormats.size(); ++i) {
    if (i > 0) out += i + 1 == kFormats.size() ? " or " : ", ";
    out += kFormats[i]->format();
  }
  return out;
}

std::string draft_extension_list() {
  std::string out;
  for (const Extractor* e : kFormats) {
    for (std::string_view ext : e->traits().extensions) {
      if (!out.empty()) out += ' ';
      out += '.';
      out += ext;
    }
  }
  return out;
}

}  // namespace tonelint
