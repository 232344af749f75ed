#include "api/json_api.h"

#include <algorithm>

#include "api/api_guard.h"
#include "guide/did_you_mean.h"

namespace tonelint::api {
namespace {

Status field_error(const std::string& field, const std::string& message) {
  return Status(ErrorCode::kInvalidArgument, message, Location{field});
}

const char* type_name(const nlohmann::json& v) { return v.type_name(); }

}  // namespace

namespace {

Result<CheckOptions> read_check_options(const nlohmann::json& object, const std::vector<std::string>& also_allowed) {
  if (!object.is_object()) {
    return field_error("", std::string("expected a JSON object, got ") + type_name(object));
  }
  std::vector<std::string> known = {"format", "filename", "context"};
  known.insert(known.end(), also_allowed.begin(), also_allowed.end());
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return field_error(key, "unknown field '" + key + "'" + did_you_mean(key, known));
    }
  }
  CheckOptions options;
  for (const char* name : {"format", "filename"}) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return field_error(name, std::string("'") + name + "' must be a string, got " + type_name(*it));
    }
    (std::string_view(name) == "format" ? options.format : options.filename) = it->get<std::string>();
  }
  if (auto it = object.find("context"); it != object.end() && !it->is_null()) {
    if (!it->is_object()) {
      return field_error("context", std::string("'context' must be an object of dimension: value, got ") + type_name(*it));
    }
    for (const auto& [dimension, value] : it->items()) {
      if (!value.is_string()) {
        return field_error("context." + dimension,
                           "'context." + dimension + "' must be a string, got " + type_name(value));
      }
      options.context[dimension] = value.get<std::string>();
    }
  }
  return options;
}

}  // namespace

Result<CheckOptions> check_options_from_json(const nlohmann::json& object, const std::vector<std::string>& also_allowed) {
  return guard_api<CheckOptions>("reading the request", [&] { return read_check_options(object, also_allowed); });
}

nlohmann::json guide_json(const ToneGuide& guide) {
  nlohmann::json contexts = nlohmann::json::object();
  for (const ContextDimension& d : guide.dimensions()) {
    contexts[d.name] = {{"values", d.values}, {"default", d.default_value}};
  }
  return {{"id", guide.id()},
          {"path", guide.path()},
          {"languages", guide.languages()},
          {"rules", guide.rule_count()},
          {"contexts", std::move(contexts)}};
}

nlohmann::json error_json(const Status& status) {
  nlohmann::json error = {{"message", status.message()}, {"code", error_code_name(status.code())}};
  const Location& where = status.location();
  if (!where.path.empty()) error["field"] = where.path;
  if (where.line > 0) error["line"] = where.line;
  if (where.column > 0) error["column"] = where.column;
  return {{"error", std::move(error)}};
}

}  // namespace tonelint::api
