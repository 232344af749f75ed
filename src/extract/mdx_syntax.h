// The MDX syntax of a draft (MDX 2/3): ESM (`import`/`export` blocks), JSX tags,
// `{expressions}` and `{/* comments */}`, found by a line-based pass over the Markdown so
// the Markdown parser can be run over what is left. What is between tags is not syntax:
// JSX text children are prose. Code (fenced, inline) is never scanned for syntax.
//
// A construct that never closes (an unbalanced brace, a tag without `>`) is syntax only to
// the end of its opener's line, so a typo hides one line of prose, never the rest of the
// file; an ESM block without balanced braces ends at the next blank line (MDX's own rule).
// The scan is linear: lookahead past a line for a closer is bounded by a budget.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

enum class MdxKind : std::uint8_t {
  kEsm,      // import/export lines
  kTag,      // <Name attr={…}>, </Name>, <Name />, <>, </>
  kComment,  // {/* … */}, and <!-- … --> (not MDX, but written in drafts renamed from .md)
  kCode,     // {expression}, and elements whose content is code: <code>, <kbd>, <pre>, …
};

struct MdxSpan {
  std::uint32_t begin;  // source bytes [begin, end)
  std::uint32_t end;
  MdxKind kind;
  // Alone on its line(s) (with other syntax at most, after blockquote markers): a block of
  // its own rather than something inside a paragraph.
  bool flow = false;
};

// The syntax of `bytes` from `body_offset` on (what comes before, front matter, is not MDX),
// in source order, not overlapping.
std::vector<MdxSpan> find_mdx_syntax(std::string_view bytes, std::size_t body_offset);

// The byte md4c is given in place of syntax inside a paragraph: plain text to Markdown,
// neither whitespace nor punctuation, so it starts or ends no Markdown construct. (The
// spans, not this byte, say what is syntax: a draft may hold the byte itself.)
inline constexpr char kMdxFiller = '\x01';

// `bytes` with its syntax blanked, byte for byte (offsets hold, line breaks stay): a flow
// span becomes spaces, so its lines are blank to Markdown; any other span becomes
// kMdxFiller, so the paragraph around it stays one.
std::string blank_mdx_syntax(std::string_view bytes, std::span<const MdxSpan> spans);

}  // namespace tonelint
