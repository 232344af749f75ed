// Errors as values: every fallible call in tonelint returns a Status or a Result<T>.
// No exception crosses the library's API.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace tonelint {

enum class ErrorCode : std::uint8_t {
  kInvalidArgument,  // bad flag, bad option value
  kNotFound,         // missing file or resource
  kIo,               // could not read or write
  kInvalidUtf8,      // input is not UTF-8
  kBinary,           // input looks binary (NUL bytes): skipped, not linted
  kTooLarge,         // input exceeds a size limit
  kParse,            // malformed YAML, front matter, guide, ...
  kInternal,         // a library we rely on failed unexpectedly
};

const char* error_code_name(ErrorCode code);

// Where a problem is: a file and a 1-based line and column (in code points).
// line == 0 means "the whole file"; column == 0 means "the whole line".
struct Location {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message, Location where = {})
      : rep_(std::make_shared<const Rep>(Rep{code, std::move(message), std::move(where)})) {}

  static Status ok_status() { return Status(); }

  bool ok() const { return rep_ == nullptr; }
  ErrorCode code() const { return rep_ ? rep_->code : ErrorCode::kInternal; }
  const std::string& message() const;
  const Location& location() const;

  // "path:line:column: message", leaving out the parts that are unknown.
  std::string to_string() const;

 private:
  struct Rep {
    ErrorCode code;
    std::string message;
    Location where;
  };
  std::shared_ptr<const Rep> rep_;  // null when OK; shared so copies are cheap
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "a Result holding a Status must hold an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }

  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace tonelint
