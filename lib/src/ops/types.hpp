// The C++ element type of each dtype, scalar conversion with NumPy's casting semantics, and
// dynamic (runtime-dtype) loads and stores. Shared by both backends.
#pragma once
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "cunp/dtype.hpp"
#include "ops/complex.hpp"

namespace cunp::ops {

template <class T> struct type_tag { using type = T; };

template <dtype D> struct storage;
template <> struct storage<dtype::bool_> { using type = bool; };
template <> struct storage<dtype::int8> { using type = std::int8_t; };
template <> struct storage<dtype::uint8> { using type = std::uint8_t; };
template <> struct storage<dtype::int16> { using type = std::int16_t; };
template <> struct storage<dtype::uint16> { using type = std::uint16_t; };
template <> struct storage<dtype::int32> { using type = std::int32_t; };
template <> struct storage<dtype::uint32> { using type = std::uint32_t; };
template <> struct storage<dtype::int64> { using type = std::int64_t; };
template <> struct storage<dtype::uint64> { using type = std::uint64_t; };
template <> struct storage<dtype::float16> { using type = half; };
template <> struct storage<dtype::float32> { using type = float; };
template <> struct storage<dtype::float64> { using type = double; };
template <> struct storage<dtype::complex64> { using type = complex<float>; };
template <> struct storage<dtype::complex128> { using type = complex<double>; };
template <dtype D> using storage_t = typename storage<D>::type;

template <class T> struct is_complex_t : std::false_type {};
template <class T> struct is_complex_t<complex<T>> : std::true_type {};
template <class T> inline constexpr bool is_complex_v = is_complex_t<T>::value;
template <class T> inline constexpr bool is_half_v = std::is_same_v<T, half>;
template <class T> inline constexpr bool is_float_v = std::is_floating_point_v<T> || is_half_v<T>;
template <class T> inline constexpr bool is_int_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;
template <class T> inline constexpr bool is_bool_v = std::is_same_v<T, bool>;
template <class T> inline constexpr bool is_inexact_v = is_float_v<T> || is_complex_v<T>;

template <class T> struct real_of { using type = T; };
template <class T> struct real_of<complex<T>> { using type = T; };
template <class T> using real_t = typename real_of<T>::type;

template <class T> constexpr dtype dtype_v() {
  if constexpr (is_bool_v<T>) return dtype::bool_;
  else if constexpr (std::is_same_v<T, std::int8_t>) return dtype::int8;
  else if constexpr (std::is_same_v<T, std::uint8_t>) return dtype::uint8;
  else if constexpr (std::is_same_v<T, std::int16_t>) return dtype::int16;
  else if constexpr (std::is_same_v<T, std::uint16_t>) return dtype::uint16;
  else if constexpr (std::is_same_v<T, std::int32_t>) return dtype::int32;
  else if constexpr (std::is_same_v<T, std::uint32_t>) return dtype::uint32;
  else if constexpr (std::is_same_v<T, std::int64_t>) return dtype::int64;
  else if constexpr (std::is_same_v<T, std::uint64_t>) return dtype::uint64;
  else if constexpr (is_half_v<T>) return dtype::float16;
  else if constexpr (std::is_same_v<T, float>) return dtype::float32;
  else if constexpr (std::is_same_v<T, double>) return dtype::float64;
  else if constexpr (std::is_same_v<T, complex<float>>) return dtype::complex64;
  else return dtype::complex128;
}

// The end of a switch over every enumerator: reached only with a corrupted value, which stops the
// program (host) or the kernel (device) rather than running some other case.
[[noreturn]] CUNP_HD inline void unreachable_case() {
#ifdef __CUDA_ARCH__
  __trap();
#else
  __builtin_trap();
#endif
}

// Calls f(type_tag<T>{}) for the storage type of d.
template <class F>
CUNP_HD decltype(auto) visit(dtype d, F&& f) {
  switch (d) {
    case dtype::bool_: return f(type_tag<bool>{});
    case dtype::int8: return f(type_tag<std::int8_t>{});
    case dtype::uint8: return f(type_tag<std::uint8_t>{});
    case dtype::int16: return f(type_tag<std::int16_t>{});
    case dtype::uint16: return f(type_tag<std::uint16_t>{});
    case dtype::int32: return f(type_tag<std::int32_t>{});
    case dtype::uint32: return f(type_tag<std::uint32_t>{});
    case dtype::int64: return f(type_tag<std::int64_t>{});
    case dtype::uint64: return f(type_tag<std::uint64_t>{});
    case dtype::float16: return f(type_tag<half>{});
    case dtype::float32: return f(type_tag<float>{});
    case dtype::float64: return f(type_tag<double>{});
    case dtype::complex64: return f(type_tag<complex<float>>{});
    case dtype::complex128: return f(type_tag<complex<double>>{});
  }
  unreachable_case();
}

// Float to integer where C++ leaves it undefined (NaN, out of range): the value x86's cvttsd2si
// gives NumPy there, INT64_MIN, then narrowed by wrapping, so both backends agree.
template <class To>
CUNP_HD To float_to_int(double v) {
  if (v == v && v > -9223372036854775808.0 && v < 9223372036854775808.0) {
    if constexpr (std::is_same_v<To, std::uint64_t>) return To(std::int64_t(v));
    else return To(std::int64_t(v));
  }
  if constexpr (std::is_same_v<To, std::uint64_t>) {
    if (v >= 9223372036854775808.0 && v < 18446744073709551616.0) return To(v);
  }
  return To(std::uint64_t(0x8000000000000000ull));
}

// NumPy's scalar cast from From to To (what astype does elementwise).
template <class To, class From>
CUNP_HD To convert(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (is_complex_v<From>) {
    if constexpr (is_complex_v<To>) return To{real_t<To>(v.re), real_t<To>(v.im)};
    else if constexpr (is_bool_v<To>) return v.re != 0 || v.im != 0;  // NaN counts as true
    else return convert<To>(v.re);  // drops the imaginary part, as NumPy does
  } else if constexpr (is_half_v<From>) {
    return convert<To>(float(v));
  } else if constexpr (is_complex_v<To>) {
    using R = real_t<To>;
    return To{convert<R>(v), R(0)};
  } else if constexpr (is_bool_v<To>) {
    return v != From(0);
  } else if constexpr (is_half_v<To>) {
    if constexpr (std::is_same_v<From, float>) return half(v);
    else return half(double(v));
  } else if constexpr (is_int_v<To> && std::is_floating_point_v<From>) {
    return float_to_int<To>(double(v));
  } else if constexpr (is_int_v<To> && is_int_v<From>) {
    // integer narrowing wraps (modular, well defined since C++20)
    return To(v);
  } else {
    return To(v);
  }
}

template <class T>
CUNP_HD T load(const char* p) {
  if constexpr (std::is_same_v<T, bool>) {
    // any nonzero byte is true, as NumPy reads it: an unwritten output (where= without out) or a
    // buffer from elsewhere may hold bytes other than 0 and 1, and loading those as bool is UB
    unsigned char b;
    std::memcpy(&b, p, 1);
    return b != 0;
  } else {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
  }
}
template <class T>
CUNP_HD void store(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}
// Load an element of runtime dtype d as T.
template <class T>
CUNP_HD T load_as(const char* p, dtype d) {
  return visit(d, [&](auto tag) -> T {
    using S = typename decltype(tag)::type;
    return convert<T>(load<S>(p));
  });
}
template <class T>
CUNP_HD void store_as(char* p, dtype d, T v) {
  visit(d, [&](auto tag) {
    using S = typename decltype(tag)::type;
    store<S>(p, convert<S>(v));
  });
}

}  // namespace cunp::ops
