// Reading a file of annotated drafts (tonelint/case_file.h): each case checked against the
// guide as it is read, so a measurement never runs on a case it would misread.
#include "tonelint/case_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "api/api_guard.h"
#include "guide/did_you_mean.h"
#include "guide/yaml_location.h"
#include "guide/yaml_schema.h"
#include "input/regular_file.h"
#include "input/source_text.h"
#include "util/yaml_depth.h"
#include "util/yaml_guard.h"

namespace tonelint {
namespace {

// Far above any hand-annotated set (the development sets are some 100 KB each).
constexpr std::size_t kMaxCaseFileBytes = std::size_t{16} << 20;

const std::vector<std::string> kCaseKeys = {"id", "context", "text", "expect", "note"};
const std::vector<std::string> kExpectKeys = {"text", "category", "why", "note"};

class CaseParser {
 public:
  CaseParser(const SourceText& source, const ToneGuide& guide) : source_(source), guide_(guide) {}

  Result<CaseFile> parse() {
    const std::string_view text = source_.text();
    if (auto bomb = find_yaml_bomb(text)) return Status(ErrorCode::kTooLarge, bomb->message, where(bomb->mark));
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      const YamlFailure failure = describe_yaml_failure(text, e);
      return Status(ErrorCode::kParse, "invalid YAML: " + failure.message, where(failure.mark));
    }
    CaseFile out;
    out.path = source_.path();
    if (root.IsNull()) return out;  // an empty file: no cases
    if (!root.IsSequence()) return error(root, "a case file is a YAML list of cases, each with id, context, text and expect");
    std::set<std::string> ids;
    for (const YAML::Node& node : root) {
      auto c = parse_case(node);
      if (!c.ok()) return c.status();
      if (!ids.insert(c->id).second) return error(node["id"], "duplicate case id '" + c->id + "'");
      out.cases.push_back(std::move(*c));
    }
    return out;
  }

 private:
  Location where(const YAML::Mark& mark) const {
    return yaml_location(source_.path(), source_.lines(), mark);
  }
  Status error(const YAML::Node& node, const std::string& message) const {
    return Status(ErrorCode::kParse, message, where(node.Mark()));
  }

