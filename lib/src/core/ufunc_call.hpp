// What the ufunc methods (core/ufunc_methods.cpp) use of the elementwise call path.
#pragma once
#include <optional>
#include <vector>

#include "cunp/ops.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp::detail {

// The loop NumPy's type resolution picks for arrays of these dtypes (and dtype=, as a call's).
const ufunc_loop& resolve_loop(ops::ufunc_id id, const std::vector<dtype>& in_dtypes, std::optional<dtype> dt);

// A ufunc call (core/ufunc.cpp); forced_loop skips type resolution and the input casting checks.
std::vector<ndarray> call_elementwise(ops::ufunc_id id, std::vector<const operand*> args, const ufunc_options& opt,
                                      const ufunc_loop* forced_loop = nullptr);

}  // namespace cunp::detail
