#include "load/guide_loader.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/extractor.h"
#include "extract/formats.h"
#include "guide/did_you_mean.h"
#include "guide/guide_cache.h"
#include "guide/guide_names.h"
#include "guide/yaml_location.h"
#include "guide/yaml_schema.h"
#include "input/line_index.h"
#include "input/regular_file.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "rules/rule_kinds.h"
#include "util/yaml_depth.h"
#include "util/yaml_guard.h"

namespace tonelint {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {"guide", "description", "languages", "extends", "contexts",
                                           "defaults", "rules", "tones"};
// The keys every rule may write; each kind reads its own besides (its row's `keys`).
const std::vector<std::string> kSharedRuleKeys = {
    "id",    "kind",   "lang",   "level", "message", "why",        "fix", "examples", "category", "words",
    "lemmas", "tokens", "regex", "swap",  "dictionary", "max",     "min", "scope",    "unless",   "not_followed_by",
    "mentions", "level_why"};
// A key of any kind is known in any rule (a kind ignores another's keys, as it always has).
const std::vector<std::string> kRuleKeys = [] {
  std::vector<std::string> keys = kSharedRuleKeys;
  for (const RuleKind* kind : rule_kinds()) {
    for (std::string_view key : kind->keys) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    }
  }
  return keys;
}();
const std::vector<std::string> kToneKeys = {"when", "set", "rules"};
const std::vector<std::string> kSetKeys = {"off", "level", "level_why", "max", "min", "message", "scope"};
const std::vector<std::string> kExampleKeys = {"bad", "good"};
const std::vector<std::string> kBadExampleKeys = {"text", "format", "fixed"};
const std::vector<std::string> kGoodExampleKeys = {"text", "format"};
// The input formats an example may name, with their aliases.
std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const Extractor* e : input_formats()) {
    names.emplace_back(e->traits().name);
    for (std::string_view alias : e->traits().aliases) names.emplace_back(alias);
  }
  return names;
}
const std::vector<std::string> kTokenFields(kTokenFieldNames.begin(), kTokenFieldNames.end());
const std::vector<std::string> kTokenElementKeys = [] {
  std::vector<std::string> keys = kTokenFields;
  keys.insert(keys.end(), {"repeat", "negate", "rewrite"});
  return keys;
}();
const std::vector<std::string> kKinds = rule_kind_names();
const std::vector<std::string> kScopes = names_of(kScopeNames);
const std::vector<std::string> kDimensions(kDimensionNames.begin(), kDimensionNames.end());

template <typename E>
std::optional<E> enum_of(const std::string& value, const std::vector<std::string>& names) {
  auto it = std::find(names.begin(), names.end(), value);
  if (it == names.end()) return std::nullopt;
  return static_cast<E>(it - names.begin());
}

// The entries of one YAML mapping, read once. yaml-cpp's node[key] walks the mapping each
// time and, for an absent key (most of a rule's optional fields), also formats the key
// through a std::stringstream for an error message; a rule asks for some thirty fields.
class MapFields {
 public:
  explicit MapFields(const YAML::Node& map) {
    if (!map.IsMap()) return;
    for (const auto& entry : map) {
      if (entry.first.IsScalar()) entries_.emplace_back(entry.first.Scalar(), entry.second);
    }
  }
  // The value of `key` (the first, if written twice, as yaml-cpp does); undefined if absent.
  YAML::Node operator[](std::string_view key) const {
    for (const auto& [name, value] : entries_) {
      if (name == key) return value;
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

 private:
  std::vector<std::pair<std::string, YAML::Node>> entries_;
};

const std::vector<std::string> kLanguageCodes = {"ja", "en"};
// What a message may name: {match} (the text found), {max} and {min} (the rule's bounds),
// and what the rules fill in (rule_check.cpp and the rules that call report() with vars):
// {to} (the rewrite), {count}, {value} (a metric) and {expected} (the register).
const std::vector<std::string> kPlaceholders = {"match", "max", "min", "to", "count", "value", "expected"};
// Bounds, counts and lengths are at most this: a larger one is a typo, and as a count it
// would overflow (99999999999999999999 read as 1e20 made every occurrence an error).
constexpr double kMaxNumber = 1e9;

// One file of a guide: parsed first (so `extends:` can be followed), then built on top of
// the guide it extends.
class Loader {
 public:
  Loader(std::string path, std::string_view text, GuideCache* cache)
      : path_(std::move(path)), text_(text), lines_(text_), cache_(cache) {}

  // Parses the YAML; false (with the errors recorded) when it is not a guide mapping.
  bool parse() {
    if (auto bomb = find_yaml_bomb(text_)) {
      errors_.push_back(Status(ErrorCode::kTooLarge, bomb->message, location_of(bomb->mark)));
      return false;
    }
    try {
      root_ = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& e) {
      const YamlFailure failure = describe_yaml_failure(text_, e);
      errors_.push_back(Status(ErrorCode::kParse, "invalid YAML: " + failure.message, location_of(failure.mark)));
      return false;
    }
    if (!root_.IsMap()) {
      error(root_, "a guide is a YAML mapping with 'guide', 'contexts', 'rules' and 'tones'");
      return false;
    }
    return true;
  }

  // The `extends:` node of a parsed guide (undefined when it extends nothing).
  YAML::Node extends_node() const { return root_["extends"]; }
  // The file `extends:` names, as written; nullopt (an error recorded) when it is not one value.
  std::optional<std::string> extends_target(const YAML::Node& node) {
    if (!node.IsScalar()) {
      scalar(node, "extends");
      return std::nullopt;
    }
    return scalar(node, "extends");
  }

  // Builds this file's guide on top of `base` (null: it extends nothing).
  GuideLoad build(const std::shared_ptr<const Guide>& base) {
    const YAML::Node& root = root_;
    check_keys(root, kTopKeys, "guide");
    if (base) start_from(*base);
    if (const YAML::Node id = root["guide"]) {
      guide_.id = scalar(id, "guide");
      if (id.IsScalar() && is_blank_text(guide_.id)) error(id, "'guide' must not be empty: it prefixes every rule id");
    } else if (guide_.id.empty()) {
      error(root, "missing 'guide': the guide's id, which prefixes every rule id");
    }
    if (const YAML::Node langs = root["languages"]) parse_languages(langs);
    if (const YAML::Node contexts = root["contexts"]) parse_contexts(contexts);
    if (const YAML::Node defaults = root["defaults"]) parse_defaults(defaults);
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (guide_.defaults.values[d].empty() && !guide_.allowed[d].empty()) {
        guide_.defaults.values[d] = guide_.allowed[d].front();
      }
    }
    if (const YAML::Node rules = root["rules"]) {
      if (!rules.IsSequence()) {
        error(rules, "'rules' must be a list of rules");
      } else {
        for (std::size_t i = 0; i < rules.size(); ++i) {
          if (auto rule = parse_rule(rules[i], "rules[" + std::to_string(i) + "]")) add_voice_rule(std::move(*rule));
        }
      }
    }
    if (const YAML::Node tones = root["tones"]) {
      if (!tones.IsSequence()) {
        error(tones, "'tones' must be a list of {when, set, rules} entries");
      } else {
        for (std::size_t i = 0; i < tones.size(); ++i) parse_tone(tones[i], i);
      }
    }
    check_references();
    return finish();
  }

  // The errors found so far, without a guide (parse() failed, or the chain did).
  GuideLoad errors_only() {
    GuideLoad result;
    result.errors = std::move(errors_);
    return result;
  }

  void error(const YAML::Node& at, const std::string& message) {
    errors_.push_back(Status(ErrorCode::kParse, message, location_of(at.Mark())));
  }

 private:
  // ---- errors ------------------------------------------------------------------------

  Location location_of(const YAML::Mark& mark) const { return yaml_location(path_, lines_, mark); }

  Origin origin_of(const YAML::Node& at, std::string entry) const {
    const Location where = location_of(at.Mark());
    return Origin{where.path, where.line, where.column, std::move(entry)};
  }

  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& what) {
    for (const auto& [at, message] : unknown_keys(map, allowed, what)) error(at, message);
  }

