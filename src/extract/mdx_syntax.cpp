#include "extract/mdx_syntax.h"

#include <algorithm>
#include <array>

namespace tonelint {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Lookahead past the end of a line, summed over the file, may read the file this many times
// over (plus a constant for small files); after that a construct must close on its line.
constexpr std::size_t kLookaheadBudgetFactor = 4;
constexpr std::size_t kLookaheadBudgetFloor = 64 * 1024;

// Elements whose content is code rather than prose, as the HTML extractor reads them.
constexpr std::array<std::string_view, 7> kCodeElements = {"code", "kbd", "pre", "samp", "var", "script", "style"};

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_identifier_start(char c) { return is_ascii_letter(c) || c == '_' || c == '$'; }
bool is_identifier_char(char c) { return is_identifier_start(c) || is_digit(c); }
bool is_jsx_name_char(char c) { return is_identifier_char(c) || c == '-'; }

// What a tag parse found.
enum class TagOutcome : std::uint8_t {
  kNotATag,       // `<` is a character of the prose (`a < b`, `<3`, `<https://…>`)
  kUnterminated,  // a tag that runs off the end of what may be read
  kTag,
};

struct Tag {
  TagOutcome outcome = TagOutcome::kNotATag;
  std::size_t end = 0;  // after `>`
  std::string_view name;
  bool closing = false;
  bool self_closing = false;
};

// JavaScript as far as nesting goes: brackets, strings, template literals, comments.
struct JsNesting {
  std::vector<char> open;  // '{', '(', '[', or '`' inside a template literal
  bool in_block_comment = false;
  void reset() {
    open.clear();
    in_block_comment = false;
  }
};

class Scanner {
 public:
  explicit Scanner(std::string_view s)
      : s_(s), budget_(kLookaheadBudgetFactor * s.size() + kLookaheadBudgetFloor) {}

  std::vector<MdxSpan> scan(std::size_t from);

 private:
  struct Fence {
    char c = 0;  // '`' or '~'; 0: not in a fence
    std::size_t length = 0;
  };

  std::size_t line_end(std::size_t i) const {
    const std::size_t nl = s_.find('\n', i);
    return nl == kNone ? s_.size() : nl;
  }
  bool is_blank_line(std::size_t i) const {
    for (; i < s_.size() && s_[i] != '\n'; ++i) {
      if (!is_space(s_[i]) && s_[i] != '\r') return false;
    }
    return true;
  }
  // How far a construct starting at `i` may be looked for: the file while the budget
  // lasts, else its own line.
  std::size_t limit_for(std::size_t i) const { return budget_ > 0 ? s_.size() : line_end(i); }
  void spend(std::size_t from, std::size_t to) {
    const std::size_t used = to > from ? to - from : 0;
    budget_ = used >= budget_ ? 0 : budget_ - used;
  }

  Fence fence_opened(std::size_t i, std::size_t eol) const;
  bool fence_closed(const Fence& fence, std::size_t i, std::size_t eol) const;
  bool looks_like_esm(std::size_t i, std::size_t eol) const;
  std::size_t esm_end(std::size_t i);
  bool esm_continues(std::size_t line, std::size_t eol) const;

  std::size_t scan_inline(std::size_t i);
  std::size_t after_code_span(std::size_t i);
  std::size_t after_angle(std::size_t i);
  std::size_t after_brace(std::size_t i);

  std::size_t js_step(std::size_t i, std::size_t limit);
  std::size_t expression_end(std::size_t i, std::size_t limit);
  Tag parse_tag(std::size_t i, std::size_t limit);
  std::size_t skip_tag_space(std::size_t i, std::size_t limit, bool* blank_line) const;
  std::size_t code_element_end(const Tag& tag, std::size_t limit) const;

  void add(std::size_t begin, std::size_t end, MdxKind kind) {
    const bool flow = kind == MdxKind::kEsm;  // ESM is whole lines; the rest is decided by mark_flow
    out_.push_back(MdxSpan{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), kind, flow});
  }
  void mark_flow();

  std::string_view s_;
  std::size_t budget_;
  JsNesting js_;  // reused by every expression and ESM block
  std::vector<MdxSpan> out_;
};

