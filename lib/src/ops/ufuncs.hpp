// Each elementwise op defined once: its NumPy name, its loops (in NumPy's loop order), the types
// each loop computes in, and its math. Both backends instantiate exactly these; the loop tables,
// the registry and the dispatch derive from them and from the op list (cunp/ufunc_list.hpp).
//
// A functor states:
//   name, nin, nout;
//   supports<T>: a uniform loop whose inputs are all T (NumPy's 'TT->..'), in dtype order;
//   compute<T>: the type such a loop's inputs are cast to as they load (default T);
//   result<C>: its output type from the compute type (nout == 1), or results<C>, a type_list;
//   optionally loop_signature<T>: the whole kernel signature of the uniform loop T, when its inputs
//     are not all compute<T> (where: bool, T, T);
//   optionally extra_loops, a type_list of signature<...> with inputs of different types
//     (equal's 'qQ->?'), placed after the uniform loop of dtype extra_after, as NumPy orders them;
//   apply(inputs...): the value, or a pair for two outputs;
//   optionally checks_inputs and check(inputs...): a kernel_error for inputs NumPy rejects by
//     value (a negative integer power), found as the loop runs.
#pragma once
#include "cunp/ufunc_list.hpp"
#include <vector>

#include "ops/ufunc_base.hpp"
#include "ops/ufuncs_division.hpp"
#include "ops/ufuncs_math.hpp"

namespace cunp::ops {

struct add_op : ufunc_base {
  static constexpr const char* name = "add";
  static constexpr ufunc_identity identity = ufunc_identity::zero;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return add(a, b); }
};
struct subtract_op : ufunc_base {
  static constexpr const char* name = "subtract";
  static constexpr int nin = 2;
  static constexpr const char* bool_error =
      "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
      "operator, or the logical_xor function instead.";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return sub(a, b); }
};
struct multiply_op : ufunc_base {
  static constexpr const char* name = "multiply";
  static constexpr ufunc_identity identity = ufunc_identity::one;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return mul(a, b); }
};
// NumPy's divide has inexact loops only; integer and bool inputs divide in its float64 loop
// (NumPy's true-division type resolver), whatever their width.
struct divide_op : ufunc_base {
  static constexpr const char* name = "divide";
  static constexpr int nin = 2;
  static constexpr bool integers_as_float64 = true;
  template <class T> static constexpr bool supports = inexact_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return div(a, b); }
};

// divmod(a, b) = (a // b, a % b) with Python's floor semantics (floor_divmod).
struct divmod_op : ufunc_base {
  static constexpr const char* name = "divmod";
  static constexpr int nin = 2;
  static constexpr int nout = 2;
  template <class T> static constexpr bool supports = is_int_v<T> || is_float_v<T>;
  template <class C> using results = type_list<C, C>;
  template <class T> CUNP_HD static pair<T, T> apply(T a, T b) { return floor_divmod(a, b); }
};

struct maximum_op : ufunc_base {
  static constexpr const char* name = "maximum";
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return max_of(a, b); }
};
struct minimum_op : ufunc_base {
  static constexpr const char* name = "minimum";
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return min_of(a, b); }
};

// clip(x, lo, hi) = min(max(x, lo), hi) with NumPy's own max and min: a NaN x stays, a NaN bound
// wins (so any NaN propagates), and lo > hi gives hi; complex values order lexicographically. A
// tie keeps the bound (clip(-0.0, +0.0, 1) is +0.0), except in float16, whose loop keeps x.
struct clip_op : ufunc_base {
  static constexpr const char* name = "clip";
  static constexpr int nin = 3;
  static constexpr bool clip_wrapper = true;
  template <class T> static constexpr bool supports = any_type<T>;
  // NumPy's clip orders complex values by its plain lexicographic macros (no NaN test on the
  // bound, unlike less_than)
  template <class K> CUNP_HD static bool before(K a, K b) {
    if constexpr (is_complex_v<K>) return a.re == b.re ? a.im < b.im : a.re < b.re;
    else return a < b;
  }
  // which operand the result is: 0 x, 1 lo, 2 hi
  template <class K> CUNP_HD static int pick(K x, K lo, K hi, bool ties_keep_x) {
    int m = has_nan(x) || before(lo, x) || (ties_keep_x && equal_to(x, lo)) ? 0 : 1;
    K v = m ? lo : x;
    return has_nan(v) || before(v, hi) || (ties_keep_x && equal_to(v, hi)) ? m : 2;
  }
  template <class T> CUNP_HD static T apply(T x, T lo, T hi) {
    int k;
    if constexpr (is_half_v<T>) k = pick(float(x), float(lo), float(hi), true);
    else k = pick(x, lo, hi, false);
    return k == 0 ? x : k == 1 ? lo : hi;
  }
};

