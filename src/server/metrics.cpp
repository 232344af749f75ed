#include "server/metrics.h"

#include <algorithm>
#include <cstdio>

namespace tonelint::server {
namespace {

// A label value escaped as the exposition format asks (\\, \", \n).
std::string label(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", v);
  return buffer;
}

}  // namespace

void Metrics::record_request(const std::string& endpoint, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{endpoint, status}];
  if (seconds < 0) return;
  Histogram& h = latency_[endpoint];
  const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  if (static_cast<std::size_t>(bucket) < kBuckets.size()) ++h.buckets[static_cast<std::size_t>(bucket)];
  ++h.count;
  h.sum += seconds;
}

void Metrics::record_findings(const std::vector<std::string>& rules) {
  if (rules.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const std::string& rule : rules) ++findings_[rule];
}

void Metrics::record_reload(bool ok) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++(ok ? reloads_ok_ : reloads_failed_);
}

std::string Metrics::render() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  out += "# HELP tonelint_http_requests_total HTTP requests by endpoint and status code.\n";
  out += "# TYPE tonelint_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "tonelint_http_requests_total{endpoint=\"" + label(key.first) + "\",code=\"" + std::to_string(key.second) +
           "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP tonelint_http_request_duration_seconds Time from a request's arrival to its response.\n";
  out += "# TYPE tonelint_http_request_duration_seconds histogram\n";
  for (const auto& [endpoint, h] : latency_) {
    std::uint64_t cumulative = 0;
    const std::string e = label(endpoint);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out += "tonelint_http_request_duration_seconds_bucket{endpoint=\"" + e + "\",le=\"" + number(kBuckets[i]) +
             "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "tonelint_http_request_duration_seconds_bucket{endpoint=\"" + e + "\",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "tonelint_http_request_duration_seconds_sum{endpoint=\"" + e + "\"} " + number(h.sum) + "\n";
    out += "tonelint_http_request_duration_seconds_count{endpoint=\"" + e + "\"} " + std::to_string(h.count) + "\n";
  }
  out += "# HELP tonelint_findings_total Findings reported by /v1/check and /v1/fix, by rule.\n";
  out += "# TYPE tonelint_findings_total counter\n";
  for (const auto& [rule, count] : findings_) {
    out += "tonelint_findings_total{rule=\"" + label(rule) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP tonelint_guide_reloads_total Guide reloads, by result (a refused guide keeps the old one serving).\n";
  out += "# TYPE tonelint_guide_reloads_total counter\n";
  out += "tonelint_guide_reloads_total{result=\"ok\"} " + std::to_string(reloads_ok_) + "\n";
  out += "tonelint_guide_reloads_total{result=\"refused\"} " + std::to_string(reloads_failed_) + "\n";
  return out;
}

}  // namespace tonelint::server
