// NumPy's functions built on its ufuncs (cunp/numeric_functions.hpp): each the sequence of ufunc
// calls NumPy's own implementation makes, so promotion, casts and special values are the ufuncs'.
#include "cunp/numeric_functions.hpp"

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

#include "core/array_access.hpp"
#include "cunp/errors.hpp"

namespace cunp {
using namespace detail;

namespace {

dtype real_part_dtype(dtype d) { return d == dtype::complex64 ? dtype::float32 : dtype::float64; }

ndarray complex_part(const ndarray& z, bool imaginary) {
  dtype part = real_part_dtype(z.dtype());
  return z.view_as(part, z.shape(), z.strides(), z.offset() + (imaginary ? std::int64_t(itemsize(part)) : 0));
}

// A Python scalar as np.asarray makes it: a 0-d array of its default dtype.
ndarray as_array(const operand& x, std::optional<device> dev) {
  if (x.is_array()) return x.array();
  return full({}, x.scalar(), std::nullopt, order::C, dev);
}
std::optional<device> device_of(const operand& a, const operand& b) {
  if (a.is_array()) return a.array().device();
  if (b.is_array()) return b.array().device();
  return std::nullopt;
}

// isfinite and isnan of an operand: of a Python scalar as a Python bool, which then takes the
// other operands' device (the ufunc of a scalar alone makes a 0-d array on the default device)
operand finite_of(const operand& x) {
  if (x.is_array()) return isfinite(x);
  return weak_scalar(bool(std::isfinite(x.scalar().re) && std::isfinite(x.scalar().im)));  // 0 for ints and bools
}
operand nan_of(const operand& x) {
  if (x.is_array()) return isnan(x);
  return weak_scalar(bool(std::isnan(x.scalar().re) || std::isnan(x.scalar().im)));
}

// all() of a bool array, as NumPy's: true for no elements
bool all_true(const ndarray& mask) { return mask.size() == 0 || min(mask).item<bool>(); }

// NumPy's power_of_ten: exact table entries up to 1e8, then repeated multiplication by ten
// (stopped once it overflows, where NumPy would go on multiplying inf)
double power_of_ten(int n) {
  static constexpr double table[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  if (n < 9) return table[n];
  double r = 1e9;
  for (int k = 9; k < n && std::isfinite(r); ++k) r *= 10.0;
  return r;
}

// PyArray_ISFORTRAN: F-contiguous and not C-contiguous
order new_order_for(const ndarray& a) {
  ndarray::flags_t f = a.flags();
  return f.f_contiguous && !f.c_contiguous ? order::F : order::C;
}

double largest_finite(dtype real) {
  switch (real) {
    case dtype::float16: return 65504.0;
    case dtype::float32: return double(FLT_MAX);
    default: return DBL_MAX;
  }
}

void require_real(const operand& x) {
  if (x.is_array() && is_complex(x.array().dtype()))
    throw type_error("This operation is not supported for " + std::string(name(x.array().dtype())) +
                     " values because it would be ambiguous.");
  if (!x.is_array() && x.scalar().kind == weak_scalar::kind_t::complex)
    throw type_error("This operation is not supported for complex128 values because it would be ambiguous.");
}

}  // namespace

ndarray real(const ndarray& val) { return is_complex(val.dtype()) ? complex_part(val, false) : val; }

ndarray imag(const ndarray& val) {
  if (is_complex(val.dtype())) return complex_part(val, true);
  return zeros(val.shape(), val.dtype(), order::C, val.device());
}

ndarray angle(const operand& z, bool deg) {
  ndarray a;
  if (z.is_array() && is_complex(z.array().dtype())) {
    a = arctan2(imag(z.array()), real(z.array()));
  } else {
    // np.angle takes asanyarray(z): a Python scalar is a strong 0-d array there
    ndarray zr = as_array(z, std::nullopt);
    if (is_complex(zr.dtype())) return angle(zr, deg);
    a = arctan2(0, zr);
  }
  if (deg) multiply(a, 180.0 / std::numbers::pi, {.out = a});
  return a;
}

ndarray round(const ndarray& a, int decimals, const ndarray& out) {
  // NumPy checks out= by its size first; the steps below then broadcast into it (or fail to)
  if (out.valid() && out.size() != a.size()) throw value_error("invalid output shape");
  if (is_complex(a.dtype())) {
    // as NumPy's arr.real = ...; arr.imag = ...: a real out takes the real parts, then refuses
    ndarray arr = out.valid() ? out : a.copy();
    real(arr).assign(round(real(a), decimals));
    if (!is_complex(arr.dtype())) throw type_error("array does not have imaginary part to set");
    imag(arr).assign(round(imag(a), decimals));
    return arr;
  }
  bool integer = is_integer(a.dtype());  // bool is no integer here: it rounds as rint does
  if (decimals >= 0) {
    if (integer) {
      if (!out.valid()) return a;
      out.assign(a.astype(out.dtype(), casting::same_kind, false));
      return out;
    }
    if (decimals == 0) return rint(a, {.out = out});
  }
  ndarray target = out.valid() ? out : new_array(a.shape(), integer ? dtype::float64 : a.dtype(), new_order_for(a), a.device());
  double f = power_of_ten(std::abs(decimals));
  if (decimals >= 0) multiply(a, f, {.out = target});
  else divide(a, f, {.out = target});
  rint(target, {.out = target});
  if (decimals >= 0) divide(target, f, {.out = target});
  else multiply(target, f, {.out = target});
  if (integer && !out.valid()) {
    ndarray back = new_array(a.shape(), a.dtype(), new_order_for(a), a.device());
    back.assign(target);
    return back;
  }
  return target;
}

ndarray fix(const operand& x, const ndarray& out) { return trunc(x, {.out = out}); }

ndarray nan_to_num(const ndarray& x_in, const nan_to_num_options& o) {
  ndarray x = o.copy ? x_in.copy(order::K) : x_in;
  if (!is_inexact(x.dtype())) return x;
  dtype part = is_complex(x.dtype()) ? real_part_dtype(x.dtype()) : x.dtype();
  double most = o.posinf.value_or(largest_finite(part)), least = o.neginf.value_or(-largest_finite(part));
  std::vector<ndarray> parts = is_complex(x.dtype()) ? std::vector<ndarray>{real(x), imag(x)} : std::vector<ndarray>{x};
  for (const ndarray& d : parts) {
    // the three masks first, as NumPy takes them before it writes any replacement
    ndarray is_nan = isnan(d), is_pos = isposinf(d), is_neg = isneginf(d);
    d.assign(where(is_nan, o.nan, d));
    d.assign(where(is_pos, most, d));
    d.assign(where(is_neg, least, d));
  }
  return x;
}

ndarray isclose(const operand& a, const operand& b, const isclose_options& o) {
  // y is the reference: an array goes to result_type(y, 1.0), a Python int to a Python float
  std::optional<operand> y;
  std::optional<weak_scalar> tolerance;  // atol + rtol * |y| in Python floats, for a scalar y
  if (b.is_array()) {
    const ndarray& yb = b.array();
    y.emplace(yb.astype(result_type({yb.dtype(), weak_scalar(1.0)}), casting::unsafe, false));
  } else {
    const weak_scalar& s = b.scalar();
    if (s.kind == weak_scalar::kind_t::complex) {
      y.emplace(s);
      tolerance.emplace(o.atol + o.rtol * std::hypot(s.re, s.im));
    } else {
      double v = s.kind == weak_scalar::kind_t::floating ? s.re
                 : s.kind == weak_scalar::kind_t::boolean ? double(s.b)
                 : s.negative ? -double(s.magnitude) : double(s.magnitude);
      y.emplace(weak_scalar(v));
      tolerance.emplace(o.atol + o.rtol * std::abs(v));
    }
  }
  ndarray within = tolerance ? less_equal(absolute(subtract(a, *y)), *tolerance)
                             : less_equal(absolute(subtract(a, *y)), add(o.atol, multiply(o.rtol, absolute(*y))));
  ndarray result = logical_or(logical_and(within, finite_of(*y)), equal(a, *y));
  if (o.equal_nan) result = logical_or(result, logical_and(nan_of(a), nan_of(*y)));
  return result;
}

bool allclose(const operand& a, const operand& b, const isclose_options& options) { return all_true(isclose(a, b, options)); }

bool array_equal(const operand& a1_in, const operand& a2_in, bool equal_nan) {
  std::optional<device> dev = device_of(a1_in, a2_in);
  ndarray a1 = as_array(a1_in, dev), a2 = as_array(a2_in, dev);
  if (a1.shape() != a2.shape()) return false;
  if (!equal_nan || (!is_inexact(a1.dtype()) && !is_inexact(a2.dtype()))) return all_true(equal(a1, a2));
  ndarray nan1 = isnan(a1), nan2 = isnan(a2);
  if (!all_true(equal(nan1, nan2))) return false;
  // NaN in the same places: the other elements must be equal
  return all_true(logical_or(nan1, equal(a1, a2)));
}

bool array_equiv(const operand& a1_in, const operand& a2_in) {
  std::optional<device> dev = device_of(a1_in, a2_in);
  ndarray a1 = as_array(a1_in, dev), a2 = as_array(a2_in, dev);
  try {
    broadcast_shapes({a1.shape(), a2.shape()});
  } catch (const value_error&) {
    return false;
  }
  return all_true(equal(a1, a2));
}

ndarray isreal(const ndarray& x) { return equal(imag(x), 0); }

ndarray iscomplex(const ndarray& x) {
  if (is_complex(x.dtype())) return not_equal(imag(x), 0);
  return zeros(x.shape(), dtype::bool_, order::C, x.device());
}

bool isrealobj(const ndarray& x) { return !iscomplexobj(x); }
bool iscomplexobj(const ndarray& x) { return is_complex(x.dtype()); }

ndarray isposinf(const operand& x, const ndarray& out) {
  require_real(x);
  return logical_and(isinf(x), logical_not(signbit(x)), {.out = out});
}

ndarray isneginf(const operand& x, const ndarray& out) {
  require_real(x);
  return logical_and(isinf(x), signbit(x), {.out = out});
}

}  // namespace cunp
