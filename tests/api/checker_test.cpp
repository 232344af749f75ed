// The public C++ API (include/tonelint/): loading, checking, fixing, errors as values, the
// JSON report (the CLI's, byte for byte), and one checker shared by many threads.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

namespace tonelint {
namespace {

using api_test::kShippedGuide;
using api_test::shipped;

Checker make_checker() {
  auto checker = Checker::create(shipped());
  EXPECT_TRUE(checker.ok()) << checker.status().to_string();
  return std::move(*checker);
}

// Runs of this binary may overlap: its temporary files carry the process id.
const std::string kTempPrefix = "api_" + std::to_string(::getpid()) + "_";

TEST(ToneGuideApi, ReportsIdDimensionsAndDefaults) {
  auto guide = shipped();
  ASSERT_TRUE(guide);
  EXPECT_EQ(guide->id(), "tonelint");
  ASSERT_EQ(guide->dimensions().size(), 4u);
  EXPECT_EQ(guide->dimensions()[0].name, "channel");
  EXPECT_EQ(guide->dimensions()[0].default_value, "email");
  const auto& emotions = guide->dimensions()[3].values;
  EXPECT_NE(std::find(emotions.begin(), emotions.end(), "upset"), emotions.end());
  EXPECT_GT(guide->rule_count(), 10u);
  ASSERT_EQ(guide->dictionaries()->user_dictionaries().size(), 1u);
}

TEST(ToneGuideApi, LoadErrorsAreValuesWithFileLineColumn) {
  ToneGuide::Options missing;
  missing.guide_path = "/nonexistent/guide.yaml";
  missing.dictionaries = shipped()->dictionaries();
  auto none = ToneGuide::load(missing);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().to_string().find("/nonexistent/guide.yaml"), std::string::npos);

  ToneGuide::Options broken;
  broken.guide_path = testing::temp_file(kTempPrefix + "broken.yaml", "guide: b\nlanguages: [en]\nrules:\n  - id: x\n    kind: existance\n"
                                               "    lang: en\n    level: warning\n    message: m\n    words: [a]\n");
  broken.dictionaries = shipped()->dictionaries();
  auto bad = ToneGuide::load(broken);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().location().path, broken.guide_path);
  EXPECT_EQ(bad.status().location().line, 5u);
  EXPECT_GT(bad.status().location().column, 0u);
  EXPECT_NE(bad.status().message().find("existance"), std::string::npos) << bad.status().message();
  std::remove(broken.guide_path.c_str());
}

TEST(CheckerApi, ChecksJapaneseInItsContext) {
  Checker checker = make_checker();
  CheckOptions options;
  options.context = {{"channel", "chat"}, {"emotion", "upset"}};
  const std::string text = "スクリーンショットを拝見しました。\n了解しました！すぐ確認します。";
  auto result = checker.check(text, options);
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_EQ(result->guide, "tonelint");
  ASSERT_EQ(result->context.size(), 4u);
  EXPECT_EQ(result->context[0].value, "chat");
  EXPECT_EQ(result->context[0].source, "flag");
  EXPECT_EQ(result->context[1].source, "guide default");
  const Finding* shouchi = nullptr;
  const Finding* bang = nullptr;
  for (const Finding& f : result->findings) {
    if (f.rule == "tonelint.shouchi") shouchi = &f;
    if (f.rule == "tonelint.exclamation") bang = &f;
  }
  ASSERT_NE(shouchi, nullptr);
  EXPECT_EQ(shouchi->line, 2u);
  EXPECT_EQ(shouchi->column, 1u);
  EXPECT_EQ(shouchi->match, "了解しました");
  EXPECT_EQ(text.substr(shouchi->offset, shouchi->length), "了解しました");
  ASSERT_FALSE(shouchi->suggestions.empty());
  EXPECT_EQ(shouchi->suggestions.front().text, "承知しました");
  ASSERT_NE(bang, nullptr);
  EXPECT_EQ(bang->level, Severity::kError);
  EXPECT_EQ(bang->column, 7u);  // code points, not bytes
  EXPECT_EQ(bang->end_column, 8u);
  EXPECT_LT(result->score, 100);

  // The same words in a neutral email: no exclamation error (the tone changed), while 了解 to
  // a customer stays an error (the voice did not).
  auto neutral = checker.check(text);
  ASSERT_TRUE(neutral.ok());
  for (const Finding& f : neutral->findings) {
    EXPECT_EQ(f.level == Severity::kError, f.rule == "tonelint.shouchi") << f.rule;
  }
}

TEST(CheckerApi, ChecksEnglishMarkdownAndReadsFrontMatter) {
  Checker checker = make_checker();
  CheckOptions options;
  options.filename = "reply.md";  // format from the extension
  auto result = checker.check("---\ntone: {emotion: upset}\n---\nYou forgot to verify your email.\n", options);
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_EQ(result->context[3].value, "upset");
  EXPECT_EQ(result->context[3].source, "front matter");
  ASSERT_FALSE(result->findings.empty());
  EXPECT_EQ(result->findings.front().rule, "tonelint.no-blame");
  EXPECT_EQ(result->findings.front().line, 4u);
}

