// How the text report decorates what it writes. The base class writes plain text (the
// library's text report, the service's, a pipe); the CLI's terminal palette overrides it
// with ANSI colours, so the report's bytes are one piece of code either way.
#pragma once

#include <string>
#include <string_view>

#include "tonelint/checker.h"

namespace tonelint::report {

class TextStyle {
 public:
  virtual ~TextStyle() = default;
  virtual std::string level(Severity, std::string_view text) const { return std::string(text); }
  virtual std::string bold(std::string_view text) const { return std::string(text); }
  virtual std::string dim(std::string_view text) const { return std::string(text); }
  virtual std::string removed(std::string_view text) const { return std::string(text); }
  virtual std::string added(std::string_view text) const { return std::string(text); }
  // The marker line under a span (see marker_line).
  virtual std::string marker(Severity, std::string_view text) const { return std::string(text); }
};

}  // namespace tonelint::report
