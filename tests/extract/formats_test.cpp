// The table of input formats (src/extract/formats.cpp): every lookup, folder walk, help
// text and README list comes from it.
#include "extract/formats.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "config/repo_config.h"
#include "extract/extractor.h"

namespace tonelint {
namespace {

TEST(FormatsTest, EveryNameAliasAndExtensionFindsItsOwnExtractor) {
  std::set<std::string_view> names;
  for (const Extractor* e : input_formats()) {
    const FormatTraits& traits = e->traits();
    EXPECT_TRUE(names.insert(traits.name).second) << traits.name;
    EXPECT_EQ(extractor_for_format(traits.name), e);
    for (std::string_view alias : traits.aliases) {
      EXPECT_TRUE(names.insert(alias).second) << alias << " names two formats";
      EXPECT_EQ(extractor_for_format(alias), e) << alias;
    }
    for (std::string_view ext : traits.extensions) {
      EXPECT_EQ(extractor_for_extension(ext), e) << ext;
      EXPECT_EQ(&extractor_for_path("dir/draft." + std::string(ext)), e) << ext;
      EXPECT_TRUE(is_draft_extension("dir/draft." + std::string(ext))) << ext;
    }
  }
}

TEST(FormatsTest, UnknownNamesAndExtensions) {
  EXPECT_EQ(extractor_for_format("docx"), nullptr);
  EXPECT_EQ(extractor_for_format("Markdown"), nullptr);  // names are exact
  EXPECT_EQ(extractor_for_extension(""), nullptr);
  EXPECT_EQ(extractor_for_extension("docx"), nullptr);
  EXPECT_EQ(extractor_for_extension("MD")->format(), "markdown");  // extensions are not
  EXPECT_EQ(extractor_for_path("notes.docx").format(), "text");
  EXPECT_FALSE(is_draft_extension("notes.docx"));
  EXPECT_FALSE(is_draft_extension("README"));
  EXPECT_FALSE(is_draft_extension(".md"));  // a hidden file with no extension
  EXPECT_TRUE(is_draft_extension("NOTES.TXT"));
}

TEST(FormatsTest, ListsAsPrinted) {
  EXPECT_EQ(format_name_list(), "text, markdown, mdx, html or email");
  EXPECT_EQ(draft_extension_list(), ".txt .text .md .markdown .mdown .mkd .mdx .html .htm .xhtml .eml");
}

TEST(FormatsTest, CommentSyntaxes) {
  EXPECT_EQ(extractor_for_format("text")->traits().comments, CommentSyntax::kHashOrSlashLine);
  EXPECT_EQ(extractor_for_format("markdown")->traits().comments, CommentSyntax::kHtmlCommentOutsideFences);
  EXPECT_EQ(extractor_for_format("mdx")->traits().comments, CommentSyntax::kMdxComment);
  EXPECT_EQ(extractor_for_format("html")->traits().comments, CommentSyntax::kHtmlComment);
  EXPECT_EQ(extractor_for_format("email")->traits().comments, CommentSyntax::kHtmlComment);
}

// The README's list of what a folder walk takes is the table's (in any order).
TEST(FormatsTest, ReadmeListsTheDraftExtensions) {
  std::ifstream in(std::string(TONELINT_SOURCE_DIR) + "/README.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string readme = buffer.str();
  const std::string lead = "searched recursively for `";
  const std::size_t begin = readme.find(lead);
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = readme.find('`', begin + lead.size());
  ASSERT_NE(end, std::string::npos);
  std::istringstream listed(readme.substr(begin + lead.size(), end - begin - lead.size()));
  std::set<std::string> in_readme;
  for (std::string ext; listed >> ext;) in_readme.insert(ext);
  std::istringstream table(draft_extension_list());
  std::set<std::string> in_table;
  for (std::string ext; table >> ext;) in_table.insert(ext);
  EXPECT_EQ(in_readme, in_table);
}

// The README's usage line for `tokens` names every input format, in the table's order.
TEST(FormatsTest, ReadmeUsageLineListsTheInputFormats) {
  std::ifstream in(std::string(TONELINT_SOURCE_DIR) + "/README.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string usage = "[--input-format auto";
  for (const Extractor* e : input_formats()) usage.append("|").append(e->format());
  usage += ']';
  EXPECT_NE(buffer.str().find(usage), std::string::npos) << usage;
}

}  // namespace
}  // namespace tonelint
