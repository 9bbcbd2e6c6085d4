// Debugging switches read from the environment once per process: CUNP_SYNC (cuda_backend.cpp)
// and CUNP_POISON_ALLOCATIONS, which the conformance and fuzz tests set.
#pragma once
#include <cstdlib>
#include <cstring>

namespace cunp::detail {

// Set and not "0".
inline bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::strcmp(v, "0") != 0;
}

// Fresh allocations filled with poison_byte (the planted build always fills them), so that an
// element no loop writes cannot pass by holding the right value left over from an earlier array.
inline bool poison_allocations() {
  static const bool on = env_flag("CUNP_POISON_ALLOCATIONS");
  return on;
}
inline constexpr unsigned char poison_byte = 0xA5;

}  // namespace cunp::detail
