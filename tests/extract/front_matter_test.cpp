#include "extract/front_matter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"

namespace tonelint {
namespace {

using ::testing::HasSubstr;
using ::tonelint::testing::source_of;

TEST(FrontMatterTest, DashFencesAreParsed) {
  const std::string fm = "---\ntitle: Hello\ntone: {channel: chat, emotion: upset}\n---\n";
  auto source = source_of(fm + "Body text.\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  ASSERT_TRUE(split->front_matter.has_value());
  const FrontMatter& front = *split->front_matter;
  EXPECT_EQ(front.offset, 0u);
  EXPECT_EQ(front.length, fm.size());
  EXPECT_EQ(split->body_offset, fm.size());
  ASSERT_TRUE(front.data.IsMap());
  EXPECT_EQ(front.data["title"].as<std::string>(), "Hello");
  EXPECT_EQ(front.data["tone"]["channel"].as<std::string>(), "chat");
  EXPECT_EQ(front.data["tone"]["emotion"].as<std::string>(), "upset");
}

TEST(FrontMatterTest, DotsCloseTheFence) {
  const std::string fm = "---\ntone:\n  channel: email\n...\n";
  auto source = source_of(fm + "Body\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->front_matter->length, fm.size());
  EXPECT_EQ(split->body_offset, fm.size());
  EXPECT_EQ(split->front_matter->data["tone"]["channel"].as<std::string>(), "email");
}

TEST(FrontMatterTest, CrlfLineEnds) {
  const std::string fm = "---\r\ntone: {channel: chat}\r\nauthor: 山田\r\n---\r\n";
  auto source = source_of(fm + "Body\r\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, fm.size());
  EXPECT_EQ(split->front_matter->length, fm.size());
  EXPECT_EQ(split->front_matter->data["tone"]["channel"].as<std::string>(), "chat");
  // No stray '\r' in values.
  EXPECT_EQ(split->front_matter->data["author"].as<std::string>(), "山田");
}

TEST(FrontMatterTest, BomBeforeTheFence) {
  const std::string fm = "---\ntone: {channel: sms}\n---\n";
  auto source = source_of("\xEF\xBB\xBF" + fm + "Body\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  ASSERT_TRUE(split->front_matter.has_value());
  // Offsets index the original bytes, so everything is shifted by the BOM.
  EXPECT_EQ(split->front_matter->offset, 3u);
  EXPECT_EQ(split->front_matter->length, fm.size());
  EXPECT_EQ(split->body_offset, 3 + fm.size());
  EXPECT_EQ(split->front_matter->data["tone"]["channel"].as<std::string>(), "sms");
}

TEST(FrontMatterTest, NoFrontMatterStartsBodyAfterBom) {
  auto plain = source_of("Just text\n---\na: 1\n---\n", "draft.md");
  auto split = split_front_matter(*plain);
  ASSERT_TRUE(split.ok());
  EXPECT_FALSE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, 0u);

  auto bom = source_of("\xEF\xBB\xBFJust text\n", "draft.md");
  auto bom_split = split_front_matter(*bom);
  ASSERT_TRUE(bom_split.ok());
  EXPECT_FALSE(bom_split->front_matter.has_value());
  EXPECT_EQ(bom_split->body_offset, 3u);
}

TEST(FrontMatterTest, UnclosedFenceIsNotFrontMatter) {
  // In Markdown an opening "---" without a close is a thematic break, and even broken
  // YAML after it must not be reported.
  auto source = source_of("---\nThis: is: not yaml\nand never closes\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  EXPECT_FALSE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, 0u);
}

TEST(FrontMatterTest, FenceAloneIsNotFrontMatter) {
  for (const char* text : {"---", "---\n", "---\r\n", "--- \n"}) {
    auto source = source_of(text, "draft.md");
    auto split = split_front_matter(*source);
    ASSERT_TRUE(split.ok()) << text;
    EXPECT_FALSE(split->front_matter.has_value()) << text;
    EXPECT_EQ(split->body_offset, 0u) << text;
  }
}

TEST(FrontMatterTest, FenceMustBeExactlyThreeDashesAtTheStart) {
  for (const char* text : {"----\na: 1\n----\nBody\n", " ---\na: 1\n---\nBody\n", "\n---\na: 1\n---\nBody\n",
                           "---x\na: 1\n---\nBody\n"}) {
    auto source = source_of(text, "draft.md");
    auto split = split_front_matter(*source);
    ASSERT_TRUE(split.ok()) << text;
    EXPECT_FALSE(split->front_matter.has_value()) << text;
  }
}

TEST(FrontMatterTest, ClosingFenceMustStartItsLine) {
  // " ---" and "----" inside do not close; the real close comes later.
  const std::string fm = "---\nnote: |\n  ---\n  ----\nx: 1\n---\n";
  auto source = source_of(fm + "Body\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok()) << split.status().to_string();
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, fm.size());
  EXPECT_EQ(split->front_matter->data["note"].as<std::string>(), "---\n----\n");
  EXPECT_EQ(split->front_matter->data["x"].as<int>(), 1);
}

TEST(FrontMatterTest, TrailingSpacesOnFencesAreAllowed) {
  const std::string fm = "---  \na: 1\n---\t\n";
  auto source = source_of(fm + "Body\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok());
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, fm.size());
}

TEST(FrontMatterTest, ClosingFenceAtEndOfFile) {
  const std::string text = "---\ntone: {channel: chat}\n---";
  auto source = source_of(text, "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok());
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->front_matter->length, text.size());
  EXPECT_EQ(split->body_offset, text.size());
  EXPECT_EQ(split->front_matter->data["tone"]["channel"].as<std::string>(), "chat");
}

TEST(FrontMatterTest, EmptyFrontMatter) {
  auto source = source_of("---\n---\nBody\n", "draft.md");
  auto split = split_front_matter(*source);
  ASSERT_TRUE(split.ok());
  ASSERT_TRUE(split->front_matter.has_value());
  EXPECT_EQ(split->body_offset, 8u);
  // const: a non-const operator[] could turn the null node into a map.
  const YAML::Node& data = split->front_matter->data;
  EXPECT_FALSE(data.IsMap());
  EXPECT_FALSE(data["tone"].IsDefined());
}

TEST(FrontMatterTest, BrokenYamlIsAParseErrorAtTheFileLine) {
  // File line 4 is "bad: a: b"; the second ':' (column 7) is what YAML rejects.
  auto source = source_of("---\ntitle: ok\nx: 1\nbad: a: b\nmore: 2\n---\nBody\n", "content/post.md");
  auto split = split_front_matter(*source);
  ASSERT_FALSE(split.ok());
  const Status& s = split.status();
  EXPECT_EQ(s.code(), ErrorCode::kParse);
  EXPECT_EQ(s.location().path, "content/post.md");
  EXPECT_EQ(s.location().line, 4u);
  EXPECT_EQ(s.location().column, 7u);
  EXPECT_THAT(s.message(), HasSubstr("front matter"));
}

TEST(FrontMatterTest, BrokenYamlLineCountsCrlfBomAndMultibyte) {
  // Same error after a BOM, CRLF line ends and Japanese text: still line 4, column 7.
  auto source = source_of("\xEF\xBB\xBF---\r\ntitle: 日本語のタイトル\r\nx: 1\r\nbad: a: b\r\n---\r\nBody\r\n",
                          "post.md");
  auto split = split_front_matter(*source);
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), ErrorCode::kParse);
  EXPECT_EQ(split.status().location().path, "post.md");
  EXPECT_EQ(split.status().location().line, 4u);
  EXPECT_EQ(split.status().location().column, 7u);
}

TEST(FrontMatterTest, UnclosedFlowIsAParseErrorInsideTheFrontMatter) {
  // Lines 2-4 hold the YAML; wherever the parser notices, it must be one of them.
  auto source = source_of("---\ntitle: ok\ntags: [a, b\nmore: 2\n---\nBody\n", "post.md");
  auto split = split_front_matter(*source);
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), ErrorCode::kParse);
  EXPECT_GE(split.status().location().line, 3u);
  EXPECT_LE(split.status().location().line, 4u);
}

TEST(FrontMatterTest, ExtractorsReportBrokenFrontMatter) {
  for (const char* name : {"post.md", "reply.txt"}) {
    auto source = source_of("---\nbad: a: b\n---\nBody\n", name);
    auto doc = extractor_for_path(name).extract(*source);
    ASSERT_FALSE(doc.ok()) << name;
    EXPECT_EQ(doc.status().code(), ErrorCode::kParse) << name;
    EXPECT_EQ(doc.status().location().path, name);
    EXPECT_EQ(doc.status().location().line, 2u) << name;
  }
}

}  // namespace
}  // namespace tonelint
