#include "xtensor_ref.hpp"

#include <complex>
#include <xtensor/xadapt.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xcomplex.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xoperation.hpp>
#include <xtensor/xreducer.hpp>

#include "cunp/ops.hpp"

namespace cunp::conformance::xtensor_ref {
namespace {

template <class T> struct ops_is_complex : std::false_type {};
template <class T> struct ops_is_complex<std::complex<T>> : std::true_type {};

// Calls f(T{}) with the C++ type of d; false for float16 (no xtensor equivalent).
template <class F>
bool with_type(dtype d, F&& f) {
  switch (d) {
    case dtype::bool_: f(bool{}); return true;
    case dtype::int8: f(std::int8_t{}); return true;
    case dtype::uint8: f(std::uint8_t{}); return true;
    case dtype::int16: f(std::int16_t{}); return true;
    case dtype::uint16: f(std::uint16_t{}); return true;
    case dtype::int32: f(std::int32_t{}); return true;
    case dtype::uint32: f(std::uint32_t{}); return true;
    case dtype::int64: f(std::int64_t{}); return true;
    case dtype::uint64: f(std::uint64_t{}); return true;
    case dtype::float32: f(float{}); return true;
    case dtype::float64: f(double{}); return true;
    case dtype::complex64: f(std::complex<float>{}); return true;
    case dtype::complex128: f(std::complex<double>{}); return true;
    default: return false;
  }
}

// An xtensor view of a host ndarray of element type S: adapt from the lowest byte the view
// touches, with |strides| in elements, then flip the axes whose stride was negative.
template <class S>
xt::xarray<S> view_of(const ndarray& a) {
  std::vector<std::size_t> shape(a.shape().begin(), a.shape().end());
  std::vector<std::ptrdiff_t> strides;
  const char* origin = static_cast<const char*>(a.data());
  for (int d = 0; d < a.ndim(); ++d) {
    std::int64_t st = a.strides()[d] / std::int64_t(sizeof(S));
    if (st < 0 && a.shape()[d] > 0) origin += (a.shape()[d] - 1) * a.strides()[d];
    strides.push_back(std::ptrdiff_t(st < 0 ? -st : st));
  }
  // xtensor's adaptor wants the element count as the size, whatever span the strides cover
  auto adapted = xt::adapt(reinterpret_cast<const S*>(origin), std::size_t(a.size()), xt::no_ownership(), shape, strides);
  xt::xarray<S> out = adapted;
  for (int d = 0; d < a.ndim(); ++d)
    if (a.strides()[d] < 0) out = xt::flip(out, std::size_t(d));
  return out;
}

template <class R, class E>
ndarray to_ndarray(const E& expr, dtype out) {
  xt::xarray<R> v = expr;
  shape_t shape(v.shape().begin(), v.shape().end());
  if constexpr (std::is_same_v<R, bool>) {
    std::vector<std::uint8_t> bytes(v.begin(), v.end());
    return asarray(bytes.data(), out, shape, device::host());
  } else {
    return asarray(static_cast<const void*>(v.data()), out, shape, device::host());
  }
}

// NumPy's integers wrap; C++'s signed ones overflow into undefined behaviour (UBSan reports
// -INT_MIN, INT_MAX + 1, and uint16 * uint16 promoted to int). Integer loops therefore compute in
// the unsigned type of at least int's width, which is modular arithmetic, and convert back.
// Other types compute in themselves.
template <class L, class = void> struct wrapping {
  using type = L;
};
template <class L> struct wrapping<L, std::enable_if_t<std::is_integral_v<L> && !std::is_same_v<L, bool>>> {
  using type = std::make_unsigned_t<std::common_type_t<L, int>>;
};
template <class L> using wrapping_t = typename wrapping<L>::type;
template <class L, class E>
xt::xarray<L> wrapped(E&& e) {
  return xt::xarray<L>(xt::cast<L>(xt::xarray<wrapping_t<L>>(std::forward<E>(e))));
}
template <class L>
auto as_wrapping(const xt::xarray<L>& x) {
  return xt::cast<wrapping_t<L>>(x);
}

// Loads operand `a` (its own dtype) and converts to the loop type L.
template <class L>
std::optional<xt::xarray<L>> loaded(const ndarray& a) {
  std::optional<xt::xarray<L>> r;
  with_type(a.dtype(), [&](auto s) {
    using S = decltype(s);
    if constexpr (std::is_convertible_v<S, L> || std::is_constructible_v<L, S>) {
      auto v = view_of<S>(a);
      if constexpr (std::is_same_v<L, bool>) r = xt::xarray<bool>(xt::not_equal(v, S(0)));
      else r = xt::xarray<L>(xt::cast<L>(v));
    }
  });
  return r;
}

}  // namespace

// Results are computed in the loop type L (bool for comparisons, the real type for absolute)
// and converted to NumPy's result dtype at run time, so only L is a template parameter.
template <class E>
std::optional<ndarray> result_of(E&& e, dtype out) {
  using V = typename std::decay_t<E>::value_type;
  using W = std::conditional_t<std::is_same_v<V, bool>, bool, V>;
  if constexpr (std::is_same_v<W, std::complex<float>> || std::is_same_v<W, std::complex<double>> ||
                std::is_arithmetic_v<W>)
    return to_ndarray<W>(std::forward<E>(e), dtype_of<W>).astype(out);
  else
    return std::nullopt;
}

std::optional<ndarray> unary(const std::string& op, const ndarray& a, dtype loop, dtype out) {
  std::optional<ndarray> result;
  with_type(loop, [&](auto l) {
    using L = decltype(l);
    auto x = loaded<L>(a);
    if (!x) return;
    if constexpr (!std::is_same_v<L, bool>) {
      if (op == "negative") {
        if constexpr (std::is_integral_v<L>) result = result_of(wrapped<L>(wrapping_t<L>(0) - as_wrapping(*x)), out);
        else result = result_of(xt::xarray<L>(-*x), out);
      }
      else if (op == "absolute") {
        using A = typename std::conditional_t<ops_is_complex<L>::value, L, std::complex<L>>::value_type;
        if constexpr (std::is_integral_v<L> && std::is_signed_v<L>)
          result = result_of(wrapped<L>(xt::where(*x < L(0), wrapping_t<L>(0) - as_wrapping(*x), as_wrapping(*x))), out);
        else
          result = result_of(xt::xarray<A>(xt::abs(*x)), out);
      }
      else if (op == "sqrt") result = result_of(xt::xarray<L>(xt::sqrt(*x)), out);
      else if (op == "sin") result = result_of(xt::xarray<L>(xt::sin(*x)), out);
      else if (op == "cos") result = result_of(xt::xarray<L>(xt::cos(*x)), out);
      else if (op == "exp") result = result_of(xt::xarray<L>(xt::exp(*x)), out);
      else if (op == "log") result = result_of(xt::xarray<L>(xt::log(*x)), out);
      else if (op == "tan") result = result_of(xt::xarray<L>(xt::tan(*x)), out);
      else if (op == "arcsin") result = result_of(xt::xarray<L>(xt::asin(*x)), out);
      else if (op == "arccos") result = result_of(xt::xarray<L>(xt::acos(*x)), out);
      else if (op == "arctan") result = result_of(xt::xarray<L>(xt::atan(*x)), out);
      else if (op == "sinh") result = result_of(xt::xarray<L>(xt::sinh(*x)), out);
      else if (op == "cosh") result = result_of(xt::xarray<L>(xt::cosh(*x)), out);
      else if (op == "tanh") result = result_of(xt::xarray<L>(xt::tanh(*x)), out);
      else if (op == "arcsinh") result = result_of(xt::xarray<L>(xt::asinh(*x)), out);
      else if (op == "arccosh") result = result_of(xt::xarray<L>(xt::acosh(*x)), out);
      else if (op == "arctanh") result = result_of(xt::xarray<L>(xt::atanh(*x)), out);
      else if (op == "log10") result = result_of(xt::xarray<L>(xt::log10(*x)), out);
      else if (op == "positive") result = result_of(*x, out);
      else if (op == "logical_not") result = result_of(xt::xarray<bool>(xt::equal(*x, L(0))), out);
      else if (op == "isnan") result = result_of(xt::xarray<bool>(xt::isnan(*x)), out);
      else if (op == "isinf") result = result_of(xt::xarray<bool>(xt::isinf(*x)), out);
      else if (op == "isfinite") result = result_of(xt::xarray<bool>(xt::isfinite(*x)), out);
      else if constexpr (ops_is_complex<L>::value) {
        if (op == "conjugate") result = result_of(xt::xarray<L>(xt::conj(*x)), out);
      } else if constexpr (std::is_integral_v<L>) {
        if (op == "conjugate" || op == "floor" || op == "ceil" || op == "trunc") result = result_of(*x, out);
        else if (op == "square") result = result_of(wrapped<L>(as_wrapping(*x) * as_wrapping(*x)), out);
        else if (op == "invert") result = result_of(wrapped<L>(~as_wrapping(*x)), out);
      } else {
        if (op == "conjugate") result = result_of(*x, out);
        else if (op == "square") result = result_of(xt::xarray<L>(*x * *x), out);
        else if (op == "floor") result = result_of(xt::xarray<L>(xt::floor(*x)), out);
        else if (op == "ceil") result = result_of(xt::xarray<L>(xt::ceil(*x)), out);
        else if (op == "trunc") result = result_of(xt::xarray<L>(xt::trunc(*x)), out);
        else if (op == "rint") result = result_of(xt::xarray<L>(xt::rint(*x)), out);
        else if (op == "fabs") result = result_of(xt::xarray<L>(xt::fabs(*x)), out);
        else if (op == "exp2") result = result_of(xt::xarray<L>(xt::exp2(*x)), out);
        else if (op == "expm1") result = result_of(xt::xarray<L>(xt::expm1(*x)), out);
        else if (op == "log2") result = result_of(xt::xarray<L>(xt::log2(*x)), out);
        else if (op == "log1p") result = result_of(xt::xarray<L>(xt::log1p(*x)), out);
        else if (op == "cbrt") result = result_of(xt::xarray<L>(xt::cbrt(*x)), out);
        else if (op == "rad2deg" || op == "degrees") result = result_of(xt::xarray<L>(xt::rad2deg(*x)), out);
      }
    } else if (op == "absolute" || op == "floor" || op == "ceil" || op == "trunc") {
      result = result_of(*x, out);
    } else if (op == "logical_not" || op == "invert") {
      result = result_of(xt::xarray<bool>(!*x), out);
    }
  });
  return result;
}

std::optional<ndarray> binary(const std::string& op, const ndarray& a, const ndarray& b, dtype loop, dtype out) {
  std::optional<ndarray> result;
  with_type(loop, [&](auto l) {
    using L = decltype(l);
    auto x = loaded<L>(a), y = loaded<L>(b);
    if (!x || !y) return;
    if constexpr (std::is_same_v<L, bool>) {
      // NumPy's bool loops are logical: add is or, multiply is and
      // and the bitwise ones are logical too
      if (op == "add" || op == "maximum" || op == "fmax" || op == "logical_or" || op == "bitwise_or")
        result = result_of(xt::xarray<bool>(*x || *y), out);
      else if (op == "multiply" || op == "minimum" || op == "fmin" || op == "logical_and" || op == "bitwise_and")
        result = result_of(xt::xarray<bool>(*x && *y), out);
      else if (op == "equal") result = result_of(xt::xarray<bool>(xt::equal(*x, *y)), out);
      else if (op == "not_equal" || op == "logical_xor" || op == "bitwise_xor")
        result = result_of(xt::xarray<bool>(xt::not_equal(*x, *y)), out);
      else if (op == "less") result = result_of(xt::xarray<bool>(!*x && *y), out);
      else if (op == "less_equal") result = result_of(xt::xarray<bool>(!*x || *y), out);
      else if (op == "greater") result = result_of(xt::xarray<bool>(*x && !*y), out);
      else if (op == "greater_equal") result = result_of(xt::xarray<bool>(*x || !*y), out);
    } else {
      if (op == "add") result = result_of(wrapped<L>(as_wrapping(*x) + as_wrapping(*y)), out);
      else if (op == "subtract") result = result_of(wrapped<L>(as_wrapping(*x) - as_wrapping(*y)), out);
      else if (op == "multiply") result = result_of(wrapped<L>(as_wrapping(*x) * as_wrapping(*y)), out);
      else if (op == "divide") result = result_of(xt::xarray<L>(*x / *y), out);
      else if (op == "equal") result = result_of(xt::xarray<bool>(xt::equal(*x, *y)), out);
      else if (op == "not_equal") result = result_of(xt::xarray<bool>(xt::not_equal(*x, *y)), out);
      else if (op == "logical_and" || op == "logical_or" || op == "logical_xor") {
        xt::xarray<bool> p = xt::not_equal(*x, L(0)), q = xt::not_equal(*y, L(0));  // truth values (NaN is true)
        if (op == "logical_and") result = result_of(xt::xarray<bool>(p && q), out);
        else if (op == "logical_or") result = result_of(xt::xarray<bool>(p || q), out);
        else result = result_of(xt::xarray<bool>(xt::not_equal(p, q)), out);
      }
      else if constexpr (!ops_is_complex<L>::value) {
        if (op == "maximum") result = result_of(xt::xarray<L>(xt::maximum(*x, *y)), out);
        else if (op == "minimum") result = result_of(xt::xarray<L>(xt::minimum(*x, *y)), out);
        else if (op == "less") result = result_of(xt::xarray<bool>(xt::less(*x, *y)), out);
        else if (op == "less_equal") result = result_of(xt::xarray<bool>(xt::less_equal(*x, *y)), out);
        else if (op == "greater") result = result_of(xt::xarray<bool>(xt::greater(*x, *y)), out);
        else if (op == "greater_equal") result = result_of(xt::xarray<bool>(xt::greater_equal(*x, *y)), out);
        else if constexpr (std::is_integral_v<L>) {  // no NaN: fmax and fmin are maximum and minimum
          if (op == "fmax") result = result_of(xt::xarray<L>(xt::maximum(*x, *y)), out);
          else if (op == "fmin") result = result_of(xt::xarray<L>(xt::minimum(*x, *y)), out);
          else if (op == "bitwise_and") result = result_of(xt::xarray<L>(*x & *y), out);
          else if (op == "bitwise_or") result = result_of(xt::xarray<L>(*x | *y), out);
          else if (op == "bitwise_xor") result = result_of(xt::xarray<L>(*x ^ *y), out);
        } else {
          if (op == "fmax") result = result_of(xt::xarray<L>(xt::fmax(*x, *y)), out);
          else if (op == "fmin") result = result_of(xt::xarray<L>(xt::fmin(*x, *y)), out);
        }
      }
    }
  });
  return result;
}

std::optional<ndarray> reduce(const std::string& op, const ndarray& a, const std::optional<std::vector<std::int64_t>>& axis,
                              bool keepdims, dtype loop, dtype out) {
  std::optional<ndarray> result;
  with_type(loop, [&](auto l) {
    using L = decltype(l);
    if constexpr (std::is_same_v<L, bool>) {
      return;  // NumPy's bool max/min are logical; sums of bool run in int64 loops
    } else {
      auto x = loaded<L>(a);
      if (!x) return;
      std::vector<std::size_t> ax;
      if (axis)
        for (auto v : *axis) ax.push_back(std::size_t(v < 0 ? v + a.ndim() : v));
      else
        for (int d = 0; d < a.ndim(); ++d) ax.push_back(std::size_t(d));
      auto finish = [&](auto&& r) {
        xt::xarray<L> v = r;
        if (keepdims) {
          shape_t kd(a.shape());
          for (auto d : ax) kd[d] = 1;
          v.reshape(std::vector<std::size_t>(kd.begin(), kd.end()));
        }
        result = result_of(v, out);
      };
      // The lazy reducers, accumulating in the loop type as NumPy's loops do: xtensor 0.24's
      // evaluation_strategy::immediate throws std::bad_array_new_length when built as C++20.
      if (op == "sum") finish(wrapped<L>(xt::sum<wrapping_t<L>>(as_wrapping(*x), ax)));
      else if (op == "prod") finish(wrapped<L>(xt::prod<wrapping_t<L>>(as_wrapping(*x), ax)));
      else if constexpr (!ops_is_complex<L>::value) {
        if (op == "max") finish(xt::amax(*x, ax));
        else if (op == "min") finish(xt::amin(*x, ax));
      }
    }
  });
  return result;
}

}  // namespace cunp::conformance::xtensor_ref
