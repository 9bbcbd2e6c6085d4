// Each ufunc defined once: its NumPy name, the element types it has loops for (in NumPy's loop
// order, which is the canonical dtype order), the type it computes in, its result type, and its
// math. Both backends instantiate exactly these; the registry and the loop tables derive from them.
#pragma once
#include "ops/arith.hpp"

namespace cunp::ops {

template <class T> inline constexpr bool any_type = true;
template <class T> inline constexpr bool numeric_type = !is_bool_v<T>;
template <class T> inline constexpr bool inexact_type = is_inexact_v<T>;

// Defaults: loop input T computes in T and yields T.
struct ufunc_base {
  template <class T> using compute = T;
  static constexpr const char* bool_error = nullptr;  // set where NumPy refuses bool outright
};

struct add_op : ufunc_base {
  static constexpr const char* name = "add";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a, T b) { return add(a, b); }
};
struct subtract_op : ufunc_base {
  static constexpr const char* name = "subtract";
  static constexpr int nin = 2;
  static constexpr const char* bool_error =
      "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
      "operator, or the logical_xor function instead.";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a, T b) { return sub(a, b); }
};
struct multiply_op : ufunc_base {
  static constexpr const char* name = "multiply";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a, T b) { return mul(a, b); }
};
// Integer inputs divide in float64 (NumPy's 'bb->d' ... 'QQ->d' loops).
struct true_divide_op {
  static constexpr const char* name = "divide";
  static constexpr int nin = 2;
  static constexpr const char* bool_error = nullptr;
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> using compute = std::conditional_t<is_int_v<T>, double, T>;
  template <class T> using result = T;  // of the compute type
  template <class T> CUNP_HD static T apply(T a, T b) { return div(a, b); }
};
struct maximum_op : ufunc_base {
  static constexpr const char* name = "maximum";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a, T b) { return max_of(a, b); }
};
struct minimum_op : ufunc_base {
  static constexpr const char* name = "minimum";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a, T b) { return min_of(a, b); }
};
struct equal_op : ufunc_base {
  static constexpr const char* name = "equal";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = bool;
  template <class T> CUNP_HD static bool apply(T a, T b) { return equal_to(a, b); }
};
struct less_op : ufunc_base {
  static constexpr const char* name = "less";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = bool;
  template <class T> CUNP_HD static bool apply(T a, T b) { return less_than(a, b); }
};

struct negative_op : ufunc_base {
  static constexpr const char* name = "negative";
  static constexpr int nin = 1;
  static constexpr const char* bool_error =
      "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or "
      "the logical_not function instead.";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_int_v<T>) return T(unsigned_of<T>(0) - unsigned_of<T>(a));
    else if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t(a.bits ^ 0x8000u));
    else if constexpr (is_complex_v<T>) return T{-a.re, -a.im};
    else return -a;
  }
};
struct absolute_op : ufunc_base {
  static constexpr const char* name = "absolute";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = real_t<T>;  // 'F->f', 'D->d'
  template <class T> CUNP_HD static real_t<T> apply(T a) {
    if constexpr (is_bool_v<T> || std::is_unsigned_v<T>) return a;
    else if constexpr (is_int_v<T>) return a < 0 ? T(unsigned_of<T>(0) - unsigned_of<T>(a)) : a;
    else if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t(a.bits & 0x7fffu));
    else if constexpr (is_complex_v<T>) return c_abs(a);
    else return m_fabs(a);
  }
};

// Transcendentals: float16 computes in float32 (NumPy's 'e->e' loops do the same).
#define CUNP_TRANSCENDENTAL(op_name, real_fn, complex_fn)                              \
  struct op_name##_op : ufunc_base {                                                  \
    static constexpr const char* name = #op_name;                                     \
    static constexpr int nin = 1;                                                     \
    template <class T> static constexpr bool supports = inexact_type<T>;             \
    template <class T> using result = T;                                              \
    template <class T> CUNP_HD static T apply(T a) {                                  \
      if constexpr (is_half_v<T>) return half(real_fn(float(a)));                     \
      else if constexpr (std::is_same_v<T, complex<float>>)                          \
        return convert<T>(complex_fn(convert<complex<double>>(a)));                  \
      else if constexpr (is_complex_v<T>) return complex_fn(a);                       \
      else return real_fn(a);                                                         \
    }                                                                                 \
  };
CUNP_TRANSCENDENTAL(sqrt, m_sqrt, c_sqrt)
CUNP_TRANSCENDENTAL(sin, m_sin, c_sin)
CUNP_TRANSCENDENTAL(cos, m_cos, c_cos)
CUNP_TRANSCENDENTAL(exp, m_exp, c_exp)
CUNP_TRANSCENDENTAL(log, m_log, c_log)
#undef CUNP_TRANSCENDENTAL

// The element copy behind astype/copy/assign: the cast happens in the load (convert<T>).
struct copy_op : ufunc_base {
  static constexpr const char* name = "copy";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using result = T;
  template <class T> CUNP_HD static T apply(T a) { return a; }
};

// Stable ids, used by the core to name an op to a backend.
enum class ufunc_id : std::uint8_t {
  add, subtract, multiply, true_divide, maximum, minimum, equal, less,
  negative, absolute, sqrt, sin, cos, exp, log, copy, count
};

// Calls f(type_tag<Op>{}) for the op with id `id` (host only: selects a launcher).
template <class F>
decltype(auto) visit_ufunc(ufunc_id id, F&& f) {
  switch (id) {
    case ufunc_id::add: return f(type_tag<add_op>{});
    case ufunc_id::subtract: return f(type_tag<subtract_op>{});
    case ufunc_id::multiply: return f(type_tag<multiply_op>{});
    case ufunc_id::true_divide: return f(type_tag<true_divide_op>{});
    case ufunc_id::maximum: return f(type_tag<maximum_op>{});
    case ufunc_id::minimum: return f(type_tag<minimum_op>{});
    case ufunc_id::equal: return f(type_tag<equal_op>{});
    case ufunc_id::less: return f(type_tag<less_op>{});
    case ufunc_id::negative: return f(type_tag<negative_op>{});
    case ufunc_id::absolute: return f(type_tag<absolute_op>{});
    case ufunc_id::sqrt: return f(type_tag<sqrt_op>{});
    case ufunc_id::sin: return f(type_tag<sin_op>{});
    case ufunc_id::cos: return f(type_tag<cos_op>{});
    case ufunc_id::exp: return f(type_tag<exp_op>{});
    case ufunc_id::log: return f(type_tag<log_op>{});
    default: return f(type_tag<copy_op>{});
  }
}

}  // namespace cunp::ops