TEST(CheckerApi, ErrorsNameTheOptionOrThePlace) {
  Checker checker = make_checker();
  CheckOptions unknown_value;
  unknown_value.context = {{"emotion", "angyr"}};
  auto r1 = checker.check("hello", unknown_value);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r1.status().location().path, "context.emotion");
  EXPECT_NE(r1.status().message().find("angyr"), std::string::npos);

  CheckOptions unknown_dimension;
  unknown_dimension.context = {{"chanel", "chat"}};
  auto r2 = checker.check("hello", unknown_dimension);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().location().path, "context.chanel");
  EXPECT_NE(r2.status().message().find("did you mean 'channel'"), std::string::npos) << r2.status().message();

  CheckOptions bad_format;
  bad_format.format = "docx";
  auto r3 = checker.check("hello", bad_format);
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.status().location().path, "format");

  auto r4 = checker.check("ok line\nbad \xff byte");
  ASSERT_FALSE(r4.ok());
  EXPECT_EQ(r4.status().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(r4.status().location().path, "<text>");
  EXPECT_EQ(r4.status().location().line, 2u);
  EXPECT_EQ(r4.status().location().column, 5u);

  // A checker that refused a call still works.
  EXPECT_TRUE(checker.check("Thanks for your patience.").ok());
}

TEST(CheckerApi, FixAppliesRewritesAndReportsEdits) {
  Checker checker = make_checker();
  const std::string text = "了解しました。明細はいつでも見れます。";
  auto safe = checker.fix(text, {}, FixMode::kAll);
  ASSERT_TRUE(safe.ok()) << safe.status().to_string();
  EXPECT_EQ(safe->text, "承知しました。明細はいつでも見られます。");
  ASSERT_EQ(safe->edits.size(), 2u);
  EXPECT_EQ(safe->edits[0].pass, 1);
  EXPECT_EQ(safe->edits[0].before, "了解しました");
  EXPECT_EQ(safe->edits[0].after, "承知しました");
  EXPECT_EQ(text.substr(safe->edits[1].offset, safe->edits[1].length), safe->edits[1].before);
  for (const Finding& f : safe->remaining.findings) {
    EXPECT_NE(f.rule, "tonelint.shouchi");
    EXPECT_NE(f.rule, "tonelint.ranuki");
  }
  const std::string json = to_json(*safe);
  EXPECT_NE(json.find("\"fixed\":2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"text\":\"承知しました。"), std::string::npos) << json;

  auto clean = checker.fix("Thanks for your patience.");
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(clean->text, "Thanks for your patience.");
  EXPECT_TRUE(clean->edits.empty());
}

// The library's JSON is the CLI's: same serializer, same bytes.
TEST(CheckerApi, JsonIsTheClisJsonByteForByte) {
  Checker checker = make_checker();
  const std::string text = "Hey guys! You forgot to verify your email 😊\n了解しました！";
  CheckOptions options;
  options.filename = "reply.txt";
  options.context = {{"channel", "chat"}, {"emotion", "upset"}};
  auto result = checker.check(text, options);
  ASSERT_TRUE(result.ok());
  auto cli = testing::run_tonelint("check --guide " + kShippedGuide +
                                       " --channel chat --emotion upset --format json --stdin-filename reply.txt -",
                                   text);
  EXPECT_EQ(cli.exit_code, 1) << cli.err;
  EXPECT_EQ(cli.out, to_json(*result) + "\n");
}

// More contexts than the checker keeps compiled: memory stays bounded, results do not change.
TEST(CheckerApi, ContextsBeyondTheCompiledCacheGiveTheSameResults) {
  CheckerOptions small;
  small.compiled_contexts = 2;
  auto bounded = Checker::create(shipped(), small);
  ASSERT_TRUE(bounded.ok());
  Checker reference = make_checker();
  const std::string text = "了解しました！ You forgot to verify your email 😊";
  for (int round = 0; round < 2; ++round) {
    for (const char* channel : {"email", "chat", "sms"}) {
      for (const char* emotion : {"neutral", "upset", "happy"}) {
        CheckOptions options;
        options.context = {{"channel", channel}, {"emotion", emotion}};
        auto a = bounded->check(text, options);
        auto b = reference.check(text, options);
        ASSERT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(to_json(*a), to_json(*b)) << channel << ' ' << emotion;
      }
    }
  }
}

// One guide and one checker shared by 8 threads: every result is the single-threaded one.
TEST(CheckerApi, EightThreadsShareOneCheckerWithIdenticalResults) {
  Checker checker = make_checker();
  struct Case {
    std::string text;
    CheckOptions options;
  };
  std::vector<Case> cases;
  const std::vector<std::string> texts = {
      "了解しました！すぐ確認します😊",
      "お支払い済みの請求書の再発行はできません。明細はいつでも見れます。",
      "Hey guys, you forgot to verify your email. Obviously it's NO BIG DEAL!!!",
      "We're sorry for the outage. Sign-in works again, and your data is safe.",
      "Thanks for reaching out. ミナトクラウドの障害は復旧しました。",
  };
  const std::vector<std::map<std::string, std::string>> contexts = {
      {}, {{"channel", "chat"}, {"emotion", "upset"}}, {{"situation", "outage"}}, {{"audience", "executive"}}};
  for (const auto& t : texts) {
    for (const auto& c : contexts) {
      Case k{t, {}};
      k.options.context = c;
      cases.push_back(std::move(k));
    }
  }
  std::vector<std::string> expected;
  for (const Case& c : cases) {
    auto r = checker.check(c.text, c.options);
    ASSERT_TRUE(r.ok());
    expected.push_back(to_json(*r));
  }
  std::atomic<int> mismatches{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round) {
        for (std::size_t i = 0; i < cases.size(); ++i) {
          const std::size_t k = (i * 7 + static_cast<std::size_t>(t) * 3 + static_cast<std::size_t>(round)) % cases.size();
          auto r = checker.check(cases[k].text, cases[k].options);
          if (!r.ok()) {
            ++failures;
          } else if (to_json(*r) != expected[k]) {
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace tonelint