std::vector<MdxSpan> Scanner::scan(std::size_t i) {
  bool after_blank = true;  // the body's first line may be ESM
  Fence fence;
  while (i < s_.size()) {
    const std::size_t eol = line_end(i);
    if (fence.c != 0) {
      if (fence_closed(fence, i, eol)) fence = Fence{};
      after_blank = false;
    } else if (Fence opened = fence_opened(i, eol); opened.c != 0) {
      fence = opened;
      after_blank = false;
    } else if (is_blank_line(i)) {
      after_blank = true;
    } else if (after_blank && looks_like_esm(i, eol)) {
      const std::size_t end = esm_end(i);
      std::size_t last = end;  // the block without its final line break
      while (last > i && (s_[last - 1] == '\n' || s_[last - 1] == '\r')) --last;
      add(i, last, MdxKind::kEsm);
      i = end;  // the next line: blank, or one that does not continue the statement
      continue;
    } else {
      i = scan_inline(i);
      after_blank = false;
      if (i < s_.size()) ++i;
      continue;
    }
    i = eol + 1;
  }
  mark_flow();
  return std::move(out_);
}

// ``` or ~~~ (three or more), at any indentation (MDX has no indented code), perhaps in a
// blockquote; a backtick fence's info string has no backtick.
Scanner::Fence Scanner::fence_opened(std::size_t i, std::size_t eol) const {
  while (i < eol && (is_space(s_[i]) || s_[i] == '>')) ++i;
  if (i >= eol || (s_[i] != '`' && s_[i] != '~')) return {};
  const char c = s_[i];
  std::size_t j = i;
  while (j < eol && s_[j] == c) ++j;
  if (j - i < 3) return {};
  if (c == '`' && s_.substr(j, eol - j).find('`') != kNone) return {};
  return Fence{c, j - i};
}

bool Scanner::fence_closed(const Fence& fence, std::size_t i, std::size_t eol) const {
  while (i < eol && (is_space(s_[i]) || s_[i] == '>')) ++i;
  std::size_t j = i;
  while (j < eol && s_[j] == fence.c) ++j;
  if (j - i < fence.length) return false;
  for (; j < eol; ++j) {
    if (!is_space(s_[j]) && s_[j] != '\r') return false;
  }
  return true;
}

// `import … from '…'`, `import '…'`, `export const|function|default|{…`: JavaScript, not
// a paragraph that starts with the word ("import the file", "export data from the app").
bool Scanner::looks_like_esm(std::size_t i, std::size_t eol) const {
  const std::string_view line = s_.substr(i, eol - i);
  auto word_at = [&](std::size_t at) {
    std::size_t j = at;
    while (j < line.size() && is_identifier_char(line[j])) ++j;
    return line.substr(at, j - at);
  };
  auto skip_spaces = [&](std::size_t at) {
    while (at < line.size() && is_space(line[at])) ++at;
    return at;
  };
  const bool is_import = line.starts_with("import");
  if (!is_import && !line.starts_with("export")) return false;
  if (line.size() > 6 && is_identifier_char(line[6])) return false;  // "imports", "exported"
  std::size_t at = skip_spaces(6);
  if (at >= line.size()) return false;
  const char next = line[at];
  if (next == '{' || next == '*') return true;
  if (is_import) {
    if (next == '\'' || next == '"') return true;
    // import Name from '…', import Name, {…} from '…', import type Name from '…'
    std::string_view word = word_at(at);
    if (word.empty()) return false;
    at = skip_spaces(at + word.size());
    if (word == "type" && at < line.size() && (is_identifier_start(line[at]) || line[at] == '{')) {
      word = word_at(at);
      at = skip_spaces(at + word.size());
    }
    if (at < line.size() && line[at] == ',') return true;
    if (word_at(at) != "from") return false;
    at = skip_spaces(at + 4);
    return at < line.size() && (line[at] == '\'' || line[at] == '"');
  }
  static constexpr std::array<std::string_view, 12> kExportable = {
      "const", "let", "var", "function", "class", "default",
      "async", "type", "interface", "enum", "declare", "abstract"};
  const std::string_view word = word_at(at);
  return std::find(kExportable.begin(), kExportable.end(), word) != kExportable.end() &&
         at + word.size() < line.size() && !is_identifier_char(line[at + word.size()]);
}

// An ESM block runs over whole lines while brackets, strings or comments are open, and then
// up to a blank line or a line that does not continue the statement. Unbalanced to the end
// of what may be read: up to the first blank line.
std::size_t Scanner::esm_end(std::size_t start) {
  const std::size_t limit = limit_for(start);
  js_.reset();
  std::size_t i = start;
  std::size_t line = start;
  while (i < limit) {
    if (s_[i] != '\n') {
      i = js_step(i, limit);
      continue;
    }
    if (js_.open.empty() && !js_.in_block_comment) {
      const std::size_t next = i + 1;
      if (next >= s_.size() || is_blank_line(next) || !esm_continues(line, i)) {
        spend(start, next);
        return std::min(next, s_.size());
      }
    }
    line = ++i;
  }
  spend(start, i);
  if (i >= s_.size() && js_.open.empty() && !js_.in_block_comment) return s_.size();
  // Unbalanced: MDX's own rule, the block ends at a blank line.
  for (std::size_t at = line_end(start); at < s_.size(); at = line_end(at + 1)) {
    if (at + 1 >= s_.size() || is_blank_line(at + 1)) return std::min(at + 1, s_.size());
  }
  return s_.size();
}

