#include "report/json_report.h"

#include <cmath>

#include "input/utf8.h"
#include "report/escape.h"

namespace tonelint::report {

int count_at_or_above(const std::vector<Diagnostic>& diagnostics, Level threshold) {
  LevelCounts counts;
  for (const Diagnostic& d : diagnostics) counts.add(d.level);
  return counts.at_or_above(threshold);
}

LevelCounts keep_first_findings(std::vector<Diagnostic>* diagnostics, std::size_t limit) {
  LevelCounts dropped;
  if (diagnostics->size() <= limit) return dropped;
  for (std::size_t i = limit; i < diagnostics->size(); ++i) dropped.add((*diagnostics)[i].level);
  diagnostics->erase(diagnostics->begin() + static_cast<std::ptrdiff_t>(limit), diagnostics->end());
  diagnostics->shrink_to_fit();
  return dropped;
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json file_json(const JsonFile& f) {
  const FileReport& report = *f.report;
  nlohmann::json j;
  if (find_invalid_utf8(f.path)) {
    j["path"] = to_well_formed_utf8(f.path);
    j["path_bytes"] = hex_bytes(f.path);
  } else {
    j["path"] = f.path;
  }
  nlohmann::json ctx = nlohmann::json::object(), sources = nlohmann::json::object();
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    ctx[kDimensionNames[d]] = report.context.values[d];
    sources[kDimensionNames[d]] = context_source_name(report.context_sources[d]);
  }
  j["context"] = ctx;
  j["context_source"] = sources;
  if (!f.config_path.empty()) {
    // Which config governed the file, and which of its patterns set each context value.
    nlohmann::json config = {{"path", f.config_path}};
    nlohmann::json patterns = nlohmann::json::object();
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (report.context_sources[d] == ContextSource::kConfig && f.config_patterns != nullptr) {
        patterns[kDimensionNames[d]] = (*f.config_patterns)[d];
      }
    }
    if (!patterns.empty()) config["patterns"] = std::move(patterns);
    j["config"] = std::move(config);
  }
  j["score"] = report.result.score;
  j["scores"] = report.result.category_scores;
  j["sentences"] = report.result.sentences;
  nlohmann::json list = nlohmann::json::array();
  const SourceText& src = *f.source;
  for (const Diagnostic& d : report.result.diagnostics) {
    nlohmann::json dj;
    dj["rule"] = d.rule;
    dj["level"] = level_name(d.level);
    dj["message"] = d.message;
    add_span(dj, src, d.offset, d.length);
    dj["match"] = d.match;
    nlohmann::json suggestions = nlohmann::json::array();
    for (const Suggestion& s : d.suggestions) {
      suggestions.push_back({{"text", s.text}, {"offset", s.offset}, {"length", s.length}, {"safe", s.safe}});
    }
    dj["suggestions"] = suggestions;
    dj["origin"] = d.origin;
    if (!d.related.empty()) {
      // The finding's other places, each located like the finding itself.
      nlohmann::json related = nlohmann::json::array();
      for (const RelatedSpan& r : d.related) {
        nlohmann::json rj;
        add_span(rj, src, r.offset, r.length);
        rj["match"] = std::string(src.bytes().substr(r.offset, r.length));
        rj["message"] = r.message;
        related.push_back(std::move(rj));
      }
      dj["related"] = std::move(related);
    }
    list.push_back(std::move(dj));
  }
  j["diagnostics"] = std::move(list);
  if (f.fixes > 0) j["fixed"] = f.fixes;
  if (f.dropped > 0) j["dropped"] = f.dropped;
  return j;
}

void add_span(nlohmann::json& object, const SourceText& source, std::uint32_t offset, std::uint32_t length) {
  const Position begin = source.position(offset);
  const Position end = source.position(offset + length);
  object["offset"] = offset;
  object["length"] = length;
  object["line"] = begin.line;
  object["column"] = begin.column;
  object["end_line"] = end.line;
  object["end_column"] = end.column;
}

void JsonSummary::add(const FileReport& report, const LevelCounts& dropped) {
  ++files_;
  errors_ += dropped.errors;
  warnings_ += dropped.warnings;
  suggestions_ += dropped.suggestions;
  const double weight = score_weight(report.result.words);
  score_.add(report.result.score, weight);
  for (const auto& [category, score] : report.result.category_scores) category_scores_[category].add(score, weight);
  for (const Diagnostic& d : report.result.diagnostics) {
    (d.level == Level::kError ? errors_ : d.level == Level::kWarning ? warnings_ : suggestions_) += 1;
  }
}

int MeanScore::value() const {
  // Rounding the mean of whole numbers keeps it between the least and the greatest of them.
  return weight_ > 0 ? static_cast<int>(std::lround(weighted_ / weight_)) : 100;
}

nlohmann::json JsonSummary::to_json(std::size_t files) const {
  nlohmann::json summary = {{"files", files},       {"errors", errors_},
                            {"warnings", warnings_}, {"suggestions", suggestions_},
                            {"score", score()}};
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& [category, score] : category_scores_) scores[category] = score.value();
  summary["scores"] = std::move(scores);
  if (refused_ > 0) summary["refused"] = refused_;
  if (skipped_ > 0) summary["skipped"] = skipped_;
  return summary;
}

nlohmann::json JsonSummary::to_json() const {
  nlohmann::json summary = to_json(files_);
  if (files_ == 0) summary["score"] = nullptr;
  return summary;
}

}  // namespace tonelint::report
