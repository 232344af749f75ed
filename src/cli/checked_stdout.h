// stdout that notices when it cannot be written. std::cout over stdio only sets badbit and
// forgets why, so a report written to a full disk (or /dev/full) was truncated with exit 0.
// CheckedStdout puts a buffer of its own under std::cout that writes fd 1 with write(2)
// and keeps the first error; finish() flushes, and turns a failed write into exit 2 with a
// message on stderr. A reader that went away (EPIPE, with SIGPIPE ignored) is not a failure
// of the run: the rest of the output is dropped quietly and the exit status is the run's.
#pragma once

#include <array>
#include <streambuf>
#include <string_view>

namespace tonelint::cli {

// A write(2) buffer for one file descriptor; after the first error it drops what it is
// given (so a long report to a dead pipe does not spin) and remembers errno.
class FdWriteBuffer : public std::streambuf {
 public:
  explicit FdWriteBuffer(int fd);
  FdWriteBuffer(const FdWriteBuffer&) = delete;
  FdWriteBuffer& operator=(const FdWriteBuffer&) = delete;
  ~FdWriteBuffer() override;

  int error() const { return error_; }  // 0, or the errno of the first failed write

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  bool drain();                                  // writes the buffer out; false on error
  bool write_all(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

// Installs an FdWriteBuffer for fd 1 under std::cout for its lifetime (the old buffer is
// put back when it ends). Make it after std::ios::sync_with_stdio(false), which would
// otherwise replace it.
class CheckedStdout {
 public:
  CheckedStdout();
  ~CheckedStdout();
  CheckedStdout(const CheckedStdout&) = delete;
  CheckedStdout& operator=(const CheckedStdout&) = delete;

  // Flushes and closes what was written (a copy of fd 1, so errors that only show at close,
  // NFS's, are seen too). Returns `status`, or 2 with "<program>: cannot write the output:
  // <reason>" on stderr when a write failed for another reason than a closed pipe.
  int finish(int status, std::string_view program);

 private:
  FdWriteBuffer buffer_;
  std::streambuf* previous_;
  bool finished_ = false;
};

}  // namespace tonelint::cli
