// Known-wrong results, compiled only into cunp_planted (CUNP_PLANT_BUGS), so that a test can
// check the conformance harness reports exactly the cases they break (conformance/src/
// planted_check.cpp states which). cunp itself never defines CUNP_PLANT_BUGS.
#pragma once
#include <cstdint>
#include <type_traits>

#include "core/iteration.hpp"
#include "ops/ufuncs.hpp"

namespace cunp::detail::host::planted {

#if CUNP_PLANT_BUGS
inline constexpr bool enabled = true;
#else
inline constexpr bool enabled = false;
#endif

// Bug 1: add in the int16 loop is off by one.
template <class Op, class T, class R>
R corrupt(R r) {
  if constexpr (enabled && std::is_same_v<Op, ops::add_op> && std::is_same_v<T, std::int16_t>)
    return R(r + 1);
  return r;
}

// Bug 2: negative skips the last element of each run when its input run is strided (more than
// one element apart), as a loop with an off-by-one bound for non-unit strides would.
template <class Op>
bool skips_last_element(const iteration& it) {
  if constexpr (enabled && std::is_same_v<Op, ops::negative_op>) {
    std::int64_t st = it.ndim ? it.strides[1][0] : 0;
    return !it.is_scalar[1] && (st < 0 ? -st : st) > std::int64_t(itemsize(it.dtypes[1]));
  }
  return false;
}

// Every new host allocation is filled with this byte, so that an element a loop never writes
// cannot pass by holding the right value left over from an earlier array.
inline constexpr unsigned char poison_byte = 0xA5;

}  // namespace cunp::detail::host::planted