// Comparisons compare int64 with uint64 exactly ('qQ->?', 'Qq->?'), not through float64.
CUNP_HD inline bool int_less(std::int64_t a, std::uint64_t b) { return a < 0 || std::uint64_t(a) < b; }
CUNP_HD inline bool int_less(std::uint64_t a, std::int64_t b) { return b >= 0 && a < std::uint64_t(b); }
CUNP_HD inline bool int_equal(std::int64_t a, std::uint64_t b) { return a >= 0 && std::uint64_t(a) == b; }
CUNP_HD inline bool int_equal(std::uint64_t a, std::int64_t b) { return int_equal(b, a); }
struct comparison_base : ufunc_base {
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class C> using result = bool;
  using extra_loops = type_list<signature<type_list<std::int64_t, std::uint64_t>, type_list<bool>>,
                                signature<type_list<std::uint64_t, std::int64_t>, type_list<bool>>>;
  static constexpr dtype extra_after = dtype::uint64;
};
struct equal_op : comparison_base {
  static constexpr const char* name = "equal";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return equal_to(a, b);
    else return int_equal(a, b);
  }
};
struct less_op : comparison_base {
  static constexpr const char* name = "less";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return less_than(a, b);
    else return int_less(a, b);
  }
};
struct not_equal_op : comparison_base {
  static constexpr const char* name = "not_equal";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return !equal_to(a, b);
    else return !int_equal(a, b);
  }
};
struct greater_op : comparison_base {
  static constexpr const char* name = "greater";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return less_than(b, a);
    else return int_less(b, a);
  }
};
// The mixed integer loops have no NaN, so there the non-strict orders are negated strict ones.
struct greater_equal_op : comparison_base {
  static constexpr const char* name = "greater_equal";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return greater_equal(a, b);
    else return !int_less(a, b);
  }
};
struct less_equal_op : comparison_base {
  static constexpr const char* name = "less_equal";
  template <class A, class B> CUNP_HD static bool apply(A a, B b) {
    if constexpr (std::is_same_v<A, B>) return less_equal(a, b);
    else return !int_less(b, a);
  }
};

// The logical ufuncs read each input as its truth value (nonzero; NaN is true; complex: either
// part nonzero). Every dtype has its own loop, but inputs that are not arrays of one dtype (a
// Python scalar among them) take the bool loop: NumPy's logical promoter.
struct logical_base : ufunc_base {
  template <class T> static constexpr bool supports = any_type<T>;
  template <class C> using result = bool;
  static constexpr bool mixed_inputs_as_bool = true;
};
struct logical_and_op : logical_base {
  static constexpr const char* name = "logical_and";
  static constexpr ufunc_identity identity = ufunc_identity::true_;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static bool apply(T a, T b) { return convert<bool>(a) && convert<bool>(b); }
};
struct logical_or_op : logical_base {
  static constexpr const char* name = "logical_or";
  static constexpr ufunc_identity identity = ufunc_identity::false_;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static bool apply(T a, T b) { return convert<bool>(a) || convert<bool>(b); }
};
struct logical_xor_op : logical_base {
  static constexpr const char* name = "logical_xor";
  static constexpr ufunc_identity identity = ufunc_identity::false_;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static bool apply(T a, T b) { return convert<bool>(a) != convert<bool>(b); }
};
struct logical_not_op : logical_base {
  static constexpr const char* name = "logical_not";
  static constexpr int nin = 1;
  template <class T> CUNP_HD static bool apply(T a) { return !convert<bool>(a); }
};

