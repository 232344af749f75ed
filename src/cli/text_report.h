// The default `check` output, for a person: per finding "path:line:col: level: message
// [rule]", a window of the source line with the span marked, the rewrite; then the file's
// tone score. Names and messages have their control characters escaped (report/escape.h)
// so a file name cannot print a line of its own (a forged `::error` workflow command) nor
// send ESC sequences to the terminal.
#pragma once

#include <ostream>

#include "cli/terminal.h"
#include "report/report.h"

namespace tonelint::cli {

void print_text(std::ostream& out, const report::FileEntry& file, const Palette& paint);

}  // namespace tonelint::cli
