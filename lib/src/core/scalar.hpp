#pragma once
#include "cunp/dtype.hpp"

namespace cunp::detail {
// A weak scalar's value as one element of dtype d (NumPy's cast of the Python scalar), written to
// `bytes`, which must hold 16.
void weak_scalar_bytes(const weak_scalar& s, dtype d, unsigned char* bytes);
}  // namespace cunp::detail
