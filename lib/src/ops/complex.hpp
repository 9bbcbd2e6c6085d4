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
// hypot: the host calls glibc's, as NumPy does on Linux, to match it bit for bit; the device's own
// is off by up to two ulps and overflows just below the largest finite value, so the device sums
// the squares exactly (fma), scaled by powers of two, and corrects the square root once: correctly
// rounded, where glibc 2.36's double hypot is within an ulp (it misrounds about 0.6% of random
// arguments; hypotf, computed in double, is correctly rounded).
#ifdef __CUDA_ARCH__
__device__ inline double device_hypot(double x, double y) {
  double a = ::fabs(x), b = ::fabs(y);
  if (a == 1.0 / 0.0 || b == 1.0 / 0.0) return 1.0 / 0.0;
  if (a != a || b != b) return a + b;
  if (a < b) {
    double t = a;
    a = b;
    b = t;
  }
  if (b == 0.0 || b < a * 0x1p-60) return a;  // (b/a)^2 / 2 is below half an ulp of a
  // b is now within 2^60 of a: one scaling keeps both squares normal and finite
  double scale = 1.0;
  if (a > 0x1p500) {
    a *= 0x1p-600;
    b *= 0x1p-600;
    scale = 0x1p600;
  } else if (a < 0x1p-500) {
    a *= 0x1p700;
    b *= 0x1p700;
    scale = 0x1p-700;
  }
  double aa = a * a, aa_lo = ::fma(a, a, -aa), bb = b * b, bb_lo = ::fma(b, b, -bb);
  double s = aa + bb, s_lo = ((aa - s) + bb) + aa_lo + bb_lo;
  double h = ::sqrt(s);
  h += (::fma(-h, h, s) + s_lo) / (2.0 * h);
  return h * scale;
}
#endif
CUNP_HD inline float m_hypot(float x, float y) {
#ifdef __CUDA_ARCH__
  return float(device_hypot(double(x), double(y)));
#else
  return ::hypotf(x, y);
#endif
}
CUNP_HD inline float m_log1p(float x) { return ::log1pf(x); }
CUNP_HD inline double m_log1p(double x) { return ::log1p(x); }
CUNP_HD inline float m_exp2(float x) { return ::exp2f(x); }
CUNP_HD inline double m_exp2(double x) { return ::exp2(x); }
CUNP_HD inline double m_hypot(double x, double y) {
#ifdef __CUDA_ARCH__
  return device_hypot(x, y);
#else
  return ::hypot(x, y);
#endif
}
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
CUNP_HD inline float m_tan(float x) { return ::tanf(x); }
CUNP_HD inline double m_tan(double x) { return ::tan(x); }
CUNP_HD inline float m_asin(float x) { return ::asinf(x); }
CUNP_HD inline double m_asin(double x) { return ::asin(x); }
CUNP_HD inline float m_acos(float x) { return ::acosf(x); }
CUNP_HD inline double m_acos(double x) { return ::acos(x); }
CUNP_HD inline float m_atan(float x) { return ::atanf(x); }
CUNP_HD inline double m_atan(double x) { return ::atan(x); }
CUNP_HD inline float m_tanh(float x) { return ::tanhf(x); }
CUNP_HD inline double m_tanh(double x) { return ::tanh(x); }
CUNP_HD inline float m_asinh(float x) { return ::asinhf(x); }
CUNP_HD inline double m_asinh(double x) { return ::asinh(x); }
CUNP_HD inline float m_acosh(float x) { return ::acoshf(x); }
CUNP_HD inline double m_acosh(double x) { return ::acosh(x); }
CUNP_HD inline float m_atanh(float x) { return ::atanhf(x); }
CUNP_HD inline double m_atanh(double x) { return ::atanh(x); }
CUNP_HD inline float m_expm1(float x) { return ::expm1f(x); }
CUNP_HD inline double m_expm1(double x) { return ::expm1(x); }
CUNP_HD inline float m_log2(float x) { return ::log2f(x); }
CUNP_HD inline double m_log2(double x) { return ::log2(x); }
CUNP_HD inline float m_log10(float x) { return ::log10f(x); }
CUNP_HD inline double m_log10(double x) { return ::log10(x); }
CUNP_HD inline float m_cbrt(float x) { return ::cbrtf(x); }
CUNP_HD inline double m_cbrt(double x) { return ::cbrt(x); }
CUNP_HD inline float m_pow(float x, float y) { return ::powf(x, y); }
CUNP_HD inline double m_pow(double x, double y) { return ::pow(x, y); }
// C's nextafter returns y when x == y (so nextafter(-0.0, +0.0) is +0.0); CUDA's returns x
CUNP_HD inline float m_nextafter(float x, float y) { return x == y ? y : ::nextafterf(x, y); }
CUNP_HD inline double m_nextafter(double x, double y) { return x == y ? y : ::nextafter(x, y); }
CUNP_HD inline float m_ldexp(float x, int e) { return ::ldexpf(x, e); }
CUNP_HD inline double m_ldexp(double x, int e) { return ::ldexp(x, e); }
CUNP_HD inline float m_frexp(float x, int* e) { return ::frexpf(x, e); }
CUNP_HD inline double m_frexp(double x, int* e) { return ::frexp(x, e); }
CUNP_HD inline float m_modf(float x, float* i) { return ::modff(x, i); }
CUNP_HD inline double m_modf(double x, double* i) { return ::modf(x, i); }
template <class T> CUNP_HD inline bool m_isnan(T x) { return x != x; }
template <class T> CUNP_HD inline bool m_isinf(T x) { return x == T(1) / T(0) || x == -T(1) / T(0); }

