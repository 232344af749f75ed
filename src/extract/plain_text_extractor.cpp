#include "extract/plain_text_extractor.h"

#include "extract/front_matter.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kAliases[] = {"txt", "plain"};
constexpr std::string_view kExtensions[] = {"txt", "text"};
constexpr FormatTraits kTraits{"text", kAliases, kExtensions, CommentSyntax::kHashOrSlashLine};

namespace {

bool is_blank_line(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

std::string_view plain_text_directive(std::string_view line) {
  auto skip_blanks = [](std::string_view text) {
    const std::size_t i = text.find_first_not_of(" \t");
    return i == std::string_view::npos ? std::string_view() : text.substr(i);
  };
  line = skip_blanks(line);
  if (line.starts_with("//")) {
    line.remove_prefix(2);
  } else if (line.starts_with("#")) {
    line.remove_prefix(1);
  } else {
    return {};
  }
  line = skip_blanks(line);
  return line.starts_with("tonelint-disable") || line.starts_with("tonelint-enable") ? line : std::string_view();
}

const FormatTraits& PlainTextExtractor::traits() const { return kTraits; }

Result<Document> PlainTextExtractor::extract(const SourceText& source) const {
  auto split = split_front_matter(source);
  if (!split.ok()) return split.status();
  Document doc(source, std::string(format()));
  if (split->front_matter) doc.set_front_matter(std::move(*split->front_matter));

  const std::string_view bytes = source.bytes();
  std::size_t i = split->body_offset;
  std::size_t paragraph_start = std::string_view::npos;
  std::size_t paragraph_end = 0;  // end of the last non-blank line (terminator excluded)

  auto flush = [&] {
    if (paragraph_start == std::string_view::npos) return;
    TextBlock& block = doc.add_block();
    block.text = bytes.substr(paragraph_start, paragraph_end - paragraph_start);
    block.map.append_verbatim(static_cast<std::uint32_t>(paragraph_start), static_cast<std::uint32_t>(block.text.size()));
    paragraph_start = std::string_view::npos;
  };

  while (i < bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(i, end - i);
    if (is_blank_line(line) || !plain_text_directive(line).empty()) {  // a directive is not prose
      flush();
    } else {
      if (paragraph_start == std::string_view::npos) paragraph_start = i;
      paragraph_end = end;
    }
    i = end;
    if (i < bytes.size()) i += (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
  }
  flush();
  return doc;
}

}  // namespace tonelint
