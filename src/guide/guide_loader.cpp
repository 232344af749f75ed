#include "guide/guide_loader.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "guide/did_you_mean.h"
#include "input/line_index.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "util/yaml_guard.h"
#include "util/yaml_location.h"

namespace tonelint {

// Loads one file of an `extends` chain; `chain` holds the files being loaded.
GuideLoad load_guide_chain(const std::string& path, std::vector<std::string>* chain);

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {"guide", "description", "languages", "extends", "contexts",
                                           "defaults", "rules", "tones"};
const std::vector<std::string> kRuleKeys = {
    "id",    "kind",  "lang",     "level", "message",  "why",    "fix",        "examples", "category",
    "words", "lemmas", "tokens",  "regex", "swap",     "dictionary", "max", "min",
    "scope", "position", "metric", "style", "min_length", "allow", "unless", "not_followed_by",
    "lexicon", "min_words", "max_words"};
const std::vector<std::string> kToneKeys = {"when", "set", "rules"};
const std::vector<std::string> kSetKeys = {"off", "level", "max", "min", "message", "scope"};
const std::vector<std::string> kExampleKeys = {"bad", "good"};
const std::vector<std::string> kTokenFields(kTokenFieldNames.begin(), kTokenFieldNames.end());
const std::vector<std::string> kTokenElementKeys = [] {
  std::vector<std::string> keys = kTokenFields;
  keys.insert(keys.end(), {"repeat", "negate", "rewrite"});
  return keys;
}();
const std::vector<std::string> kKinds = {"existence", "substitution", "occurrence", "required",
                                         "metric",    "register",     "capitalization"};
const std::vector<std::string> kLevels = {"error", "warning", "suggestion"};
const std::vector<std::string> kLangs = {"any", "ja", "en"};
const std::vector<std::string> kScopes = {"message", "paragraph", "sentence"};
const std::vector<std::string> kPositions = {"start", "end"};
const std::vector<std::string> kMetrics = {"sentence_length", "readability", "touten", "kanji_ratio"};
const std::vector<std::string> kStyles = {"consistent", "polite", "plain", "formal"};
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

class Loader {
 public:
  Loader(std::string path, std::string_view text, std::vector<std::string>* chain)
      : path_(std::move(path)), text_(text), lines_(text_), chain_(chain) {}

  GuideLoad load() {
    if (auto bomb = find_yaml_bomb(text_)) {
      errors_.push_back(Status(ErrorCode::kTooLarge, bomb->message, location_of(bomb->mark)));
      return finish();
    }
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& e) {
      errors_.push_back(Status(ErrorCode::kParse, "invalid YAML: " + e.msg, location_of(e.mark)));
      return finish();
    }
    if (!root.IsMap()) {
      error(root, "a guide is a YAML mapping with 'guide', 'contexts', 'rules' and 'tones'");
      return finish();
    }
    check_keys(root, kTopKeys, "guide");
    if (const YAML::Node base = root["extends"]) load_base(base);
    if (const YAML::Node id = root["guide"]) {
      guide_.id = scalar(id, "guide");
    } else if (guide_.id.empty()) {
      error(root, "missing 'guide': the guide's id, which prefixes every rule id");
    }
    if (const YAML::Node langs = root["languages"]) guide_.languages = string_list(langs, "languages");
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

 private:
  // ---- errors ------------------------------------------------------------------------

  Location location_of(const YAML::Mark& mark) const { return yaml_location(path_, lines_, mark); }

  void error(const YAML::Node& at, const std::string& message) {
    errors_.push_back(Status(ErrorCode::kParse, message, location_of(at.Mark())));
  }

