#pragma once
#include "backend/cuda/check.hpp"
#include "core/iteration.hpp"
#include "ops/reductions.hpp"
#include "ops/types.hpp"

namespace cunp::detail::cuda {
using reduce_launcher = void (*)(const reduction&, const launch_context&);
using reduce_table = reduce_launcher[int(ops::reduce_id::count)][dtype_count];
using segments_launcher = void (*)(const segmented_reduction&, const launch_context&);
using segments_table = segments_launcher[int(ops::reduce_id::count)][dtype_count];
void register_sum_reductions(reduce_table& t, segments_table& s);
void register_prod_reductions(reduce_table& t, segments_table& s);
void register_max_reductions(reduce_table& t, segments_table& s);
void register_min_reductions(reduce_table& t, segments_table& s);
inline void register_reductions(reduce_table& t, segments_table& s) {
  register_sum_reductions(t, s);
  register_prod_reductions(t, s);
  register_max_reductions(t, s);
  register_min_reductions(t, s);
}

// itemsize in device code (cunp::itemsize is a host function)
CUNP_HD inline std::size_t itemsize_of(dtype d) {
  switch (d) {
    case dtype::bool_: case dtype::int8: case dtype::uint8: return 1;
    case dtype::int16: case dtype::uint16: case dtype::float16: return 2;
    case dtype::int32: case dtype::uint32: case dtype::float32: return 4;
    case dtype::int64: case dtype::uint64: case dtype::float64: case dtype::complex64: return 8;
    case dtype::complex128: return 16;
  }
  ops::unreachable_case();
}
}  // namespace cunp::detail::cuda
