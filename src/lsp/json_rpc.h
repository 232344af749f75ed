// JSON-RPC 2.0 as LSP uses it: classifying what arrives, and building what goes out.
// Nothing here throws: malformed input becomes an RpcFailure to answer with.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace tonelint::lsp {

using json = nlohmann::json;

// Error codes of JSON-RPC 2.0 and of LSP.
enum class RpcError : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

struct Incoming {
  enum class Kind : std::uint8_t { kRequest, kNotification, kResponse };
  Kind kind = Kind::kNotification;
  json id;  // requests and responses: a number or a string
  std::string method;
  json params;  // an object, an array or null
};

// Why a message cannot be handled, with the id to answer (null when it has none).
struct RpcFailure {
  RpcError code = RpcError::kInvalidRequest;
  std::string message;
  json id;
};

// Parses and classifies one message body.
std::variant<Incoming, RpcFailure> parse_message(std::string_view body);

json make_response(const json& id, json result);
json make_error(const json& id, RpcError code, std::string_view message);
json make_notification(std::string_view method, json params);

// Serialises for the wire. Invalid UTF-8 in strings (there should be none) becomes U+FFFD
// rather than an exception.
std::string serialize(const json& message);

}  // namespace tonelint::lsp
