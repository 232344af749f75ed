#include "fix/file_checks.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tonelint {

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

int Fd::close() {
  const int r = ::close(fd_);
  fd_ = -1;
  return r;
}

Status io_error(const std::string& path, std::string what) {
  return Status(ErrorCode::kIo, std::move(what), Location{path});
}

std::string errno_text() { return std::strerror(errno); }

std::string dir_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool content_is(int fd, std::string_view expected) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) != expected.size()) return false;
  char buf[1 << 16];
  std::size_t at = 0;
  for (;;) {
    const ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(at));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) return at == expected.size();
    const auto got = static_cast<std::size_t>(n);
    if (at + got > expected.size() || std::memcmp(buf, expected.data() + at, got) != 0) return false;
    at += got;
  }
}

namespace {

// The cheap test first: same file, same size, same modification time.
bool same_stamp(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

}  // namespace

bool still_as_read(int fd, const struct stat& as_read, std::string_view original) {
  struct stat now {};
  return ::fstat(fd, &now) == 0 && same_stamp(now, as_read) && content_is(fd, original);
}

Status write_all(int fd, std::string_view bytes, const std::string& path) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error(path, "cannot write: " + errno_text());
    }
    written += static_cast<std::size_t>(n);
  }
  return Status();
}

Status pwrite_all(int fd, std::string_view bytes, off_t offset, const std::string& path) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::pwrite(fd, bytes.data() + written, bytes.size() - written,
                               offset + static_cast<off_t>(written));
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error(path, "cannot write: " + errno_text());
    }
    written += static_cast<std::size_t>(n);
  }
  return Status();
}

Lease take_read_lease(int fd) {
  struct sigaction current {};
  if (::sigaction(SIGIO, nullptr, &current) != 0 || current.sa_handler == SIG_DFL) return Lease::kNone;
  if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0) return Lease::kHeld;
  return errno == EAGAIN ? Lease::kWriterPresent : Lease::kNone;  // EACCES: not our file
}

bool lease_broken(int fd, Lease lease) { return lease == Lease::kHeld && ::fcntl(fd, F_GETLEASE) != F_RDLCK; }

}  // namespace tonelint
