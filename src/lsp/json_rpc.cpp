#include "lsp/json_rpc.h"

namespace tonelint::lsp {

std::variant<Incoming, RpcFailure> parse_message(std::string_view body) {
  // No exceptions: a parse error gives a discarded value. nlohmann's parser keeps its own
  // stack, so deeply nested input cannot overflow ours.
  json message = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return RpcFailure{RpcError::kParseError, "Parse error: the message is not valid JSON", nullptr};
  if (!message.is_object()) {
    return RpcFailure{RpcError::kInvalidRequest,
                      message.is_array() ? "Invalid Request: batches are not used by LSP"
                                         : "Invalid Request: a message is a JSON object",
                      nullptr};
  }
  Incoming in;
  const auto id = message.find("id");
  const bool has_id = id != message.end() && !id->is_null();
  if (has_id && !id->is_number_integer() && !id->is_string()) {
    return RpcFailure{RpcError::kInvalidRequest, "Invalid Request: 'id' is an integer or a string", nullptr};
  }
  if (has_id) in.id = *id;
  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    return RpcFailure{RpcError::kInvalidRequest, "Invalid Request: 'jsonrpc' must be \"2.0\"", in.id};
  }
  const auto method = message.find("method");
  if (method == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) {
      in.kind = Incoming::Kind::kResponse;
      return in;
    }
    return RpcFailure{RpcError::kInvalidRequest, "Invalid Request: no 'method'", in.id};
  }
  if (!method->is_string()) return RpcFailure{RpcError::kInvalidRequest, "Invalid Request: 'method' is a string", in.id};
  in.method = method->get<std::string>();
  in.kind = has_id ? Incoming::Kind::kRequest : Incoming::Kind::kNotification;
  if (const auto params = message.find("params"); params != message.end()) {
    if (!params->is_object() && !params->is_array() && !params->is_null()) {
      return RpcFailure{RpcError::kInvalidRequest, "Invalid Request: 'params' is an object or an array", in.id};
    }
    in.params = std::move(*params);
  }
  return in;
}

json make_response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error(const json& id, RpcError code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

json make_notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

std::string serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tonelint::lsp
