#include "input/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tonelint {
namespace {

// Closes the descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string describe_bytes(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

const char* describe_file_type(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    case S_IFLNK: return "a symbolic link";
    default: return "not a regular file";
  }
}

Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, std::string_view what) {
  const std::string subject(what);
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int err = errno;
    return Status(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                  "cannot read " + subject + ": " + std::strerror(err), Location{path});
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Status(ErrorCode::kIo, "cannot read " + subject + ": " + std::strerror(errno), Location{path});
  }
  if (!S_ISREG(st.st_mode)) {
    return Status(ErrorCode::kIo, subject + " is " + describe_file_type(st.st_mode) + ", not a regular file",
                  Location{path});
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    return Status(ErrorCode::kTooLarge,
                  subject + " of " + std::to_string(st.st_size) + " bytes exceeds the limit of " +
                      describe_bytes(max_bytes),
                  Location{path});
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status(ErrorCode::kIo, "cannot read " + subject + ": " + std::strerror(errno), Location{path});
    }
    if (n == 0) break;
    // Bounded even if the file grows while it is read.
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      return Status(ErrorCode::kTooLarge, subject + " exceeds the limit of " + describe_bytes(max_bytes),
                    Location{path});
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

}  // namespace tonelint
