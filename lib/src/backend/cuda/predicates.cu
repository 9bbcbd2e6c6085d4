#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_predicate(elementwise_table& t) { register_family<ops::ufunc_family::predicate>(t); }
}  // namespace cunp::detail::cuda
