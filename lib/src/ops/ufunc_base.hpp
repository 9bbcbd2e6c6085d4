// What every elementwise functor builds on: type lists, loop signatures, the two-output pair and
// the defaults of a functor (ufunc_base). The functors themselves live in ufuncs*.hpp; the
// comment at the top of ufuncs.hpp says what a functor states.
#pragma once
#include "ops/arith.hpp"
#include "ops/kernel_errors.hpp"

namespace cunp::ops {


template <class... T> struct type_list {
  static constexpr int size = sizeof...(T);
};
template <class In, class Out> struct signature;
template <class... I, class... O> struct signature<type_list<I...>, type_list<O...>> {
  using inputs = type_list<I...>;
  using outputs = type_list<O...>;
  static constexpr int nin = sizeof...(I), nout = sizeof...(O);
};

// The values of a two-output op (divmod, frexp, modf).
template <class A, class B> struct pair {
  A first;
  B second;
};

template <std::size_t K, class L> struct type_at;
template <std::size_t K, class H, class... T> struct type_at<K, type_list<H, T...>> : type_at<K - 1, type_list<T...>> {};
template <class H, class... T> struct type_at<0, type_list<H, T...>> {
  using type = H;
};
template <std::size_t K, class L> using type_at_t = typename type_at<K, L>::type;

template <class T> inline constexpr bool any_type = true;
template <class T> inline constexpr bool numeric_type = !is_bool_v<T>;
template <class T> inline constexpr bool inexact_type = is_inexact_v<T>;

// NumPy's identity of a ufunc (np.add.identity): what an empty reduction gives and where a
// reduction starts. logical_and's is True, bitwise_and's -1 (all bits set).
enum class ufunc_identity : std::uint8_t { none, zero, one, minus_one, minus_inf, true_, false_ };

// Defaults: loop input T computes in T and yields T; no loops beyond the uniform ones.
struct ufunc_base {
  static constexpr int nout = 1;
  template <class T> using compute = T;
  template <class C> using result = C;
  using extra_loops = type_list<>;
  static constexpr dtype extra_after = dtype::complex128;
  static constexpr const char* bool_error = nullptr;  // set where NumPy refuses bool outright
  static constexpr bool integers_as_float64 = false;  // divide's type resolver
  static constexpr bool mixed_inputs_as_bool = false;  // the logical ufuncs' promoter
  static constexpr bool checks_inputs = false;  // true: check(inputs...) may find a kernel_error
  // with checks_inputs: the input that elements where= masks out take as 0, which check() accepts
  // (NumPy's masked loop never reads them, so never rejects them)
  static constexpr int masked_zero_input = -1;
  static constexpr bool clip_wrapper = false;  // np.clip's Python wrapper around the ufunc (core/ufunc.cpp)
  // a reduction may regroup and reorder its elements (so reduce several axes at once), as NumPy's
  // reorderable ufuncs; a ufunc with no identity may be one (maximum)
  static constexpr ufunc_identity identity = ufunc_identity::none;
  static constexpr bool reorderable = false;
};

}  // namespace cunp::ops
