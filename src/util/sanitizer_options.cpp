// Default options of a sanitizer build (-DTONELINT_SANITIZE=..., -DTONELINT_FUZZ=ON), compiled
// into each executable. ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS in the environment still
// override them. A finding stops the process with a non-zero status, so it fails its test.
extern "C" {

// detect_leaks: LeakSanitizer at exit. abort_on_error=0: exit with status 1 rather than
// SIGABRT, so a child process started by a test reports a plain failure (no core files).
// check_initialization_order / strict_init_order: static-initialization-order bugs.
// detect_stack_use_after_return is left off: it doubles the stack and slows the suite.
const char* __asan_default_options() {
  return "detect_leaks=1:abort_on_error=0:check_initialization_order=1:strict_init_order=1:"
         "detect_odr_violation=2:strict_string_checks=1:"
         "handle_abort=1:print_summary=1";
}

const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

}  // extern "C"
