// `tonelint serve` answering in every report format: "report" in the body of /v1/check
// picks it (json, today's body, by default), the answer is the CLI's report of the same
// text with the format's Content-Type; an unknown format is a 400 naming the field, and
// /v1/fix answers JSON only (no other format carries the fixed text).
#include <nlohmann/json.hpp>

#include "serve_support.h"
#include "test_support.h"

namespace tonelint::testing {
namespace {

const std::string kShippedGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";
const std::string kDraft = "# Update\n\nYou forgot to verify your email. Please contact support ASAP!!\n";

std::string body_with(const std::string& extra) {
  nlohmann::json body = {{"text", kDraft}, {"filename", "draft.md"}};
  if (!extra.empty()) body.update(nlohmann::json::parse(extra));
  return body.dump();
}

class ReportFormats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServeProcess({"--guide", kShippedGuide}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServeProcess* server_;
};
ServeProcess* ReportFormats::server_ = nullptr;

TEST_F(ReportFormats, JsonIsTheDefaultAndTodaysBody) {
  ASSERT_TRUE(server_->started()) << server_->stderr_text();
  auto client = server_->client();
  auto plain = client.Post("/v1/check", body_with(""), "application/json");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->get_header_value("Content-Type"), "application/json");
  for (const char* extra : {R"({"report": "json"})", R"({"report": null})"}) {
    auto json = client.Post("/v1/check", body_with(extra), "application/json");
    ASSERT_TRUE(json);
    EXPECT_EQ(json->status, 200) << extra;
    EXPECT_EQ(json->get_header_value("Content-Type"), "application/json") << extra;
    EXPECT_EQ(json->body, plain->body) << extra;
  }
  // The CLI's JSON of the same text, but for its final newline.
  auto cli = run_tonelint("check --guide '" + kShippedGuide + "' --format json --stdin-filename draft.md -", kDraft);
  EXPECT_EQ(plain->body + "\n", cli.out);
}

TEST_F(ReportFormats, EachFormatIsTheCliReportWithItsContentType) {
  ASSERT_TRUE(server_->started()) << server_->stderr_text();
  auto client = server_->client();
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"text", "text/plain; charset=utf-8"},   {"sarif", "application/sarif+json"},
      {"github", "text/plain; charset=utf-8"}, {"rdjsonl", "application/x-ndjson"},
      {"checkstyle", "application/xml"},       {"junit", "application/xml"},
  };
  for (const auto& [format, mime] : formats) {
    auto res = client.Post("/v1/check", body_with(R"({"report": ")" + format + R"("})"), "application/json");
    ASSERT_TRUE(res) << format;
    EXPECT_EQ(res->status, 200) << format << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), mime) << format;
    EXPECT_EQ(res->get_header_value("X-Tonelint-Guide"), "tonelint") << format;
    // The service's working directory is this process's, as is the CLI's: the same %SRCROOT%.
    auto cli = run_tonelint("check --no-color --guide '" + kShippedGuide + "' --format " + format +
                                " --stdin-filename draft.md -",
                            kDraft);
    EXPECT_FALSE(cli.out.empty()) << format << ": " << cli.err;
    EXPECT_EQ(res->body, cli.out) << format;
  }
}

TEST_F(ReportFormats, UnknownOrMistypedFormatIsA400NamingTheField) {
  ASSERT_TRUE(server_->started()) << server_->stderr_text();
  auto client = server_->client();
  for (const char* extra : {R"({"report": "docx"})", R"({"report": 3})", R"({"report": ["sarif"]})"}) {
    auto res = client.Post("/v1/check", body_with(extra), "application/json");
    ASSERT_TRUE(res) << extra;
    EXPECT_EQ(res->status, 400) << extra;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << extra;
    auto error = nlohmann::json::parse(res->body, nullptr, false);
    ASSERT_TRUE(error.is_object() && error.contains("error")) << res->body;
    EXPECT_EQ(error["error"]["field"], "report") << extra;
    const std::string message = error["error"]["message"];
    EXPECT_NE(message.find("(expected text, json, sarif, github, rdjsonl, checkstyle or junit)"), std::string::npos)
        << message;
  }
  auto docx = client.Post("/v1/check", body_with(R"({"report": "docx"})"), "application/json");
  ASSERT_TRUE(docx);
  EXPECT_EQ(nlohmann::json::parse(docx->body)["error"]["message"],
            "unknown report 'docx' (expected text, json, sarif, github, rdjsonl, checkstyle or junit)");
  // "format" is the text's format: a name that is neither an input nor a report format is
  // refused there.
  auto input_format = client.Post("/v1/check", body_with(R"({"format": "docx"})"), "application/json");
  ASSERT_TRUE(input_format);
  EXPECT_EQ(input_format->status, 400);
  EXPECT_EQ(nlohmann::json::parse(input_format->body)["error"]["field"], "format");
}

// A report name in "format" that is no input format ("format": "sarif") asks for that
// report, as "report" does; "text" stays the text's format (plain text, JSON answer).
TEST_F(ReportFormats, AReportNameInFormatPicksTheReport) {
  ASSERT_TRUE(server_->started()) << server_->stderr_text();
  auto client = server_->client();
  for (const char* format : {"sarif", "junit", "github"}) {
    auto by_report = client.Post("/v1/check", body_with(std::string(R"({"report": ")") + format + "\"}"), "application/json");
    auto by_format = client.Post("/v1/check", body_with(std::string(R"({"format": ")") + format + "\"}"), "application/json");
    ASSERT_TRUE(by_report && by_format) << format;
    EXPECT_EQ(by_format->status, 200) << format << ": " << by_format->body;
    EXPECT_EQ(by_format->get_header_value("Content-Type"), by_report->get_header_value("Content-Type")) << format;
    EXPECT_EQ(by_format->body, by_report->body) << format;
  }
  auto text = client.Post("/v1/check", body_with(R"({"format": "text"})"), "application/json");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 200);
  EXPECT_EQ(text->get_header_value("Content-Type"), "application/json");
  auto fix = client.Post("/v1/fix", body_with(R"({"format": "sarif"})"), "application/json");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->status, 400);
  EXPECT_EQ(nlohmann::json::parse(fix->body)["error"]["field"], "report");
}

TEST_F(ReportFormats, FixAnswersJsonOnly) {
  ASSERT_TRUE(server_->started()) << server_->stderr_text();
  auto client = server_->client();
  auto plain = client.Post("/v1/fix", body_with(R"({"mode": "all"})"), "application/json");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  auto json = client.Post("/v1/fix", body_with(R"({"mode": "all", "report": "json"})"), "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 200);
  EXPECT_EQ(json->body, plain->body);
  auto sarif = client.Post("/v1/fix", body_with(R"({"mode": "all", "report": "sarif"})"), "application/json");
  ASSERT_TRUE(sarif);
  EXPECT_EQ(sarif->status, 400);
  auto error = nlohmann::json::parse(sarif->body);
  EXPECT_EQ(error["error"]["field"], "report");
  EXPECT_NE(error["error"]["message"].get<std::string>().find("/v1/check"), std::string::npos) << sarif->body;
  // The service goes on.
  auto after = client.Post("/v1/check", body_with(""), "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

}  // namespace
}  // namespace tonelint::testing
