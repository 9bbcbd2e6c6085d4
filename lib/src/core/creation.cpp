// Array creation: empty, zeros, ones, full, arange, eye and the _like forms.
#include <cmath>
#include <complex>
#include <cstring>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/scalar.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace {
void fill_with(const ndarray& out, const weak_scalar& value) {
  if (!value.fits(out.dtype()))
    throw overflow_error("Python integer " + value.repr() + " out of bounds for " + std::string(name(out.dtype())));
  // NumPy converts a Python int to bool through a C long, which holds no int beyond int64's range
  if (out.dtype() == dtype::bool_ && !value.fits(dtype::int64)) throw overflow_error("Python int too large to convert to C long");
  if (out.size() == 0) return;
  if (!out.flags().c_contiguous && !out.flags().f_contiguous) {  // a strided view: copy a 0-d value
    out.assign(full({}, value, out.dtype(), order::C, out.device()));
    return;
  }
  unsigned char bytes[16];
  weak_scalar_bytes(value, out.dtype(), bytes);
  backend_for(out.device()).fill(out.data(), out.size(), bytes, out.itemsize());
}
}  // namespace

ndarray empty(const shape_t& shape, dtype dt, order ord, std::optional<device> dev) {
  if (ord != order::C && ord != order::F) throw value_error("only 'C' or 'F' order is permitted");
  return new_array(shape, dt, ord, dev.value_or(default_device()));
}
ndarray zeros(const shape_t& shape, dtype dt, order ord, std::optional<device> dev) {
  ndarray a = empty(shape, dt, ord, dev);
  fill_with(a, 0);
  return a;
}
ndarray ones(const shape_t& shape, dtype dt, order ord, std::optional<device> dev) {
  ndarray a = empty(shape, dt, ord, dev);
  fill_with(a, 1);
  return a;
}
ndarray full(const shape_t& shape, const weak_scalar& value, std::optional<dtype> dt, order ord,
             std::optional<device> dev) {
  ndarray a = empty(shape, dt.value_or(value.own_dtype()), ord, dev);
  fill_with(a, value);
  return a;
}

ndarray empty_like(const ndarray& a, std::optional<dtype> dt, order ord) {
  return new_array_like(a, dt.value_or(a.dtype()), ord);
}
ndarray zeros_like(const ndarray& a, std::optional<dtype> dt, order ord) {
  ndarray r = empty_like(a, dt, ord);
  fill_with(r, 0);
  return r;
}
ndarray ones_like(const ndarray& a, std::optional<dtype> dt, order ord) {
  ndarray r = empty_like(a, dt, ord);
  fill_with(r, 1);
  return r;
}
ndarray full_like(const ndarray& a, const weak_scalar& value, std::optional<dtype> dt, order ord) {
  ndarray r = empty_like(a, dt, ord);
  fill_with(r, value);
  return r;
}

