// The brand-name user dictionary: compiled by the build (build/dictionaries/brand-names.dic
// from dictionaries/brand-names.csv), loaded by MecabModel, and turned by the tokenizer into
// one kName token per name, in Japanese (MeCab) and English (ICU + the CSV's Latin names).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>

#include "test_support.h"
#include "tokenize/user_dictionary.h"

namespace tonelint {
namespace {

using testing::read_file;
using testing::temp_file;

namespace fs = std::filesystem;

const std::string kBrandDic = TONELINT_BRAND_DIC;

std::shared_ptr<MecabModel> brand_model() {
  static std::shared_ptr<MecabModel> model = [] {
    auto loaded = MecabModel::load("", {kBrandDic});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().to_string();
      return std::shared_ptr<MecabModel>();
    }
    return *loaded;
  }();
  return model;
}

std::unique_ptr<testing::Analyzed> analyze(std::string bytes, std::string name = "test.txt") {
  return testing::analyze_with(brand_model(), std::move(bytes), std::move(name));
}
using testing::analyze_with;
using testing::ScopedEnv;

// The surfaces of the kName tokens.
std::vector<std::string> names_in(const testing::Analyzed& a) {
  std::vector<std::string> out;
  for (const Token& t : a.analysis.tokens) {
    if (t.kind == TokenKind::kName) out.emplace_back(t.surface);
  }
  return out;
}

std::string temp_path(const std::string& name) { return ::testing::TempDir() + name; }


TEST(UserDictionaryTest, TheBuildCompilesTheCsvAndCopiesItBeside) {
  ASSERT_TRUE(fs::is_regular_file(kBrandDic)) << kBrandDic;
  EXPECT_TRUE(check_user_dictionary(kBrandDic).ok()) << check_user_dictionary(kBrandDic).to_string();
  const fs::path csv = fs::path(kBrandDic).replace_extension(".csv");
  EXPECT_EQ(read_file(csv.string()), read_file(std::string(TONELINT_SOURCE_DIR) + "/dictionaries/brand-names.csv"));
  ASSERT_TRUE(brand_model());
  EXPECT_EQ(brand_model()->user_dics(), std::vector<std::string>{kBrandDic});
}

TEST(UserDictionaryTest, TheCsvIsPureAndEveryEntryIsAMarkedProperNoun) {
  const std::string csv = read_file(std::string(TONELINT_SOURCE_DIR) + "/dictionaries/brand-names.csv");
  ASSERT_FALSE(csv.empty());
  std::vector<std::string> fields;
  std::vector<std::string> surfaces;
  std::size_t start = 0;
  while (start < csv.size()) {
    const std::size_t eol = csv.find('\n', start);
    ASSERT_NE(eol, std::string::npos) << "the last line ends with a newline";
    const std::string line = csv.substr(start, eol - start);
    start = eol + 1;
    ASSERT_TRUE(split_dictionary_csv_line(line, &fields)) << line;
    ASSERT_EQ(fields.size(), 13u) << line;
    EXPECT_TRUE(fields[1] == "1288" || fields[1] == "1292") << line;  // 名詞,固有名詞,一般 / 組織
    EXPECT_EQ(fields[1], fields[2]) << line;
    EXPECT_EQ(fields[4] + "," + fields[5], "名詞,固有名詞") << line;
    EXPECT_EQ(fields[1] == "1292", fields[6] == "組織") << line;
    EXPECT_EQ(fields[7], kNameFeature) << line;
    EXPECT_EQ(fields[10], fields[0]) << line;  // 原形 is the name
    surfaces.push_back(fields[0]);
  }
  for (const char* name : {"ミナト製作所", "Minato Works", "ミナトクラウド", "Minato Cloud", "ミナトPay", "Minato Pay",
                           "スマートレシート", "Smart Receipt", "Simply Sync", "シンプリーシンク", "EASY Backup",
                           "tonelint", "トーンリント"}) {
    EXPECT_NE(std::find(surfaces.begin(), surfaces.end(), name), surfaces.end()) << name;
  }
}

TEST(UserDictionaryTest, JapaneseNamesAreOneNameToken) {
  // Each name in the places a sentence puts it: first, after a particle or この, before
  // a particle, inside a longer katakana compound, in brackets.
  for (const char* name : {"ミナト製作所", "ミナトクラウド", "ミナトPay", "スマートレシート", "シンプリーシンク", "トーンリント"}) {
    for (std::string text : {"@をご利用ください。", "ご利用の@は停止中です。", "この@アプリを開きます。",
                              "「@」で検索できます。", "新しい@サービスです。"}) {
      text.replace(text.find('@'), 1, name);
      auto a = analyze(text);
      ASSERT_TRUE(a);
      EXPECT_EQ(names_in(*a), std::vector<std::string>{name}) << text;
      const Token* t = a->find(name);
      ASSERT_NE(t, nullptr) << text;
      ASSERT_NE(t->morph, nullptr);
      EXPECT_EQ(t->morph->pos, "名詞");
      EXPECT_EQ(t->morph->pos1, "固有名詞");
      EXPECT_EQ(t->morph->pos3, kNameFeature);
      EXPECT_FALSE(is_prose(t->kind));
    }
  }
  auto a = analyze("ミナト製作所のミナトクラウド");
  EXPECT_EQ(a->find("ミナト製作所")->morph->pos2, "組織");
  EXPECT_EQ(a->find("ミナトクラウド")->morph->reading, "ミナトクラウド");
}

TEST(UserDictionaryTest, WithoutTheDictionaryJapaneseNamesFallApart) {
  auto a = analyze_with(testing::shared_model(), "スマートレシートとミナトPayをご利用ください。");
  ASSERT_TRUE(a);
  EXPECT_TRUE(names_in(*a).empty());
  EXPECT_NE(a->find("スマート"), nullptr);
  EXPECT_NE(a->find("Pay"), nullptr);
}

TEST(UserDictionaryTest, FullAndHalfWidthFormsAreTheName) {
  auto a = analyze("ミナトＰａｙとｽﾏｰﾄﾚｼｰﾄとＳｉｍｐｌｙ Ｓｙｎｃで払えます。");
  ASSERT_TRUE(a);
  EXPECT_EQ(names_in(*a), (std::vector<std::string>{"ミナトＰａｙ", "ｽﾏｰﾄﾚｼｰﾄ", "Ｓｉｍｐｌｙ Ｓｙｎｃ"}));
  auto en = analyze("Try Ｓｉｍｐｌｙ Ｓｙｎｃ today.");
  EXPECT_EQ(names_in(*en), std::vector<std::string>{"Ｓｉｍｐｌｙ Ｓｙｎｃ"});
}

TEST(UserDictionaryTest, EnglishNamesAreOneNameToken) {
  const std::string text =
      "Minato Works makes Minato Cloud, Minato Pay, Smart Receipt, Simply Sync, EASY Backup and tonelint.";
  auto a = analyze(text);
  ASSERT_TRUE(a);
  EXPECT_EQ(names_in(*a), (std::vector<std::string>{"Minato Works", "Minato Cloud", "Minato Pay", "Smart Receipt",
                                                    "Simply Sync", "EASY Backup", "tonelint"}));
  const Token* sync = a->find("Simply Sync");
  ASSERT_NE(sync, nullptr);
  EXPECT_EQ(sync->offset, text.find("Simply Sync"));
  EXPECT_EQ(sync->length, std::string("Simply Sync").size());
  EXPECT_EQ(sync->norm, "simply sync");
  EXPECT_EQ(sync->lemma, "simply sync");
  EXPECT_EQ(sync->lang, Lang::kEn);
  ASSERT_NE(sync->morph, nullptr);
  EXPECT_EQ(sync->morph->reading, "シンプリーシンク");
  EXPECT_EQ(word_weight(*sync), 2u);
  EXPECT_EQ(word_weight(*a->find("tonelint")), 1u);
  // The words around are untouched.
  EXPECT_EQ(a->find("makes")->kind, TokenKind::kWord);
  EXPECT_EQ(a->find(",")->kind, TokenKind::kPunct);
}

TEST(UserDictionaryTest, WithoutTheDictionaryEnglishNamesAreWords) {
  auto a = analyze_with(testing::shared_model(), "Try Simply Sync and EASY Backup.");
  ASSERT_TRUE(a);
  EXPECT_TRUE(names_in(*a).empty());
  EXPECT_EQ(a->find("Simply")->kind, TokenKind::kWord);
  EXPECT_EQ(a->find("EASY")->kind, TokenKind::kWord);
}

TEST(UserDictionaryTest, CapitalizedNamesMatchAsWrittenLowerCaseOnesInAnyCase) {
  // "simply sync" in lower case is prose ("you simply sync your phone"), as is "Simply
  // sync" at a sentence start; an all-caps "SIMPLY SYNC" is shouting, not the product.
  EXPECT_TRUE(names_in(*analyze("You simply sync your phone.")).empty());
  EXPECT_TRUE(names_in(*analyze("Simply sync your phone.")).empty());
  EXPECT_TRUE(names_in(*analyze("SIMPLY SYNC NOW.")).empty());
  EXPECT_TRUE(names_in(*analyze("Try easy backup.")).empty());
  // tonelint is written in lower case: any case is the name.
  EXPECT_EQ(names_in(*analyze("Tonelint checks it. TONELINT too.")), (std::vector<std::string>{"Tonelint", "TONELINT"}));
}

TEST(UserDictionaryTest, NamesStandOnWordBoundaries) {
  EXPECT_TRUE(names_in(*analyze("Simply Syncing works.")).empty());
  EXPECT_TRUE(names_in(*analyze("Minato Clouds are here.")).empty());
  EXPECT_TRUE(names_in(*analyze("MinatoCloud and Minato-Cloud.")).empty());
  EXPECT_TRUE(names_in(*analyze("The tonelintrc file.")).empty());
  // In Japanese text MeCab finds the entry inside a longer word; it is not the name there.
  auto ja = analyze("Simply Syncingの設定とtonelintProの画面。");
  ASSERT_TRUE(ja);
  EXPECT_TRUE(names_in(*ja).empty()) << ::testing::PrintToString(ja->surfaces());
  EXPECT_NE(ja->find("Syncing"), nullptr);
  // More than one space, a tab or a soft line break is still the name's space.
  EXPECT_EQ(names_in(*analyze("Use Minato  Cloud.")), std::vector<std::string>{"Minato  Cloud"});
  auto md = analyze("Turn on **EASY Backup** and Minato\nCloud.\n", "draft.md");
  ASSERT_TRUE(md);
  EXPECT_EQ(names_in(*md), (std::vector<std::string>{"EASY Backup", "Minato Cloud"}));
  const Token* cloud = md->find("Minato Cloud");
  ASSERT_NE(cloud, nullptr);
  EXPECT_EQ(md->source->bytes().substr(cloud->offset, cloud->length), "Minato\nCloud");
}

TEST(UserDictionaryTest, APossessiveBelongsToTheName) {
  auto a = analyze("Minato Cloud's status and tonelint’s rules.");
  EXPECT_EQ(names_in(*a), (std::vector<std::string>{"Minato Cloud's", "tonelint’s"}));
  EXPECT_EQ(a->find("Minato Cloud's")->norm, "minato cloud's");
}

TEST(UserDictionaryTest, NamesInCodeOrUrlsStayThere) {
  auto a = analyze("Run `tonelint check` or see https://example.com/Simply-Sync for Simply Sync.", "draft.md");
  ASSERT_TRUE(a);
  EXPECT_EQ(names_in(*a), std::vector<std::string>{"Simply Sync"});
}

TEST(UserDictionaryTest, NamesInMixedSentences) {
  auto a = analyze("Simply Syncの設定はミナトPayから。EASY Backupも使えます。");
  ASSERT_TRUE(a);
  EXPECT_EQ(names_in(*a), (std::vector<std::string>{"Simply Sync", "ミナトPay", "EASY Backup"}));
  EXPECT_EQ(a->find("Simply Sync")->lang, Lang::kEn);
  EXPECT_EQ(a->find("ミナトPay")->lang, Lang::kJa);
}

TEST(UserDictionaryTest, NameListReadsTheLatinNamesOfACsv) {
  const std::string csv = temp_file("names.csv",
                                "\xEF\xBB\xBF"
                                "\"Acme, Inc.\",1292,1292,-1500,名詞,固有名詞,組織,ブランド,*,*,\"Acme, Inc.\",アクメ,アクメ\r\n"
                                "アクメ,1288,1288,-1500,名詞,固有名詞,一般,ブランド,*,*,アクメ,アクメ,アクメ\n"
                                "Rocket,1288,1288,3000,名詞,固有名詞,一般,*,*,*,Rocket,ロケット,ロケット\n"
                                "Wi-Fi Plus,1288,1288,-1500,名詞,固有名詞,一般,ブランド,*,*,Wi-Fi Plus,ワイファイプラス,ワイファイプラス\n");
  auto list = NameList::create();
  ASSERT_TRUE(list.ok());
  ASSERT_TRUE(list->add_csv(csv).ok()) << list->add_csv(csv).to_string();
  // Japanese surfaces are MeCab's; an entry without the marker is no name.
  ASSERT_EQ(list->size(), 2u);
  const NameList::Name& acme = list->names()[0];
  EXPECT_EQ(acme.surface, "Acme, Inc.");
  EXPECT_EQ(acme.feature, "名詞,固有名詞,組織,ブランド,*,*,\"Acme, Inc.\",アクメ,アクメ");
  EXPECT_EQ(acme.norms, (std::vector<std::string>{"acme", ",", "inc", "."}));
  EXPECT_EQ(acme.space_before, (std::vector<bool>{false, false, true, false}));
  EXPECT_FALSE(acme.any_case);
  EXPECT_EQ(list->names()[1].norms, (std::vector<std::string>{"wi", "-", "fi", "plus"}));
}

TEST(UserDictionaryTest, NameListErrorsNameTheLine) {
  auto list = NameList::create();
  ASSERT_TRUE(list.ok());
  const std::string csv = temp_file("broken-names.csv",
                                "Acme,1288,1288,-1500,名詞,固有名詞,一般,ブランド,*,*,Acme,アクメ,アクメ\n"
                                "\"Open quote,1288,1288\n");
  const Status s = list->add_csv(csv);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.location().path, csv);
  EXPECT_EQ(s.location().line, 2u);
  EXPECT_FALSE(list->add_csv(temp_path("no-such.csv")).ok());
}

