// Division, remainders and powers, with NumPy's signs and its answers at zero and at the integer
// extremes; and the integer-only gcd, lcm and bitwise_count.
#pragma once
#include "ops/complex_functions.hpp"
#include "ops/ufunc_base.hpp"

namespace cunp::ops {

// Python's floor division and modulo (divmod's two halves), as NumPy's loops compute them: for
// integers, x // 0 and x % 0 give 0 and INT_MIN // -1 wraps; for floats, the remainder carries
// the divisor's sign and the quotient is rounded from (a - mod) / b.
template <class T>
CUNP_HD pair<T, T> floor_divmod(T a, T b) {
  if constexpr (is_half_v<T>) {
    pair<float, float> r = floor_divmod(float(a), float(b));
    return {half(r.first), half(r.second)};
  } else if constexpr (is_int_v<T>) {
    if (b == 0) return {T(0), T(0)};
    if constexpr (std::is_signed_v<T>) {
      if (b == T(-1)) return {wrapping_neg(a), T(0)};  // wraps at INT_MIN
      T q = T(a / b), r = T(a % b);
      if (r != 0 && ((r < 0) != (b < 0))) return {T(q - 1), T(r + b)};
      return {q, r};
    } else {
      return {T(a / b), T(a % b)};
    }
  } else {
    T mod = m_fmod(a, b);
    if (b == T(0)) return {a / b, mod};
    T d = (a - mod) / b;
    if (mod != T(0)) {
      if ((b < T(0)) != (mod < T(0))) {
        mod += b;
        d -= T(1);
      }
    } else {
      mod = m_copysign(T(0), b);
    }
    T floordiv;
    if (d != T(0)) {
      floordiv = m_floor(d);
      if (d - floordiv > T(0.5)) floordiv += T(1);
    } else {
      floordiv = m_copysign(T(0), a / b);
    }
    return {floordiv, mod};
  }
}

struct division_base : ufunc_base {
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_int_v<T> || is_float_v<T>;
};
struct floor_divide_op : division_base {
  static constexpr const char* name = "floor_divide";
  template <class T> CUNP_HD static T apply(T a, T b) { return floor_divmod(a, b).first; }
};
struct remainder_op : division_base {
  static constexpr const char* name = "remainder";
  template <class T> CUNP_HD static T apply(T a, T b) { return floor_divmod(a, b).second; }
};
// fmod: C's remainder, signed as the dividend; an integer x fmod 0 gives 0, and INT_MIN fmod -1
// gives 0 (C's % would trap).
struct fmod_op : division_base {
  static constexpr const char* name = "fmod";
  template <class T> CUNP_HD static T apply(T a, T b) {
    if constexpr (is_half_v<T>) return half(m_fmod(float(a), float(b)));
    else if constexpr (is_int_v<T>) {
      if (b == 0) return T(0);
      if constexpr (std::is_signed_v<T>)
        if (b == T(-1)) return T(0);
      return T(a % b);
    } else return m_fmod(a, b);
  }
};

// Integer power by squaring, wrapping as NumPy's; a negative exponent is an error NumPy raises
// (ValueError) for integer bases.
template <class T>
CUNP_HD T integer_power(T base, T exponent) {
  using U = unsigned_of<T>;
  U result = 1, b = U(base);
  for (U e = U(exponent); e != 0; e >>= 1) {
    if (e & 1u) result = wrapping_mul(result, b);
    b = wrapping_mul(b, b);
  }
  return T(result);
}

// power and float_power; complex bases and exponents as NumPy's complex loops (c_pow).
struct power_op : ufunc_base {
  static constexpr const char* name = "power";
  static constexpr int nin = 2;
  static constexpr bool checks_inputs = true;
  static constexpr int masked_zero_input = 1;  // x ** 0 is 1 for every base
  template <class T> static constexpr bool supports = is_int_v<T> || is_inexact_v<T>;
  template <class T> CUNP_HD static kernel_error check(T, T exponent) {
    if constexpr (is_int_v<T> && std::is_signed_v<T>)
      if (exponent < 0) return kernel_error::negative_integer_power;
    return kernel_error::none;
  }
  template <class T> CUNP_HD static T apply(T a, T b) {
    if constexpr (is_int_v<T>) return integer_power(a, b);
    else if constexpr (is_half_v<T>) return half(m_pow(float(a), float(b)));
    else if constexpr (is_complex_v<T>) return c_pow(a, b);
    else return m_pow(a, b);
  }
};
// float_power: NumPy's float64 and complex128 loops, whatever the inputs.
struct float_power_op : ufunc_base {
  static constexpr const char* name = "float_power";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = std::is_same_v<T, double> || std::is_same_v<T, complex<double>>;
  template <class T> CUNP_HD static T apply(T a, T b) {
    if constexpr (is_complex_v<T>) return c_pow(a, b);
    else return m_pow(a, b);
  }
};

// reciprocal: 1/x. Integers as NumPy's loop computes them on x86-64: 1 and -1 are their own, other
// values give 0, and 1/0 (a float inf cast back) gives INT_MIN for 32- and 64-bit signed types
// and 0 for the narrower and unsigned ones.
struct reciprocal_op : ufunc_base {
  static constexpr const char* name = "reciprocal";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_int_v<T>) {
      if (a == 0) {
        if constexpr (std::is_signed_v<T> && sizeof(T) >= 4) return std::numeric_limits<T>::min();
        else return T(0);
      }
      if (a == 1) return T(1);
      if constexpr (std::is_signed_v<T>)
        if (a == -1) return T(-1);
      return T(0);
    } else if constexpr (is_half_v<T>) return half(1.0f / float(a));
    else if constexpr (is_complex_v<T>) return c_reciprocal(a);
    else return T(1) / a;
  }
};

