// `tonelint tokens`: runs the built binary on fixtures and checks its output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../test_support.h"

namespace tonelint {
namespace {

using nlohmann::json;
using testing::run_tonelint;

std::string fixture(const std::string& name) { return std::string(TONELINT_TEST_DATA) + "/cli/" + name; }

// Parses stdout as JSON; a parse failure fails the test with the output shown.
json parse(const testing::CommandResult& r) {
  json j = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// The token lines of the text output ("line:col<TAB>offset+len<TAB>kind<TAB>lang<TAB>surface...").
std::vector<std::string> token_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::size_t i = 0;
  while (i < out.size()) {
    std::size_t end = out.find('\n', i);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(i, end - i);
    if (line.rfind("    ", 0) == 0 && line.find('\t') != std::string::npos) lines.push_back(line.substr(4));
    i = end + 1;
  }
  return lines;
}

TEST(TokensCommandText, Japanese) {
  const auto r = run_tonelint("tokens " + fixture("ja.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("ja.txt (text)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  sentence 1  1:1  bytes 0+15  paragraph  lang=ja\n    了解です。\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  sentence 2  1:6  bytes 15+21  paragraph  lang=ja\n    明日伺います！\n"), std::string::npos)
      << r.out;
  const auto lines = token_lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[0], "1:1\t0+6\tword\tja\t了解\t名詞,サ変接続\treading=リョウカイ");
  EXPECT_EQ(lines[1], "1:3\t6+6\tword\tja\tです\t助動詞\t特殊・デス/基本形\treading=デス");
  EXPECT_EQ(lines[2], "1:5\t12+3\tpunct\tja\t。\t記号,句点\treading=。");
  // Full-width ！ is read as "!" (NFKC) and treated like ASCII punctuation.
  EXPECT_EQ(lines[6], "1:12\t33+3\tpunct\tnone\t！\tnorm=!");
  EXPECT_EQ(lines[4], "1:8\t21+6\tword\tja\t伺い\tlemma=伺う\t動詞,自立\t五段・ワ行促音便/連用形\treading=ウカガイ");
}

TEST(TokensCommandText, English) {
  const auto r = run_tonelint("tokens " + fixture("en.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = token_lines(r.out);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "1:1\t0+5\tword\ten\tDon't\tnorm=don't",
                       "1:7\t6+5\tword\ten\tworry\tlemma=worri",
                       "1:12\t11+1\tpunct\tnone\t.",
                       "1:14\t13+5\tword\ten\tWe're\tnorm=we're\tlemma=we'r",  // Snowball's stem
                       "1:20\t19+7\tword\ten\trunning\tlemma=run",
                       "1:28\t27+6\tword\ten\tchecks\tlemma=check",
                       "1:34\t33+1\tpunct\tnone\t.",
                   }))
      << r.out;
  EXPECT_NE(r.out.find("  sentence 2  1:14  bytes 13+21  paragraph  lang=en\n"), std::string::npos) << r.out;
}

TEST(TokensCommandText, Mixed) {
  const auto r = run_tonelint("tokens " + fixture("mixed.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  sentence 1  1:1  bytes 0+96  paragraph  lang=ja (ja+en)\n"), std::string::npos) << r.out;
  const auto lines = token_lines(r.out);
  ASSERT_EQ(lines.size(), 18u) << r.out;
  EXPECT_EQ(lines[0], "1:1\t0+5\tword\ten\tSlack\tnorm=slack\t名詞,固有名詞,組織");
  EXPECT_EQ(lines[4], "1:10\t17+6\tword\tja\t届か\tlemma=届く\t動詞,自立\t五段・カ行イ音便/未然形\treading=トドカ");
  EXPECT_EQ(lines[10], "1:27\t50+1\tsymbol\tnone\t>");
  // Columns count code points: "Notifications" starts after 42 characters.
  EXPECT_EQ(lines[11].substr(0, 15), "1:29\t52+13\tword");
}

TEST(TokensCommandJson, StructureAndFields) {
  const auto r = run_tonelint("tokens --format json " + fixture("mixed.txt") + " " + fixture("en.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = parse(r);
  ASSERT_TRUE(j.contains("files"));
  ASSERT_EQ(j["files"].size(), 2u);
  const json& file = j["files"][0];
  EXPECT_EQ(file["path"], fixture("mixed.txt"));
  EXPECT_EQ(file["format"], "text");
  ASSERT_EQ(file["sentences"].size(), 1u);
  const json& s = file["sentences"][0];
  EXPECT_EQ(s["offset"], 0);
  EXPECT_EQ(s["length"], 96);
  EXPECT_EQ(s["line"], 1);
  EXPECT_EQ(s["column"], 1);
  EXPECT_EQ(s["end_line"], 1);
  EXPECT_EQ(s["end_column"], 53);  // exclusive, in code points
  EXPECT_EQ(s["lang"], "ja");
  EXPECT_EQ(s["langs"], json::array({"ja", "en"}));
  EXPECT_EQ(s["block"], "paragraph");
  EXPECT_EQ(s["text"], "Slackの通知が届かない場合は、Settings > Notifications を確認してください。");
  EXPECT_FALSE(s.contains("cut"));
  const json& tokens = s["tokens"];
  ASSERT_EQ(tokens.size(), 18u);

  const json& todoka = tokens[4];
  EXPECT_EQ(todoka["surface"], "届か");
  EXPECT_EQ(todoka["offset"], 17);
  EXPECT_EQ(todoka["length"], 6);
  EXPECT_EQ(todoka["line"], 1);
  EXPECT_EQ(todoka["column"], 10);
  EXPECT_EQ(todoka["kind"], "word");
  EXPECT_EQ(todoka["lang"], "ja");
  EXPECT_EQ(todoka["norm"], "届か");
  EXPECT_EQ(todoka["lemma"], "届く");
  EXPECT_EQ(todoka["pos"], "動詞");
  EXPECT_EQ(todoka["pos1"], "自立");
  EXPECT_EQ(todoka["ctype"], "五段・カ行イ音便");
  EXPECT_EQ(todoka["cform"], "未然形");
  EXPECT_EQ(todoka["reading"], "トドカ");

  const json& settings = tokens[9];
  EXPECT_EQ(settings["surface"], "Settings");
  EXPECT_EQ(settings["lang"], "en");
  EXPECT_EQ(settings["norm"], "settings");
  EXPECT_EQ(settings["offset"], 41);
  EXPECT_EQ(settings["column"], 18);

  // English-only tokens carry no MeCab fields.
  const json& dont = j["files"][1]["sentences"][0]["tokens"][0];
  EXPECT_EQ(dont["surface"], "Don't");
  EXPECT_EQ(dont["norm"], "don't");
  EXPECT_EQ(dont["lemma"], "don't");
  EXPECT_FALSE(dont.contains("pos"));

  const json& summary = j["summary"];
  EXPECT_EQ(summary["files"], 2);
  EXPECT_EQ(summary["sentences"], 3);
  EXPECT_EQ(summary["tokens"], 18 + 7);
  EXPECT_EQ(summary["errors"], 0);
  EXPECT_EQ(summary["skipped"], 0);
}

TEST(TokensCommandErrors, InvalidUtf8NamesFileLineColumn) {
  const auto r = run_tonelint("tokens " + fixture("bad.txt"));
  EXPECT_EQ(r.exit_code, 2);
  // Line 2 is "abc\xFF def": the bad byte is the fourth character.
  EXPECT_NE(r.err.find("bad.txt:2:4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
}

TEST(TokensCommandErrors, InvalidUtf8InJsonIsReportedAndOthersStillRun) {
  const auto r = run_tonelint("tokens --format json " + fixture("bad.txt") + " " + fixture("ja.txt"));
  EXPECT_EQ(r.exit_code, 2);
  const json j = parse(r);
  ASSERT_EQ(j["files"].size(), 2u);
  const json& error = j["files"][0]["error"];
  EXPECT_EQ(error["code"], "invalid-utf8");
  EXPECT_EQ(error["line"], 2);
  EXPECT_EQ(error["column"], 4);
  EXPECT_EQ(j["files"][1]["sentences"].size(), 2u);
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["files"], 1);
}

TEST(TokensCommandErrors, BinaryFileSkipped) {
  const auto r = run_tonelint("tokens --format json " + fixture("binary.txt") + " " + fixture("en.txt"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("binary.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  const json j = parse(r);
  ASSERT_EQ(j["files"].size(), 1u);  // the binary file is not a file entry
  EXPECT_EQ(j["files"][0]["path"], fixture("en.txt"));
  EXPECT_EQ(j["summary"]["skipped"], 1);
  EXPECT_EQ(j["summary"]["files"], 1);

  const auto alone = run_tonelint("tokens " + fixture("binary.txt"));
  EXPECT_EQ(alone.exit_code, 0);
  EXPECT_EQ(alone.out, "");
}

TEST(TokensCommandErrors, MissingFile) {
  const auto r = run_tonelint("tokens " + fixture("does-not-exist.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("does-not-exist.txt"), std::string::npos) << r.err;
}

TEST(TokensCommandErrors, UnknownFormat) {
  const auto r = run_tonelint("tokens --format xml " + fixture("en.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run_tonelint("tokens --input-format rtf " + fixture("en.txt")).exit_code, 2);
}

TEST(TokensCommandErrors, NoArguments) {
  EXPECT_EQ(run_tonelint("").exit_code, 2);
  EXPECT_EQ(run_tonelint("tokens").exit_code, 2);
  EXPECT_EQ(run_tonelint("frobnicate").exit_code, 2);
  EXPECT_EQ(run_tonelint("tokens --no-such-flag x").exit_code, 2);
}

TEST(TokensCommandInput, StdinAsMarkdown) {
  const std::string input = "---\ntone: {channel: chat}\n---\n# Hi\n\nUse `x` here.\n";
  const auto r = run_tonelint("tokens --format json --stdin-filename x.md -", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = parse(r);
  ASSERT_EQ(j["files"].size(), 1u);
  const json& file = j["files"][0];
  EXPECT_EQ(file["path"], "x.md");
  EXPECT_EQ(file["format"], "markdown");
  EXPECT_EQ(file["front_matter"], json({{"tone", {{"channel", "chat"}}}}));
  ASSERT_EQ(file["sentences"].size(), 2u);
  EXPECT_EQ(file["sentences"][0]["block"], "heading");
  EXPECT_EQ(file["sentences"][0]["text"], "Hi");
  EXPECT_EQ(file["sentences"][0]["line"], 4);
  EXPECT_EQ(file["sentences"][0]["column"], 3);
  const json& tokens = file["sentences"][1]["tokens"];
  ASSERT_EQ(tokens.size(), 4u);
  // Masked inline code shows the code it hides, with its source span.
  EXPECT_EQ(tokens[1]["kind"], "code");
  EXPECT_EQ(tokens[1]["surface"], "x");
  EXPECT_EQ(tokens[1]["offset"], input.find("x` here"));
  EXPECT_EQ(tokens[1]["length"], 1);
  EXPECT_EQ(tokens[1]["line"], 6);
  EXPECT_EQ(tokens[1]["column"], 6);

  // Without --stdin-filename stdin is plain text named <stdin>.
  const auto plain = run_tonelint("tokens --format json -", "# Hi\n");
  const json p = parse(plain);
  EXPECT_EQ(p["files"][0]["path"], "<stdin>");
  EXPECT_EQ(p["files"][0]["format"], "text");
  EXPECT_EQ(p["files"][0]["sentences"][0]["text"], "# Hi");
}

TEST(TokensCommandInput, FrontMatterFileText) {
  const auto r = run_tonelint("tokens " + fixture("front_matter.md"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("front_matter.md (markdown)\n  front matter: lines 1-3, not prose\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("channel"), std::string::npos) << r.out;  // front matter is not tokenized
  EXPECT_NE(r.out.find("\tcode\tnone\tnpm install\n"), std::string::npos) << r.out;
}

TEST(TokensCommandInput, EmptyFile) {
  const auto text = run_tonelint("tokens " + fixture("empty.txt"));
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, fixture("empty.txt") + " (text)\n");
  const auto r = run_tonelint("tokens --format json " + fixture("empty.txt"));
  EXPECT_EQ(r.exit_code, 0);
  const json j = parse(r);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["sentences"], json::array());
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["summary"]["sentences"], 0);
  EXPECT_EQ(j["summary"]["tokens"], 0);
}

TEST(TokensCommandInput, CrlfColumns) {
  // "Hello there.\r\nこんにちは、世界。\r\n": line 2 starts at byte 14.
  const auto r = run_tonelint("tokens --format json " + fixture("crlf.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = parse(r);
  const json& sentences = j["files"][0]["sentences"];
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0]["text"], "Hello there.");  // no \r in the sentence
  EXPECT_EQ(sentences[0]["end_line"], 1);
  EXPECT_EQ(sentences[0]["end_column"], 13);
  EXPECT_EQ(sentences[1]["offset"], 14);
  EXPECT_EQ(sentences[1]["line"], 2);
  EXPECT_EQ(sentences[1]["column"], 1);
  const json& tokens = sentences[1]["tokens"];
  ASSERT_EQ(tokens.size(), 4u);  // こんにちは 、 世界 。
  EXPECT_EQ(tokens[1]["surface"], "、");
  EXPECT_EQ(tokens[1]["line"], 2);
  EXPECT_EQ(tokens[1]["column"], 6);
  EXPECT_EQ(tokens[3]["surface"], "。");
  EXPECT_EQ(tokens[3]["column"], 9);
  EXPECT_EQ(tokens[3]["offset"], 14 + 24);
}

TEST(TokensCommandInput, LongSentenceMarkedCut) {
  std::string input;
  while (input.size() < 20000) input += "word ";
  const auto r = run_tonelint("tokens --format json -", input);
  EXPECT_EQ(r.exit_code, 0);
  const json j = parse(r);
  const json& sentences = j["files"][0]["sentences"];
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0]["cut"], true);
  EXPECT_FALSE(sentences[1].contains("cut"));
}

}  // namespace
}  // namespace tonelint
