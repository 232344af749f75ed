#include "extract/email_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extracted.h"

namespace tonelint {
namespace {

using ::tonelint::testing::Extracted;
using ::tonelint::testing::source_of;
using ::tonelint::testing::extract_with;
using ::tonelint::testing::expect_sane_maps;
using Texts = std::vector<std::string>;


Extracted extract(std::string eml) { return extract_with(EmailExtractor(), std::move(eml), "mail.eml", false); }


TEST(EmailExtractorTest, IsChosenByExtensionAndName) {
  EXPECT_EQ(extractor_for_path("inbox/reply.eml").format(), "email");
  EXPECT_EQ(extractor_for_path("REPLY.EML").format(), "email");
  ASSERT_NE(extractor_for_format("email"), nullptr);
}

TEST(EmailExtractorTest, PlainMessageWithSubject) {
  const auto e = extract(
      "From: Support <support@example.com>\r\nTo: sam@example.com\r\nSubject: We are on it!\r\n"
      "Date: Mon, 3 Jun 2024 10:00:00 +0900\r\n\r\nHi Sam,\r\n\r\nThanks for waiting.\r\nWe fixed it.\r\n");
  EXPECT_EQ(e.texts(), (Texts{"We are on it!", "Hi Sam,", "Thanks for waiting.\nWe fixed it."}));
  EXPECT_EQ(e.blocks()[0].kind, BlockKind::kSubject);
  EXPECT_EQ(e.blocks()[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(e.source_of(0, "on it!"), "on it!");
  EXPECT_EQ(e.source_of(2, "We fixed"), "We fixed");
  EXPECT_FALSE(e.doc->has_encoded());  // plain UTF-8: rewrites may go in
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, FoldedHeadersAndEncodedSubjects) {
  // UTF-8 B, folded over two lines, then a Q word: each encoded word maps as a whole.
  const auto e = extract(
      "Subject: =?UTF-8?B?44GU6L+U5L+h44GC44KK44GM44Go44GG44GU44GW44GE44G+44GZ?=\r\n"
      " =?utf-8?q?_=E2=80=94_Caf=C3=A9?= (ticket 42)\r\n\r\nbody\r\n");
  ASSERT_EQ(e.texts().size(), 2u);
  EXPECT_EQ(e.texts()[0], "ご返信ありがとうございます — Café (ticket 42)");
  EXPECT_EQ(e.source_of(0, "ご返信"), "=?UTF-8?B?44GU6L+U5L+h44GC44KK44GM44Go44GG44GU44GW44GE44G+44GZ?=");
  EXPECT_EQ(e.source_of(0, "Café"), "=?utf-8?q?_=E2=80=94_Caf=C3=A9?=");
  EXPECT_EQ(e.source_of(0, "(ticket"), "(ticket");
  EXPECT_TRUE(e.doc->is_encoded(e.source->bytes().find("=?UTF-8"), 5));
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, Iso2022JpSubjectAndBody) {
  const std::string body = "\x1B$B$4ITJX$r$*$+$1$7$F$9$_$^$;$s!#\x1B(B\r\n";
  const auto e = extract(
      "Subject: =?ISO-2022-JP?B?GyRCIVo9RU1XIVs+YzMyJE4kKkNOJGkkOxsoQg==?=\r\n"
      "Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + body);
  EXPECT_EQ(e.texts(), (Texts{"【重要】障害のお知らせ", "ご不便をおかけしてすみません。"}));
  // Each character maps to its two JIS bytes; the escape sequences belong to none.
  EXPECT_EQ(e.source_of(1, "ご"), "$4");
  EXPECT_EQ(e.source_of(1, "すみません"), "$9$_$^$;$s");
  EXPECT_TRUE(e.doc->is_encoded(e.source->bytes().find("$4"), 2));  // no rewrite into JIS bytes
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, QuotedPrintableSoftBreakInsideACharacter) {
  // "あいう" with a soft line break between the bytes of い.
  const auto e = extract(
      "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "=E3=81=82=E3=81=\r\n=84=E3=81=86 caf=C3=A9 =3D ok\r\n");
  EXPECT_EQ(e.texts(), (Texts{"あいう café = ok"}));
  EXPECT_EQ(e.source_of(0, "あ"), "=E3=81=82");
  EXPECT_EQ(e.source_of(0, "い"), "=E3=81=\r\n=84");
  EXPECT_EQ(e.source_of(0, "caf"), "caf");  // ASCII stays exact
  EXPECT_EQ(e.source_of(0, "="), "=3D");
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, Base64JapaneseBody) {
  const std::string encoded =
      "44GE44Gf44Gg44GE44Gf6KaL56mN5pu444KS5oud6Kqt44GX44Gm44GE44G+44GZ44CCDQrkuobo\r\n"
      "p6PjgZfjgb7jgZfjgZ/jgIINCg==\r\n";
  const std::string eml =
      "Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + encoded;
  const auto e = extract(eml);
  EXPECT_EQ(e.texts(), (Texts{"いただいた見積書を拝読しています。\n了解しました。"}));
  // Coarse but in the right place: the groups of four that hold the characters.
  const std::string_view first = e.source_of(0, "い");
  EXPECT_EQ(first, "44GE");
  const std::string_view later = e.source_of(0, "しました");
  EXPECT_NE(later.find("gZfj"), std::string_view::npos) << later;  // on the second line
  EXPECT_GE(static_cast<std::size_t>(later.data() - e.source->bytes().data()), eml.find("44GE"));
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, JapaneseCharsetsAndWindows1252) {
  const auto sjis = extract(
      "Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "=97=B9=89=F0=82=B5=82=DC=82=B5=82=BD=81B\r\n");
  EXPECT_EQ(sjis.texts(), (Texts{"了解しました。"}));
  EXPECT_EQ(sjis.source_of(0, "了"), "=97=B9");
  const auto euc = extract(
      "Content-Type: text/plain; charset=euc-jp\r\nContent-Transfer-Encoding: base64\r\n\r\nzruy8qS3pN6kt6S/oaM=\r\n");
  EXPECT_EQ(euc.texts(), (Texts{"了解しました。"}));
  const auto latin = extract(
      "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "We=92re sorry for the d=E9lai.\r\n");
  EXPECT_EQ(latin.texts(), (Texts{"We\u2019re sorry for the d\u00E9lai."}));  // read as windows-1252
  EXPECT_EQ(latin.source_of(0, "sorry"), "sorry");
}

TEST(EmailExtractorTest, UnknownCharsetIsAnErrorAtItsHeader) {
  const auto e = extract("Subject: hi\r\nContent-Type: text/plain;\r\n charset=x-klingon\r\n\r\nbody\r\n");
  ASSERT_FALSE(e.status.ok());
  EXPECT_EQ(e.status.code(), ErrorCode::kParse);
  EXPECT_EQ(e.status.location().path, "mail.eml");
  EXPECT_EQ(e.status.location().line, 2u);
  EXPECT_NE(e.status.message().find("x-klingon"), std::string::npos);
  const auto subject = extract("Subject: =?x-klingon?B?YWJj?=\r\n\r\nbody\r\n");
  ASSERT_FALSE(subject.status.ok());
  EXPECT_EQ(subject.status.location().line, 1u);
}

TEST(EmailExtractorTest, AlternativeChecksOnlyTheRichestPart) {
  const auto e = extract(
      "Subject: Update\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
      "This is a multi-part message in MIME format.\r\n"
      "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version.\r\n"
      "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Update</title></head>"
      "<body><p>HTML version &amp; more.</p></body></html>\r\n"
      "--b1--\r\nEpilogue.\r\n");
  EXPECT_EQ(e.texts(), (Texts{"Update", "HTML version & more."}));
  EXPECT_EQ(e.source_of(1, "&"), "&amp;");
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, NestedMultipartsAttachmentsAndAMissingEnd) {
  const auto e = extract(
      "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
      "--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
      "--inner\r\nContent-Type: text/plain\r\n\r\nPlain alternative.\r\n"
      "--inner\r\nContent-Type: multipart/related; boundary=rel\r\n\r\n"
      "--rel\r\nContent-Type: text/html\r\n\r\n<p>Related HTML.</p>\r\n"
      "--rel\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--rel--\r\n"
      "--inner--\r\n"
      "--outer\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\n"
      "Attached words.\r\n"
      "--outer\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\n"
      "--outer\r\nContent-Type: message/rfc822\r\n\r\nSubject: fwd\r\n\r\nForwarded words.\r\n"
      "--outer\r\nContent-Type: text/plain\r\n\r\nLast part, no closing boundary.\r\n");
  EXPECT_EQ(e.texts(), (Texts{"Related HTML.", "Last part, no closing boundary."}));
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, QuotedRepliesAndSignaturesAreSkipped) {
  const auto interleaved = extract(
      "Subject: Re: help\r\n\r\nHello Sam,\r\n\r\nOn Mon, 3 Jun 2024 at 10:00, Sam <sam@example.com>\r\nwrote:\r\n"
      "> You forgot the key.\r\n> Second quoted line.\r\n\r\nWe fixed it.\r\n\r\n-- \r\nAlex, Support\r\nhttps://example.com\r\n");
  EXPECT_EQ(interleaved.texts(), (Texts{"Re: help", "Hello Sam,", "We fixed it."}));

  const auto top_posted = extract(
      "\r\nThanks, done.\r\n\r\n-----Original Message-----\r\nFrom: Sam\r\nSent: Monday\r\n\r\nYou forgot it.\r\n");
  EXPECT_EQ(top_posted.texts(), (Texts{"Thanks, done."}));

  const auto japanese = extract(
      "\r\n承知いたしました。\r\n\r\n2024年6月3日(月) 10:00 山田太郎 <yamada@example.jp>:\r\n"
      "ご確認をお願いします。\r\n");
  EXPECT_EQ(japanese.texts(), (Texts{"承知いたしました。"}));
  const auto wrote = extract("\r\n対応しました。\r\n\r\n山田さんは書きました:\r\n> 古い文\r\n\r\nよろしくお願いいたします。\r\n");
  EXPECT_EQ(wrote.texts(), (Texts{"対応しました。", "よろしくお願いいたします。"}));
  const auto message_of = extract("\r\n確認しました。\r\n\r\n----- 元のメッセージ -----\r\n以前の本文\r\n");
  EXPECT_EQ(message_of.texts(), (Texts{"確認しました。"}));

  const auto html = extract(
      "Content-Type: text/html; charset=utf-8\r\n\r\n<div>Our answer.</div><div class=\"gmail_quote\">"
      "<div class=\"gmail_attr\">On Mon, Sam wrote:</div><blockquote class=\"gmail_quote\">Old words.</blockquote></div>"
      "<blockquote type=\"cite\">Cited words.</blockquote>\r\n");
  EXPECT_EQ(html.texts(), (Texts{"Our answer."}));
}

TEST(EmailExtractorTest, WrappedLinesJoinListsDoNot) {
  const auto e = extract(
      "\r\nこのたびは手続きが滞り、\r\n大変申し訳なく思っております。\r\n\r\n"
      "We are very sorry that the update you installed yesterday stopped the sync of\r\n"
      "your files.\r\nShort line\r\nnext line.\r\n\r\n- first item\r\n- second item\r\n");
  EXPECT_EQ(e.texts(), (Texts{"このたびは手続きが滞り、大変申し訳なく思っております。",
                              "We are very sorry that the update you installed yesterday stopped the sync of "
                              "your files.\nShort line\nnext line.",
                              "- first item", "- second item"}));
  EXPECT_EQ(e.blocks()[2].kind, BlockKind::kListItem);
  EXPECT_EQ(e.source_of(0, "り、大"), "り、\r\n大");
  expect_sane_maps(e);
}

TEST(EmailExtractorTest, EmptyAndHeaderOnlyMessages) {
  EXPECT_TRUE(extract("").texts().empty());
  EXPECT_EQ(extract("Subject: Only a subject\r\n").texts(), (Texts{"Only a subject"}));
  EXPECT_TRUE(extract("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n").texts().empty());
  EXPECT_TRUE(extract("Content-Type: multipart/mixed\r\n\r\nno boundary\r\n").texts().empty());
  const auto bom = extract("\xEF\xBB\xBFSubject: BOM first\r\n\r\nBody.\r\n");
  EXPECT_EQ(bom.texts(), (Texts{"BOM first", "Body."}));
  EXPECT_EQ(bom.blocks()[0].map.to_source_begin(0), 12u);
}

TEST(EmailExtractorTest, EncodedWordsSplitInsideACharacterAreJoined) {
  // A sender split "ありが" between two encoded words in the middle of あ's successor.
  const auto e = extract("Subject: =?UTF-8?B?44GC4w==?= =?UTF-8?B?gorjgYw=?= thanks\r\n\r\n");
  ASSERT_FALSE(e.texts().empty());
  EXPECT_EQ(e.texts()[0], "ありが thanks");
  EXPECT_EQ(e.source_of(0, "あ"), "=?UTF-8?B?44GC4w==?=");
  EXPECT_EQ(e.source_of(0, "り"), "=?UTF-8?B?44GC4w==?= =?UTF-8?B?gorjgYw=?=");
}

}  // namespace
}  // namespace tonelint