// Whether the line after a complete-looking ESM line goes on with the statement: more ESM,
// an indented or operator-led continuation, or a line ending in an operator.
bool Scanner::esm_continues(std::size_t line, std::size_t eol) const {
  const std::size_t next = eol + 1;
  const char first = s_[next];
  if (is_space(first) || std::string_view("})].,?:+-*/|&=").find(first) != kNone) return true;
  const std::string_view rest = s_.substr(next, 6);
  if (rest == "import" || rest == "export") return true;
  std::size_t last = eol;
  while (last > line && (is_space(s_[last - 1]) || s_[last - 1] == '\r')) --last;
  return last > line && std::string_view("=,(+-*/&|?:{[.").find(s_[last - 1]) != kNone;
}

// One line of flow, from `i`, inline constructs included (they may run over later lines);
// returns the line break ending the line where the scan stopped, or the end.
std::size_t Scanner::scan_inline(std::size_t i) {
  while (i < s_.size()) {
    i = s_.find_first_of("\\`<{\n", i);
    if (i == kNone) return s_.size();
    switch (s_[i]) {
      case '\n':
        return i;
      case '\\':  // \{ \< \` are the characters themselves
        i += i + 1 < s_.size() && s_[i + 1] != '\n' ? 2 : 1;
        break;
      case '`':
        i = after_code_span(i);
        break;
      case '<':
        i = after_angle(i);
        break;
      default:
        i = after_brace(i);
        break;
    }
  }
  return s_.size();
}

// Inline code is code: nothing in it is syntax. It closes with a backtick run of the same
// length before a blank line or a fence; else the backticks are characters.
std::size_t Scanner::after_code_span(std::size_t i) {
  std::size_t run_end = i;
  while (run_end < s_.size() && s_[run_end] == '`') ++run_end;
  const std::size_t run = run_end - i;
  const std::size_t limit = limit_for(i);
  std::size_t j = run_end;
  while (j < limit) {
    const char c = s_[j];
    if (c == '`') {
      std::size_t k = j;
      while (k < s_.size() && s_[k] == '`') ++k;
      if (k - j == run) {
        spend(i, k);
        return k;
      }
      j = k;
    } else if (c == '\n') {
      const std::size_t eol = line_end(j + 1);
      if (is_blank_line(j + 1) || fence_opened(j + 1, eol).c != 0) break;
      ++j;
    } else {
      ++j;
    }
  }
  spend(i, j);
  return run_end;
}

// `<`: a JSX tag, an HTML comment, or a character of the prose.
std::size_t Scanner::after_angle(std::size_t i) {
  const std::size_t limit = limit_for(i);
  if (s_.substr(i, 4) == "<!--") {
    const std::size_t close = s_.substr(0, limit).find("-->", i + 4);
    spend(i, close == kNone ? limit : close + 3);
    if (close == kNone) return i + 1;
    add(i, close + 3, MdxKind::kComment);
    return close + 3;
  }
  const Tag tag = parse_tag(i, limit);
  spend(i, tag.end);
  switch (tag.outcome) {
    case TagOutcome::kNotATag:
      return i + 1;
    case TagOutcome::kUnterminated: {
      const std::size_t eol = line_end(i);
      add(i, eol, MdxKind::kTag);
      return eol;
    }
    case TagOutcome::kTag:
      break;
  }
  if (!tag.closing && !tag.self_closing &&
      std::find(kCodeElements.begin(), kCodeElements.end(), tag.name) != kCodeElements.end()) {
    const std::size_t end = code_element_end(tag, limit);
    spend(tag.end, end == kNone ? limit : end);
    if (end != kNone) {
      add(i, end, MdxKind::kCode);
      return end;
    }
  }
  add(i, tag.end, MdxKind::kTag);
  return tag.end;
}

