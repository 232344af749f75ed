/* The C API, from C: only tonelint/tonelint.h. Loads the shipped guide, checks Japanese
 * and English, fixes, provokes each kind of error, and frees everything it is given (so
 * LeakSanitizer can hold it to that). Checks key substrings of the JSON; parses nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_expect.h"
#include "tonelint/tonelint.h"

int main(void) {
  char *error = NULL;

  /* Errors first: a guide that does not exist. */
  tonelint_guide *missing = tonelint_guide_load("/nonexistent/guide.yaml", TONELINT_BRAND_DIC, &error);
  EXPECT(missing == NULL, "a missing guide is refused");
  EXPECT(contains(error, "/nonexistent/guide.yaml"), "the error names the file");
  tonelint_free(error);
  error = NULL;

  tonelint_guide *guide = tonelint_guide_load(TONELINT_SOURCE_DIR "/rules/tonelint.yaml", TONELINT_BRAND_DIC, &error);
  EXPECT(guide != NULL, "the shipped guide loads");
  EXPECT(error == NULL, "no error on success");
  if (guide == NULL) {
    fprintf(stderr, "cannot go on: %s\n", error ? error : "(no message)");
    tonelint_free(error);
    return 1;
  }
  char *description = tonelint_guide_json(guide);
  EXPECT(contains(description, "\"id\":\"tonelint\""), "the guide reports its id");
  EXPECT(contains(description, "\"upset\""), "the guide reports its context values");
  EXPECT(contains(description, "\"default\":\"email\""), "the guide reports its defaults");
  tonelint_free(description);

  tonelint_checker *checker = tonelint_checker_new(guide, &error);
  EXPECT(checker != NULL && error == NULL, "a checker is made");
  tonelint_guide_free(guide); /* the checker keeps the guide alive */
  guide = NULL;

  /* Japanese, as chat to an upset customer. */
  const char *ja = "\xE4\xBA\x86\xE8\xA7\xA3\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xEF\xBC\x81"; /* 了解しました！ */
  char *report = tonelint_check(checker, ja, strlen(ja), "{\"context\": {\"channel\": \"chat\", \"emotion\": \"upset\"}}",
                                &error);
  EXPECT(report != NULL && error == NULL, "Japanese text is checked");
  EXPECT(contains(report, "\"rule\":\"tonelint.shouchi\""), "了解しました is flagged");
  EXPECT(contains(report, "\"rule\":\"tonelint.exclamation\""), "！ is an error when the reader is upset");
  EXPECT(contains(report, "\"column\":7"), "columns count code points");
  EXPECT(contains(report, "\"channel\":\"chat\""), "the context is reported");
  EXPECT(contains(report, "\"summary\":{"), "the summary is there");
  tonelint_free(report);

  /* English, NUL-terminated, default context. */
  report = tonelint_check(checker, "You forgot to verify your email.", TONELINT_NUL_TERMINATED, NULL, &error);
  EXPECT(report != NULL, "English text is checked");
  EXPECT(contains(report, "tonelint.no-blame"), "blame is flagged");
  EXPECT(contains(report, "\"channel\":\"email\""), "the guide's default context applies");
  tonelint_free(report);

  /* Fix: every rewrite. */
  char *fixed = tonelint_fix(checker, ja, strlen(ja), NULL, 1, &error);
  EXPECT(fixed != NULL, "text is fixed");
  EXPECT(contains(fixed, "\"text\":\"\xE6\x89\xBF\xE7\x9F\xA5\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F"),
         "the fixed text says 承知しました");
  EXPECT(contains(fixed, "\"edits\":[{"), "the edits are listed");
  tonelint_free(fixed);

  /* An unknown context value. */
  report = tonelint_check(checker, "hello", 5, "{\"context\": {\"emotion\": \"angyr\"}}", &error);
  EXPECT(report == NULL, "an unknown context value is refused");
  EXPECT(contains(error, "context.emotion") && contains(error, "angyr"), "the error names the field and the value");
  tonelint_free(error);
  error = NULL;

  /* Invalid UTF-8: the error says where. */
  const char bad[] = "line one\nbad \xff here";
  report = tonelint_check(checker, bad, sizeof bad - 1, NULL, &error);
  EXPECT(report == NULL, "invalid UTF-8 is refused");
  EXPECT(contains(error, "<text>:2:5"), "the error names line and column");
  tonelint_free(error);
  error = NULL;

  /* Options that are not JSON, or of the wrong type. */
  report = tonelint_check(checker, "hello", 5, "{context:", &error);
  EXPECT(report == NULL && contains(error, "not valid JSON"), "broken options JSON is refused");
  tonelint_free(error);
  error = NULL;
  report = tonelint_check(checker, "hello", 5, "{\"format\": 3}", &error);
  EXPECT(report == NULL && contains(error, "format"), "a format that is not a string is refused");
  tonelint_free(error);
  error = NULL;

  /* NULL everywhere. */
  EXPECT(tonelint_check(NULL, "x", 1, NULL, &error) == NULL && error != NULL, "a NULL checker is an error");
  tonelint_free(error);
  error = NULL;
  EXPECT(tonelint_check(checker, NULL, 0, NULL, &error) == NULL && error != NULL, "NULL text is an error");
  tonelint_free(error);
  error = NULL;
  EXPECT(tonelint_check(checker, NULL, 0, NULL, NULL) == NULL, "a NULL error pointer is allowed");
  EXPECT(tonelint_checker_new(NULL, NULL) == NULL, "no checker without a guide");
  EXPECT(tonelint_guide_json(NULL) == NULL, "no description of no guide");
  tonelint_free(NULL);
  tonelint_checker_free(NULL);
  tonelint_guide_free(NULL);

  /* Still works after all that. */
  report = tonelint_check(checker, "Thanks for your patience.", TONELINT_NUL_TERMINATED, "{}", &error);
  EXPECT(report != NULL && contains(report, "\"errors\":0"), "a good request after the bad ones");
  tonelint_free(report);
  EXPECT(strlen(tonelint_version()) > 0, "a version");

  tonelint_checker_free(checker);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
