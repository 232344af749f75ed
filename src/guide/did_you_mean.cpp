#include "guide/did_you_mean.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace tonelint {
namespace {

// Optimal string alignment distance: edits, with a swap of neighbours counting as one.
// Three rolling rows, no allocation per cell: a guide with many misspelt names calls this
// for every name against every candidate (fuzz_guide_loader timed out on one).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t m = b.size();
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

// Nobody misspells a name this long; comparing it would only cost time.
constexpr std::size_t kMaxSuggestedLength = 64;

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A third of the word's length, at least one edit: "chanel" → "channel", not "x" → "sms".
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  if (word.size() > kMaxSuggestedLength) return std::string();
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const std::string& c : candidates) {
    // The difference in length is a lower bound of the distance.
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > allowed || gap >= best_distance) continue;
    const std::size_t distance = edit_distance(word, c);
    if (distance < best_distance) {
      best_distance = distance;
      best = c;
    }
  }
  return best_distance <= allowed ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out.append(out.empty() ? "" : ", ").append(name);
  return out;
}

std::string unknown_value_message(std::string_view what, std::string_view value, const std::vector<std::string>& allowed,
                                  std::string_view before_list) {
  std::string out = "unknown ";
  out.append(what).append(" '").append(value).append("'");
  out += did_you_mean(value, allowed);
  out.append(before_list);
  out += join_names(allowed);
  return out;
}

std::string unknown_key_message(std::string_view key, std::string_view where, const std::vector<std::string>& known) {
  std::string out = "unknown key '";
  out.append(key).append("' in ").append(where);
  out += did_you_mean(key, known);
  return out;
}

}  // namespace tonelint
