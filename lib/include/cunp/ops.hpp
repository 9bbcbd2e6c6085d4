// Array creation, ufuncs and reductions: the NumPy functions cunp implements.
#pragma once
#include <complex>
#include <initializer_list>
#include <optional>
#include <variant>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp {

// An argument of a ufunc: an array (strong) or a C++ scalar (weak, as a Python scalar is under
// NEP 50: `int8_array + 1` stays int8, `int8_array + 1000` is an overflow_error).
class operand {
 public:
  operand(const ndarray& a) : v_(a) {}
  template <class S, std::enable_if_t<std::is_arithmetic_v<S>, int> = 0>
  operand(S s) : v_(weak_scalar(s)) {}
  template <class F>
  operand(std::complex<F> s) : v_(weak_scalar(s)) {}
  operand(const weak_scalar& s) : v_(s) {}
  bool is_array() const { return v_.index() == 0; }
  const ndarray& array() const { return std::get<0>(v_); }
  const weak_scalar& scalar() const { return std::get<1>(v_); }

 private:
  std::variant<ndarray, weak_scalar> v_;
};

// ---- creation (device defaults to default_device()) ----
ndarray empty(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
              std::optional<device> dev = {});
ndarray zeros(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
              std::optional<device> dev = {});
ndarray ones(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
             std::optional<device> dev = {});
// dtype defaults to the fill value's own (NumPy: full(shape, 1.5) is float64)
ndarray full(const shape_t& shape, const weak_scalar& value, std::optional<dtype> dt = {},
             order ord = order::C, std::optional<device> dev = {});
// arange(stop) / arange(start, stop, step); dtype from the arguments as NumPy does
ndarray arange(const weak_scalar& stop, std::optional<dtype> dt = {}, std::optional<device> dev = {});
ndarray arange(const weak_scalar& start, const weak_scalar& stop, const weak_scalar& step = 1,
               std::optional<dtype> dt = {}, std::optional<device> dev = {});
ndarray eye(std::int64_t n, std::optional<std::int64_t> m = {}, std::int64_t k = 0,
            dtype dt = dtype::float64, order ord = order::C, std::optional<device> dev = {});
// _like: dtype/shape/device of `a`, its layout when order K
ndarray empty_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray zeros_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray ones_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray full_like(const ndarray& a, const weak_scalar& value, std::optional<dtype> dt = {},
                  order ord = order::K);

// From host data (copied), C order. strides in bytes may be given for a strided source.
ndarray asarray(const void* host_data, dtype dt, const shape_t& shape, std::optional<device> dev = {});
template <class T>
ndarray asarray(const T* host_data, const shape_t& shape, std::optional<device> dev = {}) {
  return asarray(static_cast<const void*>(host_data), dtype_of<T>, shape, dev);
}
template <class T>
ndarray asarray(const std::vector<T>& v, std::optional<shape_t> shape = {}, std::optional<device> dev = {}) {
  static_assert(!std::is_same_v<T, bool>, "std::vector<bool> is packed: pass a bool array");
  return asarray(static_cast<const void*>(v.data()), dtype_of<T>,
                 shape ? *shape : shape_t{std::int64_t(v.size())}, dev);
}
template <class T>
ndarray asarray(std::initializer_list<T> v, std::optional<shape_t> shape = {}, std::optional<device> dev = {}) {
  return asarray(static_cast<const void*>(v.begin()), dtype_of<T>,
                 shape ? *shape : shape_t{std::int64_t(v.size())}, dev);
}
ndarray ascontiguousarray(const ndarray& a, std::optional<dtype> dt = {});
ndarray asfortranarray(const ndarray& a, std::optional<dtype> dt = {});
ndarray broadcast_to(const ndarray& a, const shape_t& shape);
shape_t broadcast_shapes(const std::vector<shape_t>& shapes);

// ---- ufuncs (broadcasting, NEP 50 promotion, NumPy's loop tables) ----
ndarray add(const operand& a, const operand& b);
ndarray subtract(const operand& a, const operand& b);
ndarray multiply(const operand& a, const operand& b);
ndarray true_divide(const operand& a, const operand& b);
inline ndarray divide(const operand& a, const operand& b) { return true_divide(a, b); }
ndarray maximum(const operand& a, const operand& b);
ndarray minimum(const operand& a, const operand& b);
ndarray equal(const operand& a, const operand& b);
ndarray less(const operand& a, const operand& b);
ndarray negative(const operand& a);
ndarray absolute(const operand& a);
inline ndarray abs(const operand& a) { return absolute(a); }
ndarray sqrt(const operand& a);
ndarray sin(const operand& a);
ndarray cos(const operand& a);
ndarray exp(const operand& a);
ndarray log(const operand& a);

// ---- reductions: axis None/int/tuple, keepdims, dtype (NumPy's accumulator rules) ----
ndarray sum(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
ndarray prod(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
ndarray max(const ndarray& a, const axes& axis = {}, bool keepdims = false);
ndarray min(const ndarray& a, const axes& axis = {}, bool keepdims = false);

// ---- operators ----
inline ndarray operator+(const operand& a, const ndarray& b) { return add(a, b); }
inline ndarray operator+(const ndarray& a, const operand& b) { return add(a, b); }
inline ndarray operator+(const ndarray& a, const ndarray& b) { return add(a, b); }
inline ndarray operator-(const operand& a, const ndarray& b) { return subtract(a, b); }
inline ndarray operator-(const ndarray& a, const operand& b) { return subtract(a, b); }
inline ndarray operator-(const ndarray& a, const ndarray& b) { return subtract(a, b); }
inline ndarray operator*(const operand& a, const ndarray& b) { return multiply(a, b); }
inline ndarray operator*(const ndarray& a, const operand& b) { return multiply(a, b); }
inline ndarray operator*(const ndarray& a, const ndarray& b) { return multiply(a, b); }
inline ndarray operator/(const operand& a, const ndarray& b) { return true_divide(a, b); }
inline ndarray operator/(const ndarray& a, const operand& b) { return true_divide(a, b); }
inline ndarray operator/(const ndarray& a, const ndarray& b) { return true_divide(a, b); }
inline ndarray operator-(const ndarray& a) { return negative(a); }
inline ndarray operator==(const ndarray& a, const operand& b) { return equal(a, b); }
inline ndarray operator<(const ndarray& a, const operand& b) { return less(a, b); }
inline ndarray operator<(const operand& a, const ndarray& b) { return less(a, b); }
inline ndarray operator<(const ndarray& a, const ndarray& b) { return less(a, b); }

}  // namespace cunp
