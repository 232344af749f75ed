#include "input/path_list.h"

#include <cstring>
#include <string_view>

#include "input/regular_file.h"
#include "input/source_text.h"

namespace tonelint {
namespace {

constexpr const char* kWhat = "list of paths (--files-from)";

// At most `max_bytes` of `in`; kTooLarge as soon as there is more.
Result<std::string> read_bounded(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  // Reserved whole, not grown by doubling (which would reach twice the limit); only the
  // pages written to become resident, so a short list costs what it holds.
  bytes.reserve(max_bytes + sizeof buffer);
  while (in) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return Status(ErrorCode::kTooLarge, std::string(kWhat) + " exceeds the limit of " + describe_limit(max_bytes),
                    Location{name});
    }
  }
  if (in.bad()) return Status(ErrorCode::kIo, std::string("cannot read ") + kWhat, Location{name});
  return bytes;
}

}  // namespace

Result<std::vector<std::string>> parse_path_list(const std::string& bytes, const std::string& name, bool from_stdin) {
  std::vector<std::string> paths;
  std::uint32_t line_number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string_view line(bytes.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto error = [&](const std::string& what) {
      return Status(ErrorCode::kParse, std::string(kWhat) + ": " + what, Location{name, line_number, 0});
    };
    if (line.size() > kMaxPathListLine) {
      return error("a line of " + std::to_string(line.size()) + " bytes is longer than any path (" +
                   std::to_string(kMaxPathListLine) + "); is this a list of paths?");
    }
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
      return error("a NUL byte, which no path holds; is this a list of paths?");
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (from_stdin && line == "-") {
      return error("'-' (stdin) is listed, but stdin is the list itself");
    }
    paths.emplace_back(line);
  }
  return paths;
}

Result<std::vector<std::string>> read_path_list(const std::string& from, std::istream& in) {
  const bool from_stdin = from == "-";
  const std::string name = from_stdin ? "<stdin>" : from;
  auto bytes = from_stdin ? read_bounded(in, name, kMaxPathListBytes) : read_regular_file(from, kMaxPathListBytes, kWhat);
  if (!bytes.ok()) return bytes.status();
  return parse_path_list(*bytes, name, from_stdin);
}

}  // namespace tonelint
