#include "core/shape.hpp"

#include <algorithm>
#include <numeric>

#include "cunp/errors.hpp"

namespace cunp::detail {

std::int64_t shape_size(const shape_t& shape) {
  std::int64_t n = 1;
  for (std::int64_t s : shape) {
    if (s < 0) throw value_error("negative dimensions are not allowed");
    if (s != 0 && n > INT64_MAX / s) throw value_error("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    n *= s;
  }
  return n;
}

strides_t c_strides(const shape_t& shape, std::int64_t itemsize) {
  strides_t st(shape.size());
  std::int64_t s = itemsize;
  for (int i = int(shape.size()) - 1; i >= 0; --i) {
    st[i] = s;
    s *= std::max<std::int64_t>(shape[i], 1);
  }
  return st;
}

strides_t f_strides(const shape_t& shape, std::int64_t itemsize) {
  strides_t st(shape.size());
  std::int64_t s = itemsize;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    st[i] = s;
    s *= std::max<std::int64_t>(shape[i], 1);
  }
  return st;
}

namespace {
bool is_empty(const shape_t& shape) { return std::find(shape.begin(), shape.end(), 0) != shape.end(); }
}  // namespace

// NumPy's rule: dims of extent 1 may have any stride; an empty array (an extent 0 on any axis,
// whatever the strides) is both C and F contiguous.
bool is_c_contiguous(const shape_t& shape, const strides_t& strides, std::int64_t itemsize) {
  if (is_empty(shape)) return true;
  std::int64_t expect = itemsize;
  for (int i = int(shape.size()) - 1; i >= 0; --i) {
    if (shape[i] != 1 && strides[i] != expect) return false;
    expect *= shape[i];
  }
  return true;
}

bool is_f_contiguous(const shape_t& shape, const strides_t& strides, std::int64_t itemsize) {
  if (is_empty(shape)) return true;
  std::int64_t expect = itemsize;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] != 1 && strides[i] != expect) return false;
    expect *= shape[i];
  }
  return true;
}

std::string shape_str(const shape_t& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

shape_t broadcast_shapes(const std::vector<shape_t>& shapes, const char* op) {
  std::size_t nd = 0;
  for (const auto& s : shapes) {
    nd = std::max(nd, s.size());
    if (std::any_of(s.begin(), s.end(), [](std::int64_t e) { return e < 0; }))
      throw value_error(std::string(op) + ": negative dimensions are not allowed");
  }
  shape_t out(nd, 1);
  for (const auto& s : shapes) {
    std::size_t off = nd - s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
      std::int64_t& o = out[off + i];
      if (s[i] == o || s[i] == 1) continue;
      if (o == 1) {
        o = s[i];
        continue;
      }
      std::string msg = std::string(op) + ": operands could not be broadcast together with shapes";
      for (const auto& t : shapes) msg += " " + shape_str(t);
      throw value_error(msg);
    }
  }
  return out;
}

strides_t broadcast_strides(const ndarray& a, const shape_t& shape, const char* op) {
  if (a.shape().size() > shape.size())
    throw value_error(std::string(op) + ": input operand has more dimensions than allowed by the axis remapping (" +
                      shape_str(a.shape()) + " to " + shape_str(shape) + ")");
  strides_t st(shape.size(), 0);
  std::size_t off = shape.size() - a.shape().size();
  for (std::size_t i = 0; i < a.shape().size(); ++i) {
    if (a.shape()[i] == shape[off + i]) {
      st[off + i] = a.shape()[i] == 1 ? 0 : a.strides()[i];
    } else if (a.shape()[i] != 1) {
      throw value_error(std::string(op) + ": operands could not be broadcast together with remapped shapes [original->remapped]: " +
                        shape_str(a.shape()) + " and requested shape " + shape_str(shape));
    }
  }
  return st;
}

std::int64_t normalize_axis(std::int64_t axis, int ndim) {
  if (axis < -ndim || axis >= ndim)
    throw axis_error("axis " + std::to_string(axis) + " is out of bounds for array of dimension " + std::to_string(ndim));
  return axis < 0 ? axis + ndim : axis;
}

std::vector<int> normalize_axes(const axes& a, int ndim) {
  std::vector<int> out;
  if (!a.list) {
    out.resize(ndim);
    std::iota(out.begin(), out.end(), 0);
    return out;
  }
  for (std::int64_t ax : *a.list) out.push_back(int(normalize_axis(ax, ndim)));
  std::sort(out.begin(), out.end());
  if (std::adjacent_find(out.begin(), out.end()) != out.end()) throw value_error("duplicate value in 'axis'");
  return out;
}

byte_extent extent_of(const shape_t& shape, const strides_t& strides, std::int64_t itemsize) {
  byte_extent e;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0) return {0, 0};
    std::int64_t span = (shape[i] - 1) * strides[i];
    (span < 0 ? e.lo : e.hi) += span;
  }
  e.hi += itemsize;
  return e;
}

strides_t strides_like(const ndarray& like, std::int64_t itemsize) {
  const shape_t& shape = like.shape();
  int nd = int(shape.size());
  std::vector<int> perm(nd);
  std::iota(perm.begin(), perm.end(), 0);
  // outermost first: larger |stride| first; stable so ties keep C order
  std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) {
    return std::llabs(like.strides()[a]) > std::llabs(like.strides()[b]);
  });
  strides_t st(nd);
  std::int64_t s = itemsize;
  for (int i = nd - 1; i >= 0; --i) {
    st[perm[i]] = s;
    s *= std::max<std::int64_t>(shape[perm[i]], 1);
  }
  return st;
}

ndarray along(const ndarray& a, int axis, std::int64_t start, std::int64_t stop) {
  shape_t s = a.shape();
  s[std::size_t(axis)] = stop - start;
  return a.view_as(a.dtype(), s, a.strides(), a.offset() + start * a.strides()[std::size_t(axis)]);
}

}  // namespace cunp::detail
