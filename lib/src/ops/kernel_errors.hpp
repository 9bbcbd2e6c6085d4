// Value-dependent errors a loop finds in its data (DESIGN.md: kernels report bad data, never run
// past it). A functor that can meet one sets checks_inputs and states check(inputs...); the
// loops record the first error they see, and the backend raises it as NumPy's exception: the
// host after its loop, CUDA at the stream's next synchronization point.
#pragma once
#include <cstdint>

namespace cunp::ops {

enum class kernel_error : std::int32_t {
  none = 0,
  negative_integer_power = 1,  // ValueError, as NumPy's integer power loops
  index_out_of_bounds = 2,     // IndexError: a gather met an index outside its source
};

}  // namespace cunp::ops
