// The xtensor reference: host bytes adapted as xtensor strided views (xt::adapt over the span's
// origin with element strides, negative strides restored by xt::flip), and the core's ops
// computed with xtensor in the dtype NumPy's loop computes in.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp::conformance::xtensor_ref {

// The op through xtensor, or nothing where it has no equivalent for these dtypes (float16: xtensor
// has no half type). `loop` is the dtype NumPy's loop computes in, `out` NumPy's result dtype.
std::optional<ndarray> unary(const std::string& op, const ndarray& a, dtype loop, dtype out);
std::optional<ndarray> binary(const std::string& op, const ndarray& a, const ndarray& b, dtype loop, dtype out);
std::optional<ndarray> reduce(const std::string& op, const ndarray& a, const std::optional<std::vector<std::int64_t>>& axis,
                              bool keepdims, dtype loop, dtype out);

}  // namespace cunp::conformance::xtensor_ref
