// NumPy's sort order defined once, as unsigned radix keys: the unsigned order of a value's key is
// the order np.sort puts values in. Both backends sort by these keys (the host compares them,
// the CUDA backend radix-sorts them), so the order has one definition.
//   integers: by value; bool: False < True;
//   floats: by value, -0.0 equal to +0.0, every NaN after +inf (npy_sort's `a < b || (b != b &&
//   a == a)`);
//   complex: NumPy's CLT: values without NaN lexicographically (real, then imaginary), then those
//   whose imaginary part alone is NaN (by real part), then those whose real part alone is NaN
//   (by imaginary part), then NaN in both. That is a class (0 to 3) before the two part keys.
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "ops/types.hpp"

namespace cunp::ops {

template <std::size_t Bytes> struct unsigned_bytes;
template <> struct unsigned_bytes<1> { using type = std::uint8_t; };
template <> struct unsigned_bytes<2> { using type = std::uint16_t; };
template <> struct unsigned_bytes<4> { using type = std::uint32_t; };
template <> struct unsigned_bytes<8> { using type = std::uint64_t; };

// The key of a real (non-complex) value: as wide as the value.
template <class T> using sort_key_t = typename unsigned_bytes<sizeof(T)>::type;

template <class T>
CUNP_HD sort_key_t<T> bits_of(T v) {
  if constexpr (is_half_v<T>) {
    return v.bits;
  } else {
    sort_key_t<T> u;
    std::memcpy(&u, &v, sizeof(T));
    return u;
  }
}

// The bits of +inf of a float type.
template <class T>
constexpr sort_key_t<T> inf_bits() {
  if constexpr (sizeof(T) == 2) return 0x7c00;
  else if constexpr (sizeof(T) == 4) return 0x7f800000u;
  else return 0x7ff0000000000000ull;
}

template <class T>
CUNP_HD bool is_nan_bits(sort_key_t<T> u) {
  using K = sort_key_t<T>;
  constexpr K sign = K(K(1) << (sizeof(T) * 8 - 1));
  return K(u & K(~sign)) > inf_bits<T>();
}

// The key: equal elements (-0.0 and +0.0; all NaNs, which take the largest key) have equal keys,
// as a stable sort and an argsort need.
template <class T>
CUNP_HD sort_key_t<T> sort_key(T v) {
  using K = sort_key_t<T>;
  constexpr K sign = K(K(1) << (sizeof(T) * 8 - 1));
  if constexpr (is_bool_v<T>) {
    return K(v ? 1 : 0);
  } else if constexpr (std::is_unsigned_v<T>) {
    return K(v);
  } else if constexpr (is_int_v<T>) {
    return K(K(v) ^ sign);
  } else {
    K u = bits_of(v);
    if (is_nan_bits<T>(u)) return K(~K(0));
    if (K(u & K(~sign)) == 0) return sign;  // either zero: +0.0's key
    return (u & sign) ? K(~u) : K(u | sign);
  }
}

// A complex value's class in NumPy's order: 0 no NaN, 1 NaN imaginary part only, 2 NaN real part
// only, 3 both.
template <class R>
CUNP_HD std::uint8_t complex_sort_class(complex<R> v) {
  bool re_nan = v.re != v.re, im_nan = v.im != v.im;
  return std::uint8_t((re_nan ? 2 : 0) | (im_nan ? 1 : 0));
}

// A complex value's full key, compared lexicographically (the host's comparisons).
template <class R>
struct complex_sort_key {
  std::uint8_t cls;
  sort_key_t<R> re, im;
  CUNP_HD bool operator<(const complex_sort_key& o) const {
    if (cls != o.cls) return cls < o.cls;
    if (re != o.re) return re < o.re;
    return im < o.im;
  }
};

// Any value's key, comparable with <.
template <class T>
CUNP_HD auto full_sort_key(T v) {
  if constexpr (is_complex_v<T>) {
    using R = real_t<T>;
    return complex_sort_key<R>{complex_sort_class(v), sort_key(v.re), sort_key(v.im)};
  } else {
    return sort_key(v);
  }
}

// Where `key` goes in the n ascending values of `sorted` (read through `sorter`, positions into
// it, where given): before the values equal to it (left) or after them (right). NumPy's binary
// search compares in this same order.
template <class T>
CUNP_HD std::int64_t insertion_point(const T* sorted, const std::int64_t* sorter, std::int64_t n, T key, bool right) {
  auto k = full_sort_key(key);
  std::int64_t lo = 0, hi = n;
  while (lo < hi) {
    std::int64_t mid = lo + (hi - lo) / 2;
    auto x = full_sort_key(sorted[sorter ? sorter[mid] : mid]);
    if (right ? !(k < x) : x < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

}  // namespace cunp::ops
