#include "backend/cuda/elementwise.cuh"

namespace cunp::detail::cuda {
void register_binary_arith(elementwise_table& t) {
  register_elementwise<ops::add_op>(t[int(ops::ufunc_id::add)]);
  register_elementwise<ops::subtract_op>(t[int(ops::ufunc_id::subtract)]);
  register_elementwise<ops::multiply_op>(t[int(ops::ufunc_id::multiply)]);
  register_elementwise<ops::true_divide_op>(t[int(ops::ufunc_id::true_divide)]);
}
}  // namespace cunp::detail::cuda
