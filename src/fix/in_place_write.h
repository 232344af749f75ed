// Rewriting a draft in its own inode, for when replacing it by a new file would do harm:
// other hard links would keep the old text, or the owner could not be kept (only root may
// give a file away). The other writers' guarantees of safe_write.h hold here too; a copy
// of the old text is kept until the new text is on disk.
#pragma once

#include <sys/stat.h>

#include <string>
#include <string_view>

#include "fix/safe_write.h"  // ReplaceHooks
#include "tonelint/status.h"

namespace tonelint {

// Writes `updated` over the regular file `target` (which `path` names, maybe through a
// link), `as_checked` being its status when it was found to hold `original`; refused when
// it is locked, open for writing elsewhere, or no longer `original`. The old text goes to
// "tonelint-backup-XXXXXX" in the file's folder first (none possible: refused) and stays
// there, named in the error, if the new text could not be written whole.
Status rewrite_in_place(const std::string& path, const std::string& target, const struct stat& as_checked,
                        std::string_view original, std::string_view updated, const ReplaceHooks& hooks);

}  // namespace tonelint
