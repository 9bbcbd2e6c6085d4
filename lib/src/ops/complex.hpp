// A complex number usable in host and device code, layout-compatible with std::complex<T>
// (and so with NumPy's complex64/complex128 bytes).
#pragma once
#include <math.h>

#include "cunp/half.hpp"

namespace cunp::ops {

template <class T>
struct complex {
  T re, im;
};

// Real functions spelled once for float and double, resolving to libm on the host and to CUDA's
// math library on the device.
CUNP_HD inline float m_sqrt(float x) { return ::sqrtf(x); }
CUNP_HD inline double m_sqrt(double x) { return ::sqrt(x); }
CUNP_HD inline float m_sin(float x) { return ::sinf(x); }
CUNP_HD inline double m_sin(double x) { return ::sin(x); }
CUNP_HD inline float m_cos(float x) { return ::cosf(x); }
CUNP_HD inline double m_cos(double x) { return ::cos(x); }
CUNP_HD inline float m_exp(float x) { return ::expf(x); }
CUNP_HD inline double m_exp(double x) { return ::exp(x); }
CUNP_HD inline float m_log(float x) { return ::logf(x); }
CUNP_HD inline double m_log(double x) { return ::log(x); }
CUNP_HD inline float m_sinh(float x) { return ::sinhf(x); }
CUNP_HD inline double m_sinh(double x) { return ::sinh(x); }
CUNP_HD inline float m_cosh(float x) { return ::coshf(x); }
CUNP_HD inline double m_cosh(double x) { return ::cosh(x); }
CUNP_HD inline float m_hypot(float x, float y) { return ::hypotf(x, y); }
CUNP_HD inline float m_log1p(float x) { return ::log1pf(x); }
CUNP_HD inline double m_log1p(double x) { return ::log1p(x); }
CUNP_HD inline float m_exp2(float x) { return ::exp2f(x); }
CUNP_HD inline double m_exp2(double x) { return ::exp2(x); }
CUNP_HD inline double m_hypot(double x, double y) { return ::hypot(x, y); }
CUNP_HD inline float m_atan2(float y, float x) { return ::atan2f(y, x); }
CUNP_HD inline double m_atan2(double y, double x) { return ::atan2(y, x); }
CUNP_HD inline float m_fabs(float x) { return ::fabsf(x); }
CUNP_HD inline double m_fabs(double x) { return ::fabs(x); }
CUNP_HD inline float m_floor(float x) { return ::floorf(x); }
CUNP_HD inline double m_floor(double x) { return ::floor(x); }
CUNP_HD inline float m_ceil(float x) { return ::ceilf(x); }
CUNP_HD inline double m_ceil(double x) { return ::ceil(x); }
CUNP_HD inline float m_trunc(float x) { return ::truncf(x); }
CUNP_HD inline double m_trunc(double x) { return ::trunc(x); }
CUNP_HD inline float m_rint(float x) { return ::rintf(x); }  // ties to even (the default rounding mode)
CUNP_HD inline double m_rint(double x) { return ::rint(x); }
CUNP_HD inline float m_fmod(float x, float y) { return ::fmodf(x, y); }
CUNP_HD inline double m_fmod(double x, double y) { return ::fmod(x, y); }
CUNP_HD inline float m_copysign(float x, float y) { return ::copysignf(x, y); }
CUNP_HD inline double m_copysign(double x, double y) { return ::copysign(x, y); }
template <class T> CUNP_HD inline bool m_isnan(T x) { return x != x; }
template <class T> CUNP_HD inline bool m_isinf(T x) { return x == T(1) / T(0) || x == -T(1) / T(0); }

// Just below the x where exp(x) overflows T: past it, results are built from exp(x/2) twice.
template <class T> CUNP_HD constexpr T exp_overflow_bound() { return T(sizeof(T) == 4 ? 88.0 : 709.0); }

// |z| without intermediate overflow or underflow: CUDA's hypot rounds |DBL_MAX + 0j| up to inf,
// so both backends use this one.
template <class T>
CUNP_HD T c_abs(complex<T> z) {
  T ax = m_fabs(z.re), ay = m_fabs(z.im);
  if (m_isinf(ax) || m_isinf(ay)) return T(1) / T(0);
  if (m_isnan(ax) || m_isnan(ay)) return ax + ay;
  T big = ax > ay ? ax : ay, small = ax > ay ? ay : ax;
  if (big == T(0)) return T(0);
  T q = small / big;
  return big * m_sqrt(T(1) + q * q);
}

// C99 Annex G semantics for the special values NumPy's npymath (glibc) gives.
template <class T>
CUNP_HD complex<T> c_sqrt(complex<T> z) {
  T a = z.re, b = z.im;
  if (a == T(0) && b == T(0)) return {T(0), b};
  if (m_isinf(b)) return {m_fabs(b), b};
  if (m_isnan(a)) return {a, a != a ? a : b};
  if (m_isinf(a)) {
    if (a > 0) return {a, m_isnan(b) ? b : m_copysign(T(0), b)};
    return {m_isnan(b) ? m_fabs(b - b) : T(0), m_copysign(-a, b)};
  }
  if (m_isnan(b)) return {b, b};
  // |z| may overflow: scale when large
  T t;
  if (m_fabs(a) > T(1e30) || m_fabs(b) > T(1e30)) {
    t = m_sqrt(T(0.25) * (m_fabs(a) * T(0.25) + m_hypot(a * T(0.25), b * T(0.25)))) * T(2);
  } else {
    t = m_sqrt((m_fabs(a) + m_hypot(a, b)) * T(0.5));
  }
  if (a >= 0) return {t, b / (T(2) * t)};
  return {m_fabs(b) / (T(2) * t), m_copysign(t, b)};
}

template <class T>
CUNP_HD complex<T> c_exp(complex<T> z) {
  T x = z.re, y = z.im;
  if (y == T(0) && !m_isnan(x)) return {m_exp(x), y};
  if (m_isinf(x)) {
    if (x < 0) {
      if (m_isnan(y) || m_isinf(y)) return {T(0), m_copysign(T(0), y)};
      return {T(0) * m_cos(y), T(0) * m_sin(y)};
    }
    if (m_isnan(y) || m_isinf(y)) return {x, y - y};
  }
  if (x > exp_overflow_bound<T>()) {  // exp(x) overflows alone, exp(x)*cos(y) may not
    T h = m_exp(x * T(0.5));
    return {(h * m_cos(y)) * h, (h * m_sin(y)) * h};
  }
  T e = m_exp(x);
  return {e * m_cos(y), e * m_sin(y)};
}

template <class T>
CUNP_HD complex<T> c_log(complex<T> z) {
  T a = z.re, b = z.im;
  T r = m_hypot(a, b);
  if (r == T(0)) return {-T(1) / r, m_atan2(b, a)};  // -inf, with the sign-aware angle
  T ax = m_fabs(a) > m_fabs(b) ? m_fabs(a) : m_fabs(b), ay = m_fabs(a) > m_fabs(b) ? m_fabs(b) : m_fabs(a);
  if (r > T(0.5) && r < T(2)) return {T(0.5) * m_log1p((ax - T(1)) * (ax + T(1)) + ay * ay), m_atan2(b, a)};
  T tiny = sizeof(T) == 4 ? T(1e-30) : T(1e-300);
  if (ax < tiny) {  // scale by 2^k so hypot works on normal numbers
    T k = sizeof(T) == 4 ? T(64) : T(600), s = m_exp2(k);
    return {m_log(m_hypot(a * s, b * s)) - k * T(0.693147180559945309417232121458176568), m_atan2(b, a)};
  }
  if (m_isinf(r) && !m_isinf(ax)) {  // |z| overflows though z is finite: scale down by 2^k
    T k = sizeof(T) == 4 ? T(64) : T(600), s = m_exp2(-k);
    return {m_log(m_hypot(a * s, b * s)) + k * T(0.693147180559945309417232121458176568), m_atan2(b, a)};
  }
  return {m_log(r), m_atan2(b, a)};
}

template <class T>
CUNP_HD complex<T> c_sin(complex<T> z) {  // sin(x+iy) = sin x cosh y + i cos x sinh y
  T x = z.re, y = z.im;
  if (y == T(0)) return {m_sin(x), m_isinf(x) || m_isnan(x) ? y : m_cos(x) * y};
  if (x == T(0)) return {x, m_sinh(y)};
  if (m_fabs(y) > exp_overflow_bound<T>()) {  // cosh/sinh overflow alone; the products may not
    T e = m_exp(m_fabs(y) * T(0.5)), hs = m_copysign(e, y);
    return {(m_sin(x) * T(0.5) * e) * e, (m_cos(x) * T(0.5) * hs) * e};
  }
  return {m_sin(x) * m_cosh(y), m_cos(x) * m_sinh(y)};
}

template <class T>
CUNP_HD complex<T> c_cos(complex<T> z) {  // cos(x+iy) = cos x cosh y - i sin x sinh y
  T x = z.re, y = z.im;
  if (y == T(0)) return {m_cos(x), m_isinf(x) || m_isnan(x) ? T(0) * y : -(m_sin(x) * y)};
  if (m_fabs(y) > exp_overflow_bound<T>()) {
    T e = m_exp(m_fabs(y) * T(0.5)), hs = m_copysign(e, y);
    return {(m_cos(x) * T(0.5) * e) * e, -((m_sin(x) * T(0.5) * hs) * e)};
  }
  return {m_cos(x) * m_cosh(y), -(m_sin(x) * m_sinh(y))};
}

}  // namespace cunp::ops
