#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_float_parts(elementwise_table& t) { register_family<ops::ufunc_family::float_parts>(t); }
}  // namespace cunp::detail::cuda
