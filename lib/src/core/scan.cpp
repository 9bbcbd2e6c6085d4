// cumsum and cumprod: axis none/int, NumPy's result dtype (sum's rules, or dtype=), dispatch to the backend's
// scan.
#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/reduce.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace {

ndarray scan(ops::scan_id id, const ndarray& a, std::optional<std::int64_t> axis_in, std::optional<dtype> dt) {
  const char* op_name = ops::visit_scan(id, [](auto tag) { return decltype(tag)::type::name; });
  if (!a.valid()) throw value_error(std::string(op_name) + ": null ndarray");
  dtype loop = dt ? *dt : default_accumulating_dtype(a.dtype());
  // axis none scans the C-order flattening; a 0-d array counts as 1-d (NumPy's rule), so its
  // result has shape (1,) either way
  ndarray src = a;
  int axis = 0;
  if (!axis_in) {
    if (a.ndim() != 1) src = a.reshape({-1});  // a view where the strides allow, else a C copy
  } else if (a.ndim() == 0) {
    normalize_axis(*axis_in, 1);
    src = a.reshape({1});
  } else {
    axis = int(normalize_axis(*axis_in, a.ndim()));
  }
  ndarray out = new_array(src.shape(), loop, order::C, a.device());
  if (out.size() == 0) return out;
  backend& be = backend_for(a.device());
  if (!be.has_scan(id, loop))
    throw not_implemented(std::string(op_name) + ": the " + be.name() + " backend has no " + std::string(name(loop)) +
                          " loop");
  be.scan(id, loop, make_accumulation(src, axis, out));
  return out;
}

}  // namespace

ndarray cumsum(const ndarray& a, const cumsum_options& options) {
  return scan(ops::scan_id::cumsum, a, options.axis, options.dtype);
}
ndarray cumprod(const ndarray& a, const cumsum_options& options) {
  return scan(ops::scan_id::cumprod, a, options.axis, options.dtype);
}

}  // namespace cunp