namespace {
// Python arithmetic on the arguments, as numpy.arange does before converting to the dtype.
double as_double(const weak_scalar& s) {
  switch (s.kind) {
    case weak_scalar::kind_t::boolean: return s.b;
    case weak_scalar::kind_t::integer: return s.negative ? -double(s.magnitude) : double(s.magnitude);
    default: return s.re;
  }
}
std::complex<double> as_complex(const weak_scalar& s) {
  return {as_double(s), s.kind == weak_scalar::kind_t::complex ? s.im : 0};
}
weak_scalar python_add(const weak_scalar& a, const weak_scalar& b) {
  using K = weak_scalar::kind_t;
  if (a.kind == K::complex || b.kind == K::complex) return as_complex(a) + as_complex(b);
  if (a.kind == K::floating || b.kind == K::floating) return as_double(a) + as_double(b);
  auto to_i = [](const weak_scalar& s) {
    if (s.kind == K::boolean) return std::int64_t(s.b);
    return s.negative ? std::int64_t(std::uint64_t(0) - s.magnitude) : std::int64_t(s.magnitude);
  };
  return std::int64_t(std::uint64_t(to_i(a)) + std::uint64_t(to_i(b)));
}

// numpy.arange's length: ceil((stop - start) / step), in Python arithmetic. A complex quotient
// (any argument complex) is taken only for a complex dtype, as the smaller of its parts' ceilings.
std::int64_t arange_length(const weak_scalar& start, const weak_scalar& stop, const weak_scalar& step, dtype d) {
  using K = weak_scalar::kind_t;
  bool complex_args = start.kind == K::complex || stop.kind == K::complex || step.kind == K::complex;
  if (as_complex(step) == 0.0) throw value_error("arange: step must not be zero (numpy raises ZeroDivisionError: division by zero)");
  if (complex_args && !is_complex(d)) throw type_error("arange: must be real number, not complex");
  double len_f;
  if (complex_args) {
    std::complex<double> q = (as_complex(stop) - as_complex(start)) / as_complex(step);
    len_f = std::min(std::ceil(q.real()), std::ceil(q.imag()));
  } else {
    len_f = std::ceil((as_double(stop) - as_double(start)) / as_double(step));
  }
  if (std::isnan(len_f)) throw value_error("arange: cannot compute length");
  if (std::abs(len_f) >= 0x1p63) throw value_error("Maximum allowed size exceeded");  // either sign, as NumPy
  return len_f > 0 ? std::int64_t(len_f) : 0;
}

// The dtype numpy.arange gives without dtype=: each argument's own dtype (a Python int beyond
// int64's range is uint64) promoted together, at least int64 (so bools give int64).
dtype arange_dtype(const weak_scalar& start, const weak_scalar& stop, const weak_scalar& step) {
  dtype d = dtype::int64;
  for (const weak_scalar* s : {&start, &stop, &step}) d = promote_types(d, s->own_dtype());
  return d;
}

// numpy.arange stores its first two values as NumPy stores a Python number into an element: into
// an integer dtype a float is truncated to an int, which must fit.
void check_storable(const weak_scalar& v, dtype d) {
  if (!is_integer(d)) return;
  weak_scalar as_int = v;
  if (v.kind == weak_scalar::kind_t::floating) {
    if (std::isnan(v.re)) throw value_error("cannot convert float NaN to integer");
    double t = std::trunc(v.re);
    if (!(std::abs(t) < 0x1p63)) throw overflow_error("Python int too large to convert to C long");
    as_int = weak_scalar(std::int64_t(t));
  }
  if (!as_int.fits(d)) throw overflow_error("Python integer " + as_int.repr() + " out of bounds for " + std::string(name(d)));
}
}  // namespace

ndarray arange(const weak_scalar& stop, std::optional<dtype> dt, std::optional<device> dev) {
  return arange(weak_scalar(0), stop, weak_scalar(1), dt, dev);
}

ndarray arange(const weak_scalar& start, const weak_scalar& stop, const weak_scalar& step, std::optional<dtype> dt,
               std::optional<device> dev) {
  dtype d = dt ? *dt : arange_dtype(start, stop, step);
  std::int64_t n = arange_length(start, stop, step, d);
  ndarray out = empty({n}, d, order::C, dev);
  if (n == 0) return out;
  const weak_scalar next = python_add(start, step);
  check_storable(start, d);
  if (n > 1) check_storable(next, d);
  if (d == dtype::bool_ && n > 2)
    throw type_error("arange() is only supported for booleans when the result has at most length 2.");
  unsigned char first[16], second[16], delta[16];
  weak_scalar_bytes(start, d, first);
  weak_scalar_bytes(next, d, second);
  // delta = T(start + step) - T(start), in the element type (NumPy's fill functions)
  ndarray pair = empty({2}, d, order::C, device::host());
  std::memcpy(pair.data(), first, out.itemsize());
  std::memcpy(static_cast<char*>(pair.data()) + out.itemsize(), second, out.itemsize());
  if (d == dtype::bool_) {
    std::memcpy(delta, second, 1);  // bool "delta" is the second element itself
  } else {
    ndarray dv = subtract(pair[1], pair[0]).astype(d);
    std::memcpy(delta, dv.data(), out.itemsize());
  }
  backend_for(out.device()).arange(out.data(), d, n, first, delta);
  return out;
}

ndarray eye(std::int64_t n, std::optional<std::int64_t> m_opt, std::int64_t k, dtype dt, order ord,
            std::optional<device> dev) {
  std::int64_t m = m_opt.value_or(n);
  ndarray out = zeros({n, m}, dt, ord, dev);
  std::int64_t row0 = k >= 0 ? 0 : -k, col0 = k >= 0 ? k : 0;
  std::int64_t len = std::min(n - row0, m - col0);
  if (len <= 0) return out;
  ndarray diag = out.view_as(dt, {len}, {out.strides()[0] + out.strides()[1]},
                             out.offset() + row0 * out.strides()[0] + col0 * out.strides()[1]);
  fill_with(diag, 1);
  return out;
}

}  // namespace cunp
