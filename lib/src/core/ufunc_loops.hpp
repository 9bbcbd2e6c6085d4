// Ufunc loop tables, derived from the op definitions in src/ops (one source of truth), in NumPy's
// loop order; type resolution picks the first loop every input casts to safely (NumPy's rule).
#pragma once
#include <string>
#include <vector>

#include "ops/ufuncs.hpp"

namespace cunp::detail {

struct ufunc_loop {
  dtype in;       // every input's loop type (cunp's ufuncs are uniform in their inputs)
  dtype compute;  // what the kernel computes in (in, except e.g. true_divide 'bb->d': float64)
  dtype out;
};
struct ufunc_info {
  ops::ufunc_id id;
  const char* name;  // NumPy's name
  int nin;
  const char* bool_error;
  std::vector<ufunc_loop> loops;
};
const ufunc_info& ufunc_table(ops::ufunc_id id);
std::string loop_signature(const ufunc_info& u, const ufunc_loop& l);  // "bb->d"

}  // namespace cunp::detail
