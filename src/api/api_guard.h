// The boundary of the public API: no exception crosses it. Each entry point runs its body
// through guard_api, which turns whatever escapes (std::bad_alloc, a yaml-cpp or nlohmann
// exception, a std::filesystem_error) into a Status with ErrorCode::kInternal.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "tonelint/status.h"

namespace tonelint {

// The Status for an exception caught at the API's edge while `doing` something.
inline Status status_of_exception(const char* doing, std::exception_ptr caught) noexcept {
  try {
    std::rethrow_exception(caught);
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kInternal, std::string("out of memory while ") + doing);
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error while ") + doing + ": " + e.what());
  } catch (...) {
    return Status(ErrorCode::kInternal, std::string("internal error while ") + doing);
  }
}

// `body()` (returning Result<T> or Status), with any exception it throws as a Status.
template <typename T, typename Body>
Result<T> guard_api(const char* doing, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return status_of_exception(doing, std::current_exception());
  }
}

template <typename Body>
Status guard_status(const char* doing, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return status_of_exception(doing, std::current_exception());
  }
}

}  // namespace tonelint
