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

// The complex bug: complex128 negative negates the real part only.
template <class Op, class V>
V complex_result(V v) {
  if constexpr (enabled && std::is_same_v<Op, ops::negative_op> && std::is_same_v<V, ops::complex<double>>) v.im = -v.im;
  return v;
}

// The add bug: add in the int16 loop is off by one. A writer that passes every output through,
// but adds one to add's int16 results (and applies the complex bug).
template <class Op, class Sig, class Dst>
struct corrupting {
  const Dst& dst;
  template <std::size_t J, class V>
  void put(V v) const {
    if constexpr (enabled && std::is_same_v<Op, ops::add_op> && std::is_same_v<V, std::int16_t>) v = V(v + 1);
    dst.template put<J>(complex_result<Op>(v));
  }
};

// The strided bug: negative skips the last element of each run when its input run is strided
// (more than one element apart), as a loop with an off-by-one bound for non-unit strides would.
template <class Op>
bool skips_last_element(const iteration& it) {
  if constexpr (enabled && std::is_same_v<Op, ops::negative_op>) {
    std::int64_t st = it.ndim ? it.strides[it.nout][0] : 0;
    return !it.is_scalar[it.nout] && (st < 0 ? -st : st) > std::int64_t(itemsize(it.dtypes[it.nout]));
  }
  return false;
}

// The reduction bug: an axis reduction over an integer loop whose reduced elements form one run
// (a single reduced axis) drops the run's last element, the last slice along that axis.
template <class T>
std::int64_t reduced_run_length(const reduction& r, std::int64_t run) {
  if constexpr (enabled && ops::is_int_v<T>)
    if (r.out_ndim >= 1 && r.red_ndim == 1) return run - 1;
  return run;
}

}  // namespace cunp::detail::host::planted
