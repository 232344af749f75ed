// E-mail messages (.eml, RFC 5322 + MIME). The Subject is prose (a block of kind subject,
// RFC 2047 encoded words decoded); text/plain and text/html parts are checked, multiparts
// walked recursively, attachments and non-text parts skipped. Of a multipart/alternative
// only the last part tonelint can read is checked (RFC 2046 puts the richest last: in
// practice the HTML), so no sentence is reported twice. Quoted-printable and base64 are
// decoded and charsets (ISO-2022-JP, Shift_JIS, EUC-JP, ...) converted with ICU, every
// character mapped back to the bytes that encode it in the file. Quoted replies (">"
// lines, "On ... wrote:", -----Original Message-----, <blockquote type="cite">, gmail_quote)
// and signatures (after a "-- " line) are not the author's words and are not checked.
#pragma once

#include "extract/extractor.h"

namespace tonelint {

class EmailExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  // Errors: a charset ICU does not know, naming the line of its Content-Type header.
  Result<Document> extract(const SourceText& source) const override;
};

}  // namespace tonelint
