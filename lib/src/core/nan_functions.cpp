// The NaN-skipping reductions and scans, by NumPy's algorithms (numpy/lib/_nanfunctions_impl.py):
// NaN replaced by the op's neutral value (_replace_nan) before the plain op, fmax/fmin reductions
// for nanmax/nanmin, and for nanmean/nanvar the count of non-NaN elements per slice. Integer and
// bool inputs hold no NaN and go to the plain ops unchanged.
#include "cunp/errors.hpp"
#include "cunp/numeric_functions.hpp"
#include "cunp/ops.hpp"
#include "core/variance.hpp"

namespace cunp {

namespace {

// NumPy's _replace_nan: a copy with NaN (either part, for complex) set to `value`, and the mask.
std::pair<ndarray, std::optional<ndarray>> replace_nan(const ndarray& a, double value) {
  if (!is_inexact(a.dtype())) return {a, std::nullopt};
  ndarray mask = isnan(a);
  return {where(mask, value, a), mask};
}

void check_inexact_dtype(const std::optional<dtype>& dt) {
  if (dt && !is_inexact(*dt)) throw type_error("If a is inexact, then dtype must be inexact");
}

// A float64 count would promote a float32 total to float64 and be cast back; an int64 count does
// the same through NumPy's float64 loop (NumPy's counts are intp arrays).
void divide_by_counts(ndarray& total, const ndarray& counts) {
  divide(total, counts, {.out = total, .casting = casting::unsafe});
}

}  // namespace

ndarray nansum(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  return sum(replace_nan(a, 0).first, axis, keepdims, dt);
}
ndarray nanprod(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  return prod(replace_nan(a, 1).first, axis, keepdims, dt);
}
ndarray nanmax(const ndarray& a, const axes& axis, bool keepdims) {
  return ufuncs::fmax.reduce(a, {.axis = axis, .keepdims = keepdims});
}
ndarray nanmin(const ndarray& a, const axes& axis, bool keepdims) {
  return ufuncs::fmin.reduce(a, {.axis = axis, .keepdims = keepdims});
}

namespace {
ndarray nan_arg_reduce(ndarray (*arg)(const ndarray&, const arg_reduce_options&), double fill, const ndarray& a,
                       const arg_reduce_options& o) {
  auto [filled, mask] = replace_nan(a, fill);
  if (mask && mask->size() > 0) {
    axes axis = o.axis ? axes(*o.axis) : axes(std::nullopt);
    if (any(all(*mask, axis), std::nullopt).item<bool>()) throw value_error("All-NaN slice encountered");
  }
  return arg(filled, o);
}
}  // namespace

ndarray nanargmax(const ndarray& a, const arg_reduce_options& o) {
  return nan_arg_reduce(&argmax, -INFINITY, a, o);
}
ndarray nanargmin(const ndarray& a, const arg_reduce_options& o) {
  return nan_arg_reduce(&argmin, INFINITY, a, o);
}
ndarray nancumsum(const ndarray& a, const cumsum_options& o) { return cumsum(replace_nan(a, 0).first, o); }
ndarray nancumprod(const ndarray& a, const cumsum_options& o) { return cumprod(replace_nan(a, 1).first, o); }

ndarray nanmean(const ndarray& a, const axes& axis, bool keepdims, std::optional<dtype> dt) {
  if (!a.valid()) throw value_error("nanmean: null ndarray");
  auto [arr, mask] = replace_nan(a, 0);
  if (!mask) return mean(arr, axis, keepdims, dt);
  check_inexact_dtype(dt);
  ndarray counts = sum(logical_not(*mask), axis, keepdims, dtype::int64);
  ndarray total = sum(arr, axis, keepdims, dt);
  divide_by_counts(total, counts);
  return total;
}

ndarray nanvar(const ndarray& a, const var_options& o) {
  if (!a.valid()) throw value_error("nanvar: null ndarray");
  auto [arr, mask] = replace_nan(a, 0);
  if (!mask) return var(arr, o);
  check_inexact_dtype(o.dtype);
  double ddof = detail::degrees_of_freedom("nanvar", o);
  ndarray counts = sum(logical_not(*mask), o.axis, true, dtype::int64);
  ndarray avg = sum(arr, o.axis, true, o.dtype);
  divide_by_counts(avg, counts);
  // the deviations in the input's dtype (NumPy subtracts in place, casting unsafe), zero at NaN
  subtract(arr, avg, {.out = arr, .casting = casting::unsafe});
  arr = where(*mask, 0, arr);
  ndarray squares = is_complex(arr.dtype()) ? real(multiply(arr, conjugate(arr))) : multiply(arr, arr);
  ndarray total = sum(squares, o.axis, o.keepdims, o.dtype);
  if (!o.keepdims) counts = counts.reshape(total.shape());
  ndarray dof = subtract(counts, full({}, ddof, ddof == double(std::int64_t(ddof)) ? dtype::int64 : dtype::float64,
                                      order::C, a.device()));
  divide_by_counts(total, dof);
  // where n - ddof <= 0, NaN (NumPy replaces the inf, NaN or negative quotient)
  return where(less_equal(dof, 0), NAN, total);
}

ndarray nanstd(const ndarray& a, const var_options& o) { return detail::root_of_variance(nanvar(a, o)); }

}  // namespace cunp
