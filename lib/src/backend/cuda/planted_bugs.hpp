// Known-wrong CUDA results, compiled only into cunp_planted (CUNP_PLANT_BUGS), so that the test
// conformance.planted_bugs.cuda can check the harness reports exactly the cases they break.
#pragma once

namespace cunp::detail::cuda::planted {

#if CUNP_PLANT_BUGS
inline constexpr bool enabled = true;
#else
inline constexpr bool enabled = false;
#endif

// The CUDA bug: a strided kernel that skips its last element (an off-by-one bound), specialized
// true for one op in the planted build of that op's family (unary_math.cu: absolute).
template <class Op> struct skips_last_element {
  static constexpr bool value = false;
};

}  // namespace cunp::detail::cuda::planted
