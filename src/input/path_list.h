// A list of paths, one a line (`check --files-from FILE|-`). The list is read bounded —
// in bytes and in line length — so /dev/zero on stdin cannot grow without end, and a FIFO
// or device named as the list is refused by its type (see regular_file.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "tonelint/status.h"

namespace tonelint {

// A changed-files list of a very large monorepo is a few MiB.
inline constexpr std::size_t kMaxPathListBytes = std::size_t{64} << 20;
// No path that open() takes is longer (PATH_MAX).
inline constexpr std::size_t kMaxPathListLine = 4096;

// Parses `bytes`, reported as `name`: a path a line, CR-LF taken, blank lines skipped.
// `from_stdin`: the list is stdin itself, so a line `-` (stdin as a draft) is refused.
// Errors (kParse, at `name`:line): a NUL byte, a line over kMaxPathListLine, `-`.
Result<std::vector<std::string>> parse_path_list(const std::string& bytes, const std::string& name, bool from_stdin);

// Reads and parses the list at `from`, a regular file, or stdin (`in`) when `from` is "-"
// (reported as "<stdin>"). Errors also: kNotFound, kIo (not a regular file), kTooLarge
// (over kMaxPathListBytes, stdin included: reading stops there).
Result<std::vector<std::string>> read_path_list(const std::string& from, std::istream& in);

}  // namespace tonelint
