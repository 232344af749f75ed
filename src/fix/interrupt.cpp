#include "fix/interrupt.h"

#include <signal.h>

namespace tonelint {
namespace {

// Written by the handler, read by the workers: the one kind of global a signal needs.
volatile sig_atomic_t g_interrupt_signal = 0;

extern "C" void on_interrupt(int signal) { g_interrupt_signal = signal; }

void handle(int signal) {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_RESETHAND;  // the second one is not caught
  ::sigaction(signal, &action, nullptr);
}

}  // namespace

void install_fix_interrupt_handlers() {
  handle(SIGINT);
  handle(SIGTERM);
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGIO, &ignore, nullptr);
}

int fix_interrupt_signal() { return g_interrupt_signal; }

}  // namespace tonelint
