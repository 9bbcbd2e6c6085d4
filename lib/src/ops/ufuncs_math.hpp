// The floating-point math ufuncs: transcendentals, angle conversions, and the float-only binary
// and two-output ops. float16 computes in float32 and rounds once (NumPy's 'e' loops do);
// complex64 computes through complex128 where NumPy's own complex64 result is that accurate, and
// in complex64 where NumPy's formula rounds in single precision (expm1, log1p, exp2).
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "ops/complex_functions.hpp"
#include "ops/ufunc_base.hpp"

namespace cunp::ops {

inline constexpr double ln2 = 0.693147180559945309417232121458176568;
inline constexpr double log2e = 1.442695040888963407359924681001892137;
inline constexpr double log10e = 0.434294481903251827651128918916605082;
inline constexpr double pi = 3.141592653589793238462643383279502884;

// A unary float function f over e/f/d and, with cf, over F/D.
template <class T, class F, class CF>
CUNP_HD T unary_float(T a, F f, CF cf) {
  if constexpr (is_half_v<T>) return half(f(float(a)));
  else if constexpr (std::is_same_v<T, complex<float>>) return convert<T>(cf(convert<complex<double>>(a)));
  else if constexpr (is_complex_v<T>) return cf(a);
  else return f(a);
}

#define CUNP_FLOAT_FUNCTION(op_name, real_fn, complex_fn)                                  \
  struct op_name##_op : ufunc_base {                                                      \
    static constexpr const char* name = #op_name;                                         \
    static constexpr int nin = 1;                                                         \
    template <class T> static constexpr bool supports = inexact_type<T>;                 \
    template <class T> CUNP_HD static T apply(T a) {                                      \
      return unary_float(a, [](auto x) { return real_fn(x); }, [](auto z) { return complex_fn(z); }); \
    }                                                                                     \
  };
CUNP_FLOAT_FUNCTION(sqrt, m_sqrt, c_sqrt)
CUNP_FLOAT_FUNCTION(sin, m_sin, c_sin)
CUNP_FLOAT_FUNCTION(cos, m_cos, c_cos)
CUNP_FLOAT_FUNCTION(exp, m_exp, c_exp)
CUNP_FLOAT_FUNCTION(log, m_log, c_log)
CUNP_FLOAT_FUNCTION(tan, m_tan, c_tan)
CUNP_FLOAT_FUNCTION(arcsin, m_asin, c_asin)
CUNP_FLOAT_FUNCTION(arccos, m_acos, c_acos)
CUNP_FLOAT_FUNCTION(arctan, m_atan, c_atan)
CUNP_FLOAT_FUNCTION(sinh, m_sinh, c_sinh)
CUNP_FLOAT_FUNCTION(cosh, m_cosh, c_cosh)
CUNP_FLOAT_FUNCTION(tanh, m_tanh, c_tanh)
CUNP_FLOAT_FUNCTION(arcsinh, m_asinh, c_asinh)
CUNP_FLOAT_FUNCTION(arccosh, m_acosh, c_acosh)
CUNP_FLOAT_FUNCTION(arctanh, m_atanh, c_atanh)
#undef CUNP_FLOAT_FUNCTION

// Those whose complex formula NumPy rounds in the loop's own precision.
#define CUNP_FLOAT_FUNCTION_OWN_PRECISION(op_name, real_fn, complex_fn)      \
  struct op_name##_op : ufunc_base {                                        \
    static constexpr const char* name = #op_name;                           \
    static constexpr int nin = 1;                                           \
    template <class T> static constexpr bool supports = inexact_type<T>;   \
    template <class T> CUNP_HD static T apply(T a) {                        \
      if constexpr (is_half_v<T>) return half(real_fn(float(a)));           \
      else if constexpr (is_complex_v<T>) return complex_fn(a);             \
      else return real_fn(a);                                               \
    }                                                                       \
  };
CUNP_FLOAT_FUNCTION_OWN_PRECISION(expm1, m_expm1, c_expm1)
CUNP_FLOAT_FUNCTION_OWN_PRECISION(log1p, m_log1p, c_log1p)
#undef CUNP_FLOAT_FUNCTION_OWN_PRECISION