TEST(UserDictionaryTest, TheEnvironmentChoosesTheDictionaries) {
  {
    ScopedEnv unset("TONELINT_USER_DIC", nullptr);
    EXPECT_EQ(MecabModel::user_dictionaries(kBrandDic), std::vector<std::string>{kBrandDic});
    EXPECT_TRUE(MecabModel::user_dictionaries(temp_path("missing.dic")).empty());
    EXPECT_TRUE(MecabModel::user_dictionaries("").empty());
  }
  {
    ScopedEnv empty("TONELINT_USER_DIC", "");
    EXPECT_TRUE(MecabModel::user_dictionaries(kBrandDic).empty());
  }
  ScopedEnv two("TONELINT_USER_DIC", "/a/x.dic, /b/y.dic,");
  EXPECT_EQ(MecabModel::user_dictionaries(kBrandDic), (std::vector<std::string>{"/a/x.dic", "/b/y.dic"}));
}

TEST(UserDictionaryTest, MissingOrWrongDictionariesAreErrorsNamingTheFile) {
  auto expect_error = [](const std::string& path, const std::string& why) {
    auto model = MecabModel::load("", {path});
    ASSERT_FALSE(model.ok()) << path;
    EXPECT_NE(model.status().message().find(path), std::string::npos) << model.status().to_string();
    EXPECT_NE(model.status().message().find(why), std::string::npos) << model.status().to_string();
  };
  expect_error(temp_path("no-such-names.dic"), "not found");
  // The CSV instead of the compiled dictionary.
  expect_error(temp_file("source.dic", read_file(std::string(TONELINT_SOURCE_DIR) + "/dictionaries/brand-names.csv")),
               "not a compiled dictionary");
  const std::string dic = read_file(kBrandDic);
  expect_error(temp_file("truncated.dic", dic.substr(0, dic.size() / 2)), "not a compiled dictionary");
  expect_error(temp_file("tiny.dic", "abc"), "too short");
  expect_error(std::string(TONELINT_IPADIC_DIR) + "/sys.dic", "system dictionary");
  std::string euc = dic;
  euc.replace(40, 6, "EUC-JP");
  expect_error(temp_file("euc.dic", euc), "not UTF-8");
  std::string other = dic;
  other[16] = static_cast<char>(other[16] + 1);  // left context size
  expect_error(temp_file("other-system.dic", other), "another system dictionary");
  auto comma = MecabModel::load("", {"/tmp/a,b.dic"});
  ASSERT_FALSE(comma.ok());
  EXPECT_NE(comma.status().message().find("comma"), std::string::npos);
}

