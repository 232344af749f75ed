#include "util/yaml_depth.h"

#include <vector>

namespace tonelint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

YAML::Mark mark_at(std::size_t pos, int line, std::size_t column) {
  YAML::Mark mark = YAML::Mark::null_mark();
  mark.pos = static_cast<int>(pos);
  mark.line = line;
  mark.column = static_cast<int>(column);
  return mark;
}

// A block scalar header (| or >, then optional chomping and indentation indicators) ends
// the line: the more indented lines after it are text, not structure.
bool ends_with_block_scalar_header(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && is_blank(line[end - 1])) --end;
  std::size_t i = end;
  while (i > 0 && (line[i - 1] == '+' || line[i - 1] == '-' || (line[i - 1] >= '1' && line[i - 1] <= '9'))) --i;
  if (i == 0 || (line[i - 1] != '|' && line[i - 1] != '>')) return false;
  return i == 1 || is_blank(line[i - 2]);
}

}  // namespace

std::optional<YAML::Mark> find_yaml_nesting_beyond(std::string_view text, std::size_t max_depth) {
  std::vector<std::size_t> block_indents;  // open block collections, by indentation
  std::size_t flow_depth = 0;
  char quote = 0;                         // inside a quoted scalar (may span lines)
  std::optional<std::size_t> scalar_indent;  // inside a block scalar indented more than this
  int line_number = 0;
  for (std::size_t start = 0; start < text.size(); ++line_number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const bool blank = indent == line.size() || line[indent] == '#';
    if (scalar_indent && (blank || indent > *scalar_indent)) {
      start = end + 1;
      continue;
    }
    scalar_indent.reset();
    std::size_t block_depth = block_indents.size();
    std::size_t i = 0;
    if (flow_depth == 0 && quote == 0 && !blank) {
      while (!block_indents.empty() && block_indents.back() > indent) block_indents.pop_back();
      if (block_indents.empty() || block_indents.back() < indent) block_indents.push_back(indent);
      block_depth = block_indents.size();
      if (block_depth > max_depth) return mark_at(start + indent, line_number, indent);
      i = indent;
      // "- - - x": each dash opens a sequence inside the one before.
      while (i + 1 < line.size() && line[i] == '-' && is_blank(line[i + 1])) {
        ++block_depth;
        if (block_depth > max_depth) return mark_at(start + i, line_number, i);
        i += 2;
        while (i < line.size() && is_blank(line[i])) ++i;
      }
    }
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (c == quote) {
          if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;  // '' inside single quotes
          } else {
            quote = 0;
          }
        } else if (c == '\\' && quote == '"') {
          ++i;
        }
        continue;
      }
      const bool token_start = i == 0 || is_blank(line[i - 1]) || line[i - 1] == '[' || line[i - 1] == '{' ||
                               line[i - 1] == ',' || line[i - 1] == ':';
      if ((c == '"' || c == '\'') && token_start) {
        quote = c;
      } else if (c == '#' && (i == 0 || is_blank(line[i - 1]))) {
        break;
      } else if (c == '[' || c == '{') {
        ++flow_depth;
        if (block_depth + flow_depth > max_depth) {
          return mark_at(start + i, line_number, i);
        }
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    if (flow_depth == 0 && quote == 0 && !blank && ends_with_block_scalar_header(line)) scalar_indent = indent;
    start = end + 1;
  }
  return std::nullopt;
}

YamlFailure describe_yaml_failure(std::string_view text, const YAML::Exception& e) {
  // yaml-cpp's depth guard (DeepRecursion) says only "bad file"; a string has no file.
  if (e.msg == "bad file") {
    if (auto deep = find_yaml_nesting_beyond(text)) {
      return {*deep, "YAML nested more than " + std::to_string(kMaxYamlNesting) +
                         " levels deep (lists or maps inside one another); flatten it"};
    }
    return {e.mark, "YAML nested too deeply to read (lists or maps inside one another); flatten it"};
  }
  return {e.mark, e.msg};
}

}  // namespace tonelint
