#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_binary_compare(elementwise_table& t) {
  register_elementwise<ops::maximum_op>(t[int(ops::ufunc_id::maximum)]);
  register_elementwise<ops::minimum_op>(t[int(ops::ufunc_id::minimum)]);
  register_elementwise<ops::equal_op>(t[int(ops::ufunc_id::equal)]);
  register_elementwise<ops::less_op>(t[int(ops::ufunc_id::less)]);
}
}  // namespace cunp::detail::cuda
