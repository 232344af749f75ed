#include "engine/conjugation.h"

#include <gtest/gtest.h>

namespace tonelint {
namespace {

TEST(ConjugationTest, CommonTypes) {
  EXPECT_EQ(conjugate("見られる", "一段", "連用形"), "見られ");
  EXPECT_EQ(conjugate("承知する", "サ変・スル", "連用形"), "承知し");
  EXPECT_EQ(conjugate("する", "サ変・スル", "未然レル接続"), "さ");
  EXPECT_EQ(conjugate("いただく", "五段・カ行イ音便", "連用形"), "いただき");
  EXPECT_EQ(conjugate("いただく", "五段・カ行イ音便", "連用タ接続"), "いただい");
  EXPECT_EQ(conjugate("行く", "五段・カ行促音便", "連用タ接続"), "行っ");
  EXPECT_EQ(conjugate("くださる", "五段・ラ行特殊", "連用形"), "ください");
  EXPECT_EQ(conjugate("ます", "特殊・マス", "未然形"), "ませ");
  EXPECT_EQ(conjugate("難しい", "形容詞・イ段", "連用タ接続"), "難しかっ");
}

TEST(ConjugationTest, DictionaryFormAndInvariantWords) {
  EXPECT_EQ(conjugate("見られる", "一段", "基本形"), "見られる");
  EXPECT_EQ(conjugate("ん", "不変化型", "基本形"), "ん");
}

TEST(ConjugationTest, UnknownFormsGiveNothingRatherThanSomethingWrong) {
  EXPECT_EQ(conjugate("見られる", "一段", "連用タ接続"), std::nullopt);
  EXPECT_EQ(conjugate("見られる", "五段・カ行イ音便", "連用形"), std::nullopt);  // ending does not fit
  EXPECT_EQ(conjugate("x", "未知の型", "連用形"), std::nullopt);
}

}  // namespace
}  // namespace tonelint
