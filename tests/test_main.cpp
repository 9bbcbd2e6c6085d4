// doctest main for the core suites: `--backend=host|cuda` picks the device every test case runs
// on. Where the backend cannot run, it prints the reason and exits 77, which ctest reports as
// skipped (SKIP_RETURN_CODE), never as passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace cunp::test {
device& current_device() {
  static device d = device::host();
  return d;
}
}  // namespace cunp::test

int main(int argc, char** argv) {
  std::vector<char*> rest;
  std::string backend = "host";
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--backend=", 10) == 0) backend = argv[i] + 10;
    else rest.push_back(argv[i]);
  }
  if (backend == "cuda") {
    if (cunp::cuda_device_count() == 0) {
      std::printf("SKIPPED: cuda backend: %s\n", cunp::cuda_unavailable_reason().c_str());
      return 77;
    }
    cunp::test::current_device() = cunp::device::cuda(0);
  } else if (backend != "host") {
    std::fprintf(stderr, "unknown --backend=%s (host or cuda)\n", backend.c_str());
    return 2;
  }
  std::printf("backend: %s (%s)\n", cunp::test::current_device().str().c_str(),
              cunp::device_name(cunp::test::current_device()).c_str());
  doctest::Context ctx;
  ctx.applyCommandLine(int(rest.size()), rest.data());
  return ctx.run();
}
