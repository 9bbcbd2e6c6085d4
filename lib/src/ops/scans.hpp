// Scans (inclusive prefix accumulations, NumPy's ufunc.accumulate) defined once: the combine
// step. NumPy's accumulate is sequential, out[i] = combine(out[i-1], in[i]) computed and rounded
// in the result dtype (float16 included); the host backend does exactly that. Backends that scan
// in parallel regroup the steps (exact for integers and bool, rounded differently for floats).
#pragma once
#include <cstdint>

#include "ops/arith.hpp"

namespace cunp::ops {

struct cumsum_op {
  static constexpr const char* name = "cumsum";
  template <class A> CUNP_HD static A combine(A a, A b) { return add(a, b); }
};

struct cumprod_op {
  static constexpr const char* name = "cumprod";
  template <class A> CUNP_HD static A combine(A a, A b) { return mul(a, b); }
};

enum class scan_id : std::uint8_t { cumsum, cumprod, count };

template <class F>
decltype(auto) visit_scan(scan_id id, F&& f) {
  switch (id) {
    case scan_id::cumsum: return f(type_tag<cumsum_op>{});
    case scan_id::cumprod: return f(type_tag<cumprod_op>{});
    case scan_id::count: break;
  }
  unreachable_case();
}

}  // namespace cunp::ops
