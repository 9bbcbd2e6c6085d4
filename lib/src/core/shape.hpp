// Shapes, strides and axes: the backend-neutral arithmetic of NumPy's layout model.
#pragma once
#include <string>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp::detail {

std::int64_t shape_size(const shape_t& shape);  // throws value_error on overflow / negative
strides_t c_strides(const shape_t& shape, std::int64_t itemsize);
strides_t f_strides(const shape_t& shape, std::int64_t itemsize);
bool is_c_contiguous(const shape_t& shape, const strides_t& strides, std::int64_t itemsize);
bool is_f_contiguous(const shape_t& shape, const strides_t& strides, std::int64_t itemsize);
std::string shape_str(const shape_t& shape);  // "(3, 4)", "(5,)", "()"

// numpy.broadcast_shapes; `op` names the caller in the error message
shape_t broadcast_shapes(const std::vector<shape_t>& shapes, const char* op);
// Byte strides of `a` viewed with `shape` (0 on broadcast dims); throws value_error if it can't.
strides_t broadcast_strides(const ndarray& a, const shape_t& shape, const char* op);

// Normalizes an axis against ndim (negative counts from the end); throws axis_error.
std::int64_t normalize_axis(std::int64_t axis, int ndim);
// Sorted, unique, normalized axes; none means all. Throws value_error on a repeated axis.
std::vector<int> normalize_axes(const axes& a, int ndim);

// The lowest and one-past-highest byte (relative to element 0) the view touches.
struct byte_extent {
  std::int64_t lo = 0, hi = 0;
};
byte_extent extent_of(const shape_t& shape, const strides_t& strides, std::int64_t itemsize);

// a[start:stop] along `axis` (0 <= start <= stop <= its extent), a view.
ndarray along(const ndarray& a, int axis, std::int64_t start, std::int64_t stop);

// Strides for a new array laid out like `like` (order K: same axis order by stride).
strides_t strides_like(const ndarray& like, std::int64_t itemsize);

}  // namespace cunp::detail
