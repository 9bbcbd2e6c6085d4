// var, std and average, by NumPy's algorithms (numpy/_core/_methods.py, numpy/lib/_function_base_impl.py):
// two passes (the mean, then the sum of squared deviations), each a sum of the reductions, and the
// divisions by counts as NumPy makes them: through a float64 (or complex128) loop, cast back.
#include <algorithm>
#include <cmath>

#include "cunp/errors.hpp"
#include "cunp/numeric_functions.hpp"
#include "cunp/ops.hpp"
#include "core/shape.hpp"
#include "core/variance.hpp"

namespace cunp {

namespace {

// NumPy's counts are intp scalars (strongly typed, NEP 50): a float32 sum divided by one goes
// through the float64 loop and is cast back, unsafe.
void divide_by(ndarray& total, double count) {
  ndarray n = full({}, count, dtype::float64, order::C, total.device());
  divide(total, n, {.out = total, .casting = casting::unsafe});
}

std::int64_t items(const ndarray& a, const axes& axis) {
  std::int64_t n = 1;
  for (int d : detail::normalize_axes(axis, a.ndim())) n *= a.shape()[std::size_t(d)];
  return n;
}

}  // namespace

namespace detail {
double degrees_of_freedom(const char* fn, const var_options& o) {
  if (o.correction) {
    if (o.ddof != 0) throw value_error(std::string(fn) + ": ddof and correction can't be provided simultaneously.");
    return *o.correction;
  }
  return o.ddof;
}
ndarray root_of_variance(ndarray v) {
  if (v.ndim() == 0) return sqrt(v).astype(v.dtype(), casting::unsafe);
  sqrt(v, {.out = v});
  return v;
}
}  // namespace detail

ndarray var(const ndarray& a, const var_options& o) {
  if (!a.valid()) throw value_error("var: null ndarray");
  double ddof = detail::degrees_of_freedom("var", o);
  std::int64_t n = items(a, o.axis);
  // integers and bool are summed in float64; the other dtypes by sum's own rules
  std::optional<dtype> dt = o.dtype;
  if (!dt && (is_integer(a.dtype()) || a.dtype() == dtype::bool_)) dt = dtype::float64;
  ndarray m = sum(a, o.axis, true, dt);
  divide_by(m, double(n));
  ndarray x = subtract(a, m);
  // a complex deviation's squared magnitude: its parts squared and added, in the real dtype
  ndarray squares = is_complex(x.dtype()) ? add(multiply(real(x), real(x)), multiply(imag(x), imag(x))) : multiply(x, x);
  ndarray total = sum(squares, o.axis, o.keepdims, dt);
  divide_by(total, std::max(double(n) - ddof, 0.0));
  return total;
}

ndarray std(const ndarray& a, const var_options& o) { return detail::root_of_variance(var(a, o)); }

average_result average(const ndarray& a, const average_options& o) {
  if (!a.valid()) throw value_error("average: null ndarray");
  std::vector<int> ax = detail::normalize_axes(o.axis, a.ndim());
  axes axis = o.axis.list ? axes(std::vector<std::int64_t>(ax.begin(), ax.end())) : axes(std::nullopt);
  if (!o.weights) {
    ndarray avg = mean(a, axis, o.keepdims);
    // NumPy: the scale is a.size / avg.size in avg's dtype, as wide as avg
    if (avg.size() == 0) throw value_error("division by zero");  // NumPy's a.size / avg.size in Python
    double scale = double(a.size()) / double(avg.size());
    return {avg, full(avg.shape(), scale, avg.dtype(), order::C, a.device())};
  }
  ndarray w = *o.weights;
  if (!w.valid()) throw value_error("average: null weights");
  dtype result = result_type({a.dtype(), w.dtype()});
  if (is_integer(a.dtype()) || a.dtype() == dtype::bool_) result = promote_types(result, dtype::float64);
  if (w.shape() != a.shape()) {
    if (!o.axis.list) throw type_error("Axis must be specified when shapes of a and weights differ.");
    // the axes in the order given: the weights' dimensions follow it
    std::vector<std::int64_t> given;
    shape_t along;
    for (std::int64_t d : *o.axis.list) {
      given.push_back(detail::normalize_axis(d, a.ndim()));
      along.push_back(a.shape()[std::size_t(given.back())]);
    }
    if (w.shape() != along) throw value_error("Shape of weights must be consistent with shape of a along specified axis.");
    // laid along those axes of a, in a's order, and broadcast over the rest
    std::vector<std::int64_t> perm(given.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = std::int64_t(i);
    std::sort(perm.begin(), perm.end(), [&](std::int64_t x, std::int64_t y) { return given[std::size_t(x)] < given[std::size_t(y)]; });
    shape_t laid;
    for (int d = 0; d < a.ndim(); ++d)
      laid.push_back(std::count(given.begin(), given.end(), d) ? a.shape()[std::size_t(d)] : 1);
    w = w.transpose(perm).reshape(laid);
  }
  ndarray scale = sum(w, axis, o.keepdims, result);
  if (any(equal(scale, 0.0), std::nullopt).item<bool>()) throw value_error("Weights sum to zero, can't be normalized");
  ndarray avg = divide(sum(multiply(a, w, {.dtype = result}), axis, o.keepdims), scale);
  if (scale.shape() != avg.shape()) scale = ascontiguousarray(broadcast_to(scale, avg.shape()));
  return {avg, scale};
}

}  // namespace cunp
