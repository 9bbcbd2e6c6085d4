#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_logical(elementwise_table& t) { register_family<ops::ufunc_family::logical>(t); }
}  // namespace cunp::detail::cuda
