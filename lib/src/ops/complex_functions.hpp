// The complex functions beyond complex.hpp's: tan from tanh (tan z = -i tanh iz, as Annex G
// defines it), the inverse ones by Kahan's formulas, and
// exp2/expm1/log2/log10/log1p/reciprocal by the formulas NumPy's own loops use, so that their
// roundings match NumPy's.
#pragma once
#include "ops/arith.hpp"
#include "ops/complex.hpp"

namespace cunp::ops {

template <class T> CUNP_HD constexpr T pi_4() { return T(0.785398163397448309615660845819875721); }
template <class T> CUNP_HD complex<T> c_times_i(complex<T> z) { return {-z.im, z.re}; }        // i z
template <class T> CUNP_HD complex<T> c_times_minus_i(complex<T> z) { return {z.im, -z.re}; }  // -i z

// tanh(x+iy) = (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y): no cancellation in the
// denominator; past |x| = 20 (tanh x rounds to +-1 in double) the imaginary part is its
// asymptote 2 sin 2y e^{-2|x|}, which cannot overflow.
template <class T>
CUNP_HD complex<T> c_tanh(complex<T> z) {
  T x = z.re, y = z.im;
  bool y_finite = !m_isnan(y) && !m_isinf(y);
  if (m_isinf(x)) return {m_copysign(T(1), x), y_finite ? m_copysign(T(0), m_sin(y) * m_cos(y)) : m_copysign(T(0), y)};
  if (m_isnan(x)) return {x, y == T(0) ? y : x};
  if (!y_finite) return {x == T(0) ? x : y - y, y - y};
  if (m_fabs(x) > T(20)) return {m_copysign(T(1), x), T(4) * m_sin(y) * m_cos(y) * m_exp(T(-2) * m_fabs(x))};
  T s = m_sinh(x), c = m_cosh(x), sy = m_sin(y), cy = m_cos(y);
  T den = s * s + cy * cy;
  return {s * c / den, sy * cy / den};
}
template <class T> CUNP_HD complex<T> c_tan(complex<T> z) { return c_times_minus_i(c_tanh(c_times_i(z))); }

// The inverse functions: C99 Annex G's special values first (glibc's choice where a sign is left
// open), then, for finite z, Kahan's formulas ("Branch cuts for complex elementary functions",
// 1987) from the square roots of 1 +- z, which put the cuts' signed zeros where C99 wants them.
template <class T> CUNP_HD bool m_signbit_is_set(T x) { return m_copysign(T(1), x) < T(0); }

// |z| past which the inverse functions take their asymptotes (log 2z, 1/z): there the neglected
// terms are below T's precision, and the formulas' products would overflow.
template <class T> CUNP_HD constexpr T huge_argument() { return sizeof(T) == 4 ? T(1e18) : T(1e150); }
template <class T> CUNP_HD bool huge(complex<T> z) {
  return m_fabs(z.re) > huge_argument<T>() || m_fabs(z.im) > huge_argument<T>();
}
template <class T> CUNP_HD complex<T> log_of_twice(complex<T> z) {
  complex<T> l = c_log(z);
  return {l.re + T(0.693147180559945309417232121458176568), l.im};
}

template <class T>
CUNP_HD complex<T> asin_finite(complex<T> z) {
  complex<T> a = c_sqrt(complex<T>{T(1) - z.re, -z.im}), b = c_sqrt(complex<T>{T(1) + z.re, z.im});
  return {m_atan2(z.re, a.re * b.re - a.im * b.im), m_asinh(a.re * b.im - a.im * b.re)};
}

template <class T>
CUNP_HD complex<T> c_asinh(complex<T> z) {
  T x = z.re, y = z.im;
  const T nan = T(0) / T(0), inf = T(1) / T(0);
  if (m_isnan(x)) {
    if (m_isinf(y)) return {inf, nan};
    return {x, y == T(0) ? y : nan};
  }
  if (m_isinf(x)) {
    if (m_isnan(y)) return {x, y};
    return {x, m_isinf(y) ? m_copysign(T(pi_4<T>()), y) : m_copysign(T(0), y)};
  }
  if (m_isnan(y)) return {nan, nan};
  if (m_isinf(y)) return {m_copysign(inf, x), m_copysign(T(2) * pi_4<T>(), y)};
  if (huge(z)) {  // asinh z = log 2z for Re z >= 0, and asinh is odd
    bool reflect = m_signbit_is_set(x);
    complex<T> w = log_of_twice(reflect ? complex<T>{-x, -y} : z);
    return reflect ? complex<T>{-w.re, -w.im} : w;
  }
  complex<T> w = asin_finite(complex<T>{-y, x});  // asinh z = -i asin(iz)
  return {w.im, -w.re};
}
template <class T> CUNP_HD complex<T> c_asin(complex<T> z) {
  if (m_isinf(z.re) && m_isnan(z.im)) return {z.im, m_fabs(z.re)};  // glibc: NaN + i inf
  return c_times_minus_i(c_asinh(c_times_i(z)));
}

template <class T>
CUNP_HD complex<T> c_acos(complex<T> z) {
  T x = z.re, y = z.im;
  const T nan = T(0) / T(0), inf = T(1) / T(0), half_pi = T(2) * pi_4<T>();
  if (m_isnan(x)) return {nan, m_isinf(y) ? -y : nan};
  if (m_isinf(x)) {
    if (m_isnan(y)) return {nan, -inf};
    if (m_isinf(y)) return {x < 0 ? T(3) * pi_4<T>() : pi_4<T>(), -y};
    return {x < 0 ? T(4) * pi_4<T>() : T(0), m_copysign(inf, -y)};
  }
  if (m_isinf(y)) return {half_pi, -y};
  if (m_isnan(y)) return {x == T(0) ? half_pi : nan, nan};
  if (huge(z)) {  // acos z = -i acosh z above the real axis, i acosh z below it
    complex<T> w = log_of_twice(z);
    return m_signbit_is_set(y) ? complex<T>{-w.im, w.re} : complex<T>{w.im, -w.re};
  }
  complex<T> a = c_sqrt(complex<T>{T(1) - x, -y}), b = c_sqrt(complex<T>{T(1) + x, y});
  return {T(2) * m_atan2(a.re, b.re), m_asinh(b.re * a.im - b.im * a.re)};
}

template <class T>
CUNP_HD complex<T> c_acosh(complex<T> z) {
  T x = z.re, y = z.im;
  const T nan = T(0) / T(0), inf = T(1) / T(0), half_pi = T(2) * pi_4<T>();
  if (m_isnan(x)) return {m_isinf(y) ? inf : nan, nan};
  if (m_isinf(x)) {
    if (m_isnan(y)) return {inf, y};
    if (m_isinf(y)) return {inf, m_copysign(x < 0 ? T(3) * pi_4<T>() : pi_4<T>(), y)};
    return {inf, m_copysign(x < 0 ? T(4) * pi_4<T>() : T(0), y)};
  }
  if (m_isinf(y)) return {inf, m_copysign(half_pi, y)};
  if (m_isnan(y)) return {nan, x == T(0) ? half_pi : nan};
  if (huge(z)) return log_of_twice(z);
  complex<T> a = c_sqrt(complex<T>{x - T(1), y}), b = c_sqrt(complex<T>{x + T(1), y});
  return {m_asinh(a.re * b.re + a.im * b.im), T(2) * m_atan2(a.im, b.re)};
}

// atanh z = (log1p(z) - log1p(-z)) / 2 in real arithmetic: the real part from log1p of
// 4x / ((1-x)^2 + y^2), the imaginary part from an atan2 that keeps the cut's signed zeros; past
// 1e150 in magnitude (where y^2 would overflow) it is 1/z + i pi/2 sign(y).
template <class T>
CUNP_HD complex<T> c_atanh(complex<T> z) {
  T x = z.re, y = z.im;
  const T nan = T(0) / T(0), half_pi = T(2) * pi_4<T>();
  if (m_isnan(x)) {
    if (m_isinf(y)) return {T(0), m_copysign(half_pi, y)};  // glibc's +0, whatever the NaN's sign
    return {x, nan};
  }
  if (m_isinf(x) || m_isinf(y)) return {m_copysign(T(0), x), m_isnan(y) ? y : m_copysign(half_pi, y)};
  if (m_isnan(y)) return {x == T(0) ? x : nan, nan};
  T ax = m_fabs(x);
  if (huge(z)) {
    T r = m_hypot(x, y);
    return {(x / r) / r, m_copysign(half_pi, y)};
  }
  T one_minus = T(1) - ax;
  // at |x| = 1 and tiny y the real part is log(2 / |y|) / 2, whose y^2 would underflow below
  T re = one_minus == T(0) && y != T(0) && m_fabs(y) < m_sqrt(smallest_normal<T>())
             ? m_copysign(T(0.5) * (T(0.693147180559945309417232121458176568) - m_log(m_fabs(y))), x)
             : m_copysign(T(0.25) * m_log1p(T(4) * ax / (one_minus * one_minus + y * y)), x);
  T im = T(0.5) * m_atan2(T(2) * y, one_minus * (T(1) + ax) - y * y);
  return {re, im};
}
// (atan of an infinite real part is +-pi/2 with a zero imaginary part signed as the imaginary
// input, +0 for a NaN whatever the NaN's sign bit, which the backends' NaNs do not agree on)
template <class T>
CUNP_HD complex<T> c_atan(complex<T> z) {
  if (m_isinf(z.re)) return {m_copysign(T(2) * pi_4<T>(), z.re), m_isnan(z.im) ? T(0) : m_copysign(T(0), z.im)};
  return c_times_minus_i(c_atanh(c_times_i(z)));
}

// NumPy's formulas, computed in T as NumPy's loops compute them.
template <class T>
CUNP_HD complex<T> c_expm1(complex<T> z) {
  T h = m_sin(z.im / T(2));
  return {m_expm1(z.re) * m_cos(z.im) - T(2) * h * h, m_exp(z.re) * m_sin(z.im)};
}
// (|z + 1| is rounded once to T, from double: for complex64 correctly rounded on both backends, as
// glibc's hypotf is, since log then magnifies its last bit where |z + 1| is near 1; for complex128
// glibc's hypot misrounds now and then, which the comparator allows: record.hpp's real_part_eps)
template <class T>
CUNP_HD complex<T> c_log1p(complex<T> z) {
  T re1 = z.re + T(1);
  return {m_log(T(m_hypot(double(re1), double(z.im)))), m_atan2(z.im, re1)};
}
// 1/z, scaled by the larger part (NumPy's complex reciprocal loop)
template <class T>
CUNP_HD complex<T> c_reciprocal(complex<T> z) {
  if (m_fabs(z.im) <= m_fabs(z.re)) {
    T r = z.im / z.re, d = z.re + z.im * r;
    return {T(1) / d, -r / d};
  }
  T r = z.re / z.im, d = z.re * r + z.im;
  return {r / d, T(-1) / d};
}

// a * b with C99 Annex G's recovery of infinities where the plain formula gives NaN + NaN i (the
// multiplication in glibc's cpow, exp(b log a))
template <class T>
CUNP_HD complex<T> c_mul_annex_g(complex<T> x, complex<T> y) {
  T a = x.re, b = x.im, c = y.re, d = y.im;
  T ac = a * c, bd = b * d, ad = a * d, bc = b * c;
  complex<T> r{ac - bd, ad + bc};
  if (!m_isnan(r.re) || !m_isnan(r.im)) return r;
  auto unit_or_zero = [](T v) { return m_copysign(m_isinf(v) ? T(1) : T(0), v); };
  auto zero_if_nan = [](T v) { return m_isnan(v) ? m_copysign(T(0), v) : v; };
  bool recalc = false;
  if (m_isinf(a) || m_isinf(b)) {
    a = unit_or_zero(a), b = unit_or_zero(b), c = zero_if_nan(c), d = zero_if_nan(d);
    recalc = true;
  }
  if (m_isinf(c) || m_isinf(d)) {
    c = unit_or_zero(c), d = unit_or_zero(d), a = zero_if_nan(a), b = zero_if_nan(b);
    recalc = true;
  }
  if (!recalc && (m_isinf(ac) || m_isinf(bd) || m_isinf(ad) || m_isinf(bc))) {
    a = zero_if_nan(a), b = zero_if_nan(b), c = zero_if_nan(c), d = zero_if_nan(d);
    recalc = true;
  }
  if (!recalc) return r;
  const T inf = T(1) / T(0);
  return {inf * (a * c - b * d), inf * (a * d + b * c)};
}

// a ** b as NumPy's complex power loops compute it (npymath's cpow):
// - b = 0 gives 1;
// - a = 0 gives 0 where Re b > 0, NaN + NaN i otherwise;
// - an integer b in (-100, 100) multiplies by squaring (multiply's own complex product, rounded
//   in T), and takes npymath's 1 / r for b < 0;
// - any other b is glibc's cpow, exp(b log a), with log and exp each rounded once to T (glibc's
//   are that accurate; cunp's complex64 ones compute through complex128) and the product in T.
template <class T>
CUNP_HD complex<T> c_pow(complex<T> a, complex<T> b) {
  if (b.re == T(0) && b.im == T(0)) return {T(1), T(0)};
  if (a.re == T(0) && a.im == T(0)) {
    if (b.re > T(0)) return {T(0), T(0)};
    const T nan = T(0) / T(0);
    return {nan, nan};
  }
  if (b.im == T(0) && b.re > T(-100) && b.re < T(100) && T(long(b.re)) == b.re) {
    long n = long(b.re);
    if (n == 1) return a;
    if (n == 2) return mul(a, a);
    if (n == 3) return mul(a, mul(a, a));
    long m = n < 0 ? -n : n;
    complex<T> acc{T(1), T(0)}, p = a;
    for (long bit = 1;; bit <<= 1) {
      if (m & bit) acc = mul(acc, p);
      if (m < (bit << 1)) break;
      p = mul(p, p);
    }
    if (n > 0) return acc;
    // npymath's division of 1 by acc, its operations kept as written (1 and 0 are its numerator)
    T br = acc.re, bi = acc.im, one = T(1), zero = T(0);
    if (m_fabs(br) >= m_fabs(bi)) {
      if (br == T(0) && bi == T(0)) return {one / m_fabs(br), zero / m_fabs(bi)};
      T rat = bi / br, scl = one / (br + bi * rat);
      return {(one + zero * rat) * scl, (zero - one * rat) * scl};
    }
    T rat = br / bi, scl = one / (bi + br * rat);
    return {(one * rat + zero) * scl, (zero * rat - one) * scl};
  }
  if constexpr (sizeof(T) == 4) {
    complex<double> l = c_log(complex<double>{a.re, a.im});
    complex<float> w = c_mul_annex_g(b, complex<float>{float(l.re), float(l.im)});
    complex<double> e = c_exp(complex<double>{w.re, w.im});
    return {float(e.re), float(e.im)};
  } else {
    return c_exp(c_mul_annex_g(b, c_log(a)));
  }
}

}  // namespace cunp::ops
