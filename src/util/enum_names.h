// One constant name table per enum, and the lookups every table shares: an enum's value
// to its name, a name back to the value, and the names as a list (for "expected one of"
// and "did you mean"). A table is a std::array of {value, name} pairs, in the order the
// names are listed to users.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tonelint {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; `fallback` for a value the table does not list.
template <typename E, std::size_t N>
constexpr std::string_view name_of(const EnumNames<E, N>& names, E value, std::string_view fallback = {}) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return fallback;
}

// The value named `name`; nullopt when the table has no such name.
template <typename E, std::size_t N>
constexpr std::optional<E> parse_name(const EnumNames<E, N>& names, std::string_view name) {
  for (const auto& [v, n] : names) {
    if (n == name) return v;
  }
  return std::nullopt;
}

// The names, in table order.
template <typename E, std::size_t N>
std::vector<std::string> names_of(const EnumNames<E, N>& names) {
  std::vector<std::string> out;
  out.reserve(N);
  for (const auto& entry : names) out.emplace_back(entry.second);
  return out;
}

}  // namespace tonelint
