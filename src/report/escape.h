// Names and messages made safe for the outputs a person (or a CI log scanner) reads. A
// file name may hold a newline (a forged `::error` workflow command on a line of its own),
// ESC sequences (which a terminal obeys), bidi overrides, or bytes that are not UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace tonelint::report {

// A code point that must not reach a terminal or a log as it is: C0 controls, DEL, C1
// controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) that reorder what is shown.
bool is_unsafe_code_point(char32_t c);

// `text` with every unsafe code point written as a C escape (\n, \r, \t, \e, \xHH for the
// other C0 controls and DEL, \u{HHHH} beyond) and every byte of an ill-formed UTF-8
// sequence as \xHH. For messages and stderr lines; backslashes are left alone.
std::string escape_controls(std::string_view text);

// A file name as the text output and stderr show it: as it is when it holds nothing that
// needs escaping, else in double quotes with escape_controls' escapes, `"` as \" and `\`
// as \\ (like `git`'s quoted paths), so the bytes can be read back unambiguously.
std::string quote_name(std::string_view name);

// `text` valid UTF-8 with no code point XML 1.0 forbids: ill-formed sequences, C0
// controls other than tab, LF and CR, U+FFFE and U+FFFF become U+FFFD.
std::string to_xml_chars(std::string_view text);

// Lower-case hex of every byte ("6e6cff"), for a name that is not valid UTF-8 (JSON keeps
// the exact bytes in a "path_bytes" field beside the U+FFFD-replaced "path").
std::string hex_bytes(std::string_view bytes);

}  // namespace tonelint::report
