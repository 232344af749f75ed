#include "tonelint/status.h"

namespace tonelint {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInvalidUtf8: return "invalid-utf8";
    case ErrorCode::kBinary: return "binary";
    case ErrorCode::kTooLarge: return "too-large";
    case ErrorCode::kParse: return "parse";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

const Location& Status::location() const {
  static const Location kNowhere;
  return rep_ ? rep_->where : kNowhere;
}

std::string Status::to_string() const {
  if (ok()) return "OK";
  std::string out;
  const Location& where = rep_->where;
  if (!where.path.empty()) {
    out += where.path;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += rep_->message;
  return out;
}

}  // namespace tonelint
