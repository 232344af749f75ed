// The CI output formats of `tonelint check` (sarif, github, rdjsonl, checkstyle, junit),
// --fail-on and --files-from, run through the built CLI.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "test_support.h"

namespace tonelint {
namespace {

using testing::temp_file;

using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/formats_guide.yaml";

// Line 1: 🎉 is 1 code point, 2 UTF-16 units and 4 bytes, so 了解しました starts at code
// point column 3, UTF-16 column 4 and byte column 6 (byte offset 5).
const std::string kDraft = "🎉 了解しました。\nPlease calm down, we are on it.\n";


std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A small well-formedness check: tags nest and close, attributes are quoted, text has no
// bare '<' and '&' starts an entity. Returns the element names in document order.
std::vector<std::string> check_xml(const std::string& xml) {
  std::vector<std::string> stack, elements;
  std::size_t i = 0;
  auto entity_ok = [](const std::string& text, std::size_t at) {
    const std::size_t semi = text.find(';', at);
    if (semi == std::string::npos || semi - at > 8) return false;
    const std::string name = text.substr(at + 1, semi - at - 1);
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
           (name.size() > 1 && name[0] == '#');
  };
  while (i < xml.size()) {
    if (xml[i] == '&') {
      EXPECT_TRUE(entity_ok(xml, i)) << "bad entity at " << i;
      ++i;
      continue;
    }
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    EXPECT_NE(end, std::string::npos);
    if (end == std::string::npos) break;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag[0] == '?') continue;  // declaration
    EXPECT_EQ(tag.find('<'), std::string::npos) << tag;
    if (tag[0] == '/') {
      EXPECT_FALSE(stack.empty()) << tag;
      if (stack.empty()) break;
      EXPECT_EQ(stack.back(), tag.substr(1));
      stack.pop_back();
      continue;
    }
    const bool empty = tag.back() == '/';
    if (empty) tag.pop_back();
    const std::string name = tag.substr(0, tag.find_first_of(" \n"));
    // Attribute values: every '"' pairs up.
    EXPECT_EQ(std::count(tag.begin(), tag.end(), '"') % 2, 0) << tag;
    for (std::size_t a = tag.find('&'); a != std::string::npos; a = tag.find('&', a + 1)) {
      EXPECT_TRUE(entity_ok(tag, a)) << tag;
    }
    elements.push_back(name);
    if (!empty) stack.push_back(name);
  }
  EXPECT_TRUE(stack.empty()) << "unclosed " << (stack.empty() ? "" : stack.back());
  return elements;
}

TEST(OutputFormatsTest, SarifHasTheRequiredFieldsAndUtf16Columns) {
  const std::string f = temp_file("formats_sarif.txt", kDraft);
  auto r = run_tonelint("check --guide " + kGuide + " --format sarif " + f);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the error-level calm-down
  const auto log = nlohmann::json::parse(r.out);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log["$schema"].is_string());
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "tonelint");
  EXPECT_TRUE(run["tool"]["driver"]["version"].is_string());
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);  // only the rules with results: not formats.hedge
  EXPECT_EQ(rules[0]["id"], "formats.ja-swap");
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "お客様には「{to}」を使います。");
  EXPECT_EQ(rules[0]["fullDescription"]["text"], "「了解」は同等以下の相手に使う言葉です。");
  EXPECT_EQ(rules[1]["id"], "formats.calm-down");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  for (const auto& result : results) {
    EXPECT_TRUE(result["message"]["text"].is_string());
    EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], result["ruleId"]);
  }
  const auto& swap = results[0];
  EXPECT_EQ(swap["ruleId"], "formats.ja-swap");
  EXPECT_EQ(swap["level"], "warning");
  EXPECT_EQ(swap["message"]["text"], "お客様には「承知しました」を使います。");
  const auto& location = swap["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"].get<std::string>().find("formats_sarif.txt") != std::string::npos, true);
  const auto& region = location["region"];
  EXPECT_EQ(region["startLine"], 1);
  EXPECT_EQ(region["startColumn"], 4);  // code points would say 3
  EXPECT_EQ(region["endLine"], 1);
  EXPECT_EQ(region["endColumn"], 10);
  EXPECT_EQ(region["byteOffset"], 5);
  EXPECT_EQ(region["byteLength"], 18);
  const auto& replacement = swap["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["byteOffset"], 5);
  EXPECT_EQ(replacement["deletedRegion"]["byteLength"], 18);
  EXPECT_EQ(replacement["insertedContent"]["text"], "承知しました");
  EXPECT_EQ(swap["properties"]["tonelint/context"]["channel"], "chat");
  EXPECT_EQ(swap["properties"]["tonelint/context"]["emotion"], "upset");
  EXPECT_EQ(results[1]["level"], "error");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
}

