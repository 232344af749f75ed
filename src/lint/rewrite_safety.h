// The per-suggestion safety pass: a rewrite is `safe` (applied by a plain --fix) only when
// it cannot change a fact or the meaning, and offered at all only where it keeps the text
// grammatical. A rule's `fix: safe|unsafe` is the upper bound; this pass looks at each
// suggestion where it stands:
//
//   dropped   inside link text or a name (a quotation is a mention: the linter has dropped
//             those rewrites before this pass, lint/mentions.h); a span with a
//             capitalized word inside a sentence (a title, a label, a name: "Deep Dive"); a
//             word the document writes as code (`master`); a case change of a word the
//             document writes in capitals elsewhere (FREE, CRUD); next to an apostrophe (a
//             possessive or contraction); an auxiliary before a rewrite that begins with one
//             ("We've gotta" → "We've have to"); a change of number where the words around
//             agree with the old one ("a low-hanging fruit" → "a quick wins")
//   fixed     a/an before the replaced word ("a whitelist" → "an allowlist")
//   unsafe    the rewritten sentence gets a finding of another rule that the original did
//             not have (いたしかねます without a cushion)
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/message.h"

namespace tonelint {

// The findings a plain text of one sentence gets, counted by rule: how the pass tells
// whether a rewrite brings a new finding. Empty function: that test is skipped.
using FindingsOfText = std::function<std::map<std::string, int>(std::string text)>;

// Reviews every suggestion of `diagnostics` (findings of `message`) as described above.
// `message.names` must be set.
void review_rewrites(const MessageView& message, const FindingsOfText& findings_of,
                     std::vector<Diagnostic>* diagnostics);

// The English article a word takes: "an" before a vowel sound (an allowlist, an hour, an
// FAQ), "a" before a consonant sound (a use, a one-time, a URL).
std::string_view article_for(std::string_view word);

}  // namespace tonelint
