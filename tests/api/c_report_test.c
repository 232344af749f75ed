/* The C API's report formats, from C: only tonelint/tonelint.h. tonelint_check with
 * "report" gives each format (json by default, as before); tonelint_fix takes json only;
 * unknown or mistyped formats are refused, naming the field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_expect.h"
#include "tonelint/tonelint.h"

static int starts_with(const char *text, const char *prefix) {
  return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

static const char *kDraft = "You forgot to verify your email.";

/* The report of kDraft in `format`, checked as draft.md for a developer (to whom the blame is a
   warning, not an error); NULL (and the error printed) on failure. */
static char *report_in(tonelint_checker *checker, const char *format) {
  char options[192];
  char *error = NULL;
  snprintf(options, sizeof options,
           "{\"filename\": \"draft.md\", \"report\": \"%s\", \"context\": {\"audience\": \"developer\"}}", format);
  char *report = tonelint_check(checker, kDraft, TONELINT_NUL_TERMINATED, options, &error);
  if (report == NULL) fprintf(stderr, "%s: %s\n", format, error ? error : "(no message)");
  tonelint_free(error);
  return report;
}

int main(void) {
  char *error = NULL;
  tonelint_guide *guide = tonelint_guide_load(TONELINT_SOURCE_DIR "/rules/tonelint.yaml", TONELINT_BRAND_DIC, &error);
  if (guide == NULL) {
    fprintf(stderr, "cannot go on: %s\n", error ? error : "(no message)");
    tonelint_free(error);
    return 1;
  }
  tonelint_checker *checker = tonelint_checker_new(guide, &error);
  tonelint_guide_free(guide);
  if (checker == NULL) {
    fprintf(stderr, "cannot go on: %s\n", error ? error : "(no message)");
    tonelint_free(error);
    return 1;
  }

  /* The list of formats. */
  char *formats = tonelint_report_formats();
  EXPECT(starts_with(formats, "[{\"description\":"), "the formats are a JSON array of objects");
  EXPECT(contains(formats, "\"name\":\"text\"") && contains(formats, "\"name\":\"junit\""), "text to junit are listed");
  EXPECT(contains(formats, "\"mime_type\":\"application/sarif+json\""), "each with its MIME type");
  tonelint_free(formats);

  /* json by default, and "report": "json" is the same bytes. */
  char *plain = tonelint_check(checker, kDraft, TONELINT_NUL_TERMINATED,
                               "{\"filename\": \"draft.md\", \"context\": {\"audience\": \"developer\"}}", &error);
  char *json = report_in(checker, "json");
  EXPECT(plain != NULL && json != NULL && strcmp(plain, json) == 0, "report json is the default report");
  EXPECT(starts_with(json, "{\"files\":[{"), "the JSON report");
  tonelint_free(plain);
  tonelint_free(json);

  /* Each other format. */
  char *text = report_in(checker, "text");
  EXPECT(starts_with(text, "draft.md:1:"), "text: path:line:col first");
  EXPECT(contains(text, "[tonelint.no-blame]") && contains(text, "tone score"), "text: the rule and the score");
  EXPECT(!contains(text, "\x1b["), "text: no colour");
  tonelint_free(text);
  char *sarif = report_in(checker, "sarif");
  EXPECT(starts_with(sarif, "{\"$schema\":") && contains(sarif, "\"version\":\"2.1.0\""), "sarif: a SARIF log");
  EXPECT(contains(sarif, "\"ruleId\":\"tonelint.no-blame\""), "sarif: the finding");
  EXPECT(contains(sarif, "\"uri\":\"draft.md\""), "sarif: the file name");
  tonelint_free(sarif);
  char *github = report_in(checker, "github");
  EXPECT(starts_with(github, "::") && contains(github, "file=draft.md,line=1"), "github: a workflow command");
  tonelint_free(github);
  char *rdjsonl = report_in(checker, "rdjsonl");
  EXPECT(starts_with(rdjsonl, "{\"code\":{\"value\":\"tonelint."), "rdjsonl: a diagnostic a line");
  tonelint_free(rdjsonl);
  char *checkstyle = report_in(checker, "checkstyle");
  EXPECT(starts_with(checkstyle, "<?xml") && contains(checkstyle, "<file name=\"draft.md\">"), "checkstyle XML");
  tonelint_free(checkstyle);
  char *junit = report_in(checker, "junit");
  EXPECT(contains(junit, "<testsuite name=\"tonelint\" tests=\"1\" failures=\"0\""), "junit: a warning passes");
  EXPECT(contains(junit, "<system-out>") && contains(junit, "[tonelint.no-blame]"), "junit: listed in system-out");
  tonelint_free(junit);

  /* Refused: an unknown format, one that is not a string. */
  char *report = tonelint_check(checker, kDraft, TONELINT_NUL_TERMINATED, "{\"report\": \"docx\"}", &error);
  EXPECT(report == NULL, "an unknown report format is refused");
  EXPECT(starts_with(error, "report: ") && contains(error, "'docx'") && contains(error, "sarif"),
         "the error names the field, the value and the formats");
  tonelint_free(error);
  error = NULL;
  report = tonelint_check(checker, kDraft, TONELINT_NUL_TERMINATED, "{\"report\": 1}", &error);
  EXPECT(report == NULL && starts_with(error, "report: ") && contains(error, "string"), "a number is refused");
  tonelint_free(error);
  error = NULL;

  /* Fix: json, the default, works; another format is refused before anything is fixed. */
  char *fixed = tonelint_fix(checker, kDraft, TONELINT_NUL_TERMINATED, "{\"report\": \"json\"}", 1, &error);
  EXPECT(fixed != NULL && contains(fixed, "\"text\":"), "fix with report json");
  tonelint_free(fixed);
  fixed = tonelint_fix(checker, kDraft, TONELINT_NUL_TERMINATED, "{\"report\": \"sarif\"}", 1, &error);
  EXPECT(fixed == NULL && starts_with(error, "report: ") && contains(error, "JSON only"), "fix refuses sarif");
  tonelint_free(error);
  error = NULL;

  tonelint_checker_free(checker);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