// Past this x, exp(x) overflows T: ln(2) * (max exponent - 1). Results are built from
// exp(x - k t) and factors exp(t) so that exp(x) * cos(y) overflows only where it should.
template <class T> CUNP_HD constexpr T exp_scale_bound() { return T(sizeof(T) == 4 ? 88.02969193111305 : 709.0895657128241); }
template <class T> CUNP_HD constexpr T largest_finite() { return sizeof(T) == 4 ? T(3.4028234663852886e38) : T(1.7976931348623157e308); }
template <class T> CUNP_HD constexpr T smallest_normal() { return sizeof(T) == 4 ? T(1.1754943508222875e-38) : T(2.2250738585072014e-308); }

// k e^|x| * (c, s) for |x| past exp_scale_bound (k is 1 or 1/2), without overflowing before the
// product does, and without underflowing a tiny sine first.
template <class T>
CUNP_HD void scaled_exp_product(T ax, T k, T& c, T& s) {
  const T t = exp_scale_bound<T>(), et = m_exp(t);
  ax -= t;
  c *= et * k;
  s *= et * k;
  if (ax > t) {
    ax -= t;
    c *= et;
    s *= et;
  }
  if (ax > t) {  // past 3t: overflows whatever the cosine
    c *= largest_finite<T>();
    s *= largest_finite<T>();
  } else {
    T e = m_exp(ax);
    c *= e;
    s *= e;
  }
}

// sin and cos of y, with sin(y) = y where y is too small for sin to be worth calling
template <class T>
CUNP_HD void sin_cos(T y, T& s, T& c) {
  if (m_fabs(y) > smallest_normal<T>()) {
    s = m_sin(y);
    c = m_cos(y);
  } else {
    s = y;
    c = T(1);
  }
}

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

// C99 Annex G, with the choices glibc (NumPy's npymath) makes where Annex G leaves a sign open.
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
  // scale so that |z| neither overflows nor loses bits to subnormals; sqrt halves the exponent
  T scale = T(1);
  const T big = largest_finite<T>() / T(4), tiny = smallest_normal<T>() * T(4);
  if (m_fabs(a) > big || m_fabs(b) > big) {
    a *= T(0.25);
    b *= T(0.25);
    scale = T(2);
  } else if (m_fabs(a) < tiny && m_fabs(b) < tiny) {
    const T up = sizeof(T) == 4 ? T(16777216.0) * T(16777216.0) : T(9007199254740992.0) * T(9007199254740992.0);  // 2^(2p)
    a *= up;
    b *= up;
    scale = T(1) / (sizeof(T) == 4 ? T(16777216.0) : T(9007199254740992.0));
  }
  T t = m_sqrt((m_fabs(a) + m_hypot(a, b)) * T(0.5));
  if (a >= 0) return {t * scale, b / (T(2) * t) * scale};
  return {m_fabs(b) / (T(2) * t) * scale, m_copysign(t, b) * scale};
}

