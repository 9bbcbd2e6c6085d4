// Copies: astype, copy(order), to(device), to_host, asarray, assign.
#include <cstring>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp {
using namespace detail;

namespace detail {

std::string describe(const ndarray& a) {
  return std::string(name(a.dtype())) + " array of shape " + shape_str(a.shape()) + " on " + a.device().str();
}

void require_same_device(const char* op, const ndarray& a, const ndarray& b) {
  if (a.device() != b.device())
    throw value_error(std::string(op) + ": operands are on different devices: " + describe(a) + " and " + describe(b) +
                      "; move one with .to(device)");
}

ndarray new_array(const shape_t& shape, dtype dt, order ord, const cunp::device& dev) {
  if (int(shape.size()) > max_ndim)
    throw value_error("maximum supported dimension for a cunp ndarray is " + std::to_string(max_ndim) + ", found " +
                      std::to_string(shape.size()));
  std::int64_t n = shape_size(shape);
  auto isz = std::int64_t(itemsize(dt));
  if (n > INT64_MAX / isz) throw value_error("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  auto buf = allocate_buffer(dev, std::size_t(n * isz));
  strides_t st = ord == order::F ? f_strides(shape, isz) : c_strides(shape, isz);
  return ndarray_access::make(std::move(buf), dt, shape, std::move(st), 0);
}

ndarray new_array_like(const ndarray& like, dtype dt, order ord) {
  if (ord == order::A) ord = like.flags().f_contiguous && !like.flags().c_contiguous ? order::F : order::C;
  if (ord != order::K) return new_array(like.shape(), dt, ord, like.device());
  ndarray out = new_array(like.shape(), dt, order::C, like.device());
  return out.view_as(dt, like.shape(), strides_like(like, std::int64_t(itemsize(dt))), 0);
}

bool may_share_memory(const ndarray& a, const ndarray& b) {
  if (a.device() != b.device() || a.size() == 0 || b.size() == 0) return false;
  byte_extent ea = extent_of(a.shape(), a.strides(), std::int64_t(a.itemsize()));
  byte_extent eb = extent_of(b.shape(), b.strides(), std::int64_t(b.itemsize()));
  auto base_a = reinterpret_cast<std::intptr_t>(a.data()), base_b = reinterpret_cast<std::intptr_t>(b.data());
  return base_a + ea.lo < base_b + eb.hi && base_b + eb.lo < base_a + ea.hi;
}

void copy_into(const ndarray& dst, const ndarray& src_in) {
  require_same_device("copy", dst, src_in);
  if (dst.size() == 0) return;
  // NumPy's rule: the result is as if the source were read whole before any write
  ndarray src = may_share_memory(dst, src_in) ? src_in.copy() : src_in;
  // NumPy's assignment drops a source's extra leading unit dims: (1, 5, 4) assigns into (5, 4)
  while (src.ndim() > dst.ndim() && src.shape()[0] == 1) src = src.squeeze(axes(0));
  strides_t sst = broadcast_strides(src, dst.shape(), "copy");
  iteration it = make_iteration(dst.shape(), {{static_cast<char*>(dst.data()), dst.dtype(), dst.strides()},
                                              {static_cast<char*>(src.data()), src.dtype(), sst}});
  backend& be = backend_for(dst.device());
  // same dtype, both dense the same way: a byte copy
  if (src.dtype() == dst.dtype() && it.contiguous()) {
    be.copy_within(dst.data(), src.data(), dst.nbytes());
    return;
  }
  be.elementwise(ops::ufunc_id::copy, uniform_loop(ops::ufunc_id::copy, dst.dtype())->kernel, it);
}

ndarray gather(const ndarray& src, const ndarray& index) {
  require_same_device("gather", src, index);
  ndarray values = src.flags().c_contiguous ? src : src.copy(order::C);
  ndarray positions = index.dtype() == dtype::int64 && index.flags().c_contiguous ? index : ascontiguousarray(index, dtype::int64);
  ndarray out = new_array(index.shape(), src.dtype(), order::C, src.device());
  if (out.size() > 0)
    backend_for(src.device()).gather({out.data(), values.data(), values.size(), static_cast<const std::int64_t*>(positions.data()),
                                      out.size(), itemsize(src.dtype())});
  return out;
}

}  // namespace detail

ndarray ndarray::astype(cunp::dtype dt, casting rule, bool copy_always) const {
  if (!can_cast(dtype_, dt, rule))
    throw type_error("Cannot cast array data from dtype('" + std::string(name(dtype_)) + "') to dtype('" +
                     std::string(name(dt)) + "') according to the rule '" + std::string(name(rule)) + "'");
  if (!copy_always && dt == dtype_) return *this;
  ndarray out = new_array_like(*this, dt, order::K);
  copy_into(out, *this);
  return out;
}

ndarray ndarray::copy(order ord) const {
  ndarray out = new_array_like(*this, dtype_, ord);
  copy_into(out, *this);
  return out;
}

void ndarray::assign(const ndarray& src) const { copy_into(*this, src); }

ndarray ndarray::to(cunp::device dev) const {
  if (dev == device()) return *this;
  byte_extent e = extent_of(shape_, strides_, std::int64_t(itemsize()));
  // keep the first touched byte's address congruent mod 16, so alignment-sensitive paths see
  // the same (mis)alignment on the new device
  auto first = reinterpret_cast<std::uintptr_t>(data()) + e.lo;
  std::int64_t pad = std::int64_t(first % 16);
  std::int64_t span = e.hi - e.lo;
  auto buf = allocate_buffer(dev, std::size_t(span + pad));
  const char* src = static_cast<const char*>(data()) + e.lo;
  char* dst = static_cast<char*>(buf->ptr) + pad;
  if (span > 0) {
    if (device().kind == device_kind::host) {
      backend_for(dev).copy_from_host(dst, src, std::size_t(span));
    } else if (dev.kind == device_kind::host) {
      backend_for(device()).copy_to_host(dst, src, std::size_t(span));
    } else {  // between two GPUs: stage through the host
      std::vector<char> staging(static_cast<std::size_t>(span));
      backend_for(device()).copy_to_host(staging.data(), src, staging.size());
      backend_for(dev).copy_from_host(dst, staging.data(), staging.size());
    }
  }
  return ndarray_access::make(std::move(buf), dtype_, shape_, strides_, pad - e.lo);
}

void ndarray::to_host(void* dst, std::size_t dst_bytes) const {
  if (dst_bytes < nbytes())
    throw value_error("to_host: destination holds " + std::to_string(dst_bytes) + " bytes, the array needs " +
                      std::to_string(nbytes()));
  if (size() == 0) return;
  if (device().kind == device_kind::host) {
    ndarray out = from_external(dst, dtype_, shape_, c_strides(shape_, std::int64_t(itemsize())));
    copy_into(out, *this);
    return;
  }
  ndarray dense = flags().c_contiguous ? *this : copy(order::C);
  backend_for(device()).copy_to_host(dst, dense.data(), nbytes());
}

template <class T>
std::vector<T> ndarray::to_host() const {
  if (dtype_of<T> != dtype_)
    throw type_error("to_host<" + std::string(name(dtype_of<T>)) + ">: the array's dtype is " + std::string(name(dtype_)));
  std::vector<T> v(static_cast<std::size_t>(size()));
  to_host(v.data(), v.size() * sizeof(T));
  return v;
}

template <class T>
T ndarray::item() const {
  if (size() != 1) throw value_error("can only convert an array of size 1 to a Python scalar");
  ndarray one = astype(dtype_of<T>, casting::unsafe, false);
  T v;
  one.to_host(&v, sizeof(T));
  return v;
}

#define CUNP_INSTANTIATE(T) \
  template std::vector<T> ndarray::to_host<T>() const; \
  template T ndarray::item<T>() const;
CUNP_INSTANTIATE(std::int8_t)
CUNP_INSTANTIATE(std::uint8_t)
CUNP_INSTANTIATE(std::int16_t)
CUNP_INSTANTIATE(std::uint16_t)
CUNP_INSTANTIATE(std::int32_t)
CUNP_INSTANTIATE(std::uint32_t)
CUNP_INSTANTIATE(std::int64_t)
CUNP_INSTANTIATE(std::uint64_t)
CUNP_INSTANTIATE(long long)
CUNP_INSTANTIATE(unsigned long long)
CUNP_INSTANTIATE(half)
CUNP_INSTANTIATE(float)
CUNP_INSTANTIATE(double)
CUNP_INSTANTIATE(std::complex<float>)
CUNP_INSTANTIATE(std::complex<double>)
#undef CUNP_INSTANTIATE
template bool ndarray::item<bool>() const;

ndarray asarray(const void* host_data, dtype dt, const shape_t& shape, std::optional<device> dev) {
  device d = dev.value_or(default_device());
  ndarray out = new_array(shape, dt, order::C, d);
  if (out.nbytes() == 0) return out;
  if (d.kind == device_kind::host) std::memcpy(out.data(), host_data, out.nbytes());
  else backend_for(d).copy_from_host(out.data(), host_data, out.nbytes());
  return out;
}

ndarray ascontiguousarray(const ndarray& a, std::optional<dtype> dt) {
  dtype t = dt.value_or(a.dtype());
  if (t == a.dtype() && a.flags().c_contiguous) return a.ndim() == 0 ? a.reshape({1}) : a;
  ndarray out = new_array(a.shape(), t, order::C, a.device());
  copy_into(out, a);
  return a.ndim() == 0 ? out.reshape({1}) : out;
}

ndarray asfortranarray(const ndarray& a, std::optional<dtype> dt) {
  dtype t = dt.value_or(a.dtype());
  if (t == a.dtype() && a.flags().f_contiguous) return a.ndim() == 0 ? a.reshape({1}) : a;
  ndarray out = new_array(a.shape(), t, order::F, a.device());
  copy_into(out, a);
  return a.ndim() == 0 ? out.reshape({1}) : out;
}

ndarray broadcast_to(const ndarray& a, const shape_t& shape) { return a.broadcast_to(shape); }
shape_t broadcast_shapes(const std::vector<shape_t>& shapes) { return detail::broadcast_shapes(shapes, "broadcast_shapes"); }

}  // namespace cunp
