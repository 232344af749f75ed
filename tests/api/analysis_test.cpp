// The public analysis API (tonelint/analysis.h): sentences and tokens of a text, streamed
// or whole, and the JSON `tonelint tokens` prints.
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/analysis.h"

namespace tonelint {
namespace {

TextAnalyzer make_analyzer() {
  auto analyzer = TextAnalyzer::create(api_test::dictionaries());
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  return std::move(*analyzer);
}

AnalysisOptions options(std::string format, std::string filename) {
  AnalysisOptions o;
  o.format = std::move(format);
  o.filename = std::move(filename);
  return o;
}

const TextToken* find_token(const TextAnalysis& a, const std::string& surface) {
  for (const TextSentence& s : a.sentences) {
    for (const TextToken& t : s.tokens) {
      if (t.surface == surface) return &t;
    }
  }
  return nullptr;
}

TEST(TextAnalyzerApi, JapaneseSentencesAndMorphology) {
  const TextAnalyzer analyzer = make_analyzer();
  auto a = analyzer.analyze("資料を送りました。\n明日確認します。", options("text", "memo.txt"));
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->path, "memo.txt");
  EXPECT_EQ(a->format, "text");
  EXPECT_FALSE(a->front_matter);
  ASSERT_EQ(a->sentences.size(), 2u);
  const TextSentence& first = a->sentences[0];
  EXPECT_EQ(first.text, "資料を送りました。");
  EXPECT_EQ(first.lang, "ja");
  EXPECT_TRUE(first.japanese);
  EXPECT_EQ(first.block, "paragraph");
  EXPECT_EQ(first.offset, 0u);
  EXPECT_EQ(first.line, 1u);
  EXPECT_EQ(a->sentences[1].line, 2u);
  EXPECT_EQ(a->sentences[1].column, 1u);

  const TextToken* sent = find_token(*a, "送り");
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->kind, "word");
  EXPECT_EQ(sent->lang, "ja");
  EXPECT_EQ(sent->lemma, "送る");
  EXPECT_EQ(sent->offset, 9u);  // after 資料を (3 × 3 bytes)
  EXPECT_EQ(sent->length, 6u);
  EXPECT_EQ(sent->column, 4u);
  ASSERT_TRUE(sent->morphology);
  EXPECT_EQ(sent->morphology->pos, "動詞");
  EXPECT_EQ(sent->morphology->cform, "連用形");
  EXPECT_EQ(sent->morphology->reading, "オクリ");
}

TEST(TextAnalyzerApi, EnglishTokensHaveNoMorphology) {
  const TextAnalyzer analyzer = make_analyzer();
  auto a = analyzer.analyze("The invoices were RESENT today. See https://example.com/help.");
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->path, "<text>");
  ASSERT_EQ(a->sentences.size(), 2u);
  EXPECT_EQ(a->sentences[0].lang, "en");
  EXPECT_TRUE(a->sentences[0].english);
  const TextToken* resent = find_token(*a, "RESENT");
  ASSERT_NE(resent, nullptr);
  EXPECT_EQ(resent->norm, "resent");
  EXPECT_FALSE(resent->morphology);
  EXPECT_TRUE(resent->prose);
  const TextToken* url = find_token(*a, "https://example.com/help");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->kind, "url");
  EXPECT_FALSE(url->prose);
}

TEST(TextAnalyzerApi, MarkdownFrontMatterHeadingAndMaskedCode) {
  const TextAnalyzer analyzer = make_analyzer();
  const std::string text = "---\nchannel: chat\n---\n# Release notes\n\nRun `make check` first.\n";
  auto a = analyzer.analyze(text, options("", "notes.md"));  // the format from the extension
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->format, "markdown");
  ASSERT_TRUE(a->front_matter);
  EXPECT_EQ(a->front_matter->last_line, 3u);
  EXPECT_EQ(a->front_matter->json, R"({"channel":"chat"})");
  ASSERT_EQ(a->sentences.size(), 2u);
  EXPECT_EQ(a->sentences[0].block, "heading");
  EXPECT_EQ(a->sentences[1].block_index, 1u);
  const TextToken* code = find_token(*a, "make check");
  ASSERT_NE(code, nullptr) << "masked code shows the bytes it hides";
  EXPECT_TRUE(code->masked);
  EXPECT_EQ(code->kind, "code");
  EXPECT_EQ(text.substr(code->offset, code->length), "make check");
}

