#include "extract/front_matter.h"

#include <string>

#include "util/yaml_depth.h"
#include "util/yaml_guard.h"

namespace tonelint {
namespace {

// Length of the line terminator at `i` (0 if none).
std::size_t line_break_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\n') return 1;
  if (s[i] == '\r') return (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
  return 0;
}

// True if the line starting at `i` is exactly `fence` plus optional trailing spaces.
bool is_fence_line(std::string_view s, std::size_t i, std::string_view fence, std::size_t* line_end) {
  if (s.substr(i, fence.size()) != fence) return false;
  std::size_t j = i + fence.size();
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
  if (j < s.size() && s[j] != '\n' && s[j] != '\r') return false;
  *line_end = j;
  return true;
}

}  // namespace

void Document::set_front_matter(FrontMatter fm) {
  front_matter_ = std::make_shared<const FrontMatter>(std::move(fm));
}

Result<FrontMatterSplit> split_front_matter(const SourceText& source) {
  const std::string_view bytes = source.bytes();
  const std::size_t start = source.bom_length();
  FrontMatterSplit split;
  split.body_offset = static_cast<std::uint32_t>(start);

  std::size_t line_end = 0;
  if (!is_fence_line(bytes, start, "---", &line_end)) return split;
  const std::size_t content_start = line_end + line_break_length(bytes, line_end);
  if (content_start == line_end) return split;  // "---" alone at end of file

  // Look for the closing fence at the start of each following line.
  std::size_t i = content_start;
  while (i <= bytes.size()) {
    std::size_t close_end = 0;
    if (is_fence_line(bytes, i, "---", &close_end) || is_fence_line(bytes, i, "...", &close_end)) {
      const std::string_view yaml = bytes.substr(content_start, i - content_start);
      FrontMatter fm;
      fm.offset = static_cast<std::uint32_t>(start);
      const std::size_t body = close_end + line_break_length(bytes, close_end);
      fm.length = static_cast<std::uint32_t>(body - start);
      if (auto bomb = find_yaml_bomb(yaml)) {
        const std::uint32_t at = static_cast<std::uint32_t>(
            content_start + (bomb->mark.pos >= 0 ? std::min<std::size_t>(bomb->mark.pos, yaml.size()) : 0));
        return Status(ErrorCode::kTooLarge, "front matter: " + bomb->message, source.location(at));
      }
      try {
        fm.data = YAML::Load(std::string(yaml));
      } catch (const YAML::Exception& e) {
        const YamlFailure failure = describe_yaml_failure(yaml, e);
        // yaml-cpp counts positions in the YAML string; shift them to the file.
        const std::uint32_t at = static_cast<std::uint32_t>(
            content_start + (failure.mark.pos >= 0 ? std::min<std::size_t>(failure.mark.pos, yaml.size()) : 0));
        return Status(ErrorCode::kParse, "invalid YAML front matter: " + failure.message, source.location(at));
      }
      split.front_matter = std::move(fm);
      split.body_offset = static_cast<std::uint32_t>(body);
      return split;
    }
    const std::size_t nl = bytes.find_first_of("\r\n", i);
    if (nl == std::string_view::npos) break;
    i = nl + line_break_length(bytes, nl);
  }
  return split;  // never closed: not front matter
}

}  // namespace tonelint
