#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_division(elementwise_table& t) { register_family<ops::ufunc_family::division>(t); }
}  // namespace cunp::detail::cuda