TEST(TextAnalyzerApi, StreamGivesTheSameSentencesAsAnalyze) {
  const TextAnalyzer analyzer = make_analyzer();
  const std::string text = "お返事が遅れてすみません。Thanks for writing in.\n\n折り返しご連絡します。";
  auto whole = analyzer.analyze(text);
  ASSERT_TRUE(whole.ok());
  std::vector<std::string> streamed;
  int headers = 0;
  const Status status = analyzer.stream(
      text, {}, [&](const TextAnalysis& header) {
        ++headers;
        EXPECT_TRUE(header.sentences.empty());
      },
      [&](const TextSentence& s) { streamed.push_back(s.text); });
  ASSERT_TRUE(status.ok()) << status.to_string();
  EXPECT_EQ(headers, 1);
  ASSERT_EQ(streamed.size(), whole->sentences.size());
  for (std::size_t i = 0; i < streamed.size(); ++i) EXPECT_EQ(streamed[i], whole->sentences[i].text);
}

TEST(TextAnalyzerApi, FilesAndStreamsAreReadByTheAnalyzer) {
  const TextAnalyzer analyzer = make_analyzer();
  const std::string path = api_test::write_file("faq.md", "# よくある質問\n\nReset your password from Settings.\n");
  std::vector<std::string> formats, sentences;
  auto on_text = [&](const TextAnalysis& t) { formats.push_back(t.path + " " + t.format); };
  auto on_sentence = [&](const TextSentence& s) { sentences.push_back(s.text); };
  ASSERT_TRUE(analyzer.stream_file(path, {}, on_text, on_sentence).ok());
  std::istringstream in("請求書を再送いたします。");
  ASSERT_TRUE(analyzer.stream(in, options("", "<stdin>"), on_text, on_sentence).ok());
  EXPECT_EQ(formats, (std::vector<std::string>{path + " markdown", "<stdin> text"}));
  EXPECT_EQ(sentences, (std::vector<std::string>{"よくある質問", "Reset your password from Settings.",
                                                 "請求書を再送いたします。"}));
  const Status missing = analyzer.stream_file(path + ".gone", {}, on_text, on_sentence);
  EXPECT_EQ(missing.code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.location().path, path + ".gone");
  EXPECT_EQ(analyzer.stream_file("/dev/null", {}, on_text, on_sentence).code(), ErrorCode::kIo);
}

TEST(TextAnalyzerApi, ErrorsAreValues) {
  const TextAnalyzer analyzer = make_analyzer();
  auto bad_format = analyzer.analyze("hello", options("rtf", ""));
  ASSERT_FALSE(bad_format.ok());
  EXPECT_EQ(bad_format.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad_format.status().location().path, "format");
  auto bad_utf8 = analyzer.analyze("caf\xC3", options("", "menu.txt"));
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(bad_utf8.status().location().path, "menu.txt");
  auto binary = analyzer.analyze(std::string("a\0b", 3));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().code(), ErrorCode::kBinary);
  // A callback that throws does not take the caller down with it.
  const Status thrown = analyzer.stream("Hello.", {}, nullptr, [](const TextSentence&) { throw std::runtime_error("boom"); });
  EXPECT_EQ(thrown.code(), ErrorCode::kInternal);
  EXPECT_FALSE(TextAnalyzer::create(nullptr).ok());
  EXPECT_TRUE(is_input_format("markdown"));
  EXPECT_TRUE(is_input_format("md"));
  EXPECT_FALSE(is_input_format("docx"));
}

TEST(TextAnalyzerApi, OneAnalyzerServesManyThreads) {
  const TextAnalyzer analyzer = make_analyzer();
  auto expected = analyzer.analyze("本日中に返金いたします。");
  ASSERT_TRUE(expected.ok());
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        auto a = analyzer.analyze("本日中に返金いたします。");
        if (!a.ok() || to_json(*a) != to_json(*expected)) ++mismatches;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(TextAnalyzerApi, JsonIsWhatTokensPrints) {
  const std::string path = api_test::write_file("reply.md", "# 返信\n\nご確認ください。Please check the attached file.\n");
  const auto cli = testing::run_tonelint("tokens --format json " + path);
  ASSERT_EQ(cli.exit_code, 0) << cli.err;

  const TextAnalyzer analyzer = make_analyzer();
  auto a = analyzer.analyze("# 返信\n\nご確認ください。Please check the attached file.\n", options("", path));
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(to_json(*a) + "\n", cli.out);

  // The writer, as the CLI streams it, with an entry for a text that could not be read.
  std::ostringstream out;
  AnalysisJsonWriter writer(out);
  writer.text(*a);
  for (const TextSentence& s : a->sentences) writer.sentence(s);
  writer.error(Status(ErrorCode::kNotFound, "no such file", Location{"gone.md"}));
  writer.finish(1, 1, 0);
  const nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][1]["error"]["code"], "not-found");
  EXPECT_EQ(j["summary"]["sentences"], a->sentences.size());
  EXPECT_EQ(j["summary"]["errors"], 1);
}

}  // namespace
}  // namespace tonelint