TEST(OutputFormatsTest, SarifUrisAreRelativeToTheWorkingDirectoryOrAbsolute) {
  // Relative: a file in the working directory, named relatively.
  const std::string rel_name = "formats rel " + std::to_string(::getpid()) + ".txt";
  std::ofstream(rel_name, std::ios::binary) << "Please calm down.\n";
  auto rel = run_tonelint("check --guide " + kGuide + " --format sarif " + quoted(rel_name));
  std::remove(rel_name.c_str());
  const auto rel_log = nlohmann::json::parse(rel.out);
  const auto& rel_location = rel_log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(rel_location["uri"], "formats%20rel%20" + std::to_string(::getpid()) + ".txt");
  EXPECT_EQ(rel_location["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(rel_log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().rfind("file:///", 0), 0u);
  // Absolute, outside the working directory: a file: URI.
  const std::string abs = temp_file("formats_abs.txt", "Please calm down.\n");
  auto out = run_tonelint("check --guide " + kGuide + " --format sarif " + abs);
  const auto log = nlohmann::json::parse(out.out);
  const auto& location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  if (abs[0] == '/') {
    EXPECT_EQ(location["uri"].get<std::string>().rfind("file:///", 0), 0u) << location;
  }
}

TEST(OutputFormatsTest, GithubEscapesPropertiesAndMessages) {
  const std::string f = temp_file("formats,gh:1.txt", kDraft);
  auto r = run_tonelint("check --guide " + kGuide + " --format github " + quoted(f));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  std::string escaped_path = ::testing::TempDir() + "formats%2Cgh%3A1.txt";
  EXPECT_EQ(lines[0], "::warning file=" + escaped_path +
                          ",line=1,col=3,endLine=1,endColumn=8,title=formats.ja-swap::お客様には「承知しました」を使います。");
  EXPECT_EQ(lines[1], "::error file=" + escaped_path +
                          ",line=2,col=8,endLine=2,endColumn=16,title=formats.calm-down::Avoid 'calm down': it reads as "
                          "dismissive, 100%25%0ASay what you will do.");
}

TEST(OutputFormatsTest, GithubSuggestionsAreNotices) {
  const std::string f = temp_file("formats_notice.txt", "It is basically done.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format github " + f);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("::notice file=", 0), 0u) << r.out;
}

TEST(OutputFormatsTest, RdjsonlLinesAreDiagnostics) {
  const std::string f = temp_file("formats_rd.txt", kDraft);
  auto r = run_tonelint("check --guide " + kGuide + " --format rdjsonl " + f);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["message"], "お客様には「承知しました」を使います。");
  EXPECT_EQ(first["location"]["path"], f);
  EXPECT_EQ(first["severity"], "WARNING");
  EXPECT_EQ(first["code"]["value"], "formats.ja-swap");
  // Columns in UTF-8 bytes, end exclusive, as the Reviewdog Diagnostic Format says.
  EXPECT_EQ(first["location"]["range"]["start"]["line"], 1);
  EXPECT_EQ(first["location"]["range"]["start"]["column"], 6);
  EXPECT_EQ(first["location"]["range"]["end"]["line"], 1);
  EXPECT_EQ(first["location"]["range"]["end"]["column"], 24);
  ASSERT_EQ(first["suggestions"].size(), 1u);
  EXPECT_EQ(first["suggestions"][0]["text"], "承知しました");
  EXPECT_EQ(first["suggestions"][0]["range"]["start"]["column"], 6);
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["severity"], "ERROR");
  EXPECT_EQ(second["location"]["range"]["start"]["line"], 2);
  EXPECT_EQ(second["location"]["range"]["start"]["column"], 8);
  EXPECT_FALSE(second.contains("suggestions"));
}

TEST(OutputFormatsTest, CheckstyleIsWellFormedAndEscaped) {
  const std::string f = temp_file("formats<cs>&.txt", kDraft + "It is basically done.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format checkstyle " + quoted(f));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto elements = check_xml(r.out);
  EXPECT_EQ(elements, (std::vector<std::string>{"checkstyle", "file", "error", "error", "error"}));
  const std::string name = ::testing::TempDir() + "formats&lt;cs&gt;&amp;.txt";
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
      "  <file name=\"" + name + "\">\n"
      "    <error line=\"1\" column=\"3\" severity=\"warning\" message=\"お客様には「承知しました」を使います。\" "
      "source=\"formats.ja-swap\"/>\n"
      "    <error line=\"2\" column=\"8\" severity=\"error\" message=\"Avoid &apos;calm down&apos;: it reads as "
      "dismissive, 100%&#10;Say what you will do.\" source=\"formats.calm-down\"/>\n"
      "    <error line=\"3\" column=\"7\" severity=\"info\" message=\"&apos;basically&apos; adds nothing &amp; can go "
      "&lt;here&gt;.\" source=\"formats.hedge\"/>\n"
      "  </file>\n</checkstyle>\n";
  EXPECT_EQ(r.out, expected);
}

