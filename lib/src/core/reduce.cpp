// Reductions: axes, keepdims, NumPy's loop-dtype rules, empty inputs, dispatch.
#include <algorithm>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/reduce.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace detail {
// sum/prod of bool or a narrow integer accumulate in the platform integer (int64/uint64).
dtype default_accumulating_dtype(dtype d) {
  if (d == dtype::bool_ || (kind(d) == dtype_kind::signed_int)) return dtype::int64;
  if (kind(d) == dtype_kind::unsigned_int) return dtype::uint64;
  return d;
}
}  // namespace detail

namespace {

ndarray reduce(ops::reduce_id id, const char* numpy_name, const ndarray& a, const axes& axis, bool keepdims,
               std::optional<dtype> dt, bool accumulating) {
  if (!a.valid()) throw value_error(std::string(numpy_name) + ": null ndarray");
  std::vector<int> red = normalize_axes(axis, a.ndim());
  dtype loop = dt ? *dt : (accumulating ? default_accumulating_dtype(a.dtype()) : a.dtype());
  shape_t kept, kept_keepdims;
  for (int d = 0; d < a.ndim(); ++d) {
    bool reduced = std::binary_search(red.begin(), red.end(), d);
    if (!reduced) kept.push_back(a.shape()[d]);
    kept_keepdims.push_back(reduced ? 1 : a.shape()[d]);
  }
  bool has_identity = ops::visit_reduction(id, [](auto tag) { return decltype(tag)::type::has_identity; });
  // NumPy refuses a reduction without identity over an empty axis, even when the output is empty too
  if (!has_identity)
    for (int d : red)
      if (a.shape()[d] == 0)
        throw value_error(std::string("zero-size array to reduction operation ") + numpy_name + " which has no identity");
  ndarray out = new_array(kept, loop, order::C, a.device());
  auto finish = [&](ndarray r) { return keepdims ? r.reshape(kept_keepdims) : r; };
  if (out.size() == 0) return finish(out);

  reduction plan = make_reduction(a, red, static_cast<char*>(out.data()), loop);
  if (plan.num_red == 0) {
    if (!has_identity)
      throw value_error(std::string("zero-size array to reduction operation ") + numpy_name + " which has no identity");
    // nothing to reduce: every output is the op's identity
    unsigned char identity[16];
    ops::visit_reduction(id, [&](auto op_tag) {
      using Op = typename decltype(op_tag)::type;
      ops::visit(loop, [&](auto tag) {
        using T = typename decltype(tag)::type;
        ops::store<T>(reinterpret_cast<char*>(identity), ops::convert<T>(Op::template identity<ops::accumulator_t<T>>()));
      });
    });
    backend_for(a.device()).fill(out.data(), out.size(), identity, itemsize(loop));
    return finish(out);
  }
  backend& be = backend_for(a.device());
  if (!be.has_reduction(id, loop))
    throw not_implemented(std::string(numpy_name) + ": the " + be.name() + " backend has no " + std::string(name(loop)) +
                          " reduction");
  be.reduce(id, loop, plan);
  return finish(out);
}

}  // namespace

ndarray sum(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  return reduce(ops::reduce_id::sum, "add", a, axis, keepdims, dt, true);
}
ndarray prod(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  return reduce(ops::reduce_id::prod, "multiply", a, axis, keepdims, dt, true);
}
ndarray max(const ndarray& a, const axes& axis, bool keepdims) {
  return reduce(ops::reduce_id::max, "maximum", a, axis, keepdims, std::nullopt, false);
}
ndarray min(const ndarray& a, const axes& axis, bool keepdims) {
  return reduce(ops::reduce_id::min, "minimum", a, axis, keepdims, std::nullopt, false);
}

ndarray all(const ndarray& a, const axes& axis, bool keepdims) {
  return ufuncs::logical_and.reduce(a, {.axis = axis, .dtype = dtype::bool_, .keepdims = keepdims});
}
ndarray any(const ndarray& a, const axes& axis, bool keepdims) {
  return ufuncs::logical_or.reduce(a, {.axis = axis, .dtype = dtype::bool_, .keepdims = keepdims});
}
ndarray mean(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  if (!a.valid()) throw value_error("mean: null ndarray");
  std::int64_t count = 1;
  for (int d : normalize_axes(axis, a.ndim())) count *= a.shape()[std::size_t(d)];
  bool half_result = !dt && a.dtype() == dtype::float16;
  dtype acc = dt ? *dt : half_result ? dtype::float32 : is_inexact(a.dtype()) ? a.dtype() : dtype::float64;
  ndarray total = sum(a, axis, keepdims, acc);
  // NumPy divides into the sum itself, cast unsafe (an integer dtype truncates the quotient)
  divide(total, count, {.out = total, .casting = casting::unsafe});
  return half_result ? total.astype(dtype::float16) : total;
}
ndarray count_nonzero(const ndarray& a, const axes& axis, bool keepdims) {
  return sum(a.astype(dtype::bool_), axis, keepdims, dtype::int64);
}
ndarray ptp(const ndarray& a, const axes& axis, bool keepdims) {
  return subtract(max(a, axis, keepdims), min(a, axis, keepdims));
}

}  // namespace cunp
