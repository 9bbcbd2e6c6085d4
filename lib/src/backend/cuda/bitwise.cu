#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_bitwise(elementwise_table& t) { register_family<ops::ufunc_family::bitwise>(t); }
}  // namespace cunp::detail::cuda