  Result<std::string> scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) return error(node, "'" + what + "' is a text");
    return node.Scalar();
  }

  // The key `key` of a case or expectation, which must be there.
  Result<YAML::Node> required(const YAML::Node& map, const char* key, const std::string& whose) const {
    const YAML::Node value = map[key];
    if (!value) return error(map, whose + " has no '" + key + "'");
    return value;
  }

  Result<DraftCase> parse_case(const YAML::Node& node) const {
    if (!node.IsMap()) return error(node, "a case is a mapping with id, context, text and expect");
    if (auto unknown = unknown_keys(node, kCaseKeys, "a case"); !unknown.empty()) {
      return error(unknown.front().first, unknown.front().second);
    }
    DraftCase out;
    out.where = where(node.Mark());
    auto id = required(node, "id", "a case");
    if (!id.ok()) return id.status();
    auto id_text = scalar(*id, "id");
    if (!id_text.ok()) return id_text.status();
    out.id = *id_text;
    if (out.id.empty()) return error(*id, "a case's 'id' is not empty");
    const std::string whose = "case '" + out.id + "'";
    if (const YAML::Node context = node["context"]) {
      if (Status s = parse_context(context, &out.context); !s.ok()) return s;
    }
    auto text = required(node, "text", whose);
    if (!text.ok()) return text.status();
    auto text_value = scalar(*text, "text");
    if (!text_value.ok()) return text_value.status();
    out.text = *text_value;
    auto expect = required(node, "expect", whose);
    if (!expect.ok()) return expect.status();
    if (!expect->IsSequence()) {
      return error(*expect, "'expect' of " + whose + " is a list of {text, category, why}, or [] for a clean draft");
    }
    for (const YAML::Node& item : *expect) {
      auto problem = parse_expectation(item, out);
      if (!problem.ok()) return problem.status();
      out.expect.push_back(std::move(*problem));
    }
    return out;
  }

  Status parse_context(const YAML::Node& node, std::map<std::string, std::string>* out) const {
    if (!node.IsMap()) return error(node, "'context' maps channel, situation, audience and emotion to values");
    const std::vector<ContextDimension>& dimensions = guide_.dimensions();
    std::vector<std::string> names;
    for (const ContextDimension& d : dimensions) names.push_back(d.name);
    for (const auto& entry : node) {
      const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
      auto dim = std::find_if(dimensions.begin(), dimensions.end(),
                              [&](const ContextDimension& d) { return d.name == name; });
      if (dim == dimensions.end()) return error(entry.first, unknown_key_message(name, "'context'", names));
      if (!entry.second.IsScalar()) return error(entry.second, "context '" + name + "' takes one value");
      const std::string value = entry.second.Scalar();
      if (std::find(dim->values.begin(), dim->values.end(), value) == dim->values.end()) {
        return error(entry.second, unknown_value_message(name, value, dim->values,
                                                         " for guide '" + guide_.id() + "'; allowed: "));
      }
      (*out)[name] = value;
    }
    return Status();
  }

  Result<ExpectedProblem> parse_expectation(const YAML::Node& node, const DraftCase& draft) const {
    const std::string whose = "an expectation of case '" + draft.id + "'";
    if (!node.IsMap()) return error(node, whose + " is a mapping {text, category, why}");
    if (auto unknown = unknown_keys(node, kExpectKeys, "an expectation"); !unknown.empty()) {
      return error(unknown.front().first, unknown.front().second);
    }
    ExpectedProblem out;
    auto text = required(node, "text", whose);
    if (!text.ok()) return text.status();
    auto text_value = scalar(*text, "text");
    if (!text_value.ok()) return text_value.status();
    out.text = *text_value;
    out.where = where(text->Mark());
    auto category = required(node, "category", whose);
    if (!category.ok()) return category.status();
    auto category_value = scalar(*category, "category");
    if (!category_value.ok()) return category_value.status();
    out.category = *category_value;
    if (out.category.empty()) return error(*category, "'category' is not empty");
    if (const YAML::Node why = node["why"]) {
      auto why_value = scalar(why, "why");
      if (!why_value.ok()) return why_value.status();
      out.why = *why_value;
    }
    if (out.text == kWholeMessage) {
      out.whole_message = true;
      return out;
    }
    if (out.text.empty()) return error(*text, "an expected 'text' quotes the draft, or is \"__message__\"");
    // The n-th expectation quoting the same text stands for its n-th occurrence.
    std::size_t earlier = 0;
    for (const ExpectedProblem& e : draft.expect) earlier += e.text == out.text;
    std::size_t at = draft.text.find(out.text);
    if (at == std::string::npos) {
      return error(*text, "expected text \"" + out.text + "\" is not in the draft of case '" + draft.id + "'");
    }
    std::size_t nth = at;
    for (; earlier > 0 && nth != std::string::npos; --earlier) nth = draft.text.find(out.text, nth + 1);
    if (nth != std::string::npos) at = nth;  // fewer occurrences than quotes: the first
    out.offset = static_cast<std::uint32_t>(at);
    out.length = static_cast<std::uint32_t>(out.text.size());
    return out;
  }

  const SourceText& source_;
  const ToneGuide& guide_;
};

}  // namespace

Result<CaseFile> CaseFile::parse(std::string_view yaml, const std::string& path, const ToneGuide& guide) {
  return guard_api<CaseFile>("reading the case file", [&]() -> Result<CaseFile> {
    auto source = load_source_bytes(std::string(yaml), path);
    if (!source.ok()) return source.status();
    return CaseParser(**source, guide).parse();
  });
}

Result<CaseFile> CaseFile::load(const std::string& path, const ToneGuide& guide) {
  return guard_api<CaseFile>("reading the case file", [&]() -> Result<CaseFile> {
    auto bytes = read_regular_file(path, kMaxCaseFileBytes, "case file");
    if (!bytes.ok()) return bytes.status();
    return parse(*bytes, path, guide);
  });
}

}  // namespace tonelint
