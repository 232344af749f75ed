// One libFuzzer entry point per target: fuzz/CMakeLists.txt compiles this file once per
// name in fuzz_targets.h with TONELINT_FUZZ_TARGET set to the function to call.
#include "fuzz_targets.h"

#ifndef TONELINT_FUZZ_TARGET
#error "TONELINT_FUZZ_TARGET names the function of fuzz_targets.h to fuzz"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return tonelint::fuzz::TONELINT_FUZZ_TARGET(data, size);
}