  // ---- scalars -----------------------------------------------------------------------

  // A NUL in a guide's text would reach the analyzer as a "binary file"; refused here,
  // where the guide's file, line and column are known.
  bool refuse_nul(const YAML::Node& node, const std::string& value, const std::string& what) {
    if (value.find('\0') == std::string::npos) return false;
    error(node, "'" + what + "' contains a NUL character");
    return true;
  }

  std::string scalar(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, "'" + what + "' must be a single value");
      return {};
    }
    if (refuse_nul(node, node.Scalar(), what)) return {};
    return node.Scalar();
  }

  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      if (!refuse_nul(node, node.Scalar(), what)) out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (item.IsScalar()) {
          if (!refuse_nul(item, item.Scalar(), what)) out.push_back(item.Scalar());
        } else {
          error(item, "'" + what + "' must be a list of strings");
        }
      }
    } else if (!node.IsNull()) {
      error(node, "'" + what + "' must be a list of strings");
    }
    return out;
  }

  // Only spaces (ASCII or the ideographic U+3000): nothing a rule could match.
  static bool is_blank_text(std::string_view text) {
    while (!text.empty()) {
      if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r') {
        text.remove_prefix(1);
      } else if (text.starts_with("\u3000")) {
        text.remove_prefix(3);
      } else {
        return false;
      }
    }
    return true;
  }

  // Phrases a rule matches or is excused by: each must have something to match. The
  // error names the entry itself, not just the rule.
  std::vector<std::string> phrase_list(const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out = string_list(node, what);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!is_blank_text(out[i])) continue;
      const YAML::Node at = node.IsSequence() && i < node.size() ? node[i] : node;
      error(at, "empty entry in '" + what + "': a phrase needs at least one word");
    }
    return out;
  }

  // A message may name only the placeholders the rules fill in; a misspelt one would be
  // shown to every writer as is.
  void check_message(const YAML::Node& node, std::string_view message) {
    for (std::size_t open = message.find('{'); open != std::string_view::npos; open = message.find('{', open + 1)) {
      const std::size_t close = message.find('}', open + 1);
      const std::size_t next_open = message.find('{', open + 1);
      if (close == std::string_view::npos || next_open < close) {
        error(node, "unclosed '{' in 'message' (at character " +
                        std::to_string(count_code_points(message.substr(0, open)) + 1) +
                        "); placeholders are " + placeholder_list());
        return;
      }
      const std::string name(message.substr(open + 1, close - open - 1));
      if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
        std::vector<std::string> braced;
        for (const auto& p : kPlaceholders) braced.push_back("{" + p + "}");
        error(node, "unknown placeholder '{" + name + "}' in 'message'" + did_you_mean("{" + name + "}", braced) +
                        "; placeholders are " + placeholder_list());
        return;
      }
      open = close;
    }
  }

  static std::string placeholder_list() {
    std::string out;
    for (const auto& p : kPlaceholders) out += (out.empty() ? "{" : ", {") + p + "}";
    return out;
  }

  std::optional<double> number(const YAML::Node& node, const std::string& what) {
    try {
      if (node.IsScalar()) return node.as<double>();
    } catch (const YAML::Exception&) {
    }
    error(node, "'" + what + "' must be a number, not '" + (node.IsScalar() ? node.Scalar() : "a list or map") + "'");
    return std::nullopt;
  }

  // A bound (max, min): a number from 0 to kMaxNumber.
  std::optional<double> bound(const YAML::Node& node, const std::string& what) {
    const std::optional<double> n = number(node, what);
    if (!n) return std::nullopt;
    if (!std::isfinite(*n) || *n < 0 || *n > kMaxNumber) {
      error(node, "'" + what + "' must be a number from 0 to " + format_limit() + ", not '" + node.Scalar() + "'");
      return std::nullopt;
    }
    return n;
  }

  // A count (min_length, min_words, max_words): a whole number from 1 to kMaxNumber.
  std::optional<std::uint32_t> count(const YAML::Node& node, const std::string& what) {
    const std::optional<double> n = number(node, what);
    if (!n) return std::nullopt;
    if (!std::isfinite(*n) || *n < 1 || *n > kMaxNumber || *n != std::floor(*n)) {
      error(node, "'" + what + "' must be a whole number from 1 to " + format_limit() + ", not '" + node.Scalar() + "'");
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(*n);
  }

  static std::string format_limit() { return std::to_string(static_cast<long long>(kMaxNumber)); }

  void parse_languages(const YAML::Node& node) {
    guide_.languages = string_list(node, "languages");
    for (std::size_t i = 0; i < guide_.languages.size(); ++i) {
      const std::string& code = guide_.languages[i];
      if (std::find(kLanguageCodes.begin(), kLanguageCodes.end(), code) != kLanguageCodes.end()) continue;
      const YAML::Node at = node.IsSequence() && i < node.size() ? node[i] : node;
      error(at, unknown_value_message("language code", code, kLanguageCodes));
    }
  }

  template <typename E>
  std::optional<E> choice(const YAML::Node& node, const std::vector<std::string>& names, const std::string& what) {
    if (!node.IsScalar()) {
      scalar(node, what);  // reports "must be a single value", and nothing more
      return std::nullopt;
    }
    const std::string value = node.Scalar();
    if (auto e = enum_of<E>(value, names)) return e;
    error(node, unknown_value_message(what, value, names));
    return std::nullopt;
  }

  // A value of an enum's name table (util/enum_names.h).
  template <typename E, std::size_t N>
  std::optional<E> choice(const YAML::Node& node, const EnumNames<E, N>& table, const std::string& what) {
    const std::vector<std::string> names = names_of(table);
    if (auto index = choice<std::size_t>(node, names, what)) return table[*index].first;
    return std::nullopt;
  }

  // ---- extends -----------------------------------------------------------------------

  void start_from(const Guide& base) {
    guide_ = base;  // start from the base, then apply this file on top
    guide_.path = path_;
    base_rule_ids_.clear();
    rule_positions_.clear();
    for (std::size_t i = 0; i < guide_.rules.size(); ++i) {
      base_rule_ids_.insert(guide_.rules[i].id);
      rule_positions_.emplace(guide_.rules[i].id, i);
    }
  }

  // ---- contexts ----------------------------------------------------------------------

  void parse_contexts(const YAML::Node& node) {
    if (!node.IsMap()) {
      error(node, "'contexts' maps each dimension (channel, situation, audience, emotion) to its values");
      return;
    }
    check_keys(node, kDimensions, "contexts");
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (const YAML::Node values = node[kDimensionNames[d]]) {
        // A guide that extends another may add values; it never removes any.
        for (std::string& v : string_list(values, kDimensionNames[d])) {
          auto& allowed = guide_.allowed[d];
          if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) allowed.push_back(std::move(v));
        }
      }
    }
  }

  bool check_context_value(const YAML::Node& at, std::size_t d, const std::string& value) {
    const auto& allowed = guide_.allowed[d];
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
    if (allowed.empty()) {
      error(at, std::string("dimension '") + kDimensionNames[d] + "' has no values in 'contexts'");
    } else {
      error(at, unknown_value_message(kDimensionNames[d], value, allowed, "; 'contexts' allows: "));
    }
    return false;
  }

  static std::string join(const std::vector<std::string>& values) { return join_names(values); }

  void parse_defaults(const YAML::Node& node) {
    if (!node.IsMap()) {
      error(node, "'defaults' maps dimensions to one value each");
      return;
    }
    check_keys(node, kDimensions, "defaults");
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (const YAML::Node value = node[kDimensionNames[d]]) {
        const std::string v = scalar(value, kDimensionNames[d]);
        if (check_context_value(value, d, v)) guide_.defaults.values[d] = v;
      }
    }
  }

  // ---- rules -------------------------------------------------------------------------

  // A rule's mapping as its kind's parser reads it (guide/rule_kind.h).
  class KindFields final : public RuleYaml {
   public:
    KindFields(Loader& loader, const YAML::Node& node, const MapFields& fields, const std::string& name)
        : loader_(loader), node_(node), fields_(fields), name_(name) {}

    bool has(std::string_view key) const override { return static_cast<bool>(fields_[key]); }
    const std::string& name() const override { return name_; }
    std::optional<std::size_t> choice(std::string_view key, std::span<const std::string_view> names) override {
      const YAML::Node value = fields_[key];
      if (!value) return std::nullopt;
      return loader_.choice<std::size_t>(value, std::vector<std::string>(names.begin(), names.end()), std::string(key));
    }
    std::optional<std::uint32_t> count(std::string_view key) override {
      const YAML::Node value = fields_[key];
      if (!value) return std::nullopt;
      return loader_.count(value, std::string(key));
    }
    std::vector<std::string> strings(std::string_view key) override {
      const YAML::Node value = fields_[key];
      if (!value) return {};
      return loader_.string_list(value, std::string(key));
    }
    std::shared_ptr<const std::unordered_set<std::string>> word_set(std::string_view key) override {
      const YAML::Node value = fields_[key];
      if (!value) return nullptr;
      return loader_.load_lexicon(value);
    }
    void error(const std::string& message) override { loader_.error(node_, message); }

   private:
    Loader& loader_;
    const YAML::Node& node_;
    const MapFields& fields_;
    const std::string& name_;
  };

  std::optional<Rule> parse_rule(const YAML::Node& node, const std::string& entry) {
    if (!node.IsMap()) {
      error(node, entry + " must be a mapping with id, kind, message, ...");
      return std::nullopt;
    }
    const std::size_t errors_before = errors_.size();
    Rule rule;
    rule.origin = origin_of(node, entry);
    check_keys(node, kRuleKeys, "rule");
    const MapFields fields(node);
    if (const YAML::Node id = fields["id"]) {
      rule.id = scalar(id, "id");
      if (id.IsScalar() && is_blank_text(rule.id)) error(id, entry + " has an empty 'id'");
    } else {
      error(node, entry + " has no 'id'");
    }
    const std::string name = rule.id.empty() ? entry : "rule '" + rule.id + "'";
    bool kind_known = false;
    if (const YAML::Node kind = fields["kind"]) {
      if (auto k = choice<std::size_t>(kind, kKinds, "kind")) {
        rule.kind = rule_kinds()[*k];
        kind_known = true;
      }
    } else {
      error(node, name + " has no 'kind' (one of: " + join(kKinds) + ")");
    }
    if (const YAML::Node lang = fields["lang"]) {
      if (auto l = choice(lang, kRuleLangNames, "lang")) rule.lang = *l;
    }
    if (const YAML::Node level = fields["level"]) {
      if (auto l = choice(level, kLevelNames, "level")) rule.level = *l;
    }
    if (const YAML::Node message = fields["message"]) {
      rule.message = scalar(message, "message");
      if (message.IsScalar()) check_message(message, rule.message);
    } else {
      error(node, name + " has no 'message': say what is wrong and what to write instead");
    }
    if (const YAML::Node why = fields["why"]) rule.why = scalar(why, "why");
    if (const YAML::Node level_why = fields["level_why"]) rule.level_why = scalar(level_why, "level_why");
    rule.category = fields["category"] ? scalar(fields["category"], "category") : rule_kind_name(rule.kind);
    if (const YAML::Node fix = fields["fix"]) {
      const std::string f = scalar(fix, "fix");
      if (f == "safe" || f == "unsafe") {
        rule.fix_safe = f == "safe";
      } else {
        error(fix, "unknown fix '" + f + "'" + did_you_mean(f, {"safe", "unsafe"}) + "; expected safe or unsafe");
      }
    }
    if (const YAML::Node mentions = fields["mentions"]) {
      if (auto m = choice(mentions, kMentionPolicyNames, "mentions")) rule.mentions = *m;
    }
    if (const YAML::Node examples = fields["examples"]) parse_examples(examples, &rule);
    if (const YAML::Node words = fields["words"]) rule.words = phrase_list(words, "words");
    if (const YAML::Node lemmas = fields["lemmas"]) rule.lemmas = phrase_list(lemmas, "lemmas");
    if (const YAML::Node tokens = fields["tokens"]) parse_token_patterns(tokens, &rule);
    if (const YAML::Node regex = fields["regex"]) {
      rule.regex = string_list(regex, "regex");
      check_regexes(regex, rule.regex);
    }
    if (const YAML::Node swap = fields["swap"]) parse_swap(swap, &rule);
    if (const YAML::Node dictionary = fields["dictionary"]) load_dictionary(dictionary, &rule);
    if (const YAML::Node unless = fields["unless"]) rule.unless = phrase_list(unless, "unless");
    if (const YAML::Node nfb = fields["not_followed_by"]) rule.not_followed_by = phrase_list(nfb, "not_followed_by");
    if (const YAML::Node max = fields["max"]) rule.max = bound(max, "max");
    if (const YAML::Node min = fields["min"]) rule.min = bound(min, "min");
    const YAML::Node scope_node = fields["scope"];
    if (scope_node && scope_node.IsSequence()) {
      parse_markup_scopes(scope_node, &rule);
      if (rule.kind != nullptr) rule.scope = rule.kind->default_scope;  // a markup list names no unit
    } else if (const YAML::Node scope = scope_node) {
      if (auto s = choice(scope, kScopeNames, "scope")) {
        rule.scope = *s;
        rule.scope_set = true;
      }
    } else if (rule.kind != nullptr) {
      rule.scope = rule.kind->default_scope;  // the kind's unit: metrics measure each sentence
    }
    if (kind_known && rule.kind->parse != nullptr) {  // an unknown kind needs nothing more said
      KindFields view(*this, node, fields, name);
      rule.options = rule.kind->parse(view, rule);
    }
    if (errors_.size() != errors_before) return std::nullopt;
    return rule;
  }

  // scope: [subject, heading] or [!heading, !table_cell]: which markup a rule looks at.
  void parse_markup_scopes(const YAML::Node& node, Rule* rule) {
    const std::vector<std::string> names(kMarkupScopes.begin(), kMarkupScopes.end());
    bool includes = false, excludes = false;
    for (std::size_t i = 0; i < node.size(); ++i) {
      std::string value = node[i].IsScalar() ? node[i].Scalar() : "";
      const bool negated = !value.empty() && value.front() == '!';
      if (negated) value.erase(0, 1);
      if (std::find(names.begin(), names.end(), value) == names.end()) {
        error(node[i], "unknown scope '" + value + "'" + did_you_mean(value, names) +
                           "; a list names markup (" + join(names) + "), a single value the counting unit (" +
                           join(kScopes) + ")");
        continue;
      }
      (negated ? excludes : includes) = true;
      rule->markup_scopes.push_back(value);
    }
    if (includes && excludes) error(node, "a scope list either names the markup to check or, with '!', the markup to skip; not both");
    rule->markup_excludes = excludes;
  }

  void parse_examples(const YAML::Node& node, Rule* rule) {
    if (!node.IsMap()) {
      error(node, "'examples' maps 'bad' and 'good' to lists of example texts");
      return;
    }
    check_keys(node, kExampleKeys, "examples");
    if (const YAML::Node bad = node["bad"]) rule->bad_examples = example_list(bad, "examples.bad", true);
    if (const YAML::Node good = node["good"]) rule->good_examples = example_list(good, "examples.good", false);
  }

  // Each item a text, or {text, format, fixed} (`fixed` for bad examples only).
  std::vector<RuleExample> example_list(const YAML::Node& node, const std::string& what, bool bad) {
    std::vector<RuleExample> out;
    if (!node.IsSequence()) {
      for (std::string& text : string_list(node, what)) out.push_back({std::move(text), {}, {}, 0, 0});
      if (!out.empty()) set_place(node, &out.back());
      return out;
    }
    for (const auto& item : node) {
      RuleExample example;
      set_place(item, &example);
      if (item.IsMap()) {
        check_keys(item, bad ? kBadExampleKeys : kGoodExampleKeys, what + " item");
        if (const YAML::Node text = item["text"]) {
          example.text = scalar(text, what + ".text");
        } else {
          error(item, "an example written as a mapping has 'text' (and 'format'" +
                          std::string(bad ? ", 'fixed'" : "") + ")");
        }
        if (const YAML::Node format = item["format"]) {
          example.format = scalar(format, what + ".format");
          if (!example.format.empty() && extractor_for_format(example.format) == nullptr) {
            error(format, "unknown format '" + example.format + "'" + did_you_mean(example.format, format_names()) +
                              "; expected " + format_name_list());
          }
        }
        if (bad) {
          if (const YAML::Node fixed = item["fixed"]) example.fixed = scalar(fixed, what + ".fixed");
        }
      } else if (item.IsScalar()) {
        if (refuse_nul(item, item.Scalar(), what)) continue;
        example.text = item.Scalar();
      } else {
        error(item, "'" + what + "' items are texts or {text, format" + std::string(bad ? ", fixed" : "") + "}");
        continue;
      }
      out.push_back(std::move(example));
    }
    return out;
  }

  void set_place(const YAML::Node& node, RuleExample* example) const {
    const Location where = location_of(node.Mark());
    example->line = where.line;
    example->column = where.column;
  }

  void parse_token_patterns(const YAML::Node& node, Rule* rule) {
    if (!node.IsSequence()) {
      error(node, "'tokens' is a list of patterns, each a list of {field: value} elements");
      return;
    }
    for (const auto& pattern_node : node) {
      if (!pattern_node.IsSequence() || pattern_node.size() == 0) {
        error(pattern_node, "a token pattern is a non-empty list of {field: value} elements");
        continue;
      }
      TokenPattern pattern;
      for (const auto& element_node : pattern_node) {
        if (!element_node.IsMap()) {
          error(element_node, "a token pattern element is a map such as {lemma: おっしゃる, pos: 動詞}");
          continue;
        }
        check_keys(element_node, kTokenElementKeys, "token pattern element");
        TokenElement element;
        for (std::size_t f = 0; f < kTokenFields.size(); ++f) {
          const std::string& field = kTokenFields[f];
          const YAML::Node value = element_node[field];
          if (!value) continue;
          // "!x" (quoted in YAML) accepts anything but x; a list may not mix the two.
          TokenConstraint constraint{static_cast<TokenField>(f), {}, false};
          for (std::string v : string_list(value, field)) {
            if (!v.empty() && v.front() == '!') {
              constraint.negate = true;
              v.erase(0, 1);
            }
            constraint.values.push_back(std::move(v));
          }
          element.constraints.push_back(std::move(constraint));
        }
        if (const YAML::Node repeat = element_node["repeat"]) {
          const std::string r = scalar(repeat, "repeat");
          if (r == "?") { element.min = 0; element.max = 1; }
          else if (r == "*") { element.min = 0; element.max = 255; }
          else if (r == "+") { element.min = 1; element.max = 255; }
          else error(repeat, "'repeat' is ? (optional), * (any number) or + (one or more), not '" + r + "'");
        }
        if (const YAML::Node negate = element_node["negate"]) {
          bool on = false;
          try {
            on = negate.as<bool>();
          } catch (const YAML::Exception&) {
            error(negate, "'negate' is true or false");
          }
          if (on) {
            for (auto& c : element.constraints) c.negate = !c.negate;
          }
        }
        if (const YAML::Node rewrite = element_node["rewrite"]) {
          if (rule->kind != nullptr && rule->kind->token_rewrites) {
            element.rewrite = scalar(rewrite, "rewrite");
          } else {
            error(rewrite, "'rewrite' belongs to substitution rules; rule '" + rule->id + "' is " +
                               rule_kind_name(rule->kind));
          }
        }
        if (element.constraints.empty()) error(element_node, "a token pattern element needs at least one field");
        pattern.push_back(std::move(element));
      }
      rule->tokens.push_back(std::move(pattern));
    }
  }

  void check_regexes(const YAML::Node& node, const std::vector<std::string>& patterns) {
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error{};
      std::unique_ptr<icu::RegexPattern> compiled(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(patterns[i]), 0, parse_error, status));
      if (U_FAILURE(status)) {
        const YAML::Node at = node.IsSequence() ? node[i] : node;
        error(at, "invalid regex '" + patterns[i] + "': " + u_errorName(status) +
                      (parse_error.offset >= 0 ? " at character " + std::to_string(parse_error.offset + 1) : ""));
      }
    }
  }

  void parse_swap(const YAML::Node& node, Rule* rule) {
    auto add = [&](const YAML::Node& from, const YAML::Node& to) {
      if (!from.IsScalar() || !to.IsScalar()) {
        error(from, "'swap' maps a phrase to its replacement: {from: to}");
        return;
      }
      if (refuse_nul(from, from.Scalar(), "swap") || refuse_nul(to, to.Scalar(), "swap")) return;
      if (is_blank_text(from.Scalar())) {
        error(from, "empty entry in 'swap': a phrase needs at least one word");
        return;
      }
      rule->swap.emplace_back(from.Scalar(), to.Scalar());
    };
    if (node.IsMap()) {
      for (const auto& entry : node) add(entry.first, entry.second);
    } else if (node.IsSequence()) {  // a list of one-entry maps also keeps file order
      for (const auto& item : node) {
        if (item.IsMap()) {
          for (const auto& entry : item) add(entry.first, entry.second);
        } else {
          error(item, "'swap' maps a phrase to its replacement: {from: to}");
        }
      }
    } else {
      error(node, "'swap' maps a phrase to its replacement: {from: to}");
    }
  }

  // A word file (`lexicon:`, `dictionary:`) next to the guide, or at an absolute path: a
  // regular file (a FIFO or /dev/urandom is refused by its type, never read forever) of
  // bounded size.
  Result<std::string> read_word_file(const fs::path& file, std::string_view what) {
    return read_regular_file(file.string(), kMaxWordFileBytes, what);
  }

  // The first line of `bytes` longer than kMaxWordLineBytes, as a Status at that line.
  static Status check_line_lengths(const std::string& path, std::string_view bytes, std::string_view what) {
    std::uint32_t line = 1;
    for (std::size_t start = 0; start < bytes.size(); ++line) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string_view::npos) end = bytes.size();
      if (end - start > kMaxWordLineBytes) {
        return Status(ErrorCode::kTooLarge,
                      std::string(what) + " line of " + std::to_string(end - start) + " bytes exceeds the limit of " +
                          std::to_string(kMaxWordLineBytes) + " bytes; is this a word list?",
                      Location{path, line, 1});
      }
      start = end + 1;
    }
    return {};
  }

  // A plain word list, one word a line (such as /usr/share/dict/american-english); only
  // the all-lowercase entries and the acronyms (all capitals) are kept, since capitalized
  // ones are names. Shared through
  // the cache: the shipped guide names the same 100,000-word list twice.
  std::shared_ptr<const Lexicon> load_lexicon(const YAML::Node& node) {
    const std::string relative = scalar(node, "lexicon");
    if (relative.empty()) {
      if (node.IsScalar()) error(node, "'lexicon' names a word list file");
      return nullptr;
    }
    const fs::path file = fs::path(path_).parent_path() / relative;  // an absolute path stays as is
    auto bytes = read_word_file(file, "lexicon");
    if (!bytes.ok()) {
      error(node, "cannot load lexicon " + relative + ": " + bytes.status().to_string() +
                      (bytes.status().code() == ErrorCode::kNotFound && relative.starts_with("/usr/share/dict/")
                           ? " (install the Debian package that provides it, e.g. wamerican)"
                           : ""));
      return nullptr;
    }
    if (Status s = check_line_lengths(file.string(), *bytes, "lexicon"); !s.ok()) {
      errors_.push_back(std::move(s));
      return nullptr;
    }
    std::error_code ec;
    const std::string key = GuideCache::key_of(fs::absolute(file, ec).lexically_normal().string(), *bytes);
    if (cache_ != nullptr) {
      if (auto shared = cache_->find_lexicon(key)) {
        return shared;
      }
    }
    auto words = std::make_shared<Lexicon>();
    std::size_t lowercase = 0;
    std::string_view rest = *bytes;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        words->emplace(line);
        ++lowercase;
      } else if (line.size() >= 2 && std::all_of(line.begin(), line.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        words->emplace(line);  // an acronym the list knows (ASAP, FYI): written so, never shouting
      }
    }
    if (lowercase == 0) {
      error(node, "lexicon " + file.string() + " has no lowercase words");
      return nullptr;
    }
    if (cache_ != nullptr) cache_->add_lexicon(key, words);
    return words;
  }

  // The column (code points, from 1) where `part`, a view into `line`, starts.
  static std::uint32_t column_of(std::string_view line, std::string_view part) {
    const auto bytes = static_cast<std::size_t>(part.data() - line.data());
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < bytes && i < line.size(); ++i) column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return column;
  }

  // A word list under dictionaries/: one entry a line, '#' starts a comment; for
  // substitution rules each line is "from<TAB>to", optionally "<TAB>unsafe".
  void load_dictionary(const YAML::Node& node, Rule* rule) {
    const std::string relative = scalar(node, "dictionary");
    const fs::path file = fs::path(path_).parent_path() / relative;
    auto bytes = read_word_file(file, "dictionary");
    auto source = bytes.ok() ? load_source_bytes(std::move(*bytes), file.string())
                             : Result<std::unique_ptr<SourceText>>(bytes.status());
    if (!source.ok()) {
      error(node, "cannot load dictionary " + relative + ": " + source.status().to_string());
      return;
    }
    const SourceText& text = **source;
    if (Status s = check_line_lengths(text.path(), text.bytes(), "dictionary"); !s.ok()) {
      errors_.push_back(std::move(s));
      return;
    }
    for (std::uint32_t line = 1; line <= text.lines().line_count(); ++line) {
      std::string_view entry = text.lines().line_text(line);
      if (line == 1 && entry.substr(0, text.bom_length()) == text.bytes().substr(0, text.bom_length())) {
        entry.remove_prefix(text.bom_length());
      }
      if (const std::size_t hash = entry.find('#'); hash != std::string_view::npos) entry = entry.substr(0, hash);
      while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
      while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
      if (entry.empty()) continue;
      if (rule->kind != nullptr && rule->kind->dictionary_swaps) {
        const std::size_t tab = entry.find('\t');
        if (tab == std::string_view::npos) {
          errors_.push_back(Status(ErrorCode::kParse, "a substitution dictionary line is 'from<TAB>to'",
                                   Location{text.path(), line, 1}));
          continue;
        }
        std::string_view to = entry.substr(tab + 1);
        while (!to.empty() && to.front() == '\t') to.remove_prefix(1);
        // An optional third column: `unsafe` (the rewrite may change a fact) or `safe`.
        if (const std::size_t second = to.find('\t'); second != std::string_view::npos) {
          std::string_view safety = to.substr(second + 1);
          to = to.substr(0, second);
          while (!to.empty() && to.back() == '\t') to.remove_suffix(1);
          while (!safety.empty() && safety.front() == '\t') safety.remove_prefix(1);
          if (safety != "unsafe" && safety != "safe") {
            errors_.push_back(Status(ErrorCode::kParse,
                                     "a substitution dictionary line's third column is 'safe' or 'unsafe', not '" +
                                         std::string(safety) + "'",
                                     Location{text.path(), line, column_of(text.lines().line_text(line), safety)}));
            continue;
          }
          if (safety == "unsafe") rule->unsafe_swaps.push_back(rule->swap.size());
        }
        rule->swap.emplace_back(std::string(entry.substr(0, tab)), std::string(to));
      } else {
        rule->words.emplace_back(entry);
      }
    }
  }

  void add_voice_rule(Rule rule) {
    // By a map, not a scan: a guide of 10,000 rules must not take 50 million comparisons.
    const auto [position, added] = rule_positions_.emplace(rule.id, guide_.rules.size());
    if (!added) {
      const auto existing = guide_.rules.begin() + static_cast<std::ptrdiff_t>(position->second);
      if (base_rule_ids_.count(rule.id) != 0) {
        *existing = std::move(rule);  // a team guide redefines a company rule: merged by id
        base_rule_ids_.erase(existing->id);
        return;
      }
      errors_.push_back(Status(ErrorCode::kParse,
                               "duplicate rule id '" + rule.id + "' (first defined at line " +
                                   std::to_string(existing->origin.line) + ")",
                               Location{rule.origin.path, rule.origin.line, rule.origin.column}));
      return;
    }
    guide_.rules.push_back(std::move(rule));
  }

  // ---- tones -------------------------------------------------------------------------

  void parse_tone(const YAML::Node& node, std::size_t index) {
    const std::string entry = "tones[" + std::to_string(index) + "]";
    if (!node.IsMap()) {
      error(node, entry + " must be a mapping with 'when' and 'set' and/or 'rules'");
      return;
    }
    check_keys(node, kToneKeys, entry);
    ToneEntry tone;
    tone.origin = origin_of(node, entry);
    if (const YAML::Node when = node["when"]) {
      if (!when.IsMap()) {
        error(when, "'when' maps dimensions to a value or a list of values");
      } else {
        check_keys(when, kDimensions, "'when'");
        for (std::size_t d = 0; d < kDimensionCount; ++d) {
          const YAML::Node values = when[kDimensionNames[d]];
          if (!values) continue;
          ++tone.specificity;
          const std::vector<std::string> list = string_list(values, kDimensionNames[d]);
          for (std::size_t i = 0; i < list.size(); ++i) {
            check_context_value(values.IsSequence() ? values[i] : values, d, list[i]);
          }
          tone.when[d] = list;
        }
      }
    } else {
      error(node, entry + " has no 'when': say which contexts it applies to");
    }
    if (const YAML::Node set = node["set"]) {
      if (!set.IsMap()) {
        error(set, "'set' maps rule ids to the fields to override, e.g. {exclamation: {max: 0}}");
      } else {
        for (const auto& item : set) parse_override(item.first, item.second, entry, &tone);
      }
    }
    if (const YAML::Node rules = node["rules"]) {
      if (!rules.IsSequence()) {
        error(rules, "'rules' must be a list of rules");
      } else {
        for (std::size_t i = 0; i < rules.size(); ++i) {
          auto rule = parse_rule(rules[i], entry + ".rules[" + std::to_string(i) + "]");
          if (!rule) continue;
          const bool clash = std::any_of(tone.rules.begin(), tone.rules.end(), [&](const Rule& r) { return r.id == rule->id; });
          if (clash) {
            error(rules[i], "duplicate rule id '" + rule->id + "' in " + entry);
            continue;
          }
          tone.rules.push_back(std::move(*rule));
        }
      }
    }
    guide_.tones.push_back(std::move(tone));
  }

  void parse_override(const YAML::Node& key, const YAML::Node& fields, const std::string& entry, ToneEntry* tone) {
    ToneEntry::Override o;
    o.rule_id = key.Scalar();
    o.origin = origin_of(key, entry);
    if (!fields.IsMap()) {
      error(fields, "'set: " + o.rule_id + "' takes a map of fields, e.g. {level: error} or {off: true}");
      return;
    }
    check_keys(fields, kSetKeys, "'set: " + o.rule_id + "'");
    if (const YAML::Node off = fields["off"]) {
      try {
        o.off = off.as<bool>();  // YAML booleans: true, True, yes, on, ...
      } catch (const YAML::Exception&) {
        error(off, "'off' is true or false");
      }
    }
    if (const YAML::Node level = fields["level"]) o.level = choice(level, kLevelNames, "level");
    if (const YAML::Node level_why = fields["level_why"]) {
      o.level_why = scalar(level_why, "level_why");
      // A reason belongs to the level it explains; alone it would outlive a changed level.
      if (!fields["level"]) error(level_why, "'set: " + o.rule_id + "' gives 'level_why' without a 'level' to explain");
    }
    if (const YAML::Node max = fields["max"]) o.max = bound(max, "max");
    if (const YAML::Node min = fields["min"]) o.min = bound(min, "min");
    if (const YAML::Node message = fields["message"]) {
      o.message = scalar(message, "message");
      if (message.IsScalar()) check_message(message, *o.message);
    }
    if (const YAML::Node scope = fields["scope"]) o.scope = choice(scope, kScopeNames, "scope");
    pending_overrides_.push_back({key, o.rule_id});
    tone->set.push_back(std::move(o));
  }

  // `set:` may name any rule of the guide, including rules that only a tone defines.
  void check_references() {
    std::vector<std::string> ids;
    std::unordered_set<std::string> known;
    for (const Rule& r : guide_.rules) {
      if (known.insert(r.id).second) ids.push_back(r.id);
    }
    for (const ToneEntry& t : guide_.tones) {
      for (const Rule& r : t.rules) {
        if (known.insert(r.id).second) ids.push_back(r.id);
      }
    }
    for (const auto& [node, id] : pending_overrides_) {
      if (known.count(id) == 0) {
        error(node, "'set' names rule '" + id + "', which the guide does not define" + did_you_mean(id, ids));
      }
    }
  }

  GuideLoad finish() {
    // File order: errors of an extended guide first, then this file's by line and column.
    std::stable_sort(errors_.begin(), errors_.end(), [&](const Status& a, const Status& b) {
      const auto key = [&](const Status& s) {
        return std::make_tuple(s.location().path == path_, s.location().line, s.location().column);
      };
      return key(a) < key(b);
    });
    GuideLoad result;
    if (errors_.empty()) {
      guide_.path = path_;
      result.guide = std::make_shared<const Guide>(std::move(guide_));
    }
    result.errors = std::move(errors_);
    return result;
  }

  std::string path_;
  std::string_view text_;
  LineIndex lines_;
  GuideCache* cache_;  // may be null
  YAML::Node root_;
  Guide guide_;
  std::vector<Status> errors_;
  std::set<std::string> base_rule_ids_;  // ids this file may redefine (from `extends`)
  std::unordered_map<std::string, std::size_t> rule_positions_;  // voice rule id → index in guide_.rules
  std::vector<std::pair<YAML::Node, std::string>> pending_overrides_;
};

}  // namespace

