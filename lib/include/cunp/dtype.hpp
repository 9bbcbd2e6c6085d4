// Runtime dtypes and NumPy 2 (NEP 50) type promotion.
#pragma once
#include <complex>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cunp {

// Order is NumPy's canonical type order (? b B h H i I l L e f d F D, with l == q == int64 on
// LP64); promotion's "smallest safe common type" search walks it.
enum class dtype : std::uint8_t {
  bool_, int8, uint8, int16, uint16, int32, uint32, int64, uint64,
  float16, float32, float64, complex64, complex128
};
inline constexpr int dtype_count = 14;
inline constexpr dtype all_dtypes[dtype_count] = {
    dtype::bool_,   dtype::int8,    dtype::uint8,   dtype::int16,     dtype::uint16,
    dtype::int32,   dtype::uint32,  dtype::int64,   dtype::uint64,    dtype::float16,
    dtype::float32, dtype::float64, dtype::complex64, dtype::complex128};

// NumPy's dtype.kind characters.
enum class dtype_kind : char { boolean = 'b', signed_int = 'i', unsigned_int = 'u', floating = 'f', complex = 'c' };

std::string_view name(dtype d);          // "float32"
std::size_t itemsize(dtype d);
dtype_kind kind(dtype d);
char type_char(dtype d);                 // NumPy's dtype.char: '?', 'b', ..., 'D'
dtype dtype_from_name(std::string_view);  // "float32", "f4", "<f4", "int", "bool"...; throws type_error
bool is_integer(dtype d);
bool is_floating(dtype d);
bool is_complex(dtype d);
bool is_inexact(dtype d);

enum class casting { no, equiv, safe, same_kind, unsafe };
casting casting_from_name(std::string_view);
std::string_view name(casting c);
bool can_cast(dtype from, dtype to, casting rule = casting::safe);

// numpy.promote_types for two concrete dtypes.
dtype promote_types(dtype a, dtype b);

// A C++ scalar taking part in promotion is *weak*, like a Python scalar under NEP 50: its kind
// counts, its C++ width does not. A cunp::ndarray (0-d included) is strong.
struct weak_scalar {
  enum class kind_t { boolean, integer, floating, complex } kind;
  bool b = false;
  // integers are kept exactly: a value in [INT64_MIN, UINT64_MAX]
  bool negative = false;
  std::uint64_t magnitude = 0;
  double re = 0, im = 0;

  weak_scalar(bool v) : kind(kind_t::boolean), b(v) {}
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  weak_scalar(I v) : kind(kind_t::integer) {
    if constexpr (std::is_signed_v<I>) {
      negative = v < 0;
      magnitude = negative ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v);
    } else {
      magnitude = std::uint64_t(v);
    }
  }
  template <class F, std::enable_if_t<std::is_floating_point_v<F>, int> = 0>
  weak_scalar(F v) : kind(kind_t::floating), re(double(v)) {}
  template <class F>
  weak_scalar(std::complex<F> v) : kind(kind_t::complex), re(double(v.real())), im(double(v.imag())) {}

  // The dtype a Python scalar takes against arrays of a lower kind: bool, int64, float64,
  // complex128 (NumPy's default types).
  dtype default_dtype() const;
  // The dtype NumPy gives the Python scalar on its own (np.asarray): the default, except an int
  // beyond int64's range, which is uint64.
  dtype own_dtype() const;
  // Whether the value fits an integer dtype's range (always true for non-integers).
  bool fits(dtype d) const;
  std::string repr() const;
};

// One participant of result_type: a dtype (strong) or a weak scalar.
struct dtype_operand {
  bool weak;
  dtype strong_dtype;
  weak_scalar scalar;
  dtype_operand(dtype d) : weak(false), strong_dtype(d), scalar(false) {}
  dtype_operand(const weak_scalar& s) : weak(true), strong_dtype(dtype::bool_), scalar(s) {}
};

// numpy.result_type under NEP 50: the dtype alone, as NumPy's; whether a weak integer fits it is
// the caller's check (weak_scalar::fits), as where's and the ufuncs' is.
dtype result_type(const std::vector<dtype_operand>& operands);
inline dtype result_type(std::initializer_list<dtype_operand> operands) {
  return result_type(std::vector<dtype_operand>(operands));
}
// The dtype a weak scalar takes when it meets the strong dtypes `others` (NEP 50), without the
// overflow check.
dtype weak_scalar_dtype(const weak_scalar& s, const std::vector<dtype>& others);

}  // namespace cunp

#include "cunp/half.hpp"
namespace cunp {
// The dtype of a C++ element type, for asarray/to_host/item.
template <class T> struct dtype_of_t;
template <> struct dtype_of_t<bool> { static constexpr dtype value = dtype::bool_; };
template <> struct dtype_of_t<std::int8_t> { static constexpr dtype value = dtype::int8; };
template <> struct dtype_of_t<std::uint8_t> { static constexpr dtype value = dtype::uint8; };
template <> struct dtype_of_t<std::int16_t> { static constexpr dtype value = dtype::int16; };
template <> struct dtype_of_t<std::uint16_t> { static constexpr dtype value = dtype::uint16; };
template <> struct dtype_of_t<std::int32_t> { static constexpr dtype value = dtype::int32; };
template <> struct dtype_of_t<std::uint32_t> { static constexpr dtype value = dtype::uint32; };
template <> struct dtype_of_t<std::int64_t> { static constexpr dtype value = dtype::int64; };
template <> struct dtype_of_t<std::uint64_t> { static constexpr dtype value = dtype::uint64; };
template <> struct dtype_of_t<half> { static constexpr dtype value = dtype::float16; };
template <> struct dtype_of_t<float> { static constexpr dtype value = dtype::float32; };
template <> struct dtype_of_t<double> { static constexpr dtype value = dtype::float64; };
template <> struct dtype_of_t<std::complex<float>> { static constexpr dtype value = dtype::complex64; };
template <> struct dtype_of_t<std::complex<double>> { static constexpr dtype value = dtype::complex128; };
// long long is a distinct type from int64_t (long) on LP64
template <> struct dtype_of_t<long long> { static constexpr dtype value = dtype::int64; };
template <> struct dtype_of_t<unsigned long long> { static constexpr dtype value = dtype::uint64; };
template <class T> inline constexpr dtype dtype_of = dtype_of_t<T>::value;
}  // namespace cunp
