#include "config/glob.h"

#include "input/utf8.h"

namespace tonelint {
namespace {

constexpr std::size_t kMaxAlternatives = 256;

// Expands the first {a,b,...} group (nested groups recursively); false when a brace is
// unclosed or the expansion grows past kMaxAlternatives.
bool expand_braces(const std::string& pattern, std::vector<std::string>* out) {
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[') {  // braces inside a class are literal
      const std::size_t close = pattern.find(']', i + 2);
      if (close == std::string::npos) return false;
      i = close;
    } else if (pattern[i] == '{') {
      open = i;
      break;
    }
  }
  if (open == std::string::npos) {
    out->push_back(pattern);
    return out->size() <= kMaxAlternatives;
  }
  std::vector<std::string> options;
  std::string current;
  int depth = 0;
  std::size_t close = std::string::npos;
  for (std::size_t i = open + 1; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      current += c;
      current += pattern[++i];
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && depth-- == 0) {
      close = i;
      break;
    }
    if (c == ',' && depth == 0) {
      options.push_back(std::move(current));
      current.clear();
      continue;
    }
    current += c;
  }
  if (close == std::string::npos) return false;
  options.push_back(std::move(current));
  const std::string head = pattern.substr(0, open), tail = pattern.substr(close + 1);
  for (const std::string& option : options) {
    if (!expand_braces(head + option + tail, out)) return false;
  }
  return true;
}

}  // namespace

Result<Glob> Glob::compile(std::string_view pattern) {
  Glob glob;
  glob.pattern_ = std::string(pattern);
  std::string body(pattern);
  while (body.size() > 1 && body.back() == '/') {
    body.pop_back();
    glob.directory_only_ = true;
  }
  if (body.empty() || body == "/") return Status(ErrorCode::kInvalidArgument, "an empty path pattern matches nothing");
  const bool anchored = body.find('/') != std::string::npos;
  if (body.front() == '/') body.erase(0, 1);

  std::vector<std::string> expanded;
  if (!expand_braces(body, &expanded)) {
    return Status(ErrorCode::kInvalidArgument,
                  expanded.size() > kMaxAlternatives
                      ? "the pattern '" + glob.pattern_ + "' expands to more than 256 alternatives"
                      : "unclosed '{' or '[' in the pattern '" + glob.pattern_ + "'");
  }
  for (const std::string& alternative : expanded) {
    Program program;
    if (!anchored) program.push_back(Step(Op::kFolders));  // a bare name matches at any depth
    for (std::size_t i = 0; i < alternative.size();) {
      const char c = alternative[i];
      const bool segment_start = i == 0 || alternative[i - 1] == '/';
      if (c == '*' && i + 1 < alternative.size() && alternative[i + 1] == '*' && segment_start &&
          (i + 2 == alternative.size() || alternative[i + 2] == '/')) {
        // "**/" is any number of folders; a final "**" is anything at all.
        const bool last = i + 2 == alternative.size();
        program.push_back(Step(last ? Op::kAnything : Op::kFolders));
        i += last ? 2 : 3;
      } else if (c == '*') {
        while (i < alternative.size() && alternative[i] == '*') ++i;  // "a**b" is "a*b"
        program.push_back(Step(Op::kStar));
      } else if (c == '?') {
        program.push_back(Step(Op::kAnyChar));
        ++i;
      } else if (c == '[') {
        Step step(Op::kClass);
        std::size_t j = i + 1;
        if (j < alternative.size() && (alternative[j] == '!' || alternative[j] == '^')) {
          step.negated = true;
          ++j;
        }
        bool closed = false;
        for (bool first = true; j < alternative.size(); first = false) {
          if (alternative[j] == ']' && !first) {
            closed = true;
            ++j;
            break;
          }
          if (alternative[j] == '\\' && j + 1 < alternative.size()) ++j;
          const char32_t lo = next_code_point(alternative, &j);
          char32_t hi = lo;
          if (j + 1 < alternative.size() && alternative[j] == '-' && alternative[j + 1] != ']') {
            ++j;
            hi = next_code_point(alternative, &j);
          }
          step.ranges.push_back(lo);
          step.ranges.push_back(hi);
        }
        if (!closed) return Status(ErrorCode::kInvalidArgument, "unclosed '[' in the pattern '" + glob.pattern_ + "'");
        program.push_back(std::move(step));
        i = j;
      } else {
        if (c == '\\' && i + 1 < alternative.size()) ++i;
        program.push_back(Step(Op::kLiteral, next_code_point(alternative, &i)));
      }
    }
    glob.alternatives_.push_back(std::move(program));
  }
  return glob;
}

bool Glob::run(const Program& program, std::string_view path) {
  // memo[step * (n + 1) + offset]: 0 unknown, 1 matches, 2 does not. Every transition
  // consumes a step or a character, so recursion is at most steps + path length deep.
  const std::size_t n = path.size();
  std::vector<unsigned char> memo((program.size() + 1) * (n + 1), 0);
  auto match = [&](auto&& self, std::size_t s, std::size_t at) -> bool {
    if (s == program.size()) return at == n;
    unsigned char& known = memo[s * (n + 1) + at];
    if (known != 0) return known == 1;
    bool result = false;
    const Step& step = program[s];
    switch (step.op) {
      case Op::kLiteral:
      case Op::kAnyChar:
      case Op::kClass: {
        if (at == n || path[at] == '/') {
          result = step.op == Op::kLiteral && step.ch == '/' && at < n && self(self, s + 1, at + 1);
          break;
        }
        std::size_t next = at;
        const char32_t c = next_code_point(path, &next);
        bool ok = step.op == Op::kAnyChar;
        if (step.op == Op::kLiteral) ok = c == step.ch;
        if (step.op == Op::kClass) {
          bool in = false;
          for (std::size_t r = 0; r + 1 < step.ranges.size() && !in; r += 2) in = c >= step.ranges[r] && c <= step.ranges[r + 1];
          ok = in != step.negated;
        }
        result = ok && self(self, s + 1, next);
        break;
      }
      // The repeating steps either end here or consume one more unit and stay, so every
      // state is decided in constant time: O(pattern × path) in all.
      case Op::kStar: {  // any run within the segment
        result = self(self, s + 1, at);
        if (!result && at < n && path[at] != '/') {
          std::size_t next = at;
          next_code_point(path, &next);
          result = self(self, s, next);
        }
        break;
      }
      case Op::kFolders: {  // "" or "a/" or "a/b/" ...
        result = self(self, s + 1, at);
        const std::size_t slash = result ? std::string_view::npos : path.find('/', at);
        if (slash != std::string_view::npos) result = self(self, s, slash + 1);
        break;
      }
      case Op::kAnything:
        result = self(self, s + 1, at) || (at < n && self(self, s, at + 1));
        break;
    }
    known = result ? 1 : 2;
    return result;
  };
  return match(match, 0, 0);
}

bool Glob::matches(std::string_view path, bool is_directory) const {
  if (directory_only_ && !is_directory) return false;
  for (const Program& program : alternatives_) {
    if (run(program, path)) return true;
  }
  return false;
}

bool Glob::matches_path_or_parent(std::string_view path) const {
  if (matches(path, false)) return true;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
    if (matches(path.substr(0, slash), true)) return true;
  }
  return false;
}

}  // namespace tonelint