template <class T>
CUNP_HD complex<T> c_exp(complex<T> z) {
  T x = z.re, y = z.im;
  bool y_finite = !m_isnan(y) && !m_isinf(y);
  if (m_isnan(x)) return {x, y == T(0) ? y : x};
  if (m_isinf(x)) {
    if (y_finite) {
      T v = x < 0 ? T(0) : x;
      if (y == T(0)) return {v, y};
      T s, c;
      sin_cos(y, s, c);
      return {m_copysign(v, c), m_copysign(v, s)};
    }
    if (x > 0) return {x, y - y};
    return {T(0), m_copysign(T(0), y)};
  }
  if (!y_finite) return {y - y, y - y};
  T s, c;
  sin_cos(y, s, c);
  if (x > exp_scale_bound<T>()) {
    scaled_exp_product(x, T(1), c, s);
    return {c, s};
  }
  if (y == T(0)) return {m_exp(x), y};
  T e = m_exp(x);
  return {e * c, e * s};
}

// sinh(x+iy) = sinh x cos y + i cosh x sin y; cosh(x+iy) = cosh x cos y + i sinh x sin y.
template <class T>
CUNP_HD complex<T> c_sinh(complex<T> z) {
  T x = z.re, y = z.im;
  bool y_finite = !m_isnan(y) && !m_isinf(y);
  if (m_isnan(x)) return {x, y == T(0) ? y : x};
  if (m_isinf(x)) {
    if (!y_finite) return {m_fabs(x), y - y};
    if (y == T(0)) return {x, y};
    T s, c;
    sin_cos(y, s, c);
    return {m_copysign(m_fabs(x), c) * (x < 0 ? T(-1) : T(1)), m_copysign(m_fabs(x), s)};
  }
  if (!y_finite) return {x == T(0) ? x : y - y, y - y};
  T s, c;
  sin_cos(y, s, c);
  if (m_fabs(x) > exp_scale_bound<T>()) {
    if (x < 0) c = -c;
    scaled_exp_product(m_fabs(x), T(0.5), c, s);
    return {c, s};
  }
  return {m_sinh(x) * c, m_cosh(x) * s};
}

template <class T>
CUNP_HD complex<T> c_cosh(complex<T> z) {
  T x = z.re, y = z.im;
  bool y_finite = !m_isnan(y) && !m_isinf(y);
  if (m_isnan(x)) return {x, y == T(0) ? y : x};
  if (m_isinf(x)) {
    if (!y_finite) return {m_fabs(x), y - y};
    if (y == T(0)) return {m_fabs(x), y * (x < 0 ? T(-1) : T(1))};
    T s, c;
    sin_cos(y, s, c);
    return {m_copysign(m_fabs(x), c), m_copysign(m_fabs(x), s) * (x < 0 ? T(-1) : T(1))};
  }
  if (!y_finite) return {y - y, x == T(0) ? T(0) : y - y};
  T s, c;
  sin_cos(y, s, c);
  if (m_fabs(x) > exp_scale_bound<T>()) {
    if (x < 0) s = -s;
    scaled_exp_product(m_fabs(x), T(0.5), c, s);
    return {c, s};
  }
  return {m_cosh(x) * c, m_sinh(x) * s};
}

// sin z = -i sinh(iz), cos z = cosh(iz): Annex G defines them so, special values included.
// (glibc's csin gives sin(x + i inf) = NaN + i inf, either sign of inf, for non-finite x.)
template <class T>
CUNP_HD complex<T> c_sin(complex<T> z) {
  if (m_isinf(z.im) && (m_isnan(z.re) || m_isinf(z.re))) return {z.re - z.re, m_fabs(z.im)};
  complex<T> h = c_sinh(complex<T>{-z.im, z.re});
  return {h.im, -h.re};
}
template <class T>
CUNP_HD complex<T> c_cos(complex<T> z) {
  return c_cosh(complex<T>{-z.im, z.re});
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

}  // namespace cunp::ops
