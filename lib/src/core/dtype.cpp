// dtype facts, can_cast and NEP 50 promotion.
#include "cunp/dtype.hpp"

#include <algorithm>
#include <cstring>

#include "cunp/errors.hpp"

namespace cunp {
namespace {

struct dtype_info {
  const char* name;
  std::size_t itemsize;
  dtype_kind kind;
  char type_char;
};
constexpr dtype_info infos[dtype_count] = {
    {"bool", 1, dtype_kind::boolean, '?'},        {"int8", 1, dtype_kind::signed_int, 'b'},
    {"uint8", 1, dtype_kind::unsigned_int, 'B'},  {"int16", 2, dtype_kind::signed_int, 'h'},
    {"uint16", 2, dtype_kind::unsigned_int, 'H'}, {"int32", 4, dtype_kind::signed_int, 'i'},
    {"uint32", 4, dtype_kind::unsigned_int, 'I'}, {"int64", 8, dtype_kind::signed_int, 'l'},
    {"uint64", 8, dtype_kind::unsigned_int, 'L'}, {"float16", 2, dtype_kind::floating, 'e'},
    {"float32", 4, dtype_kind::floating, 'f'},    {"float64", 8, dtype_kind::floating, 'd'},
    {"complex64", 8, dtype_kind::complex, 'F'},   {"complex128", 16, dtype_kind::complex, 'D'},
};
const dtype_info& info(dtype d) { return infos[int(d)]; }

// The order of kinds for same_kind casting: b < u < i < f < c.
int kind_rank(dtype d) {
  switch (kind(d)) {
    case dtype_kind::boolean: return 0;
    case dtype_kind::unsigned_int: return 1;
    case dtype_kind::signed_int: return 2;
    case dtype_kind::floating: return 3;
    case dtype_kind::complex: return 4;
  }
  return 0;
}
// Significand bits of the real part of an inexact dtype (what an integer must fit into).
int mantissa_bits(dtype d) {
  switch (d) {
    case dtype::float16: return 11;
    case dtype::float32: case dtype::complex64: return 24;
    default: return 53;
  }
}
int value_bits(dtype d) {  // bits of magnitude an integer dtype carries
  int bits = int(itemsize(d)) * 8;
  return kind(d) == dtype_kind::signed_int ? bits - 1 : bits;
}

}  // namespace

std::string_view name(dtype d) { return info(d).name; }
std::size_t itemsize(dtype d) { return info(d).itemsize; }
dtype_kind kind(dtype d) { return info(d).kind; }
char type_char(dtype d) { return info(d).type_char; }
bool is_integer(dtype d) { return kind(d) == dtype_kind::signed_int || kind(d) == dtype_kind::unsigned_int; }
bool is_floating(dtype d) { return kind(d) == dtype_kind::floating; }
bool is_complex(dtype d) { return kind(d) == dtype_kind::complex; }
bool is_inexact(dtype d) { return is_floating(d) || is_complex(d); }

dtype dtype_from_name(std::string_view s) {
  if (!s.empty() && (s[0] == '<' || s[0] == '=' || s[0] == '|')) s.remove_prefix(1);
  for (dtype d : all_dtypes)
    if (s == name(d) || (s.size() == 1 && s[0] == type_char(d))) return d;
  struct alias { const char* text; dtype d; };
  static const alias aliases[] = {
      {"bool_", dtype::bool_}, {"b1", dtype::bool_},     {"i1", dtype::int8},       {"u1", dtype::uint8},
      {"i2", dtype::int16},    {"u2", dtype::uint16},    {"i4", dtype::int32},      {"u4", dtype::uint32},
      {"i8", dtype::int64},    {"u8", dtype::uint64},    {"f2", dtype::float16},    {"f4", dtype::float32},
      {"f8", dtype::float64},  {"c8", dtype::complex64}, {"c16", dtype::complex128}, {"int", dtype::int64},
      {"float", dtype::float64}, {"complex", dtype::complex128}, {"half", dtype::float16},
      {"single", dtype::float32}, {"double", dtype::float64}, {"q", dtype::int64}, {"Q", dtype::uint64},
      {"intp", dtype::int64}, {"uintp", dtype::uint64}};
  for (const alias& a : aliases)
    if (s == a.text) return a.d;
  throw type_error("data type '" + std::string(s) + "' not understood");
}

casting casting_from_name(std::string_view s) {
  if (s == "no") return casting::no;
  if (s == "equiv") return casting::equiv;
  if (s == "safe") return casting::safe;
  if (s == "same_kind") return casting::same_kind;
  if (s == "unsafe") return casting::unsafe;
  throw value_error("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
}
std::string_view name(casting c) {
  static const char* names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
  return names[int(c)];
}

bool can_cast(dtype from, dtype to, casting rule) {
  if (from == to || rule == casting::unsafe) return true;
  if (rule == casting::no || rule == casting::equiv) return false;  // native byte order only
  bool safe = [&] {
    if (from == dtype::bool_) return true;
    if (to == dtype::bool_) return false;
    int fk = kind_rank(from), tk = kind_rank(to);
    if (fk > tk) return false;
    if (is_integer(from) && is_integer(to)) {
      if (kind(from) == kind(to)) return itemsize(to) >= itemsize(from);
      // unsigned -> signed needs a wider signed type; signed -> unsigned never
      return kind(from) == dtype_kind::unsigned_int && itemsize(to) > itemsize(from);
    }
    if (is_integer(from)) {  // to float/complex: NumPy's table (int64 -> float64 counts as safe)
      if (itemsize(from) >= 4) return mantissa_bits(to) >= 53;
      return mantissa_bits(to) > value_bits(from);
    }
    // float/complex -> float/complex of at least the same precision
    return mantissa_bits(to) >= mantissa_bits(from);
  }();
  if (safe || rule == casting::safe) return safe;
  return kind_rank(from) <= kind_rank(to);  // same_kind
}

dtype promote_types(dtype a, dtype b) {
  if (a == b) return a;
  // NumPy's promotion table is the smallest type in canonical order both cast to safely.
  for (dtype t : all_dtypes)
    if (can_cast(a, t, casting::safe) && can_cast(b, t, casting::safe)) return t;
  return dtype::complex128;  // unreachable: complex128 holds everything
}

dtype weak_scalar::own_dtype() const {
  if (kind == kind_t::integer && !negative && magnitude > std::uint64_t(INT64_MAX)) return dtype::uint64;
  return default_dtype();
}

dtype weak_scalar::default_dtype() const {
  switch (kind) {
    case kind_t::boolean: return dtype::bool_;
    case kind_t::integer: return dtype::int64;
    case kind_t::floating: return dtype::float64;
    case kind_t::complex: return dtype::complex128;
  }
  return dtype::float64;
}

bool weak_scalar::fits(dtype d) const {
  if (kind != kind_t::integer || !is_integer(d)) return true;
  int bits = value_bits(d);
  if (negative) {
    if (kind_rank(d) == 1) return magnitude == 0;
    return magnitude <= (std::uint64_t(1) << bits);
  }
  return bits >= 64 || magnitude < (std::uint64_t(1) << bits);
}

std::string weak_scalar::repr() const {
  switch (kind) {
    case kind_t::boolean: return b ? "True" : "False";
    case kind_t::integer: return (negative ? "-" : "") + std::to_string(magnitude);
    case kind_t::floating: return std::to_string(re);
    case kind_t::complex: return "(" + std::to_string(re) + "+" + std::to_string(im) + "j)";
  }
  return "?";
}

namespace {
int weak_rank(weak_scalar::kind_t k) {  // comparable with kind_rank: bool 0, int 2, float 3, complex 4
  switch (k) {
    case weak_scalar::kind_t::boolean: return 0;
    case weak_scalar::kind_t::integer: return 2;
    case weak_scalar::kind_t::floating: return 3;
    case weak_scalar::kind_t::complex: return 4;
  }
  return 0;
}
}  // namespace

namespace {
// NumPy's promotion of a sequence, which is not a left fold of promote_types (uint8, int8 and
// float16 give float16, not float32): each dtype meets the one latest in NumPy's type order, and
// those results promote together.
dtype promote_sequence(const std::vector<dtype>& ds) {
  dtype main = *std::max_element(ds.begin(), ds.end());
  dtype r = main;
  for (dtype d : ds) r = promote_types(r, promote_types(main, d));
  return r;
}
}  // namespace

dtype weak_scalar_dtype(const weak_scalar& s, const std::vector<dtype>& others) {
  if (others.empty()) return s.own_dtype();
  dtype strong = promote_sequence(others);
  int sk = kind_rank(strong) == 1 ? 2 : kind_rank(strong);  // u and i are one "integer" kind here
  int wk = weak_rank(s.kind);
  if (wk <= sk) return strong;  // the weak scalar takes the array's dtype
  if (s.kind == weak_scalar::kind_t::complex && is_floating(strong))
    return promote_types(strong, dtype::complex64);  // float32 + 1j -> complex64
  return s.default_dtype();
}

dtype result_type(const std::vector<dtype_operand>& operands) {
  if (operands.empty()) throw value_error("at least one array or dtype is required");
  // one operand is its own dtype: a Python int beyond int64's range is uint64
  if (operands.size() == 1) return operands[0].weak ? operands[0].scalar.own_dtype() : operands[0].strong_dtype;
  // a Python bool promotes as a NumPy bool: only ints, floats and complex numbers are weak
  std::vector<dtype> strong;
  std::vector<weak_scalar> weak;
  for (const auto& o : operands) {
    if (!o.weak) strong.push_back(o.strong_dtype);
    else if (o.scalar.kind == weak_scalar::kind_t::boolean) strong.push_back(dtype::bool_);
    else weak.push_back(o.scalar);
  }
  if (strong.empty()) {
    // Python numbers alone: the default dtype of the highest kind (int64 even for ints beyond it)
    const weak_scalar& highest = *std::max_element(weak.begin(), weak.end(), [](const weak_scalar& a, const weak_scalar& b) {
      return weak_rank(a.kind) < weak_rank(b.kind);
    });
    return highest.default_dtype();
  }
  dtype result = promote_sequence(strong);
  for (const weak_scalar& s : weak) result = promote_types(result, weak_scalar_dtype(s, strong));
  return result;
}

}  // namespace cunp