TEST(UserDictionaryTest, ACorruptDictionaryIsAnErrorNeverACrash) {
  // MeCab maps a user dictionary and trusts it: a random byte flipped in its double array
  // or entries crashes a tagger about one time in three. Every corrupt copy must either
  // be refused or tokenize safely.
  const std::string dic = read_file(kBrandDic);
  ASSERT_GT(dic.size(), 100u);
  std::mt19937 random(20240611);
  int refused = 0;
  const std::string path = temp_path("fuzzed-names.dic");
  for (int trial = 0; trial < 150; ++trial) {
    std::string bytes = dic;
    const int flips = 1 + static_cast<int>(random() % 8);
    for (int f = 0; f < flips; ++f) {
      const std::size_t at = 72 + random() % (bytes.size() - 72);  // past the header
      bytes[at] = static_cast<char>(random() & 0xff);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    auto model = MecabModel::load("", {path});
    if (!model.ok()) {
      ++refused;
      EXPECT_NE(model.status().message().find(path), std::string::npos) << model.status().to_string();
      continue;
    }
    auto a = analyze_with(*model, "ミナトクラウドとスマートレシート、Simply SyncとEASY Backupをご利用ください。tonelint");
    ASSERT_TRUE(a);
    EXPECT_FALSE(a->analysis.tokens.empty());
  }
  EXPECT_GT(refused, 0);
}

TEST(UserDictionaryTest, WithoutItsCsvADictionaryStillNamesJapaneseText) {
  fs::remove(temp_path("alone-names.csv"));
  const std::string copy = temp_file("alone-names.dic", read_file(kBrandDic));
  auto model = MecabModel::load("", {copy});
  ASSERT_TRUE(model.ok()) << model.status().to_string();
  EXPECT_TRUE((*model)->names().empty());
  EXPECT_EQ(names_in(*analyze_with(*model, "ミナトクラウドのSimply Sync")),
            (std::vector<std::string>{"ミナトクラウド", "Simply Sync"}));
  // English text is not MeCab's: its names come from the CSV.
  EXPECT_TRUE(names_in(*analyze_with(*model, "Try Simply Sync today.")).empty());
  // A broken CSV beside a dictionary is an error naming it.
  temp_file("alone-names.csv", "\"broken\n");
  auto broken = MecabModel::load("", {copy});
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().to_string().find("alone-names.csv:1"), std::string::npos) << broken.status().to_string();
}

}  // namespace
}  // namespace tonelint
