#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_unary_basic(elementwise_table& t) { register_family<ops::ufunc_family::unary_basic>(t); }
}  // namespace cunp::detail::cuda
