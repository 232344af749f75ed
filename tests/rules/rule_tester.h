// The rule tester: runs a fixture of drafts with inline expectations against a guide.
//
// A fixture (tests/fixtures/rules/<kind>.yaml) holds `guide:` (the guide's YAML as a
// block string) and `cases:`, each with `text`, and optionally `context` and `format`
// (text, markdown, mdx, html or email). In the text, ⟦span⟧{rule} marks a span the rule must report and
// ⟦span⟧{rule→rewrite} also the rewrite it must offer, and ⟦span⟧{related:rule} a place the
// rule's finding must list as related (the other occurrences an occurrence rule counted).
// Nothing unmarked may be reported, nor listed.
// A case may also give `messages:` (every finding's message, in text order), `fixed:`
// (the text once every suggestion is applied, unsafe ones included) and `safe_fixed:` (the
// text once only the safe ones are, as a plain --fix does).
#pragma once

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "fix/fixer.h"
#include "input/source_text.h"
#include "lint/session.h"
#include "load/guide_loader.h"
#include "tokenize/mecab_model.h"

namespace tonelint::testing {

struct Expected {
  std::string rule;
  std::uint32_t offset;
  std::uint32_t length;
  std::string rewrite;  // empty: not checked
  bool related = false;  // a related location of the rule's finding, not a finding
  bool operator<(const Expected& o) const {
    return std::tie(offset, length, rule, related) < std::tie(o.offset, o.length, o.rule, o.related);
  }
};

// Strips the markers from `marked`, returning the clean text and what it expects.
inline std::string strip_markers(const std::string& marked, std::vector<Expected>* expected) {
  static const std::string kOpen = "\xE2\x9F\xA6", kClose = "\xE2\x9F\xA7";  // ⟦ ⟧
  std::string clean;
  std::size_t i = 0;
  std::vector<std::size_t> opens;
  while (i < marked.size()) {
    if (marked.compare(i, kOpen.size(), kOpen) == 0) {
      opens.push_back(clean.size());
      i += kOpen.size();
    } else if (marked.compare(i, kClose.size(), kClose) == 0 && !opens.empty()) {
      const std::size_t begin = opens.back();
      opens.pop_back();
      i += kClose.size();
      const std::size_t close = marked.find('}', i);
      std::string spec = marked.substr(i + 1, close - i - 1);  // after '{'
      i = close + 1;
      static const std::string kRelated = "related:";
      const bool related = spec.compare(0, kRelated.size(), kRelated) == 0;
      if (related) spec.erase(0, kRelated.size());
      Expected e{spec, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(clean.size() - begin), "", related};
      if (const std::size_t arrow = spec.find("\xE2\x86\x92"); arrow != std::string::npos) {  // →
        e.rule = spec.substr(0, arrow);
        e.rewrite = spec.substr(arrow + 3);
      }
      expected->push_back(e);
    } else {
      clean.push_back(marked[i++]);
    }
  }
  return clean;
}

// The text with the given findings marked, to show what was found.
inline std::string mark(const std::string& clean, const std::vector<Expected>& found) {
  std::vector<std::pair<std::size_t, std::string>> inserts;
  for (const Expected& f : found) {
    inserts.emplace_back(f.offset + f.length, "\xE2\x9F\xA7{" + std::string(f.related ? "related:" : "") + f.rule +
                                                  (f.rewrite.empty() ? "" : "\xE2\x86\x92" + f.rewrite) + "}");
    inserts.emplace_back(f.offset, "\xE2\x9F\xA6");
  }
  std::stable_sort(inserts.begin(), inserts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out = clean;
  for (const auto& [at, text] : inserts) out.insert(at, text);
  return out;
}

inline void run_rule_fixture(const std::string& name) {
  const std::string path = std::string(TONELINT_TEST_DATA) + "/rules/" + name;
  YAML::Node fixture;
  try {
    fixture = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    FAIL() << path << ": " << e.what();
  }
  GuideLoad load = load_guide_text(fixture["guide"].as<std::string>(), path);
  ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
  static std::shared_ptr<MecabModel> model = *MecabModel::load();
  auto session = LintSession::create(load.guide, model);
  ASSERT_TRUE(session.ok()) << session.status().to_string();

  int index = 0;
  for (const auto& c : fixture["cases"]) {
    const std::string case_name = c["name"] ? c["name"].as<std::string>() : "case " + std::to_string(index);
    ++index;
    SCOPED_TRACE(name + ": " + case_name);
    std::vector<Expected> expected;
    const std::string text = strip_markers(c["text"].as<std::string>(), &expected);
    Context flags;
    if (const YAML::Node ctx = c["context"]) {
      for (std::size_t d = 0; d < kDimensionCount; ++d) {
        if (ctx[kDimensionNames[d]]) flags.values[d] = ctx[kDimensionNames[d]].as<std::string>();
      }
    }
    const std::string format = c["format"] ? c["format"].as<std::string>() : "text";
    // Named by the format's first extension, so the linter picks the format as for a file.
    const Extractor* named = extractor_for_format(format);
    ASSERT_NE(named, nullptr) << "unknown format " << format;
    auto source = load_source_bytes(text, "case." + std::string(named->traits().extensions.front()));
    ASSERT_TRUE(source.ok()) << source.status().to_string();
    auto report = (*session)->lint(**source, extractor_for_path((*source)->path()), flags);
    ASSERT_TRUE(report.ok()) << report.status().to_string();

    std::vector<Expected> found;
    for (const Diagnostic& d : report->result.diagnostics) {
      const std::string rule = d.rule.substr(d.rule.find('.') + 1);
      found.push_back(Expected{rule, d.offset, d.length, d.suggestions.empty() ? "" : d.suggestions.front().text});
      for (const RelatedSpan& r : d.related) found.push_back(Expected{rule, r.offset, r.length, "", true});
    }
    // Rewrites are compared only where the fixture names one.
    std::vector<Expected> comparable = found;
    for (Expected& f : comparable) {
      auto e = std::find_if(expected.begin(), expected.end(), [&](const Expected& x) {
        return x.rule == f.rule && x.offset == f.offset && x.length == f.length && x.related == f.related;
      });
      if (e == expected.end() || e->rewrite.empty()) f.rewrite.clear();
    }
    std::sort(comparable.begin(), comparable.end());
    std::sort(expected.begin(), expected.end());
    auto key = [](const std::vector<Expected>& v) {
      std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string, bool, std::string>> k;
      for (const Expected& e : v) k.emplace_back(e.offset, e.length, e.rule, e.related, e.rewrite);
      return k;
    };
    EXPECT_EQ(key(comparable), key(expected)) << "expected: " << mark(text, expected) << "\n   found: " << mark(text, found);
    if (const YAML::Node messages = c["messages"]) {
      std::vector<const Diagnostic*> in_order;
      for (const Diagnostic& d : report->result.diagnostics) in_order.push_back(&d);
      std::stable_sort(in_order.begin(), in_order.end(), [](const Diagnostic* a, const Diagnostic* b) {
        return std::tie(a->offset, a->length, a->rule) < std::tie(b->offset, b->length, b->rule);
      });
      std::vector<std::string> actual;
      for (const Diagnostic* d : in_order) actual.push_back(d->message);
      EXPECT_EQ(actual, messages.as<std::vector<std::string>>()) << "in: " << mark(text, found);
    }
    if (const YAML::Node fixed = c["fixed"]) {
      int applied = 0;
      EXPECT_EQ(apply_suggestions(text, report->result.diagnostics, true, &applied), fixed.as<std::string>())
          << "in: " << mark(text, found);
    }
    if (const YAML::Node safe_fixed = c["safe_fixed"]) {
      int applied = 0;
      EXPECT_EQ(apply_suggestions(text, report->result.diagnostics, false, &applied), safe_fixed.as<std::string>())
          << "in: " << mark(text, found);
    }
  }
  EXPECT_GT(index, 0) << "no cases in " << path;
}

}  // namespace tonelint::testing