// `{`: an expression (or a comment) up to its matching `}`. Unmatched: the rest of the
// line, so that one stray brace hides no more than its line.
std::size_t Scanner::after_brace(std::size_t i) {
  const std::size_t limit = limit_for(i);
  const std::size_t end = expression_end(i, limit);
  if (end == kNone) {
    spend(i, limit);
    const std::size_t eol = line_end(i);
    add(i, eol, MdxKind::kCode);
    return eol;
  }
  spend(i, end);
  // {/* … */}: a comment when nothing but the comment is inside.
  std::string_view inner = s_.substr(i + 1, end - i - 2);
  const std::size_t first = inner.find_first_not_of(" \t\r\n");
  const std::size_t last = inner.find_last_not_of(" \t\r\n");
  if (first != kNone) inner = inner.substr(first, last - first + 1);
  const bool comment = inner.size() >= 4 && inner.starts_with("/*") && inner.find("*/") == inner.size() - 2;
  add(i, end, comment ? MdxKind::kComment : MdxKind::kCode);
  return end;
}

// Advances over the JavaScript at `i`: a character, a string, a comment's opener or closer.
std::size_t Scanner::js_step(std::size_t i, std::size_t limit) {
  const char c = s_[i];
  const char next = i + 1 < limit ? s_[i + 1] : '\0';
  if (js_.in_block_comment) {
    if (c == '*' && next == '/') {
      js_.in_block_comment = false;
      return i + 2;
    }
    return i + 1;
  }
  std::vector<char>& open = js_.open;
  if (!open.empty() && open.back() == '`') {  // inside a template literal
    if (c == '\\') return std::min(i + 2, limit);
    if (c == '`') open.pop_back();
    if (c == '$' && next == '{') {
      open.push_back('{');
      return i + 2;
    }
    return i + 1;
  }
  switch (c) {
    case '{':
    case '(':
    case '[':
    case '`':
      open.push_back(c);
      return i + 1;
    case '}':
      // A `}` closes its `{` even past an unclosed ( or [ (JSX text in an expression may
      // hold a lone parenthesis).
      while (!open.empty() && (open.back() == '(' || open.back() == '[')) open.pop_back();
      if (!open.empty() && open.back() == '{') open.pop_back();
      return i + 1;
    case ')':
    case ']':
      if (!open.empty() && open.back() == (c == ')' ? '(' : '[')) open.pop_back();
      return i + 1;
    case '\'':
    case '"': {
      // A string ends on its line; a quote without a partner there is an apostrophe (JSX
      // text inside an expression: {ok && <p>Don't</p>}).
      for (std::size_t j = i + 1; j < limit && s_[j] != '\n'; ++j) {
        if (s_[j] == '\\') {
          ++j;
        } else if (s_[j] == c) {
          return j + 1;
        }
      }
      return i + 1;
    }
    case '/':
      if (next == '/') return std::min(line_end(i), limit);
      if (next == '*') {
        js_.in_block_comment = true;
        return i + 2;
      }
      return i + 1;
    default:
      return i + 1;
  }
}

// After the `}` matching the `{` at `i`, or kNone when none does before `limit`.
std::size_t Scanner::expression_end(std::size_t i, std::size_t limit) {
  js_.reset();
  js_.open.push_back('{');
  std::size_t j = i + 1;
  while (j < limit) {
    j = js_step(j, limit);
    if (js_.open.empty()) return j;
  }
  return kNone;
}

// Spaces and line breaks inside a tag; a blank line ends the attempt (`blank_line`): no
// tag spans a paragraph break, and a `<` in prose must not swallow what follows.
std::size_t Scanner::skip_tag_space(std::size_t i, std::size_t limit, bool* blank_line) const {
  bool line_has_text = true;
  for (; i < limit; ++i) {
    const char c = s_[i];
    if (c == '\n') {
      if (!line_has_text) {
        *blank_line = true;
        return i;
      }
      line_has_text = false;
    } else if (!is_space(c) && c != '\r') {
      return i;
    }
  }
  return i;
}