// Bitwise ops: bool and integer loops (bool's & | ^ are the logical ones).
struct bitwise_base : ufunc_base {
  template <class T> static constexpr bool supports = is_bool_v<T> || is_int_v<T>;
};
struct bitwise_and_op : bitwise_base {
  static constexpr const char* name = "bitwise_and";
  static constexpr ufunc_identity identity = ufunc_identity::minus_one;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static T apply(T a, T b) { return T(a & b); }
};
struct bitwise_or_op : bitwise_base {
  static constexpr const char* name = "bitwise_or";
  static constexpr ufunc_identity identity = ufunc_identity::zero;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static T apply(T a, T b) { return T(a | b); }
};
struct bitwise_xor_op : bitwise_base {
  static constexpr const char* name = "bitwise_xor";
  static constexpr ufunc_identity identity = ufunc_identity::zero;
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> CUNP_HD static T apply(T a, T b) { return T(a ^ b); }
};
struct invert_op : bitwise_base {
  static constexpr const char* name = "invert";
  static constexpr int nin = 1;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_bool_v<T>) return !a;
    else return T(~a);
  }
};
// Shifts as NumPy's: a count at or past the bit width (a negative one, read as unsigned, is huge)
// shifts every bit out, leaving 0, or -1 for a right shift of a negative value. In range, the left
// shift runs in the unsigned type (no signed-overflow UB) and the right shift is arithmetic.
struct left_shift_op : ufunc_base {
  static constexpr const char* name = "left_shift";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_int_v<T>;
  template <class T> CUNP_HD static T apply(T a, T b) {
    using U = unsigned_of<T>;
    if (U(b) >= sizeof(T) * 8) return T(0);
    return T(U(a) << U(b));
  }
};
struct right_shift_op : ufunc_base {
  static constexpr const char* name = "right_shift";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_int_v<T>;
  template <class T> CUNP_HD static T apply(T a, T b) {
    using U = unsigned_of<T>;
    if (U(b) >= sizeof(T) * 8) {
      if constexpr (std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
      else return T(0);
    }
    return T(a >> U(b));
  }
};

struct negative_op : ufunc_base {
  static constexpr const char* name = "negative";
  static constexpr int nin = 1;
  static constexpr const char* bool_error =
      "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or "
      "the logical_not function instead.";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_int_v<T>) return wrapping_neg(a);
    else if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t(a.bits ^ 0x8000u));
    else if constexpr (is_complex_v<T>) return T{-a.re, -a.im};
    else return -a;
  }
};
struct absolute_op : ufunc_base {
  static constexpr const char* name = "absolute";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class C> using result = real_t<C>;  // 'F->f', 'D->d'
  template <class T> CUNP_HD static real_t<T> apply(T a) {
    if constexpr (is_bool_v<T> || std::is_unsigned_v<T>) return a;
    else if constexpr (is_int_v<T>) return a < 0 ? wrapping_neg(a) : a;
    else if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t(a.bits & 0x7fffu));
    else if constexpr (is_complex_v<T>) return c_abs(a);
    else return m_fabs(a);
  }
};

struct positive_op : ufunc_base {
  static constexpr const char* name = "positive";
  static constexpr int nin = 1;
  static constexpr const char* bool_error =
      "ufunc 'positive' did not contain a loop with signature matching types <class "
      "'numpy.dtypes.BoolDType'> -> None";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) { return a; }
};
struct square_op : ufunc_base {
  static constexpr const char* name = "square";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) { return mul(a, a); }
};
struct conjugate_op : ufunc_base {
  static constexpr const char* name = "conjugate";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_complex_v<T>) return T{a.re, -a.im};
    else return a;
  }
};
struct fabs_op : ufunc_base {
  static constexpr const char* name = "fabs";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t(a.bits & 0x7fffu));
    else return m_fabs(a);
  }
};

// Rounding to an integral value: bool and integer loops are the identity; float16 rounds in
// float32, exactly (every float16 value and its integral neighbours are float32 values).
#define CUNP_ROUND_TO_INTEGRAL(op_name, fn)                                          \
  struct op_name##_op : ufunc_base {                                                \
    static constexpr const char* name = #op_name;                                   \
    static constexpr int nin = 1;                                                   \
    template <class T> static constexpr bool supports = !is_complex_v<T>;           \
    template <class T> CUNP_HD static T apply(T a) {                                \
      if constexpr (is_bool_v<T> || is_int_v<T>) return a;                          \
      else if constexpr (is_half_v<T>) return half(fn(float(a)));                  \
      else return fn(a);                                                            \
    }                                                                               \
  };
CUNP_ROUND_TO_INTEGRAL(floor, m_floor)
CUNP_ROUND_TO_INTEGRAL(ceil, m_ceil)
CUNP_ROUND_TO_INTEGRAL(trunc, m_trunc)
#undef CUNP_ROUND_TO_INTEGRAL
// rint: to the nearest integral value, ties to even; complex parts each.
struct rint_op : ufunc_base {
  static constexpr const char* name = "rint";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = inexact_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_complex_v<T>) return T{m_rint(a.re), m_rint(a.im)};
    else if constexpr (is_half_v<T>) return half(m_rint(float(a)));
    else return m_rint(a);
  }
};

