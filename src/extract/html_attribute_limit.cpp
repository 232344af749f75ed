#include "extract/html_attribute_limit.h"

#include <array>
#include <cstring>
#include <utility>
#include <vector>

namespace tonelint {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Attributes read by name: by the extractor (alt, title, href, class, id, role, type) and by
// gumbo's tree construction (type of <input>, encoding of <annotation-xml>, color, face
// and size of <font>). Their first occurrence is always kept.
constexpr std::array<std::string_view, 11> kReadByName = {"alt",  "title", "href",     "class", "id",  "role",
                                                         "type", "encoding", "color", "face", "size"};

int read_by_name(std::string_view name) {
  for (std::size_t i = 0; i < kReadByName.size(); ++i) {
    if (iequals(name, kReadByName[i])) return static_cast<int>(i);
  }
  return -1;
}

// Elements whose content is text up to their end tag (RAWTEXT, RCDATA, script data).
bool is_raw_text(std::string_view name) {
  for (std::string_view raw : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}) {
    if (iequals(name, raw)) return true;
  }
  return false;
}

struct Span {
  std::size_t begin, end;
};

}  // namespace

std::string thin_attributes(std::string_view html) {
  std::vector<Span> blank;  // attribute spans to overwrite
  std::size_t kept_in_document = 0;
  std::size_t i = 0;
  const std::size_t n = html.size();
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.compare(i, 3, "!--") == 0) {  // a comment
      const std::size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool end_tag = i < n && html[i] == '/';
    const std::size_t name_at = end_tag ? i + 1 : i;
    if (name_at >= n || !is_alpha(html[name_at])) {
      if (i < n && (html[i] == '!' || html[i] == '?' || end_tag)) {  // a bogus comment, up to '>'
        const std::size_t end = html.find('>', i);
        if (end == std::string_view::npos) break;
        i = end + 1;
      }
      continue;
    }
    // The tag name, then attributes as the tokenizer reads them (HTML §13.2.5.32-39).
    i = name_at;
    while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
    const std::string_view tag_name = html.substr(name_at, i - name_at);
    std::size_t kept = 0;
    std::array<bool, kReadByName.size()> seen{};
    bool closed = false;
    while (i < n) {
      const char c = html[i];
      if (is_space(c) || c == '/') {
        ++i;
        continue;
      }
      if (c == '>') {
        closed = true;
        ++i;
        break;
      }
      const std::size_t attr = i++;  // the first character is part of the name, even '='
      while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
      const std::string_view name = html.substr(attr, i - attr);
      std::size_t j = i;
      while (j < n && is_space(html[j])) ++j;
      if (j < n && html[j] == '=') {
        ++j;
        while (j < n && is_space(html[j])) ++j;
        if (j < n && (html[j] == '"' || html[j] == '\'')) {
          const std::size_t close = html.find(html[j], j + 1);
          j = close == std::string_view::npos ? n : close + 1;
        } else {
          while (j < n && !is_space(html[j]) && html[j] != '>') ++j;
        }
        i = j;
      }
      const int by_name = read_by_name(name);
      const bool keep = by_name >= 0 ? !std::exchange(seen[static_cast<std::size_t>(by_name)], true)
                                     : kept++ < kMaxHtmlAttributesPerTag && kept_in_document++ < kMaxHtmlAttributesPerDocument;
      if (!keep) blank.push_back({attr, i});
    }
    if (!closed) break;  // the file ends inside the tag: gumbo drops it
    if (!end_tag && is_raw_text(tag_name)) {
      // Up to "</name", whatever its case.
      std::size_t j = i;
      while ((j = html.find("</", j)) != std::string_view::npos &&
             !(j + 2 + tag_name.size() <= n && iequals(html.substr(j + 2, tag_name.size()), tag_name))) {
        j += 2;
      }
      if (j == std::string_view::npos) break;
      i = j;
    } else if (!end_tag && iequals(tag_name, "plaintext")) {
      break;  // the rest is text
    }
  }
  if (blank.empty()) return {};
  std::string out(html);
  for (const Span& s : blank) std::memset(out.data() + s.begin, ' ', s.end - s.begin);
  return out;
}

}  // namespace tonelint
