#include "cli/checked_stdout.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

namespace tonelint::cli {

FdWriteBuffer::FdWriteBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

FdWriteBuffer::~FdWriteBuffer() { drain(); }

bool FdWriteBuffer::write_all(const char* data, std::size_t size) {
  if (error_ != 0) return false;
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    if (n == 0) {  // not expected from write(2) on a regular file or a pipe; do not spin
      error_ = EIO;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool FdWriteBuffer::drain() {
  const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return pending == 0 || write_all(buffer_.data(), pending);
}

FdWriteBuffer::int_type FdWriteBuffer::overflow(int_type c) {
  // After an error, output is still accepted and dropped: the writers need not check the
  // stream after every line; the error is reported once, at the end.
  drain();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdWriteBuffer::xsputn(const char* data, std::streamsize size) {
  const auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (size <= room) {
    std::memcpy(pptr(), data, static_cast<std::size_t>(size));
    pbump(static_cast<int>(size));
    return size;
  }
  drain();
  if (size >= static_cast<std::streamsize>(buffer_.size())) {
    write_all(data, static_cast<std::size_t>(size));
  } else {
    std::memcpy(pptr(), data, static_cast<std::size_t>(size));
    pbump(static_cast<int>(size));
  }
  return size;  // dropped after an error, as in overflow
}

int FdWriteBuffer::sync() {
  drain();
  return 0;
}

CheckedStdout::CheckedStdout() : buffer_(STDOUT_FILENO), previous_(std::cout.rdbuf(&buffer_)) {}

CheckedStdout::~CheckedStdout() {
  std::cout.flush();
  std::cout.rdbuf(previous_);
}

int CheckedStdout::finish(int status, std::string_view program) {
  if (finished_) return status;
  finished_ = true;
  std::cout.flush();
  std::cout.clear();
  int error = buffer_.error();
  if (error == 0) {
    // Closing a copy of fd 1 reports deferred write errors (NFS) and leaves fd 1 open.
    const int copy = ::dup(STDOUT_FILENO);
    if (copy >= 0 && ::close(copy) != 0 && errno != EINTR) error = errno;
  }
  if (error == 0 || error == EPIPE) return status;  // a reader that left early is not a failure
  std::cerr << program << ": cannot write the output: " << std::strerror(error) << '\n';
  return 2;
}

}  // namespace tonelint::cli