  Origin origin_of(const YAML::Node& at, std::string entry) const {
    const Location where = location_of(at.Mark());
    return Origin{where.path, where.line, where.column, std::move(entry)};
  }

  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& what) {
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        error(entry.first, "unknown key '" + key + "' in " + what + did_you_mean(key, allowed));
      }
    }
  }

  // ---- scalars -----------------------------------------------------------------------

  std::string scalar(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, "'" + what + "' must be a single value");
      return {};
    }
    return node.Scalar();
  }

  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (item.IsScalar()) {
          out.push_back(item.Scalar());
        } else {
          error(item, "'" + what + "' must be a list of strings");
        }
      }
    } else if (!node.IsNull()) {
      error(node, "'" + what + "' must be a list of strings");
    }
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

  template <typename E>
  std::optional<E> choice(const YAML::Node& node, const std::vector<std::string>& names, const std::string& what) {
    if (!node.IsScalar()) {
      scalar(node, what);  // reports "must be a single value", and nothing more
      return std::nullopt;
    }
    const std::string value = node.Scalar();
    if (auto e = enum_of<E>(value, names)) return e;
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    error(node, "unknown " + what + " '" + value + "'" + did_you_mean(value, names) + "; expected one of: " + list);
    return std::nullopt;
  }

  // ---- extends -----------------------------------------------------------------------

  void load_base(const YAML::Node& node) {
    const std::string relative = scalar(node, "extends");
    if (relative.empty()) return;
    const fs::path base_path = fs::path(path_).parent_path() / relative;
    std::error_code ec;
    const std::string canonical = fs::weakly_canonical(base_path, ec).string();
    if (std::find(chain_->begin(), chain_->end(), canonical) != chain_->end()) {
      error(node, "'extends' makes a cycle: " + relative + " already extends this guide");
      return;
    }
    chain_->push_back(canonical);
    GuideLoad base = load_guide_chain(base_path.string(), chain_);
    chain_->pop_back();
    if (!base.ok()) {
      for (Status& e : base.errors) errors_.push_back(std::move(e));
      error(node, "the guide this one extends (" + relative + ") has errors");
      return;
    }
    guide_ = *base.guide;  // start from the base, then apply this file on top
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
      error(at, std::string("unknown ") + kDimensionNames[d] + " '" + value + "'" + did_you_mean(value, allowed) +
                    "; 'contexts' allows: " + join(allowed));
    }
    return false;
  }

  static std::string join(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
  }

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
    } else {
      error(node, entry + " has no 'id'");
    }
    const std::string name = rule.id.empty() ? entry : "rule '" + rule.id + "'";
    bool kind_known = false;
    if (const YAML::Node kind = fields["kind"]) {
      if (auto k = choice<RuleKind>(kind, kKinds, "kind")) {
        rule.kind = *k;
        kind_known = true;
      }
    } else {
      error(node, name + " has no 'kind' (one of: " + join(kKinds) + ")");
    }
    if (const YAML::Node lang = fields["lang"]) {
      if (auto l = choice<RuleLang>(lang, kLangs, "lang")) rule.lang = *l;
    }
    if (const YAML::Node level = fields["level"]) {
      if (auto l = choice<Level>(level, kLevels, "level")) rule.level = *l;
    }
    if (const YAML::Node message = fields["message"]) {
      rule.message = scalar(message, "message");
    } else {
      error(node, name + " has no 'message': say what is wrong and what to write instead");
    }
    if (const YAML::Node why = fields["why"]) rule.why = scalar(why, "why");
    rule.category = fields["category"] ? scalar(fields["category"], "category") : kKinds[static_cast<std::size_t>(rule.kind)];
    if (const YAML::Node fix = fields["fix"]) {
      const std::string f = scalar(fix, "fix");
      if (f == "safe" || f == "unsafe") {
        rule.fix_safe = f == "safe";
      } else {
        error(fix, "unknown fix '" + f + "'" + did_you_mean(f, {"safe", "unsafe"}) + "; expected safe or unsafe");
      }
    }
    if (const YAML::Node examples = fields["examples"]) parse_examples(examples, &rule);
    if (const YAML::Node words = fields["words"]) rule.words = string_list(words, "words");
    if (const YAML::Node lemmas = fields["lemmas"]) rule.lemmas = string_list(lemmas, "lemmas");
    if (const YAML::Node tokens = fields["tokens"]) parse_token_patterns(tokens, &rule);
    if (const YAML::Node regex = fields["regex"]) {
      rule.regex = string_list(regex, "regex");
      check_regexes(regex, rule.regex);
    }
    if (const YAML::Node swap = fields["swap"]) parse_swap(swap, &rule);
    if (const YAML::Node dictionary = fields["dictionary"]) load_dictionary(dictionary, &rule);
    if (const YAML::Node unless = fields["unless"]) rule.unless = string_list(unless, "unless");
    if (const YAML::Node nfb = fields["not_followed_by"]) rule.not_followed_by = string_list(nfb, "not_followed_by");
    if (const YAML::Node max = fields["max"]) rule.max = number(max, "max");
    if (const YAML::Node min = fields["min"]) rule.min = number(min, "min");
    const YAML::Node scope_node = fields["scope"];
    if (scope_node && scope_node.IsSequence()) {
      parse_markup_scopes(scope_node, &rule);
      if (rule.kind == RuleKind::kMetric) rule.scope = Scope::kSentence;  // still measured per sentence
    } else if (const YAML::Node scope = scope_node) {
      if (auto s = choice<Scope>(scope, kScopes, "scope")) {
        rule.scope = *s;
        rule.scope_set = true;
      }
    } else if (rule.kind == RuleKind::kMetric) {
      rule.scope = Scope::kSentence;  // metrics are measured per sentence unless told otherwise
    }
    if (const YAML::Node position = fields["position"]) {
      if (auto p = choice<int>(position, kPositions, "position")) rule.position = *p == 0 ? Anchor::kStart : Anchor::kEnd;
    }
    if (const YAML::Node metric = fields["metric"]) {
      rule.metric = scalar(metric, "metric");
      if (std::find(kMetrics.begin(), kMetrics.end(), rule.metric) == kMetrics.end()) {
        error(metric, "unknown metric '" + rule.metric + "'" + did_you_mean(rule.metric, kMetrics) +
                          "; expected one of: " + join(kMetrics));
      }
    }
    if (const YAML::Node style = fields["style"]) {
      rule.style = scalar(style, "style");
      if (std::find(kStyles.begin(), kStyles.end(), rule.style) == kStyles.end()) {
        error(style, "unknown style '" + rule.style + "'" + did_you_mean(rule.style, kStyles) +
                         "; expected one of: " + join(kStyles));
      }
    }
    if (const YAML::Node min_length = fields["min_length"]) {
      if (auto n = number(min_length, "min_length"); n && *n >= 1) rule.min_length = static_cast<std::uint32_t>(*n);
    }
    if (const YAML::Node min_words = fields["min_words"]) {
      if (auto n = number(min_words, "min_words"); n && *n >= 1) rule.min_words = static_cast<std::uint32_t>(*n);
    }
    if (const YAML::Node max_words = fields["max_words"]) {
      if (auto n = number(max_words, "max_words"); n && *n >= 1) rule.max_words = static_cast<std::uint32_t>(*n);
    }
    if (const YAML::Node allow = fields["allow"]) rule.allow = string_list(allow, "allow");
    if (const YAML::Node lexicon = fields["lexicon"]) load_lexicon(lexicon, &rule);
    if (kind_known) check_kind_fields(node, fields, name, rule);  // an unknown kind needs nothing more said
    if (errors_.size() != errors_before) return std::nullopt;
    return rule;
  }

  // What each kind cannot do without.
  // Judged by which keys are written, so a malformed value (max: lots) is reported once, as
  // malformed, and not again as missing.
  void check_kind_fields(const YAML::Node& node, const MapFields& fields, const std::string& name, const Rule& rule) {
    const bool has_pattern = fields["words"] || fields["lemmas"] || fields["tokens"] || fields["regex"] || fields["dictionary"];
    const bool has_bound = fields["max"] || fields["min"];
    switch (rule.kind) {
      case RuleKind::kExistence:
        if (!has_pattern) error(node, name + " (existence) needs words, lemmas, tokens, regex or a dictionary");
        break;
      case RuleKind::kSubstitution: {
        const bool rewrites = std::any_of(rule.tokens.begin(), rule.tokens.end(), [](const TokenPattern& p) {
          return std::any_of(p.begin(), p.end(), [](const TokenElement& e) { return e.rewrite.has_value(); });
        });
        if (!fields["swap"] && !fields["dictionary"] && !rewrites) {
          error(node, name + " (substitution) needs 'swap: {from: to}', a dictionary, or token patterns with a 'rewrite'");
        }
        break;
      }
      case RuleKind::kOccurrence:
        if (!has_pattern) error(node, name + " (occurrence) needs words, lemmas, tokens or regex to count");
        if (!has_bound) error(node, name + " (occurrence) needs 'max' or 'min'");
        break;
      case RuleKind::kRequired:
        if (!has_pattern) error(node, name + " (required) needs words, lemmas, tokens or regex, one of which must appear");
        break;
      case RuleKind::kMetric:
        if (!fields["metric"]) error(node, name + " (metric) needs 'metric' (one of: " + join(kMetrics) + ")");
        if (!has_bound) error(node, name + " (metric) needs 'max' or 'min'");
        break;
      case RuleKind::kRegister:
        if (!fields["style"]) error(node, name + " (register) needs 'style' (one of: " + join(kStyles) + ")");
        break;
      case RuleKind::kCapitalization:
        break;
    }
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
    if (const YAML::Node bad = node["bad"]) rule->bad_examples = string_list(bad, "examples.bad");
    if (const YAML::Node good = node["good"]) rule->good_examples = string_list(good, "examples.good");
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
          if (rule->kind == RuleKind::kSubstitution) {
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

  // A plain word list, one word a line (such as /usr/share/dict/american-english); only
  // the all-lowercase entries are kept, since capitalized ones are names.
  void load_lexicon(const YAML::Node& node, Rule* rule) {
    const std::string relative = scalar(node, "lexicon");
    const fs::path file = fs::path(path_).parent_path() / relative;  // an absolute path stays as is
    std::ifstream in(file);
    if (!in) {
      error(node, "cannot read lexicon " + file.string() +
                      (relative.starts_with("/usr/share/dict/") ? " (install the Debian package that provides it, e.g. wamerican)" : ""));
      return;
    }
    auto words = std::make_shared<std::unordered_set<std::string>>();
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        words->insert(line);
      }
    }
    if (words->empty()) {
      error(node, "lexicon " + file.string() + " has no lowercase words");
      return;
    }
    rule->lexicon = std::move(words);
  }

  // A word list under dictionaries/: one entry a line, '#' starts a comment; for
  // substitution rules each line is "from<TAB>to".
  void load_dictionary(const YAML::Node& node, Rule* rule) {
    const std::string relative = scalar(node, "dictionary");
    const fs::path file = fs::path(path_).parent_path() / relative;
    auto source = load_source_file(file.string());
    if (!source.ok()) {
      error(node, "cannot load dictionary " + relative + ": " + source.status().to_string());
      return;
    }
    const SourceText& text = **source;
    for (std::uint32_t line = 1; line <= text.lines().line_count(); ++line) {
      std::string_view entry = text.lines().line_text(line);
      if (line == 1 && entry.substr(0, text.bom_length()) == text.bytes().substr(0, text.bom_length())) {
        entry.remove_prefix(text.bom_length());
      }
      if (const std::size_t hash = entry.find('#'); hash != std::string_view::npos) entry = entry.substr(0, hash);
      while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
      while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
      if (entry.empty()) continue;
      if (rule->kind == RuleKind::kSubstitution) {
        const std::size_t tab = entry.find('\t');
        if (tab == std::string_view::npos) {
          errors_.push_back(Status(ErrorCode::kParse, "a substitution dictionary line is 'from<TAB>to'",
                                   Location{text.path(), line, 1}));
          continue;
        }
        std::string_view to = entry.substr(tab + 1);
        while (!to.empty() && to.front() == '\t') to.remove_prefix(1);
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
    if (const YAML::Node level = fields["level"]) o.level = choice<Level>(level, kLevels, "level");
    if (const YAML::Node max = fields["max"]) o.max = number(max, "max");
    if (const YAML::Node min = fields["min"]) o.min = number(min, "min");
    if (const YAML::Node message = fields["message"]) o.message = scalar(message, "message");
    if (const YAML::Node scope = fields["scope"]) o.scope = choice<Scope>(scope, kScopes, "scope");
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
  std::vector<std::string>* chain_;  // canonical paths being loaded, to refuse cycles
  Guide guide_;
  std::vector<Status> errors_;
  std::set<std::string> base_rule_ids_;  // ids this file may redefine (from `extends`)
  std::unordered_map<std::string, std::size_t> rule_positions_;  // voice rule id → index in guide_.rules
  std::vector<std::pair<YAML::Node, std::string>> pending_overrides_;
};

}  // namespace

GuideLoad load_guide_chain(const std::string& path, std::vector<std::string>* chain) {
  auto source = load_source_file(path);
  if (!source.ok()) {
    GuideLoad failed;
    failed.errors.push_back(source.status());
    return failed;
  }
  Loader loader(path, (*source)->bytes().substr((*source)->bom_length()), chain);
  return loader.load();
}

GuideLoad load_guide_file(const std::string& path) {
  std::vector<std::string> chain;
  std::error_code ec;
  chain.push_back(fs::weakly_canonical(path, ec).string());
  return load_guide_chain(path, &chain);
}

GuideLoad load_guide_text(std::string_view yaml, const std::string& path) {
  if (Status s = check_text(path, yaml); !s.ok()) {
    GuideLoad failed;
    failed.errors.push_back(s);
    return failed;
  }
  std::vector<std::string> chain;
  Loader loader(path, yaml, &chain);
  return loader.load();
}

Result<Context> complete_context(const Guide& guide, const Context& requested) {
  Context out = guide.defaults;
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    const std::string& value = requested.values[d];
    if (value.empty()) continue;
    const auto& allowed = guide.allowed[d];
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      std::string list;
      for (const auto& v : allowed) list += (list.empty() ? "" : ", ") + v;
      return Status(ErrorCode::kInvalidArgument,
                    std::string("unknown ") + kDimensionNames[d] + " '" + value + "'" + did_you_mean(value, allowed) +
                        " for guide '" + guide.id + "'; allowed: " + list,
                    Location{guide.path});
    }
    out.values[d] = value;
  }
  return out;
}

}  // namespace tonelint
