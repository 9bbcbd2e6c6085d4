// What the backend class sees of the elementwise launchers (host-compilable).
#pragma once
#include "backend/cuda/check.hpp"
#include "core/iteration.hpp"
#include "ops/ufuncs.hpp"

namespace cunp::detail::cuda {
using elementwise_launcher = void (*)(const iteration&, const launch_context&);
using elementwise_table = elementwise_launcher[int(ops::ufunc_id::count)][dtype_count];
void register_binary_arith(elementwise_table& t);
void register_binary_compare(elementwise_table& t);
void register_unary_math(elementwise_table& t);
void register_copy(elementwise_table& t);

}  // namespace cunp::detail::cuda
