// A finding with other places (an occurrence rule's other occurrences) carries them through
// the public API and every output format: JSON `related`, SARIF `relatedLocations`,
// rdjsonl `related_locations`, and "(also at L:C, ...)" after the message where a format
// has no field for them.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "api/api_guides.h"
#include "tonelint/checker.h"
#include "tonelint/report.h"
#include "tonelint/tone_guide.h"

namespace tonelint {
namespace {

using json = nlohmann::json;

constexpr const char* kGuide = R"(guide: rel
languages: [ja, en]
rules:
  - id: bang
    lang: any
    kind: occurrence
    level: warning
    max: 1
    message: "{count} '!' in this message, {max} at most."
    why: One mark is warm; several shout.
    regex: ["[!！]"]
    examples: {bad: ["Done! Thanks!"], good: ["Done! Thanks."]}
  - id: asap
    lang: en
    kind: occurrence
    level: warning
    max: 0
    message: "Say when instead of '{match}'."
    why: A date is a promise; ASAP is a demand.
    words: [asap]
    examples: {bad: ["Reply ASAP."], good: ["Reply by Friday."]}
)";

// The full-width ！ is 3 bytes and one code point, so byte columns and code points differ:
// ！ at byte 9 (1:4), the reported ! at byte 19 (1:12), the last at byte 28 (2:8).
constexpr const char* kDraft = "すごい！ Thanks!\nSee you!\n";

const Checker& checker() {
  static const Checker instance = [] {
    ToneGuide::Options options;
    options.guide_path = api_test::write_file("related.yaml", kGuide);
    options.dictionaries = api_test::dictionaries();
    auto guide = ToneGuide::load(options);
    EXPECT_TRUE(guide.ok()) << guide.status().to_string();
    auto made = Checker::create(*guide);
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(*made);
  }();
  return instance;
}

CheckResult checked() {
  CheckOptions options;
  options.filename = "reply.txt";
  auto result = checker().check(kDraft, options);
  EXPECT_TRUE(result.ok()) << result.status().to_string();
  return result.ok() ? std::move(*result) : CheckResult{};
}

std::string render(const std::string& format) {
  const CheckResult result = checked();
  auto report = render_report(format, {&result, 1});
  EXPECT_TRUE(report.ok()) << report.status().to_string();
  return report.ok() ? *report : "";
}

TEST(RelatedLocations, FindingListsTheOtherOccurrencesWithLinesAndColumns) {
  const CheckResult result = checked();
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding& f = result.findings[0];
  EXPECT_EQ(f.offset, 19u);
  EXPECT_EQ(f.column, 12u);
  EXPECT_EQ(f.message, "3 '!' in this message, 1 at most.");
  ASSERT_EQ(f.related.size(), 2u);
  EXPECT_EQ(f.related[0].offset, 9u);
  EXPECT_EQ(f.related[0].length, 3u);
  EXPECT_EQ(f.related[0].line, 1u);
  EXPECT_EQ(f.related[0].column, 4u);
  EXPECT_EQ(f.related[0].end_line, 1u);
  EXPECT_EQ(f.related[0].end_column, 5u);
  EXPECT_EQ(f.related[0].message, "'！' 1/3");
  EXPECT_EQ(f.related[1].offset, 28u);
  EXPECT_EQ(f.related[1].line, 2u);
  EXPECT_EQ(f.related[1].column, 8u);
  EXPECT_EQ(f.related[1].message, "'!' 3/3");
}

TEST(RelatedLocations, JsonHasARelatedArrayLocatedLikeTheFinding) {
  const json j = json::parse(render("json"));
  const json& d = j["files"][0]["diagnostics"][0];
  ASSERT_TRUE(d["related"].is_array()) << d;
  ASSERT_EQ(d["related"].size(), 2u);
  const json& first = d["related"][0];
  EXPECT_EQ(first["offset"], 9);
  EXPECT_EQ(first["length"], 3);
  EXPECT_EQ(first["line"], 1);
  EXPECT_EQ(first["column"], 4);
  EXPECT_EQ(first["end_line"], 1);
  EXPECT_EQ(first["end_column"], 5);
  EXPECT_EQ(first["match"], "！");
  EXPECT_EQ(first["message"], "'！' 1/3");
  EXPECT_EQ(d["related"][1]["line"], 2);
  EXPECT_EQ(d["related"][1]["column"], 8);
  // The library's to_json is the same serializer.
  EXPECT_EQ(json::parse(to_json(checked()))["files"][0]["diagnostics"][0]["related"], d["related"]);
}

TEST(RelatedLocations, JsonOmitsRelatedForAFindingWithoutOtherPlaces) {
  CheckOptions options;
  options.filename = "one.txt";
  auto result = checker().check("Reply ASAP.", options);
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  ASSERT_EQ(result->findings.size(), 1u);
  EXPECT_TRUE(result->findings[0].related.empty());
  const json d = json::parse(to_json(*result))["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["rule"], "rel.asap");
  EXPECT_FALSE(d.contains("related")) << d;
  const json sarif = json::parse(*render_report("sarif", {&*result, 1}));
  EXPECT_FALSE(sarif["runs"][0]["results"][0].contains("relatedLocations"));
}

TEST(RelatedLocations, SarifResultHasRelatedLocationsWithIdsRegionsAndMessages) {
  const json j = json::parse(render("sarif"));
  const json& result = j["runs"][0]["results"][0];
  ASSERT_TRUE(result["relatedLocations"].is_array()) << result;
  ASSERT_EQ(result["relatedLocations"].size(), 2u);
  const json& first = result["relatedLocations"][0];
  EXPECT_EQ(first["id"], 1);
  EXPECT_EQ(result["relatedLocations"][1]["id"], 2);
  EXPECT_EQ(first["message"]["text"], "'！' 1/3");
  const json& physical = first["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"], result["locations"][0]["physicalLocation"]["artifactLocation"]);
  EXPECT_EQ(physical["region"]["startLine"], 1);
  EXPECT_EQ(physical["region"]["startColumn"], 4);  // UTF-16 code units, as columnKind says
  EXPECT_EQ(physical["region"]["endColumn"], 5);
  EXPECT_EQ(physical["region"]["byteOffset"], 9);
  EXPECT_EQ(physical["region"]["byteLength"], 3);
  EXPECT_EQ(result["relatedLocations"][1]["physicalLocation"]["region"]["startLine"], 2);
}

TEST(RelatedLocations, RdjsonlHasRelatedLocationsInByteColumns) {
  const json j = json::parse(render("rdjsonl"));
  ASSERT_TRUE(j["related_locations"].is_array()) << j;
  ASSERT_EQ(j["related_locations"].size(), 2u);
  const json& first = j["related_locations"][0];
  EXPECT_EQ(first["message"], "'！' 1/3");
  EXPECT_EQ(first["location"]["path"], "reply.txt");
  EXPECT_EQ(first["location"]["range"]["start"], (json{{"line", 1}, {"column", 10}}));
  EXPECT_EQ(first["location"]["range"]["end"], (json{{"line", 1}, {"column", 13}}));
  EXPECT_EQ(j["related_locations"][1]["location"]["range"]["start"], (json{{"line", 2}, {"column", 8}}));
}

TEST(RelatedLocations, FormatsWithoutAFieldNameThePlacesAfterTheMessage) {
  const std::string also = "3 '!' in this message, 1 at most. (also at 1:4, 2:8)";
  EXPECT_NE(render("text").find("reply.txt:1:12: warning: " + also + " [rel.bang]"), std::string::npos)
      << render("text");
  EXPECT_NE(render("github").find(",title=rel.bang::" + also + "\n"), std::string::npos) << render("github");
  EXPECT_NE(render("checkstyle").find("message=\"3 &apos;!&apos; in this message, 1 at most. (also at 1:4, 2:8)\""),
            std::string::npos)
      << render("checkstyle");
  EXPECT_NE(render("junit").find("reply.txt:1:12: warning: 3 &apos;!&apos; in this message, 1 at most. (also at 1:4, 2:8) [rel.bang]"),
            std::string::npos)
      << render("junit");
}

}  // namespace
}  // namespace tonelint
