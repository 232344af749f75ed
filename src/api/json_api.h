// JSON in and out for the C API and the HTTP service: check options from a request object
// (types checked, each error naming its field) and a guide's description.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tonelint/checker.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint::api {

// CheckOptions from `object`'s "format", "filename" and "context" ({dimension: value}).
// `also_allowed` names the other members the caller reads itself ("text", "guide", ...);
// any other member is an error. Errors are kInvalidArgument with Location::path naming the
// field ("context.channel"); the values themselves are checked by Checker.
Result<CheckOptions> check_options_from_json(const nlohmann::json& object, const std::vector<std::string>& also_allowed);

// {"id", "path", "languages", "rules", "contexts": {dimension: {"values": [...], "default": v}}}
nlohmann::json guide_json(const ToneGuide& guide);

// {"error": {"message": ..., "field": ..., "line": n, "column": n}} (field, line, column
// only when known): how the service and the C API report a refused request.
nlohmann::json error_json(const Status& status);

}  // namespace tonelint::api
