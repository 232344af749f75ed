/* The C API of tonelint: opaque handles, UTF-8 in, JSON out, for bindings through FFI.
 *
 *   char *error = NULL;
 *   tonelint_guide *guide = tonelint_guide_load(NULL, NULL, &error);   shipped guide
 *   tonelint_checker *checker = tonelint_checker_new(guide, &error);
 *   char *json = tonelint_check(checker, text, strlen(text),
 *                               "{\"context\": {\"channel\": \"chat\"}}", &error);
 *   ... DESIGN.md's JSON report ...
 *   tonelint_free(json); tonelint_checker_free(checker); tonelint_guide_free(guide);
 *
 * Every string a function returns (results and error messages) is the caller's, freed with
 * tonelint_free; handles are freed with their own _free function. All of them accept NULL.
 * On failure a function returns NULL (or -1) and, when `error` is not NULL, stores in
 * *error a message "where: what" (where = file:line:column, or the option at fault).
 * A checker may be used by any number of threads at once; a guide is immutable.
 */
#ifndef TONELINT_TONELINT_H
#define TONELINT_TONELINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tonelint_guide tonelint_guide;
typedef struct tonelint_checker tonelint_checker;

/* Pass as `length` when `text` is NUL-terminated. */
#define TONELINT_NUL_TERMINATED ((size_t)-1)

/* Loads a tone guide (YAML). `guide_path` NULL or "": the shipped guide beside the
 * executable. `user_dictionaries` NULL: $TONELINT_USER_DIC, else the shipped brand
 * dictionary; otherwise a comma-separated list of compiled MeCab .dic files ("" for none). */
tonelint_guide *tonelint_guide_load(const char *guide_path, const char *user_dictionaries, char **error);
void tonelint_guide_free(tonelint_guide *guide);

/* {"id", "path", "languages", "rules", "contexts": {"channel": {"values": [...], "default": "email"}, ...}} */
char *tonelint_guide_json(const tonelint_guide *guide);

/* A checker keeps its guide alive: the guide may be freed first. */
tonelint_checker *tonelint_checker_new(const tonelint_guide *guide, char **error);
void tonelint_checker_free(tonelint_checker *checker);

/* Checks UTF-8 `text` (`length` bytes). `options_json` may be NULL or an object with
 * "format" (the text's: "text", "markdown", ...), "filename", "context" ({"channel": "chat",
 * ...}) and "report" (the output's: "json" by default, or any name of
 * tonelint_report_formats(): "sarif", "junit", ...).
 * Returns that report; json is DESIGN.md's {"files": [{..., "diagnostics": [...]}], "summary": {...}}. */
char *tonelint_check(tonelint_checker *checker, const char *text, size_t length, const char *options_json,
                     char **error);

/* Applies the suggested rewrites (the safe ones, or all when `all` is non-zero), re-checking
 * after each pass. Returns {"text": fixed text, "applied": n, "edits": [...], "files": [...],
 * "summary": {...}}, the report being that of the fixed text. Options as tonelint_check's,
 * but "report" may only be "json" (no other format carries the fixed text): check the
 * fixed text with tonelint_check for another. */
char *tonelint_fix(tonelint_checker *checker, const char *text, size_t length, const char *options_json, int all,
                   char **error);

/* The report formats: [{"name": "text", "description": ..., "mime_type": "text/plain; ..."}, ...]. */
char *tonelint_report_formats(void);

/* Frees a string returned by this API. */
void tonelint_free(char *string);

/* The library's version, e.g. "0.1.0" (static: do not free). */
const char *tonelint_version(void);

#ifdef __cplusplus
}
#endif

#endif /* TONELINT_TONELINT_H */
