#include "input/source_text.h"

#include <cerrno>
#include <cstring>
#include <iterator>
#include <utility>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/regular_file.h"
#include "input/utf8.h"

namespace tonelint {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::uint32_t bom_length_of(std::string_view bytes) {
  return bytes.substr(0, 3) == kUtf8Bom ? 3 : 0;
}

std::string hex_byte(unsigned char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

// Line and column of `offset`, when the bytes before it are valid UTF-8.
Location location_in_prefix(std::string_view path, std::string_view bytes, std::size_t offset) {
  const std::string_view prefix = bytes.substr(0, offset);
  const LineIndex index(prefix, bom_length_of(prefix));
  const Position p = index.position(static_cast<std::uint32_t>(offset));
  return Location{std::string(path), p.line, p.column};
}

// Closes a descriptor on every path out.
class ScopedDescriptor {
 public:
  explicit ScopedDescriptor(int fd) : fd_(fd) {}
  ScopedDescriptor(const ScopedDescriptor&) = delete;
  ScopedDescriptor& operator=(const ScopedDescriptor&) = delete;
  ~ScopedDescriptor() { ::close(fd_); }

 private:
  int fd_;
};

}  // namespace

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)),
      bytes_(std::move(bytes)),
      bom_length_(bom_length_of(bytes_)),
      lines_(bytes_, bom_length_) {}

Location SourceText::location(std::uint32_t offset) const {
  const Position p = position(offset);
  return Location{path_, p.line, p.column};
}

Status check_text(std::string_view path, std::string_view bytes) {
  // UTF-16 and UTF-32 text is full of NUL bytes, but it is text: say what it is rather than
  // skip it as binary.
  static constexpr std::pair<std::string_view, const char*> kBoms[] = {
      {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
      {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
      {"\xFF\xFE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& [bom, name] : kBoms) {
    if (bytes.starts_with(bom)) {
      return Status(ErrorCode::kInvalidUtf8,
                    std::string("not UTF-8: the file starts with a ") + name + " byte order mark; save the file as UTF-8",
                    Location{std::string(path), 1, 1});
    }
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
    // The bytes before the NUL may not be UTF-8 either; report the line only when they are.
    Location where{std::string(path)};
    if (!find_invalid_utf8(bytes.substr(0, offset))) where = location_in_prefix(path, bytes, offset);
    return Status(ErrorCode::kBinary,
                  "binary file skipped (NUL byte at byte offset " + std::to_string(offset) + ")", where);
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    return Status(ErrorCode::kInvalidUtf8,
                  "invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(bytes[*bad])) +
                      " at byte offset " + std::to_string(*bad) +
                      " does not start a valid sequence; " +
                      // Mail with raw 8-bit Shift_JIS/EUC-JP bodies: offsets and columns are
                      // of UTF-8 text, so such a message has to be re-encoded first.
                      (path.ends_with(".eml")
                           ? std::string("an e-mail with 8-bit text in another charset (Shift_JIS, EUC-JP, ...) "
                                         "must be saved with its parts quoted-printable or base64 encoded, or as UTF-8")
                           : std::string("save the file as UTF-8")),
                  location_in_prefix(path, bytes, *bad));
  }
  return Status();
}

std::string describe_limit(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MiB (" + std::to_string(bytes) + " bytes)";
}

Result<std::unique_ptr<SourceText>> load_source_bytes(std::string bytes, const std::string& display_name) {
  if (bytes.size() > kMaxSourceBytes) {
    return Status(ErrorCode::kTooLarge,
                  "input of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                      describe_limit(kMaxSourceBytes),
                  Location{display_name});
  }
  if (Status s = check_text(display_name, bytes); !s.ok()) return s;
  return std::make_unique<SourceText>(display_name, std::move(bytes));
}

Result<std::unique_ptr<SourceText>> load_source_file(const std::string& path, std::size_t max_bytes) {
  // O_NONBLOCK: a FIFO named as a draft (or found in a folder) would otherwise block the
  // open until a writer comes, which may be never. Its type is then checked on the open
  // descriptor, so a FIFO or device swapped in after a stat cannot hang or flood the read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Status(ErrorCode::kNotFound, std::string("cannot read: ") + std::strerror(err), Location{path});
    return Status(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(err), Location{path});
  }
  const ScopedDescriptor closer(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return Status(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), Location{path});
  }
  if (S_ISDIR(st.st_mode)) return Status(ErrorCode::kIo, "is a directory", Location{path});
  if (!S_ISREG(st.st_mode)) {
    return Status(ErrorCode::kIo,
                  std::string("is ") + describe_file_type(st.st_mode) + ", not a regular file; only regular files are checked",
                  Location{path});
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    return Status(ErrorCode::kTooLarge,
                  "file of " + std::to_string(st.st_size) + " bytes exceeds the limit of " + describe_limit(max_bytes),
                  Location{path});
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(ErrorCode::kIo, "read error", Location{path});
    if (n == 0) break;
    // Bounded even if the file grows while it is read.
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      return Status(ErrorCode::kTooLarge, "file exceeds the limit of " + describe_limit(max_bytes), Location{path});
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return load_source_bytes(std::move(bytes), path);
}

Result<std::unique_ptr<SourceText>> load_source_stream(std::istream& in, const std::string& display_name,
                                                       std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return Status(ErrorCode::kTooLarge, "input exceeds the limit of " + describe_limit(max_bytes),
                    Location{display_name});
    }
  }
  if (in.bad()) return Status(ErrorCode::kIo, "read error", Location{display_name});
  return load_source_bytes(std::move(bytes), display_name);
}

}  // namespace tonelint