namespace {

// A guide file's bytes: a regular file (a FIFO is refused by its type, not waited on) of at
// most kMaxGuideBytes.
Result<std::string> read_guide_file(const std::string& path) { return read_regular_file(path, kMaxGuideBytes, "guide"); }

// The text of a guide read by `read`: UTF-8 without NUL bytes; a leading BOM is dropped.
Result<std::string> read_guide_text(const std::string& path, const GuideReader& read) {
  auto bytes = read(path);
  if (!bytes.ok()) return bytes.status();
  if (Status s = check_text(path, *bytes); !s.ok()) return s;
  if (bytes->starts_with("\xEF\xBB\xBF")) bytes->erase(0, 3);
  return bytes;
}

// One file of an `extends:` chain, parsed but not yet built.
struct ChainLink {
  std::string path;       // as the loader names it (relative names resolve against it)
  std::string canonical;  // to refuse cycles
  std::string text;
  std::string relative;   // how the file before it names it in `extends:` (empty for the first)
  YAML::Node extends;     // this file's `extends:`, when it names a base
  std::unique_ptr<Loader> loader;  // reads `text`, so a link is never moved (held by pointer)
};

std::string canonical_path(const fs::path& path) {
  std::error_code ec;
  return fs::weakly_canonical(path, ec).string();
}

// "a.yaml → b.yaml → c.yaml → … (58 more) … → x.yaml → y.yaml → z.yaml"
std::string describe_chain(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 3;
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names.size() > 2 * kShown + 1 && i == kShown) {
      out += " → … (" + std::to_string(names.size() - 2 * kShown) + " more) …";
      i = names.size() - kShown - 1;
      continue;
    }
    out += (out.empty() ? "" : " → ") + names[i];
  }
  return out;
}