// sign: -1, 0 or 1 (a NaN stays NaN; either zero gives +0). Complex: NumPy 2's z / |z|, with 0 for
// 0; where |z| is NaN (a NaN part, no infinite one) NaN in both parts; where |z| is infinite, the
// sign of the infinite part, NaN in both if both parts are infinite.
struct sign_op : ufunc_base {
  static constexpr const char* name = "sign";
  static constexpr int nin = 1;
  static constexpr const char* bool_error =
      "ufunc 'sign' did not contain a loop with signature matching types <class "
      "'numpy.dtypes.BoolDType'> -> None";
  template <class T> static constexpr bool supports = numeric_type<T>;
  template <class T> CUNP_HD static T apply(T a) {
    if constexpr (is_complex_v<T>) {
      using R = real_t<T>;
      const R nan = R(0) / R(0);
      R r = c_abs(a);
      if (m_isnan(r)) return T{nan, nan};
      if (m_isinf(r)) {
        if (!m_isinf(a.re)) return T{R(0), a.im > R(0) ? R(1) : R(-1)};
        if (m_isinf(a.im)) return T{nan, nan};
        return T{a.re > R(0) ? R(1) : R(-1), R(0)};
      }
      if (r == R(0)) return T{R(0), R(0)};
      return T{a.re / r, a.im / r};
    } else if constexpr (is_half_v<T>) {
      return half(apply(float(a)));
    } else if constexpr (std::is_unsigned_v<T>) {
      return T(a > 0);
    } else if constexpr (is_int_v<T>) {
      return T((a > 0) - (a < 0));
    } else {
      return a > T(0) ? T(1) : a < T(0) ? T(-1) : a == T(0) ? T(0) : a;
    }
  }
};

// Predicates of every dtype (integers and bools are finite). Complex: NaN if either part is, inf if
// either part is, finite if both parts are.
struct predicate_base : ufunc_base {
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class C> using result = bool;
};
struct isnan_op : predicate_base {
  static constexpr const char* name = "isnan";
  template <class T> CUNP_HD static bool apply(T a) { return has_nan(a); }
};
struct isinf_op : predicate_base {
  static constexpr const char* name = "isinf";
  template <class T> CUNP_HD static bool apply(T a) { return has_inf(a); }
};
struct isfinite_op : predicate_base {
  static constexpr const char* name = "isfinite";
  template <class T> CUNP_HD static bool apply(T a) { return !has_nan(a) && !has_inf(a); }
};
// signbit: the sign bit itself, also of a NaN and of -0.0.
struct signbit_op : predicate_base {
  static constexpr const char* name = "signbit";
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class T> CUNP_HD static bool apply(T a) {
    if constexpr (is_half_v<T>) return (a.bits & 0x8000u) != 0;
    else return m_copysign(T(1), a) < T(0);
  }
};


struct fmax_op : ufunc_base {
  static constexpr const char* name = "fmax";
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return fmax_of(a, b); }
};
struct fmin_op : ufunc_base {
  static constexpr const char* name = "fmin";
  static constexpr bool reorderable = true;
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a, T b) { return fmin_of(a, b); }
};
struct copysign_op : ufunc_base {
  static constexpr const char* name = "copysign";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class T> CUNP_HD static T apply(T a, T b) {
    if constexpr (is_half_v<T>) return half::from_bits(std::uint16_t((a.bits & 0x7fffu) | (b.bits & 0x8000u)));
    else return m_copysign(a, b);
  }
};
// heaviside(x, h0): 0 for x < 0, h0 for x == 0, 1 for x > 0, NaN for NaN.
struct heaviside_op : ufunc_base {
  static constexpr const char* name = "heaviside";
  static constexpr int nin = 2;
  template <class T> static constexpr bool supports = is_float_v<T>;
  template <class T> CUNP_HD static T apply(T x, T h0) {
    if constexpr (is_half_v<T>) return half(apply(float(x), float(h0)));
    else if (x != x) return x;
    else if (x == T(0)) return h0;
    else return x < T(0) ? T(0) : T(1);
  }
};

