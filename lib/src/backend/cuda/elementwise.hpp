// What the backend class sees of the elementwise launchers (host-compilable).
#pragma once
#include "backend/cuda/check.hpp"
#include "core/iteration.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp::detail::cuda {
using elementwise_launcher = void (*)(const iteration&, const launch_context&);
using elementwise_table = elementwise_launcher[int(ops::ufunc_id::count)][max_kernels];
// One per op family (the last column of the op list), each in its own .cu file.
#define CUNP_DECLARE_REGISTER(family) void register_##family(elementwise_table& t);
CUNP_UFUNC_FAMILY_LIST(CUNP_DECLARE_REGISTER)
#undef CUNP_DECLARE_REGISTER

}  // namespace cunp::detail::cuda
