// The pieces both ways of writing a fixed draft share (the exchange of a new file in
// safe_write.cpp, the rewrite in place in in_place_write.cpp): a descriptor that closes
// itself, the comparison with what was read, writes that finish, and the read lease.
#pragma once

#include <sys/stat.h>

#include <string>
#include <string_view>

#include "tonelint/status.h"

namespace tonelint {

// Closes the descriptor it owns (and so drops the flock and lease taken on it).
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // Closes now, reporting the error close gives (for the file we wrote).
  int close();

 private:
  int fd_;
};

Status io_error(const std::string& path, std::string what);
std::string errno_text();
std::string dir_of(const std::string& path);

// True when the open file `fd` holds exactly `expected` (read from offset 0 with pread, so
// nothing depends on the descriptor's position).
bool content_is(int fd, std::string_view expected);

// Same file, same size, same modification time as `as_read`, and exactly `original`.
bool still_as_read(int fd, const struct stat& as_read, std::string_view original);

// All of `bytes` at the descriptor's position (retrying short writes and EINTR).
Status write_all(int fd, std::string_view bytes, const std::string& path);
// All of `bytes` at `offset`, whatever the descriptor's position.
Status pwrite_all(int fd, std::string_view bytes, off_t offset, const std::string& path);

// A read lease makes the kernel tell us (and hold back the opener) when anyone opens the
// file for writing, and cannot be taken while someone has it open for writing. A lease
// break is signalled with SIGIO, whose default action ends the process: a lease is taken
// only when the program has chosen what SIGIO does (tonelint check ignores it).
enum class Lease { kHeld, kNone, kWriterPresent };
Lease take_read_lease(int fd);
bool lease_broken(int fd, Lease lease);

}  // namespace tonelint