// exp2(z) = exp(z ln 2), the product rounded in the loop's precision as NumPy's.
struct exp2_op : ufunc_base {
  static constexpr const char* name = "exp2";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = inexact_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_half_v<T>) return half(m_exp2(float(a)));
    else if constexpr (is_complex_v<T>) {
      using R = real_t<T>;
      T s{a.re * R(ln2), a.im * R(ln2)};
      return convert<T>(c_exp(convert<complex<double>>(s)));
    } else return m_exp2(a);
  }
};
// log2 and log10 of a complex number: log z with both parts scaled, as NumPy's.
template <double Scale> struct scaled_log {
  template <class C> CUNP_HD C operator()(C z) const {
    C l = c_log(z);
    return {l.re * real_t<C>(Scale), l.im * real_t<C>(Scale)};
  }
};
struct log2_op : ufunc_base {
  static constexpr const char* name = "log2";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = inexact_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    return unary_float(a, [](auto x) { return m_log2(x); }, scaled_log<log2e>{});
  }
};
struct log10_op : ufunc_base {
  static constexpr const char* name = "log10";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = inexact_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    return unary_float(a, [](auto x) { return m_log10(x); }, scaled_log<log10e>{});
  }
};

// Real-only functions (e/f/d loops).
#define CUNP_REAL_FUNCTION(op_name, expr)                                   \
  struct op_name##_op : ufunc_base {                                       \
    static constexpr const char* name = #op_name;                          \
    static constexpr int nin = 1;                                          \
    template <class T> static constexpr bool supports = is_float_v<T>;    \
    template <class T> CUNP_HD static T apply(T a) {                       \
      if constexpr (is_half_v<T>) return half(apply(float(a)));            \
      else {                                                               \
        T x = a;                                                           \
        return expr;                                                       \
      }                                                                    \
    }                                                                      \
  };
CUNP_REAL_FUNCTION(cbrt, m_cbrt(x))
CUNP_REAL_FUNCTION(deg2rad, x * T(pi / 180))
CUNP_REAL_FUNCTION(radians, x * T(pi / 180))
CUNP_REAL_FUNCTION(rad2deg, x * T(180 / pi))
CUNP_REAL_FUNCTION(degrees, x * T(180 / pi))
#undef CUNP_REAL_FUNCTION

// spacing(x): the gap from x to the next value away from zero, signed as x (+0 and -0 give the
// smallest subnormal; inf and NaN give NaN). float16 (NumPy's half routine) gives the gap's
// magnitude: above |x|, below it for a negative power of two, inf for the largest value.
struct spacing_op : ufunc_base {
  static constexpr const char* name = "spacing";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_half_v<T>) {
      unsigned exp = (a.bits >> 10) & 0x1fu, mant = a.bits & 0x3ffu;
      if (exp == 0x1fu) return half::from_bits(0x7e00u);
      if (a.bits == 0x7bffu) return half::from_bits(0x7c00u);
      int e = exp == 0 ? 1 : int(exp);
      if ((a.bits & 0x8000u) && mant == 0 && e > 1) return half(m_ldexp(1.0f, e - 26));
      return half(m_ldexp(1.0f, e - 25));
    } else {
      // the neighbour away from zero is |a|'s bits plus one (the largest value's is inf), and
      // the difference of neighbours is exact: nextafter's answer without CUDA's slow nextafter
      if (m_isinf(a) || m_isnan(a)) return a - a;
      using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
      T mag = m_fabs(a), next;
      U bits;
      std::memcpy(&bits, &mag, sizeof(T));
      ++bits;
      std::memcpy(&next, &bits, sizeof(T));
      return a == T(0) ? next : m_copysign(next - mag, a);
    }
  }
};

