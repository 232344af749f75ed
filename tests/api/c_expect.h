/* The C tests' assertions: EXPECT counts each check (passed / failed) and names a failed
 * one with its file and line; main() ends with `return failed == 0 ? 0 : 1;`. One header
 * per test program (static state). */
#ifndef TONELINT_TESTS_C_EXPECT_H
#define TONELINT_TESTS_C_EXPECT_H

#include <stdio.h>
#include <string.h>

static int passed = 0, failed = 0;

#define EXPECT(cond, what)                                                  \
  do {                                                                      \
    if (cond) {                                                             \
      ++passed;                                                             \
    } else {                                                                \
      ++failed;                                                             \
      fprintf(stderr, "%s:%d: FAILED: %s (%s)\n", __FILE__, __LINE__, what, #cond); \
    }                                                                       \
  } while (0)

static int contains(const char *haystack, const char *needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

#endif
