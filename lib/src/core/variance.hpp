// What var/std and nanvar/nanstd share (variance.cpp, nan_functions.cpp).
#pragma once
#include "cunp/ops.hpp"

namespace cunp::detail {

// ddof, or the array API's correction in its place (both given: value_error, NumPy's message).
double degrees_of_freedom(const char* fn, const var_options& o);
// std from var as NumPy takes it: the root in place (same_kind: an integer dtype= is a
// type_error), but of a 0-d result, whose root is converted back to its dtype.
ndarray root_of_variance(ndarray v);

}  // namespace cunp::detail