// |x| of an integer as its unsigned type (INT_MIN's magnitude fits there).
template <class T> CUNP_HD unsigned_of<T> magnitude(T a) {
  if constexpr (std::is_signed_v<T>) return unsigned_of<T>(a < 0 ? wrapping_neg(a) : a);
  else return a;
}
template <class U> CUNP_HD U gcd_of(U a, U b) {
  while (b != 0) {
    U t = U(a % b);
    a = b;
    b = t;
  }
  return a;
}
// gcd and lcm of the magnitudes, cast back to the type: the integer minimum's magnitude wraps to
// itself (gcd(INT_MIN, 0) is INT_MIN), and lcm wraps as NumPy's a / gcd * b.
struct gcd_op : ufunc_base {
  static constexpr const char* name = "gcd";
  static constexpr ufunc_identity identity = ufunc_identity::zero;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  static constexpr const char* bool_error =
      "ufunc 'gcd' did not contain a loop with signature matching types (<class 'numpy.dtypes.BoolDType'>, <class "
      "'numpy.dtypes.BoolDType'>) -> None";
  template <class T> static constexpr bool supports = is_int_v<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return T(gcd_of(magnitude(a), magnitude(b))); }
};
struct lcm_op : ufunc_base {
  static constexpr const char* name = "lcm";
  static constexpr int nin = 2;
  static constexpr const char* bool_error =
      "ufunc 'lcm' did not contain a loop with signature matching types (<class 'numpy.dtypes.BoolDType'>, <class "
      "'numpy.dtypes.BoolDType'>) -> None";
  template <class T> static constexpr bool supports = is_int_v<T>;
  template <class T> CUNP_HD static T apply(T a, T b) {
    using U = unsigned_of<T>;
    U x = magnitude(a), y = magnitude(b), g = gcd_of(x, y);
    return g == 0 ? T(0) : T(wrapping_mul(U(x / g), y));
  }
};
// bitwise_count: the set bits of |x| (NumPy counts a negative number's magnitude), as uint8.
struct bitwise_count_op : ufunc_base {
  static constexpr const char* name = "bitwise_count";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = is_int_v<T>;
  template <class C> using result = std::uint8_t;
  template <class T> CUNP_HD static std::uint8_t apply(T a) {
    std::uint64_t m = magnitude(a);
    std::uint8_t n = 0;
    for (; m != 0; m &= m - 1) ++n;
    return n;
  }
};

}  // namespace cunp::ops
