#include "fix/safe_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>

#include "fix/file_checks.h"
#include "fix/in_place_write.h"

namespace tonelint {
namespace {

constexpr std::string_view kTempMarker = ".tonelint-";
constexpr std::size_t kTempSuffixLength = 6;  // mkstemp's XXXXXX

// Extended attributes (user.*, ACLs, labels) of `from` onto `to`. A filesystem without them
// is no error; one that has them but refuses one is.
Status copy_xattrs(int from, int to, const std::string& path) {
  ssize_t size = ::flistxattr(from, nullptr, 0);
  if (size < 0) return errno == ENOTSUP ? Status() : io_error(path, "cannot list extended attributes: " + errno_text());
  if (size == 0) return Status();
  std::string names(static_cast<std::size_t>(size), '\0');
  size = ::flistxattr(from, names.data(), names.size());
  if (size < 0) return io_error(path, "cannot list extended attributes: " + errno_text());
  names.resize(static_cast<std::size_t>(size));
  for (std::size_t at = 0; at < names.size();) {
    const std::string name(names.c_str() + at);
    at += name.size() + 1;
    if (name.empty()) continue;
    const ssize_t len = ::fgetxattr(from, name.c_str(), nullptr, 0);
    if (len < 0) continue;  // removed meanwhile
    std::string value(static_cast<std::size_t>(len), '\0');
    const ssize_t got = ::fgetxattr(from, name.c_str(), value.data(), value.size());
    if (got < 0) continue;
    if (::fsetxattr(to, name.c_str(), value.data(), static_cast<std::size_t>(got), 0) != 0 && errno != ENOTSUP) {
      return io_error(path, "cannot keep the extended attribute " + name + ": " + errno_text() + "; not changed");
    }
  }
  return Status();
}

// Gives the new file the draft's owner and group; false when that is not permitted (only
// root may give a file away, a member may set its group) and the owner would change.
bool keeps_owner(int fd, const struct stat& st) {
  if (::fchown(fd, st.st_uid, st.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
  struct stat now {};
  return ::fstat(fd, &now) == 0 && now.st_uid == st.st_uid && now.st_gid == st.st_gid;
}

// The new file, complete and on disk, with the draft's mode and attributes (its owner set
// before by keeps_owner: a chown clears set-id bits, the chmod here restores the mode).
Status fill_temp(int fd, int draft, const struct stat& st, std::string_view updated, const std::string& path) {
  if (Status s = write_all(fd, updated, path); !s.ok()) return s;
  if (::fchmod(fd, st.st_mode & 07777) != 0) return io_error(path, "cannot set the mode: " + errno_text());
  if (Status s = copy_xattrs(draft, fd, path); !s.ok()) return s;
  if (::fsync(fd) != 0) return io_error(path, "cannot finish writing: " + errno_text());
  return Status();
}

// Exchanges two names atomically (both stay); false where the filesystem cannot.
bool exchange_names(const std::string& a, const std::string& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

// Keeps what `fd` holds under a new visible name in `dir` (a version another process wrote
// into the fixed copy while it was being put back): never delete someone's bytes.
std::string keep_copy(const std::string& dir, int fd) {
  std::string name = dir + "/tonelint-kept-XXXXXX";
  Fd out(::mkostemp(name.data(), O_CLOEXEC));
  if (!out.ok()) return {};
  char buf[1 << 16];
  off_t at = 0;
  for (;;) {
    const ssize_t n = ::pread(fd, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (!write_all(out.get(), std::string_view(buf, static_cast<std::size_t>(n)), name).ok()) return {};
    at += n;
  }
  return out.close() == 0 ? name : std::string();
}

// Moves `name` (one of our temporary names, which a later run would sweep away) to a new
// visible name in `dir`; returns it, or `name` if that fails.
std::string keep_name(const std::string& dir, const std::string& name) {
  std::string kept = dir + "/tonelint-kept-XXXXXX";
  Fd placeholder(::mkostemp(kept.data(), O_CLOEXEC));
  if (!placeholder.ok()) return name;
  return ::rename(name.c_str(), kept.c_str()) == 0 ? kept : name;
}

Status changed_while_fixing(const std::string& path, const std::string& kept) {
  std::string message = "changed on disk while it was being fixed; the other writer's version was put back, not fixed (run again)";
  if (!kept.empty()) message += "; what was written to the fixed copy meanwhile is kept in " + kept;
  return io_error(path, std::move(message));
}

}  // namespace

Status write_if_unchanged(const std::string& path, std::string_view original, std::string_view updated,
                          const ReplaceHooks& hooks) {
  // Through a symbolic link the file it names is replaced; the link stays a link.
  std::string target = path;
  struct stat link_st {};
  if (::lstat(path.c_str(), &link_st) == 0 && S_ISLNK(link_st.st_mode)) {
    // realpath follows a chain of links, relative ones from their own folder.
    std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr), &std::free);
    if (!resolved) return io_error(path, "cannot follow the symbolic link: " + errno_text() + "; not changed");
    target = resolved.get();
  }
  Fd draft(::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!draft.ok()) return io_error(path, "cannot re-open before writing: " + errno_text());
  struct stat st {};
  if (::fstat(draft.get(), &st) != 0) return io_error(path, errno_text());
  if (!S_ISREG(st.st_mode)) return io_error(path, "not a regular file; not changed");
  // A rename would replace a read-only file too (it needs only the folder to be writable),
  // so respect the file's own permission: no write bit at all (which stops root as well)
  // or none for this user means hands off.
  if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0) {
    return io_error(path, "read-only file; not changed (make it writable to apply the fixes)");
  }
  // Replacing one name of a hard-linked file would split it: the other names would keep the
  // old text. So it is rewritten in its own inode, which every name sees.
  if (st.st_nlink > 1) {
    draft.close();
    return rewrite_in_place(path, target, st, original, updated, hooks);
  }
  // Editors and tools that lock (flock) keep us out while they write, and we them.
  if (::flock(draft.get(), LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
    return io_error(path, "locked by another process; not changed (run again)");
  }
  const Lease lease = take_read_lease(draft.get());
  if (lease == Lease::kWriterPresent) {
    // Whatever it writes after a rename would go to the replaced file and be lost.
    return io_error(path, "open for writing by another process; not changed (run again when it is closed)");
  }
  if (!still_as_read(draft.get(), st, original)) {
    return io_error(path, "changed on disk since it was read; not overwritten (run again)");
  }

  const std::string dir = dir_of(target);
  // Short, whatever the draft's name (a 253-byte name plus a suffix would pass NAME_MAX).
  std::string temp = dir + "/" + std::string(kTempMarker) + "XXXXXX";
  Fd fresh(::mkostemp(temp.data(), O_CLOEXEC));
  if (!fresh.ok()) return io_error(path, "cannot create a temporary file: " + errno_text());
  // Unlinks the temporary name on every way out but success.
  std::unique_ptr<const std::string, void (*)(const std::string*)> temp_guard(
      &temp, [](const std::string* name) { ::unlink(name->c_str()); });
  // A new file that cannot be the draft owner's would hand the draft to the fixer (another
  // user's group-writable file, fixed by a member): rewritten in place instead, which keeps it.
  if (!keeps_owner(fresh.get(), st)) {
    fresh.close();
    temp_guard.reset();
    draft.close();
    return rewrite_in_place(path, target, st, original, updated, hooks);
  }
  (void)::flock(fresh.get(), LOCK_EX);  // lockers that open the new file wait until we are done
  if (Status s = fill_temp(fresh.get(), draft.get(), st, updated, path); !s.ok()) return s;

  if (hooks.cancelled && hooks.cancelled()) return io_error(path, "interrupted; not changed");
  // The last look before the exchange: nobody opened it for writing, it is the same file
  // under the same name, and it still holds what was read.
  struct stat named {};
  if (lease_broken(draft.get(), lease) || ::stat(target.c_str(), &named) != 0 || named.st_ino != st.st_ino ||
      named.st_dev != st.st_dev || !still_as_read(draft.get(), st, original)) {
    return io_error(path, "changed on disk since it was read; not overwritten (run again)");
  }
  if (hooks.before_replace) hooks.before_replace();

  // An exchange rather than a rename: the old file keeps a name (the temporary one) until
  // we know nothing was written to it in the window, and can be put back atomically.
  const bool exchanged = exchange_names(temp, target);
  if (!exchanged && ::rename(temp.c_str(), target.c_str()) != 0) {
    return io_error(path, "cannot replace the file: " + errno_text());
  }
  if (!exchanged) temp_guard.release();  // the temporary name is the draft's now
  struct stat displaced {};
  const bool displaced_ok = !exchanged || (::lstat(temp.c_str(), &displaced) == 0 && displaced.st_ino == st.st_ino &&
                                           displaced.st_dev == st.st_dev);
  if (displaced_ok && !lease_broken(draft.get(), lease) && still_as_read(draft.get(), st, original)) {
    const Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.ok()) (void)::fsync(folder.get());  // the new name on disk too
    return Status();  // temp_guard removes the old file's last name
  }

  // Someone wrote in the window. Put their version back; keep any bytes written to ours.
  if (exchanged) {
    if (!exchange_names(temp, target)) {
      const std::string why = errno_text();
      temp_guard.release();
      return io_error(path, "changed on disk while it was being fixed, and could not be put back: " + why +
                                "; the other version is in " + keep_name(dir, temp));
    }
    std::string kept;
    if (!content_is(fresh.get(), updated)) kept = keep_copy(dir, fresh.get());
    return changed_while_fixing(path, kept);
  }
  // No exchange on this filesystem: the old file has no name left, so its current content
  // (with the other writer's bytes) is written back through a new temporary file.
  std::string back = dir + "/" + std::string(kTempMarker) + "XXXXXX";
  Fd restore(::mkostemp(back.data(), O_CLOEXEC));
  std::string current;
  bool read_ok = restore.ok();
  if (read_ok) {
    char buf[1 << 16];
    off_t at = 0;
    for (;;) {
      const ssize_t n = ::pread(draft.get(), buf, sizeof buf, at);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) read_ok = false;
      if (n <= 0) break;
      current.append(buf, static_cast<std::size_t>(n));
      at += n;
    }
  }
  if (restore.ok()) (void)keeps_owner(restore.get(), st);
  if (!read_ok || !fill_temp(restore.get(), draft.get(), st, current, path).ok() ||
      ::rename(back.c_str(), target.c_str()) != 0) {
    if (restore.ok()) ::unlink(back.c_str());
    const std::string kept = keep_copy(dir, draft.get());
    return io_error(path, "changed on disk while it was being fixed, and could not be put back" +
                              (kept.empty() ? std::string() : "; the other version is in " + kept));
  }
  return changed_while_fixing(path, {});
}

bool is_tonelint_temp_name(std::string_view name) {
  const std::size_t at = name.rfind(kTempMarker);
  if (at == std::string_view::npos || name.size() - at - kTempMarker.size() != kTempSuffixLength) return false;
  bool digit_or_upper = false;
  for (char c : name.substr(at + kTempMarker.size())) {
    const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (!digit && !upper && !lower) return false;
    digit_or_upper = digit_or_upper || digit || upper;
  }
  // Ours now: exactly ".tonelint-XXXXXX". Earlier versions appended the marker to the draft's
  // name; a file a person named so ("notes.tonelint-backup") is a word, where mkstemp's
  // suffix almost always holds a digit or a capital: the sweep deletes, so it errs on keeping.
  return at == 0 || digit_or_upper;
}

std::vector<std::string> remove_stale_temp_files(const std::string& dir, std::chrono::seconds min_age) {
  std::vector<std::string> removed;
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
  if (!d) return removed;
  const std::time_t now = std::time(nullptr);
  while (const dirent* e = ::readdir(d.get())) {
    if (!is_tonelint_temp_name(e->d_name)) continue;
    struct stat st {};
    // By the status change time: a link or a write of ours sets it, so a file a running
    // tonelint uses is never old enough.
    if (::fstatat(::dirfd(d.get()), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (now - st.st_ctim.tv_sec < min_age.count()) continue;
    if (::unlinkat(::dirfd(d.get()), e->d_name, 0) == 0) removed.push_back(dir + "/" + e->d_name);
  }
  return removed;
}

std::vector<std::string> StaleTempSweeper::sweep_folder_of(const std::string& path) {
  const std::string dir = dir_of(path);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!swept_.insert(dir).second) return {};
  }
  return remove_stale_temp_files(dir, std::chrono::seconds(60));
}

}  // namespace tonelint
