// The service's Prometheus metrics: requests by endpoint and status, a latency histogram
// per endpoint, findings by rule, guide reloads. Thread-safe; the hot path takes one short
// lock per request.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace tonelint::server {

class Metrics {
 public:
  // Latency bucket upper bounds, in seconds (sub-millisecond resolution where the engine lives).
  static constexpr std::array<double, 14> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,    0.1,    0.25,  0.5,    1.0,   2.5};

  // `seconds` < 0: the request is counted but its latency is unknown.
  void record_request(const std::string& endpoint, int status, double seconds);
  void record_findings(const std::vector<std::string>& rules);
  void record_reload(bool ok);

  // The Prometheus text exposition format (version 0.0.4).
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; summed when rendered
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, std::uint64_t> findings_;
  std::uint64_t reloads_ok_ = 0, reloads_failed_ = 0;
};

}  // namespace tonelint::server
