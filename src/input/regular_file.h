// Reading a named input that must be a regular file: a draft, a guide, a config, a lexicon,
// a word list, a --files-from list. A FIFO, a device (/dev/zero, /dev/urandom) or a socket
// named as one of these would block in open() or never end, so each is refused by its type
// before anything is read, and every read is bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tonelint/status.h"

namespace tonelint {

// "a FIFO", "a character device", "a directory", ... for the file type bits of st_mode.
const char* describe_file_type(unsigned mode);

// Reads the whole of `path`, which must be a regular file of at most `max_bytes` bytes.
// The file is opened without blocking (a FIFO swapped in after a stat cannot hang the
// open), its type checked on the open descriptor, and the read stops at max_bytes even if
// the file grows meanwhile. `what` names the input in messages ("guide", "lexicon", ...).
// Errors, all located at `path`: kNotFound, kIo (unreadable, or not a regular file:
// "guide is a FIFO, not a regular file"), kTooLarge.
Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, std::string_view what);

}  // namespace tonelint
