// file: URIs as LSP clients send them, to and from local paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tonelint::lsp {

// The local path of a `file:` URI (percent-decoded), or nullopt for other schemes
// (an unsaved `untitled:` buffer) and for file URIs naming another host.
std::optional<std::string> path_of_uri(std::string_view uri);

// A file: URI for an absolute path, percent-encoding what a URI path cannot hold.
std::string uri_of_path(std::string_view path);

}  // namespace tonelint::lsp