Tag Scanner::parse_tag(std::size_t i, std::size_t limit) {
  Tag tag;
  tag.end = i + 1;
  auto unterminated = [&](std::size_t at) {
    tag.outcome = TagOutcome::kUnterminated;
    tag.end = at;
    return tag;
  };
  std::size_t j = i + 1;
  if (j < limit && s_[j] == '/') {
    tag.closing = true;
    ++j;
  }
  if (j >= limit) return tag.closing ? unterminated(j) : tag;
  if (s_[j] == '>') {  // a fragment: <> or </>
    tag.outcome = TagOutcome::kTag;
    tag.end = j + 1;
    return tag;
  }
  if (!is_identifier_start(s_[j])) return tag;
  // Name, member expression (UI.Card) or namespace (svg:rect).
  const std::size_t name_begin = j;
  while (true) {
    while (j < limit && is_jsx_name_char(s_[j])) ++j;
    if (j + 1 < limit && (s_[j] == '.' || s_[j] == ':') && is_identifier_start(s_[j + 1])) {
      ++j;
      continue;
    }
    break;
  }
  tag.name = s_.substr(name_begin, j - name_begin);
  bool blank_line = false;
  while (true) {
    j = skip_tag_space(j, limit, &blank_line);
    if (blank_line) return tag;
    if (j >= limit) return unterminated(j);
    const char c = s_[j];
    if (c == '>') {
      tag.outcome = TagOutcome::kTag;
      tag.end = j + 1;
      return tag;
    }
    if (tag.closing) return tag;  // </Name> takes no attributes
    if (c == '/') {
      if (j + 1 >= limit) return unterminated(j + 1);
      if (s_[j + 1] != '>') return tag;
      tag.outcome = TagOutcome::kTag;
      tag.self_closing = true;
      tag.end = j + 2;
      return tag;
    }
    if (c == '{') {  // {...spread}
      const std::size_t end = expression_end(j, limit);
      if (end == kNone) return unterminated(limit);
      j = end;
      continue;
    }
    if (!is_identifier_start(c)) return tag;
    while (j < limit && (is_jsx_name_char(s_[j]) || s_[j] == ':')) ++j;
    const std::size_t after_name = j;
    j = skip_tag_space(j, limit, &blank_line);
    if (blank_line) return tag;
    if (j >= limit) return unterminated(j);
    if (s_[j] != '=') {
      j = after_name;  // a boolean attribute
      continue;
    }
    j = skip_tag_space(j + 1, limit, &blank_line);
    if (blank_line) return tag;
    if (j >= limit) return unterminated(j);
    const char quote = s_[j];
    if (quote == '"' || quote == '\'') {
      std::size_t k = j + 1;
      bool line_has_text = true;
      for (; k < limit && s_[k] != quote; ++k) {
        if (s_[k] == '\n') {
          if (!line_has_text) return tag;
          line_has_text = false;
        } else if (!is_space(s_[k]) && s_[k] != '\r') {
          line_has_text = true;
        }
      }
      if (k >= limit) return unterminated(limit);
      j = k + 1;
    } else if (quote == '{') {
      const std::size_t end = expression_end(j, limit);
      if (end == kNone) return unterminated(limit);
      j = end;
    } else {
      return tag;  // an unquoted value is HTML, not JSX
    }
  }
}

// After the `</name>` closing `tag`, or kNone.
std::size_t Scanner::code_element_end(const Tag& tag, std::size_t limit) const {
  const std::string_view within = s_.substr(0, limit);
  for (std::size_t at = within.find("</", tag.end); at != kNone; at = within.find("</", at + 2)) {
    const std::size_t after = at + 2 + tag.name.size();
    if (within.substr(at + 2, tag.name.size()) != tag.name || after >= within.size()) continue;
    if (within[after] != '>' && !is_space(within[after])) continue;
    const std::size_t close = within.find('>', after);
    return close == kNone ? kNone : close + 1;
  }
  return kNone;
}

// Spans alone on their lines (apart from other syntax, with blanks and blockquote markers
// around) are flow: blocks of their own. The rest sit inside a paragraph.
void Scanner::mark_flow() {
  auto only = [&](std::size_t from, std::size_t to, std::string_view allowed) {
    for (std::size_t k = from; k < to; ++k) {
      if (allowed.find(s_[k]) == kNone) return false;
    }
    return true;
  };
  for (std::size_t k = 0; k < out_.size();) {
    std::size_t m = k + 1;
    while (m < out_.size() && only(out_[m - 1].end, out_[m].begin, " \t")) ++m;
    const std::size_t begin = out_[k].begin;
    const std::size_t line_start = begin == 0 ? 0 : s_.rfind('\n', begin - 1) + 1;  // npos + 1 == 0
    const std::size_t end = out_[m - 1].end;
    const bool flow = only(line_start, begin, " \t>") && only(end, line_end(end), " \t\r");
    for (std::size_t j = k; j < m; ++j) out_[j].flow = out_[j].flow || flow;
    k = m;
  }
}

}  // namespace

std::vector<MdxSpan> find_mdx_syntax(std::string_view bytes, std::size_t body_offset) {
  return Scanner(bytes).scan(body_offset);
}

std::string blank_mdx_syntax(std::string_view bytes, std::span<const MdxSpan> spans) {
  std::string out(bytes);
  for (const MdxSpan& span : spans) {
    const char fill = span.flow ? ' ' : kMdxFiller;
    for (std::size_t k = span.begin; k < span.end && k < out.size(); ++k) {
      if (out[k] != '\n' && out[k] != '\r') out[k] = fill;
    }
  }
  return out;
}

}  // namespace tonelint
