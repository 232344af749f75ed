#include "fix/in_place_write.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "fix/file_checks.h"

namespace tonelint {
namespace {

// A write lease can be held only while nobody else has the file open, and any open by
// another process breaks it (the opener waits until we let go): with it, no writer can
// come between our last look and our write. kNone where SIGIO is not handled, the file is
// not ours, or someone has it open for reading.
enum class WriteLease { kHeld, kNone };

WriteLease take_write_lease(int fd) {
  struct sigaction current {};
  if (::sigaction(SIGIO, nullptr, &current) != 0 || current.sa_handler == SIG_DFL) return WriteLease::kNone;
  return ::fcntl(fd, F_SETLEASE, F_WRLCK) == 0 ? WriteLease::kHeld : WriteLease::kNone;
}

bool write_lease_broken(int fd, WriteLease lease) {
  return lease == WriteLease::kHeld && ::fcntl(fd, F_GETLEASE) != F_WRLCK;
}

// A writer that already has the file open could write after our last look and into our
// new text: a read lease on a descriptor of its own tells whether there is one.
bool open_for_writing_elsewhere(const std::string& target) {
  Fd probe(::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!probe.ok()) return false;
  const Lease lease = take_read_lease(probe.get());
  if (lease == Lease::kHeld) (void)::fcntl(probe.get(), F_SETLEASE, F_UNLCK);
  return lease == Lease::kWriterPresent;
}

void sync_folder(const std::string& dir) {
  const Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.ok()) (void)::fsync(folder.get());
}

// The old text, on disk under a visible name the stale-file sweep leaves alone (it is what
// a person recovers from after a crash). Empty when it cannot be made.
std::string keep_backup(const std::string& dir, std::string_view original) {
  std::string name = dir + "/tonelint-backup-XXXXXX";
  Fd out(::mkostemp(name.data(), O_CLOEXEC));
  if (!out.ok()) return {};
  if (!write_all(out.get(), original, name).ok() || ::fsync(out.get()) != 0 || out.close() != 0) {
    ::unlink(name.c_str());
    return {};
  }
  sync_folder(dir);
  return name;
}

// `bytes` as the whole file, on disk.
Status overwrite(int fd, std::string_view bytes, const std::string& path) {
  if (Status s = pwrite_all(fd, bytes, 0, path); !s.ok()) return s;
  if (::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0) return io_error(path, "cannot truncate: " + errno_text());
  if (::fsync(fd) != 0) return io_error(path, "cannot finish writing: " + errno_text());
  return Status();
}

}  // namespace

Status rewrite_in_place(const std::string& path, const std::string& target, const struct stat& as_checked,
                        std::string_view original, std::string_view updated, const ReplaceHooks& hooks) {
  if (open_for_writing_elsewhere(target)) {
    return io_error(path, "open for writing by another process; not changed (run again when it is closed)");
  }
  // Not waiting for anyone's lease (O_NONBLOCK): a file someone holds is left for later.
  Fd file(::open(target.c_str(), O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!file.ok()) {
    return io_error(path, errno == EWOULDBLOCK ? "in use by another process; not changed (run again)"
                                               : "cannot open for writing: " + errno_text());
  }
  if (::flock(file.get(), LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
    return io_error(path, "locked by another process; not changed (run again)");
  }
  const WriteLease lease = take_write_lease(file.get());
  if (!still_as_read(file.get(), as_checked, original)) {
    return io_error(path, "changed on disk since it was read; not overwritten (run again)");
  }
  const std::string dir = dir_of(target);
  const std::string backup = keep_backup(dir, original);
  if (backup.empty()) {
    return io_error(path, "cannot keep a copy of the old text in " + dir + " (" + errno_text() +
                              "), which a rewrite in place needs; not changed");
  }
  auto drop_backup = [&] {
    ::unlink(backup.c_str());
    sync_folder(dir);
  };
  if (hooks.cancelled && hooks.cancelled()) {
    drop_backup();
    return io_error(path, "interrupted; not changed");
  }
  if (hooks.before_replace) hooks.before_replace();
  if (write_lease_broken(file.get(), lease) || !still_as_read(file.get(), as_checked, original)) {
    drop_backup();
    return io_error(path, "changed on disk since it was read; not overwritten (run again)");
  }

  if (Status s = overwrite(file.get(), updated, path); !s.ok()) {
    // Half written (a full disk): the old text back, or, failing that, where it is.
    if (overwrite(file.get(), original, path).ok()) {
      drop_backup();
      return io_error(path, s.message() + "; not changed");
    }
    return io_error(path, s.message() + "; the text before the fix is in " + backup);
  }
  // A write by a process without CAP_FSETID clears set-user-ID and set-group-ID; the owner
  // is unchanged, so putting them back gives nobody anything the file did not give before.
  struct stat now {};
  if (::fstat(file.get(), &now) == 0 && (now.st_mode & 07777) != (as_checked.st_mode & 07777)) {
    (void)::fchmod(file.get(), as_checked.st_mode & 07777);
  }
  if (write_lease_broken(file.get(), lease) || !content_is(file.get(), updated)) {
    // Someone wrote while we did: neither text is whole for sure, so the old one is kept.
    return io_error(path, "changed on disk while it was being rewritten in place; the text before the fix is in " +
                              backup + " (compare, and run again)");
  }
  drop_backup();
  return Status();
}

}  // namespace tonelint