// The element copy behind astype/copy/assign: the cast happens in the load (convert<T>).
struct copy_op : ufunc_base {
  static constexpr const char* name = "copy";
  static constexpr int nin = 1;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> CUNP_HD static T apply(T a) { return a; }
};
// where(cond, x, y): the condition loads as bool (its truth value) whatever its dtype.
struct where_op : ufunc_base {
  static constexpr const char* name = "where";
  static constexpr int nin = 3;
  template <class T> static constexpr bool supports = any_type<T>;
  template <class T> using loop_signature = signature<type_list<bool, T, T>, type_list<T>>;
  template <class T> CUNP_HD static T apply(bool c, T x, T y) { return c ? x : y; }
};

// Stable ids, derived from the op list.
enum class ufunc_id : std::uint8_t {
#define CUNP_ID(op, nin, nout, family) op,
  CUNP_UFUNC_LIST(CUNP_ID) CUNP_ELEMENTWISE_EXTRA_LIST(CUNP_ID)
#undef CUNP_ID
  count
};
// The op families (the op list's last column): each backend compiles one translation unit per
// family, with a register_<family> function that fills its launcher table.
#define CUNP_UFUNC_FAMILY_LIST(X) \
  X(arith) X(division) X(compare) X(logical) X(bitwise) X(math) X(trig) X(exp_log) X(float_parts) X(unary_basic) X(predicate) X(copy)
enum class ufunc_family : std::uint8_t {
#define CUNP_FAMILY_ID(family) family,
  CUNP_UFUNC_FAMILY_LIST(CUNP_FAMILY_ID)
#undef CUNP_FAMILY_ID
};

// Calls f(type_tag<Op>{}) for the op with id `id` (host only: selects a launcher).
template <class F>
decltype(auto) visit_ufunc(ufunc_id id, F&& f) {
  switch (id) {
#define CUNP_CASE(op, nin, nout, family) \
  case ufunc_id::op: return f(type_tag<op##_op>{});
    CUNP_UFUNC_LIST(CUNP_CASE) CUNP_ELEMENTWISE_EXTRA_LIST(CUNP_CASE)
#undef CUNP_CASE
    case ufunc_id::count: break;
  }
  unreachable_case();
}

// Calls f(type_tag<Op>{}, id) for each op of family F.
template <ufunc_family F, class Fn>
void for_each_in_family(Fn&& f) {
#define CUNP_IF_IN_FAMILY(op, nin, nout, family) \
  if constexpr (ufunc_family::family == F) f(type_tag<op##_op>{}, ufunc_id::op);
  CUNP_UFUNC_LIST(CUNP_IF_IN_FAMILY) CUNP_ELEMENTWISE_EXTRA_LIST(CUNP_IF_IN_FAMILY)
#undef CUNP_IF_IN_FAMILY
}

// The kernel signature of Op's uniform loop over T.
template <class T, int N, class... Acc> struct repeat_list : repeat_list<T, N - 1, T, Acc...> {};
template <class T, class... Acc> struct repeat_list<T, 0, Acc...> { using type = type_list<Acc...>; };
template <class Op, class C, class = void> struct outputs_of { using type = type_list<typename Op::template result<C>>; };
template <class Op, class C> struct outputs_of<Op, C, std::void_t<typename Op::template results<C>>> {
  using type = typename Op::template results<C>;
};
template <class Op, class T, class = void> struct uniform_signature {
  using C = typename Op::template compute<T>;
  using type = signature<typename repeat_list<C, Op::nin>::type, typename outputs_of<Op, C>::type>;
};
template <class Op, class T> struct uniform_signature<Op, T, std::void_t<typename Op::template loop_signature<T>>> {
  using type = typename Op::template loop_signature<T>;
};

template <class... T> std::vector<dtype> dtype_list(type_list<T...>) { return {dtype_v<T>()...}; }

// Calls f(in_dtypes, type_tag<Signature>{}) for each of Op's loops in NumPy's order; in_dtypes are
// what type resolution matches (the loop's 'TT' before any cast to its compute type).
template <class Op, class F>
void for_each_loop(F&& f) {
  for (dtype d : all_dtypes) {
    visit(d, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (Op::template supports<T>)
        f(std::vector<dtype>(std::size_t(Op::nin), d), type_tag<typename uniform_signature<Op, T>::type>{});
    });
    if (d == Op::extra_after)
      [&]<class... S>(type_list<S...>) {
        (f(dtype_list(typename S::inputs{}), type_tag<S>{}), ...);
      }(typename Op::extra_loops{});
  }
}

}  // namespace cunp::ops
