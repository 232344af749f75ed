#include "config/gitignore.h"

#include <fstream>
#include <sstream>

namespace tonelint {

namespace fs = std::filesystem;

IgnoreFile IgnoreFile::parse(std::string_view text) {
  IgnoreFile file;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are dropped unless escaped.
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool negated = false;
    if (line[0] == '!') {
      negated = true;
      line.erase(0, 1);
    } else if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.erase(0, 1);
    }
    auto glob = Glob::compile(line);
    if (glob.ok()) file.patterns_.push_back({std::move(*glob), negated});
    if (end == text.size()) break;
  }
  return file;
}

IgnoreFile::Verdict IgnoreFile::verdict(std::string_view path, bool is_directory) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->glob.matches(path, is_directory)) return it->negated ? Verdict::kIncluded : Verdict::kIgnored;
  }
  return Verdict::kNone;
}

const fs::path& GitignoreMatcher::root_of(const fs::path& dir) {
  auto it = roots_.find(dir);
  if (it != roots_.end()) return it->second;
  std::error_code ec;
  fs::path root;
  if (fs::exists(dir / ".git", ec)) {
    root = dir;
  } else if (dir.has_parent_path() && dir.parent_path() != dir) {
    root = root_of(dir.parent_path());
  }
  return roots_.emplace(dir, std::move(root)).first->second;
}

const IgnoreFile& GitignoreMatcher::ignore_file(const fs::path& file) {
  auto it = files_.find(file);
  if (it != files_.end()) return *it->second;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return *files_.emplace(file, std::make_unique<IgnoreFile>(IgnoreFile::parse(text.str()))).first->second;
}

bool GitignoreMatcher::ignored(const fs::path& path, bool is_directory) {
  const fs::path dir = path.parent_path();
  const fs::path& root = root_of(dir);
  if (root.empty() || path == root) return false;
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return false;

  std::vector<fs::path> chain;  // folders from the root down to `path`'s own folder
  chain.push_back(root);
  fs::path folder = root;
  for (auto part = relative.begin(); part != relative.end(); ++part) {
    if (std::next(part) == relative.end()) break;
    folder /= *part;
    chain.push_back(folder);
  }
  auto verdict_of = [&](const fs::path& target, std::size_t depth, bool target_is_directory) {
    // The deepest .gitignore with an opinion decides; .git/info/exclude comes last.
    for (std::size_t d = depth + 1; d-- > 0;) {
      const IgnoreFile& file = ignore_file(chain[d] / ".gitignore");
      const auto v = file.verdict(target.lexically_relative(chain[d]).generic_string(), target_is_directory);
      if (v != IgnoreFile::Verdict::kNone) return v == IgnoreFile::Verdict::kIgnored;
    }
    const IgnoreFile& exclude = ignore_file(root / ".git" / "info" / "exclude");
    return exclude.verdict(target.lexically_relative(root).generic_string(), target_is_directory) ==
           IgnoreFile::Verdict::kIgnored;
  };
  return verdict_of(path, chain.size() - 1, is_directory);
}

}  // namespace tonelint
