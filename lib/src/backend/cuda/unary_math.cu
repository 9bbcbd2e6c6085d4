#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_unary_math(elementwise_table& t) {
  register_elementwise<ops::negative_op>(t[int(ops::ufunc_id::negative)]);
  register_elementwise<ops::absolute_op>(t[int(ops::ufunc_id::absolute)]);
  register_elementwise<ops::sqrt_op>(t[int(ops::ufunc_id::sqrt)]);
  register_elementwise<ops::sin_op>(t[int(ops::ufunc_id::sin)]);
  register_elementwise<ops::cos_op>(t[int(ops::ufunc_id::cos)]);
  register_elementwise<ops::exp_op>(t[int(ops::ufunc_id::exp)]);
  register_elementwise<ops::log_op>(t[int(ops::ufunc_id::log)]);
}
}  // namespace cunp::detail::cuda
