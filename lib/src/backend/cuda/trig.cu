#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_trig(elementwise_table& t) { register_family<ops::ufunc_family::trig>(t); }
}  // namespace cunp::detail::cuda
