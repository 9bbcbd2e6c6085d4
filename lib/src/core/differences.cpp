// cumulative_sum, cumulative_prod, diff, ediff1d and trapezoid: NumPy's Python algorithms (numpy/lib/_function_base_impl.py,
// _arraysetops_impl.py, _core/fromnumeric.py), step by step through cunp's ops, so dtypes and
// errors come out as NumPy's do.
#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace {
// np.asanyarray of an argument: a Python scalar becomes a 0-d array of its default dtype
ndarray as_array(const operand& x, const device& dev) {
  return x.is_array() ? x.array() : full({}, x.scalar(), std::nullopt, order::C, dev);
}


// NumPy 2's array-API scans: a 0-d input read as 1-d, axis required beyond 1-d, and with
// include_initial the op's identity first along the axis
ndarray cumulative(const char* fn, ndarray (*scan)(const ndarray&, const cumsum_options&), double identity,
                   const ndarray& x, const cumulative_sum_options& o) {
  if (!x.valid()) throw value_error(std::string(fn) + ": null ndarray");
  if (!o.axis && x.ndim() > 1)
    throw value_error("For arrays which have more than one dimension ``axis`` argument is required.");
  ndarray src = x.ndim() == 0 ? x.reshape({1}) : x;
  std::int64_t axis = o.axis ? normalize_axis(*o.axis, src.ndim()) : 0;
  ndarray scanned = scan(src, {axis, o.dtype});
  if (!o.include_initial) return scanned;
  shape_t first = scanned.shape();
  first[std::size_t(axis)] = 1;
  return concatenate({full(first, identity, scanned.dtype(), order::C, x.device()), scanned}, {.axis = axis});
}
}  // namespace

ndarray cumulative_sum(const ndarray& x, const cumulative_sum_options& o) {
  return cumulative("cumulative_sum", &cumsum, 0, x, o);
}
ndarray cumulative_prod(const ndarray& x, const cumulative_sum_options& o) {
  return cumulative("cumulative_prod", &cumprod, 1, x, o);
}

ndarray diff(const ndarray& a_in, const diff_options& o) {
  if (!a_in.valid()) throw value_error("diff: null ndarray");
  if (o.n == 0) return a_in;
  if (o.n < 0) throw value_error("order must be non-negative but got " + std::to_string(o.n));
  if (a_in.ndim() == 0) throw value_error("diff requires input that is at least one dimensional");
  int axis = int(normalize_axis(o.axis, a_in.ndim()));
  // a scalar to join is broadcast to one slice along the axis
  auto joined = [&](const operand& x) {
    ndarray v = as_array(x, a_in.device());
    if (v.ndim() != 0) return v;
    shape_t s = a_in.shape();
    s[std::size_t(axis)] = 1;
    return v.broadcast_to(s);
  };
  std::vector<ndarray> parts;
  if (o.prepend) parts.push_back(joined(*o.prepend));
  parts.push_back(a_in);
  if (o.append) parts.push_back(joined(*o.append));
  ndarray a = parts.size() > 1 ? concatenate(parts, {.axis = axis}) : a_in;
  for (std::int64_t k = 0; k < o.n; ++k) {
    std::int64_t m = a.shape()[std::size_t(axis)];
    ndarray hi = along(a, axis, m > 0 ? 1 : 0, m), lo = along(a, axis, 0, m > 0 ? m - 1 : 0);
    a = a.dtype() == dtype::bool_ ? not_equal(hi, lo) : subtract(hi, lo);
  }
  return a;
}

ndarray ediff1d(const ndarray& ary_in, const std::optional<operand>& to_end, const std::optional<operand>& to_begin) {
  if (!ary_in.valid()) throw value_error("ediff1d: null ndarray");
  ndarray ary = ary_in.reshape({-1});
  std::int64_t n = ary.size();
  ndarray hi = along(ary, 0, n > 0 ? 1 : 0, n), lo = along(ary, 0, 0, n > 0 ? n - 1 : 0);
  if (!to_begin && !to_end) return subtract(hi, lo);
  // each end must cast to ary's dtype under same_kind, as NumPy checks before it subtracts
  auto end_values = [&](const std::optional<operand>& x, const char* which) {
    if (!x) return ndarray();
    ndarray v = as_array(*x, ary.device());
    if (!can_cast(v.dtype(), ary.dtype(), casting::same_kind))
      throw type_error(std::string("dtype of `") + which + "` must be compatible with input `ary` under the `same_kind` rule.");
    return v.reshape({-1});
  };
  ndarray begin = end_values(to_begin, "to_begin"), end = end_values(to_end, "to_end");
  std::int64_t l_begin = begin.valid() ? begin.size() : 0, l_end = end.valid() ? end.size() : 0;
  std::int64_t l_diff = std::max<std::int64_t>(n - 1, 0);
  ndarray result = empty({l_begin + l_diff + l_end}, ary.dtype(), order::C, ary.device());
  if (l_begin > 0) along(result, 0, 0, l_begin).assign(begin);
  if (l_end > 0) along(result, 0, l_begin + l_diff, l_begin + l_diff + l_end).assign(end);
  subtract(hi, lo, {.out = along(result, 0, l_begin, l_begin + l_diff)});
  return result;
}

ndarray trapezoid(const ndarray& y, const trapezoid_options& o) {
  if (!y.valid()) throw value_error("trapezoid: null ndarray");
  // NumPy indexes a list of y.ndim slices by the axis: out of range is its IndexError
  int axis = int(normalize_axis(o.axis, y.ndim()));
  operand d = o.dx;
  if (o.x) {
    const ndarray& x = *o.x;
    if (!x.valid()) throw value_error("trapezoid: x is a null ndarray");
    require_same_device("trapezoid", y, x);
    if (x.ndim() == 1) {
      shape_t along_axis(std::size_t(y.ndim()), 1);
      ndarray steps = diff(x);
      along_axis[std::size_t(axis)] = steps.size();
      d = steps.reshape(along_axis);
    } else {
      d = diff(x, {.axis = o.axis});
    }
  }
  std::int64_t m = y.shape()[std::size_t(axis)];
  ndarray upper = along(y, axis, m > 0 ? 1 : 0, m), lower = along(y, axis, 0, m > 0 ? m - 1 : 0);
  ndarray terms = divide(multiply(d, add(upper, lower)), 2.0);
  return sum(terms, o.axis);
}

}  // namespace cunp
