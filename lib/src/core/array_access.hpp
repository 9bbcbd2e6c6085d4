// How the core builds and takes apart ndarrays (the public class keeps its fields private).
#pragma once
#include "cunp/ndarray.hpp"
#include "core/backend.hpp"

namespace cunp {

struct ndarray_access {
  static ndarray make(std::shared_ptr<detail::buffer> buf, dtype dt, shape_t shape, strides_t strides,
                      std::int64_t offset) {
    ndarray a;
    a.buf_ = std::move(buf);
    a.dtype_ = dt;
    a.shape_ = std::move(shape);
    a.strides_ = std::move(strides);
    a.offset_ = offset;
    return a;
  }
  static const std::shared_ptr<detail::buffer>& buf(const ndarray& a) { return a.buf_; }
};

namespace detail {
// A new array on `dev` with the given layout; strides are computed from order (C or F).
ndarray new_array(const shape_t& shape, dtype dt, order ord, const cunp::device& dev);
// A new array shaped like `like`, laid out as order K keeps it (stride order of `like`).
ndarray new_array_like(const ndarray& like, dtype dt, order ord);
// Elementwise copy with casting: dst[...] = src[...] (src already broadcast-compatible).
void copy_into(const ndarray& dst, const ndarray& src);
// The elements of `src`, read in C order, at the flat positions `index` (int64 by value, any
// shape): a new C-order array of index's shape. A position outside src raises index_error (on
// CUDA at the next synchronization).
ndarray gather(const ndarray& src, const ndarray& index);
void require_same_device(const char* op, const ndarray& a, const ndarray& b);
// Whether the bytes two views span overlap (numpy.may_share_memory: by extent, not element).
bool may_share_memory(const ndarray& a, const ndarray& b);
std::string describe(const ndarray& a);  // "float32 array of shape (3, 4) on cuda:0"
}  // namespace detail

}  // namespace cunp