struct float_binary_base : ufunc_base {
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_float_v<T>;
};
struct arctan2_op : float_binary_base {
  static constexpr const char* name = "arctan2";
  template <class T> CUNP_HD static T apply(T y, T x) {
    if constexpr (is_half_v<T>) return half(m_atan2(float(y), float(x)));
    else return m_atan2(y, x);
  }
};
struct hypot_op : float_binary_base {
  static constexpr const char* name = "hypot";
  static constexpr ufunc_identity identity = ufunc_identity::zero;
  static constexpr bool reorderable = true;
  template <class T> CUNP_HD static T apply(T a, T b) {
    if constexpr (is_half_v<T>) return half(m_hypot(float(a), float(b)));
    else return m_hypot(a, b);
  }
};
// logaddexp(x, y) = log(e^x + e^y) as NumPy computes it: max + log1p(exp(-|x - y|)), and x + ln 2
// for x == y (so that equal infinities give themselves).
struct logaddexp_op : float_binary_base {
  static constexpr const char* name = "logaddexp";
  static constexpr ufunc_identity identity = ufunc_identity::minus_inf;
  static constexpr bool reorderable = true;
  template <class T> CUNP_HD static T apply(T x, T y) {
    if constexpr (is_half_v<T>) return half(apply(float(x), float(y)));
    else {
      if (x == y) return x + T(ln2);
      T d = x - y;
      if (d > T(0)) return x + m_log1p(m_exp(-d));
      if (d <= T(0)) return y + m_log1p(m_exp(d));
      return d;
    }
  }
};
// logaddexp2: the same in base 2, log2(1 + 2^t) as log1p(2^t) / ln 2.
struct logaddexp2_op : float_binary_base {
  static constexpr const char* name = "logaddexp2";
  static constexpr ufunc_identity identity = ufunc_identity::minus_inf;
  static constexpr bool reorderable = true;
  template <class T> CUNP_HD static T apply(T x, T y) {
    if constexpr (is_half_v<T>) return half(apply(float(x), float(y)));
    else {
      if (x == y) return x + T(1);
      T d = x - y;
      if (d > T(0)) return x + T(log2e) * m_log1p(m_exp2(-d));
      if (d <= T(0)) return y + T(log2e) * m_log1p(m_exp2(d));
      return d;
    }
  }
};
// nextafter in the loop's own precision (float16 steps through its bits).
struct nextafter_op : float_binary_base {
  static constexpr const char* name = "nextafter";
  template <class T> CUNP_HD static T apply(T x, T y) {
    if constexpr (is_half_v<T>) {
      float fx = float(x), fy = float(y);
      if (fx != fx) return x;
      if (fy != fy) return y;
      if (fx == fy) return y;  // as C's nextafter (NumPy >= 2.5's half routine; older ones keep x)
      if (fx == 0.0f) return half::from_bits(std::uint16_t((y.bits & 0x8000u) | 1u));
      bool away = (fx < fy) == (fx > 0.0f);  // moving away from zero
      return half::from_bits(std::uint16_t(away ? x.bits + 1 : x.bits - 1));
    } else {
      return m_nextafter(x, y);
    }
  }
};

// frexp(x) = (mantissa in [0.5, 1), int32 exponent); the exponent of 0, inf and NaN is 0.
struct frexp_op : ufunc_base {
  static constexpr const char* name = "frexp";
  static constexpr int nin = 1;
  static constexpr int nout = 2;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class C> using results = type_list<C, std::int32_t>;
  template <class T> CUNP_HD static pair<T, std::int32_t> apply(T a) {
    int e = 0;
    if constexpr (is_half_v<T>) {
      float m = m_frexp(float(a), &e);
      return {half(m), std::int32_t(e)};
    } else {
      T m = m_frexp(a, &e);
      return {m, std::int32_t(e)};
    }
  }
};
// modf(x) = (fractional part, integral part), both signed as x.
struct modf_op : ufunc_base {
  static constexpr const char* name = "modf";
  static constexpr int nin = 1;
  static constexpr int nout = 2;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class C> using results = type_list<C, C>;
  template <class T> CUNP_HD static pair<T, T> apply(T a) {
    if constexpr (is_half_v<T>) {
      float i = 0;
      float f = m_modf(float(a), &i);
      return {half(f), half(i)};
    } else {
      T i = 0;
      T f = m_modf(a, &i);
      return {f, i};
    }
  }
};
// ldexp(x, n) = x * 2^n: NumPy's loops take an int32 or int64 exponent (no uniform loops); an
// int64 beyond int's range saturates, which over- or underflows just as the exact value would.
template <class T, class I> using ldexp_signature = signature<type_list<T, I>, type_list<T>>;
struct ldexp_op : ufunc_base {
  static constexpr const char* name = "ldexp";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = false;
  using extra_loops = type_list<ldexp_signature<half, std::int32_t>, ldexp_signature<float, std::int32_t>,
                                ldexp_signature<half, std::int64_t>, ldexp_signature<float, std::int64_t>,
                                ldexp_signature<double, std::int32_t>, ldexp_signature<double, std::int64_t>>;
  static constexpr dtype extra_after = dtype::bool_;
  template <class T, class I> CUNP_HD static T apply(T x, I n) {
    int e = n > I(1 << 20) ? (1 << 20) : n < I(-(1 << 20)) ? -(1 << 20) : int(n);
    if constexpr (is_half_v<T>) return half(m_ldexp(float(x), e));
    else return m_ldexp(x, e);
  }
};

}  // namespace cunp::ops
