// SIGINT and SIGTERM during --fix: the signal only raises a flag, checked between files
// and just before each file is replaced, so the file in hand is finished or abandoned
// (its temporary file removed) and every draft is either old or new, never torn.
#pragma once

namespace tonelint {

// Installs the handlers (a second signal of the same kind ends the process at once), and
// ignores SIGIO, which a broken file lease sends (see safe_write.cpp).
void install_fix_interrupt_handlers();

// The signal that asked us to stop (SIGINT, SIGTERM), or 0.
int fix_interrupt_signal();

// The exit status after that signal: 128 + its number (130, 143).
inline int exit_status_after_signal(int signal) { return 128 + signal; }

}  // namespace tonelint
