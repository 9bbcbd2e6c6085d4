#include "core/kernel_errors.hpp"

#include <string>

#include "cunp/errors.hpp"

namespace cunp::detail {

void raise_kernel_error(ops::kernel_error e) {
  switch (e) {
    case ops::kernel_error::negative_integer_power: throw value_error("Integers to negative integer powers are not allowed.");
    case ops::kernel_error::index_out_of_bounds: throw index_error("index out of bounds: a gather met an index outside its source");
    case ops::kernel_error::none: break;
  }
  throw value_error("a kernel reported an unknown error code " + std::to_string(int(e)));
}

}  // namespace cunp::detail