// Loads the guide `path` names with its text, following `extends:` in a loop: every file
// of the chain is read and parsed first (refusing a cycle, or a chain of more than
// kMaxExtendsDepth files, at the `extends:` that makes it), then the guides are built from
// the last base up. No recursion: the chain's length costs no stack.
GuideLoad load_chain(const std::string& path, std::string text, GuideCache* cache, const GuideReader& read) {
  std::vector<std::unique_ptr<ChainLink>> links;
  auto add_link = [&](std::string link_path, std::string link_text, std::string relative) {
    auto link = std::make_unique<ChainLink>();
    link->path = std::move(link_path);
    link->canonical = canonical_path(link->path);
    link->text = std::move(link_text);
    link->relative = std::move(relative);
    link->loader = std::make_unique<Loader>(link->path, link->text, cache);
    links.push_back(std::move(link));
  };
  // A broken base is reported with its own errors, then once in the first file, at its
  // `extends:` (not at every file between: a long chain would repeat it for each).
  auto failed = [&](std::vector<Status> errors, std::size_t at) {
    GuideLoad result;
    result.errors = std::move(errors);
    if (at > 0) {
      const ChainLink& first = *links.front();
      const YAML::Mark mark = first.extends.Mark();
      result.errors.push_back(Status(ErrorCode::kParse,
                                     "the guide this one extends (" + links[1]->relative + ") has errors",
                                     yaml_location(first.path, LineIndex(first.text), mark)));
    }
    return result;
  };

  add_link(path, std::move(text), {});
  for (;;) {
    ChainLink& link = *links.back();
    const std::size_t at = links.size() - 1;
    if (!link.loader->parse()) return failed(link.loader->errors_only().errors, at);
    const YAML::Node node = link.loader->extends_node();
    if (!node) break;
    const std::optional<std::string> relative = link.loader->extends_target(node);
    if (!relative) return failed(link.loader->errors_only().errors, at);
    if (relative->empty()) break;
    link.extends = node;
    const fs::path base_path = (fs::path(link.path).parent_path() / *relative).lexically_normal();
    const std::string canonical = canonical_path(base_path);
    const bool cycle = std::any_of(links.begin(), links.end(), [&](const auto& l) { return l->canonical == canonical; });
    if (cycle) {
      link.loader->error(node, "'extends' makes a cycle: " + *relative + " already extends this guide");
      return failed(link.loader->errors_only().errors, at);
    }
    if (links.size() >= kMaxExtendsDepth) {
      std::vector<std::string> names;
      for (const auto& l : links) names.push_back(l->path);
      names.push_back(base_path.string());
      link.loader->error(node, "'extends' chain is longer than " + std::to_string(kMaxExtendsDepth) +
                                   " guides: " + describe_chain(names));
      return failed(link.loader->errors_only().errors, at);
    }
    auto base_text = read_guide_text(base_path.string(), read);
    if (!base_text.ok()) {
      add_link(base_path.string(), {}, *relative);
      return failed({base_text.status()}, at + 1);
    }
    add_link(base_path.string(), std::move(*base_text), *relative);
  }

  // Built from the last base up. A guide's cache key is its own file's and every base's.
  std::shared_ptr<const Guide> guide;
  std::string key;
  for (std::size_t i = links.size(); i-- > 0;) {
    const ChainLink& link = *links[i];
    std::error_code ec;
    key = GuideCache::key_of(fs::absolute(link.path, ec).lexically_normal().string(), link.text) + '\n' + key;
    if (cache != nullptr) {
      if (auto known = cache->find_guide(key)) {
        guide = std::move(known);
        continue;
      }
    }
    GuideLoad built = link.loader->build(guide);
    if (!built.ok()) return failed(std::move(built.errors), i);
    if (cache != nullptr) cache->add_guide(key, built.guide);
    guide = std::move(built.guide);
  }
  GuideLoad result;
  result.guide = std::move(guide);
  return result;
}

}  // namespace

