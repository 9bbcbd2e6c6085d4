// Raising what a loop reported (ops/kernel_errors.hpp) as NumPy's exception.
#pragma once
#include "ops/kernel_errors.hpp"

namespace cunp::detail {

[[noreturn]] void raise_kernel_error(ops::kernel_error e);

}  // namespace cunp::detail
