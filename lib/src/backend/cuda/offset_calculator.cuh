// Linear index -> per-operand byte offsets over a coalesced N-d iteration (PyTorch's
// OffsetCalculator). The 32-bit form divides by multiply-high with precomputed magic numbers.
#pragma once
#include <cstdint>

#include "core/iteration.hpp"

namespace cunp::detail::cuda {

// n / d for n < 2^31 as (umulhi(n, m) + n) >> s (Granlund-Montgomery).
struct fast_divider {
  std::uint32_t divisor = 1, multiplier = 0, shift = 0;
  fast_divider() = default;
  explicit fast_divider(std::uint32_t d) : divisor(d ? d : 1) {  // extent 0 never divides
    d = divisor;
    while (shift < 32 && (std::uint64_t(1) << shift) < d) ++shift;
    std::uint64_t m = ((std::uint64_t(1) << 32) * ((std::uint64_t(1) << shift) - d)) / d + 1;
    multiplier = std::uint32_t(m);
  }
  __device__ std::uint32_t div(std::uint32_t n) const { return (__umulhi(n, multiplier) + n) >> shift; }
};

// Index is the linear index type (uint32 or int64); offsets are signed (strides may be negative).
template <int NOPS, class Index>
struct offset_calculator {
  using offset_t = std::conditional_t<sizeof(Index) == 4, std::int32_t, std::int64_t>;
  int ndim = 0;
  std::int64_t shape64[max_ndim];
  fast_divider div32[max_ndim];
  offset_t strides[NOPS][max_ndim];

  offset_calculator(int nd, const std::int64_t* shape, const std::int64_t* const* op_strides) : ndim(nd) {
    for (int d = 0; d < nd; ++d) {
      shape64[d] = shape[d];
      if constexpr (sizeof(Index) == 4) div32[d] = fast_divider(std::uint32_t(shape[d]));
      for (int op = 0; op < NOPS; ++op) strides[op][d] = offset_t(op_strides[op][d]);
    }
  }

  __device__ void get(Index linear, offset_t (&out)[NOPS]) const {
#pragma unroll
    for (int op = 0; op < NOPS; ++op) out[op] = 0;
#pragma unroll
    for (int d = 0; d < max_ndim; ++d) {
      if (d == ndim) break;
      Index q, r;
      if constexpr (sizeof(Index) == 4) {
        q = Index(div32[d].div(std::uint32_t(linear)));
      } else {
        q = linear / Index(shape64[d]);
      }
      r = linear - q * Index(shape64[d]);
      linear = q;
#pragma unroll
      for (int op = 0; op < NOPS; ++op) out[op] += offset_t(r) * strides[op][d];
    }
  }
};

}  // namespace cunp::detail::cuda