GuideLoad load_guide_file(const std::string& path, GuideCache* cache) {
  auto text = read_guide_text(path, read_guide_file);
  if (!text.ok()) {
    GuideLoad failed;
    failed.errors.push_back(text.status());
    return failed;
  }
  GuideCache local;  // shares within this one load: the shipped guide names one lexicon twice
  return load_chain(path, std::move(*text), cache != nullptr ? cache : &local, read_guide_file);
}

GuideLoad load_guide_text(std::string_view yaml, const std::string& path, GuideCache* cache) {
  return load_guide_text(yaml, path, cache, read_guide_file);
}

GuideLoad load_guide_text(std::string_view yaml, const std::string& path, GuideCache* cache, const GuideReader& read) {
  if (Status s = check_text(path, yaml); !s.ok()) {
    GuideLoad failed;
    failed.errors.push_back(s);
    return failed;
  }
  GuideCache local;
  return load_chain(path, std::string(yaml), cache != nullptr ? cache : &local, read);
}

Result<Context> complete_context(const Guide& guide, const Context& requested) {
  Context out = guide.defaults;
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    const std::string& value = requested.values[d];
    if (value.empty()) continue;
    const auto& allowed = guide.allowed[d];
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      return Status(ErrorCode::kInvalidArgument,
                    unknown_value_message(kDimensionNames[d], value, allowed, " for guide '" + guide.id + "'; allowed: "),
                    Location{guide.path});
    }
    out.values[d] = value;
  }
  return out;
}

}  // namespace tonelint
