// Real support replies for latency benchmarks, read from the shared corpus (never copied
// into the repository): ja, the ASDC operator turns (.tsv); en, customer-care agent replies (.jsonl).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "input/utf8.h"

namespace tonelint::bench {

// Support replies of at most 300 characters.
inline std::vector<std::string> load_messages(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    const std::string ext = entry.path().extension().string();
    while (std::getline(in, line)) {
      std::string text;
      if (ext == ".tsv") {  // speaker<TAB>utterance; │ separates sentences, ▁ is a corpus marker
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || line.rfind("operator", 0) != 0) continue;
        for (std::size_t i = tab + 1; i < line.size(); ++i) {
          if (line.compare(i, 3, "\xE2\x94\x82") == 0 || line.compare(i, 3, "\xE2\x96\x81") == 0) {
            i += 2;
            continue;
          }
          text.push_back(line[i]);
        }
      } else if (ext == ".jsonl") {
        try {
          text = nlohmann::json::parse(line).value("text", "");
        } catch (const nlohmann::json::exception&) {
          continue;
        }
      } else {
        continue;
      }
      if (!text.empty() && count_code_points(text) <= 300) out.push_back(std::move(text));
    }
  }
  return out;
}

}  // namespace tonelint::bench