TEST(OutputFormatsTest, JunitFailsFilesAtTheFailOnLevel) {
  const std::string bad = temp_file("formats_junit_bad.txt", kDraft);
  const std::string hedge = temp_file("formats_junit_hedge.txt", "It is basically done.\n");
  const std::string clean = temp_file("formats_junit_clean.txt", "We are on it.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format junit " + bad + " " + hedge + " " + clean);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(check_xml(r.out), (std::vector<std::string>{"testsuites", "testsuite", "testcase", "failure", "testcase",
                                                        "system-out", "testcase"}));
  EXPECT_NE(r.out.find("<testsuite name=\"tonelint\" tests=\"3\" failures=\"1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<failure type=\"tonelint\" message=\"1 error, 1 warning, 0 suggestions\">"), std::string::npos);
  EXPECT_NE(r.out.find(bad + ":2:8: error: Avoid &apos;calm down&apos;"), std::string::npos) << r.out;
  // With --fail-on suggestion the hedge file fails too.
  auto strict = run_tonelint("check --guide " + kGuide + " --format junit --fail-on suggestion " + hedge + " " + clean);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(check_xml(strict.out), (std::vector<std::string>{"testsuites", "testsuite", "testcase", "failure", "testcase"}));
}

TEST(OutputFormatsTest, FailOnSetsTheExitThreshold) {
  const std::string warning = temp_file("formats_warning.txt", "🎉 了解しました。\n");
  const std::string suggestion = temp_file("formats_suggestion.txt", "It is basically done.\n");
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " " + warning).exit_code, 0);
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --fail-on error " + warning).exit_code, 0);
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --fail-on warning " + warning).exit_code, 1);
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --fail-on warning " + suggestion).exit_code, 0);
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --fail-on suggestion " + suggestion).exit_code, 1);
  auto bad = run_tonelint("check --guide " + kGuide + " --fail-on info " + suggestion);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--fail-on 'info'"), std::string::npos) << bad.err;
}

TEST(OutputFormatsTest, FilesFromAddsListedPaths) {
  const std::string a = temp_file("formats_list_a.txt", "Please calm down.\n");
  const std::string b = temp_file("formats_list_b.txt", "It is basically done.\n");
  const std::string c = temp_file("formats_list_c.txt", "We are on it.\n");
  const std::string list = temp_file("formats_list.txt", a + "\n\n" + b + "\r\n   \n");
  auto r = run_tonelint("check --guide " + kGuide + " --format json --files-from " + list + " " + c);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 3u);
  EXPECT_EQ(j["files"][0]["path"], c);  // positional paths first, then the list
  EXPECT_EQ(j["files"][1]["path"], a);
  EXPECT_EQ(j["files"][2]["path"], b);
  // The list on stdin.
  auto piped = run_tonelint("check --guide " + kGuide + " --format json --files-from -", b + "\n" + c + "\n");
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(nlohmann::json::parse(piped.out)["files"].size(), 2u);
  // stdin cannot be both the list and a draft.
  auto both = run_tonelint("check --guide " + kGuide + " --files-from - -", b + "\n");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("stdin cannot also be a draft"), std::string::npos) << both.err;
  auto missing = run_tonelint("check --guide " + kGuide + " --files-from " + ::testing::TempDir() + "no-such-list");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--files-from"), std::string::npos);
  // An empty list checks nothing and succeeds; no paths at all is a usage error.
  const std::string empty = temp_file("formats_empty_list.txt", "\n");
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --files-from " + empty).exit_code, 0);
  EXPECT_EQ(run_tonelint("check --guide " + kGuide).exit_code, 2);
}

TEST(OutputFormatsTest, UnknownFormatIsAUsageError) {
  const std::string f = temp_file("formats_unknown.txt", "We are on it.\n");
  auto r = run_tonelint("check --guide " + kGuide + " --format xml " + f);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sarif"), std::string::npos);
}

}  // namespace
}  // namespace tonelint
