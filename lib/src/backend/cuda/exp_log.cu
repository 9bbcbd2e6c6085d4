#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_exp_log(elementwise_table& t) { register_family<ops::ufunc_family::exp_log>(t); }
}  // namespace cunp::detail::cuda
