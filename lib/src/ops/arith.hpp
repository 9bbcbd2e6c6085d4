// Scalar arithmetic with NumPy's semantics, per element type: integers wrap, bool is logical,
// float16 computes in float32 and rounds once, complex follows npymath.
#pragma once
#include "ops/types.hpp"

namespace cunp::ops {

// Integer add/sub/mul in the unsigned type: wraps without C++'s signed-overflow UB.
template <class T> using unsigned_of = std::make_unsigned_t<T>;
// Unsigned products modulo 2^bits: narrower types multiply as unsigned int, not as the int they
// would promote to (where 65535 * 65535 overflows).
template <class U> CUNP_HD U wrapping_mul(U a, U b) {
  using W = std::conditional_t<(sizeof(U) < sizeof(unsigned)), unsigned, U>;
  return U(W(a) * W(b));
}

// -a modulo 2^bits (the minimum of a signed type is its own negation), in the unsigned type.
template <class T> CUNP_HD T wrapping_neg(T a) {
#if defined(__CUDA_ARCH__)
  if constexpr (std::is_same_v<T, std::int16_t>) {
    // On the device an int16 -(-32768) reached an int64 out= as 32768, however the C++ said it:
    // NVVM folds it into PTX's neg.s16 (then cvt.s64.s16, both right), so the fault lies below,
    // in ptxas. Negating in 32 bits leaves no 16-bit negation to fold; the truncation is a cvt.
    int r;
    asm("neg.s32 %0, %1;" : "=r"(r) : "r"(int(a)));
    return T(r);
  } else
#endif
  {
    return T(unsigned_of<T>(0) - unsigned_of<T>(a));
  }
}

template <class T> CUNP_HD T add(T a, T b) {
  if constexpr (is_bool_v<T>) return a || b;
  else if constexpr (is_int_v<T>) return T(unsigned_of<T>(a) + unsigned_of<T>(b));
  else if constexpr (is_half_v<T>) return half(float(a) + float(b));
  else if constexpr (is_complex_v<T>) return T{a.re + b.re, a.im + b.im};
  else return a + b;
}
template <class T> CUNP_HD T sub(T a, T b) {
  if constexpr (is_int_v<T>) return T(unsigned_of<T>(a) - unsigned_of<T>(b));
  else if constexpr (is_half_v<T>) return half(float(a) - float(b));
  else if constexpr (is_complex_v<T>) return T{a.re - b.re, a.im - b.im};
  else return a - b;
}
template <class T> CUNP_HD T mul(T a, T b) {
  if constexpr (is_bool_v<T>) return a && b;
  else if constexpr (is_int_v<T>) return T(wrapping_mul(unsigned_of<T>(a), unsigned_of<T>(b)));
  else if constexpr (is_half_v<T>) return half(float(a) * float(b));
  else if constexpr (is_complex_v<T>) return T{a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
  else return a * b;
}
template <class T> CUNP_HD T div(T a, T b) {
  if constexpr (is_half_v<T>) {
    return half(float(a) / float(b));
  } else if constexpr (is_complex_v<T>) {
    // Smith's algorithm, as NumPy's complex true_divide loop
    using R = real_t<T>;
    R ar = a.re, ai = a.im, br = b.re, bi = b.im;
    R abs_br = m_fabs(br), abs_bi = m_fabs(bi);
    if (abs_br >= abs_bi) {
      if (abs_br == R(0) && abs_bi == R(0)) return T{ar / abs_br, ai / abs_br};
      R rat = bi / br, scl = R(1) / (br + bi * rat);
      return T{(ar + ai * rat) * scl, (ai - ar * rat) * scl};
    }
    R rat = br / bi, scl = R(1) / (bi + br * rat);
    return T{(ar * rat + ai) * scl, (ai * rat - ar) * scl};
  } else {
    return a / b;
  }
}

// Ordering with NumPy's complex (lexicographic, NaN-aware) rules.
template <class T> CUNP_HD bool less_than(T a, T b) {
  if constexpr (is_complex_v<T>) {
    if (a.re < b.re) return a.im == a.im && b.im == b.im;
    return a.re == b.re && a.im < b.im;
  } else if constexpr (is_half_v<T>) {
    return float(a) < float(b);
  } else {
    return a < b;
  }
}
template <class T> CUNP_HD bool greater_equal(T a, T b) {
  if constexpr (is_complex_v<T>) {
    if (a.re > b.re) return a.im == a.im && b.im == b.im;
    return a.re == b.re && a.im >= b.im;
  } else if constexpr (is_half_v<T>) {
    return float(a) >= float(b);
  } else {
    return a >= b;
  }
}
template <class T> CUNP_HD bool less_equal(T a, T b) {
  if constexpr (is_complex_v<T>) {
    if (a.re < b.re) return a.im == a.im && b.im == b.im;
    return a.re == b.re && a.im <= b.im;
  } else if constexpr (is_half_v<T>) {
    return float(a) <= float(b);
  } else {
    return a <= b;
  }
}
template <class T> CUNP_HD bool equal_to(T a, T b) {
  if constexpr (is_complex_v<T>) return a.re == b.re && a.im == b.im;
  else if constexpr (is_half_v<T>) return float(a) == float(b);
  else return a == b;
}
template <class T> CUNP_HD bool has_nan(T a) {
  if constexpr (is_complex_v<T>) return a.re != a.re || a.im != a.im;
  else if constexpr (is_half_v<T>) return float(a) != float(a);
  else if constexpr (is_float_v<T>) return a != a;
  else return false;
}
template <class T> CUNP_HD bool has_inf(T a) {
  if constexpr (is_complex_v<T>) return m_isinf(a.re) || m_isinf(a.im);
  else if constexpr (is_half_v<T>) return m_isinf(float(a));
  else if constexpr (is_float_v<T>) return m_isinf(a);
  else return false;
}
// numpy.maximum / minimum: NaN propagates (the first NaN operand wins)
template <class T> CUNP_HD T max_of(T a, T b) {
  if constexpr (is_bool_v<T>) return a || b;
  else return (greater_equal(a, b) || has_nan(a)) ? a : b;
}
template <class T> CUNP_HD T min_of(T a, T b) {
  if constexpr (is_bool_v<T>) return a && b;
  else return (less_equal(a, b) || has_nan(a)) ? a : b;
}
// numpy.fmax / fmin: a NaN is ignored (the other operand wins; NaN only when both are)
template <class T> CUNP_HD T fmax_of(T a, T b) {
  if constexpr (is_bool_v<T>) return a || b;
  else return (greater_equal(a, b) || has_nan(b)) ? a : b;
}
template <class T> CUNP_HD T fmin_of(T a, T b) {
  if constexpr (is_bool_v<T>) return a && b;
  else return (less_equal(a, b) || has_nan(b)) ? a : b;
}

}  // namespace cunp::ops
