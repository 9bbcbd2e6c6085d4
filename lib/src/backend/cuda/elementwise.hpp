// What the backend class sees of the elementwise launchers (host-compilable).
#pragma once
#include "backend/cuda/check.hpp"
#include "core/iteration.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp::detail::cuda {
using elementwise_launcher = void (*)(const iteration&, const launch_context&);
using elementwise_table = elementwise_launcher[int(ops::ufunc_id::count)][max_kernels];
// One per op family (the last column of the op list), each in its own .cu file.
void register_arith(elementwise_table& t);
void register_division(elementwise_table& t);
void register_compare(elementwise_table& t);
void register_logical(elementwise_table& t);
void register_bitwise(elementwise_table& t);
void register_math(elementwise_table& t);
void register_trig(elementwise_table& t);
void register_exp_log(elementwise_table& t);
void register_float_parts(elementwise_table& t);
void register_unary_basic(elementwise_table& t);
void register_predicates(elementwise_table& t);
void register_copy(elementwise_table& t);

}  // namespace cunp::detail::cuda
