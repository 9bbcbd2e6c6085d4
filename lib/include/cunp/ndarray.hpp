// cunp::ndarray: a strided view of a device buffer, with NumPy's layout model (byte strides and a
// byte offset into a shared buffer).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "cunp/device.hpp"
#include "cunp/dtype.hpp"

namespace cunp {

using shape_t = std::vector<std::int64_t>;
using strides_t = std::vector<std::int64_t>;  // in bytes, as NumPy's
inline constexpr int max_ndim = 16;

// Index items for basic slicing: a[{1, slice(none, none, -1), newaxis, ellipsis}]
inline constexpr std::nullopt_t none = std::nullopt;
// As Python's slice(): slice(stop), slice(start, stop[, step]); none leaves a bound open.
struct slice {
  std::optional<std::int64_t> start, stop, step;
  slice() = default;
  explicit slice(std::optional<std::int64_t> stop_) : stop(stop_) {}
  slice(std::optional<std::int64_t> start_, std::optional<std::int64_t> stop_,
        std::optional<std::int64_t> step_ = none)
      : start(start_), stop(stop_), step(step_) {}
};
struct newaxis_t {};
inline constexpr newaxis_t newaxis{};
struct ellipsis_t {};
inline constexpr ellipsis_t ellipsis{};
struct index_item {
  std::variant<std::int64_t, slice, newaxis_t, ellipsis_t> v;
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  index_item(I i) : v(std::int64_t(i)) {}
  index_item(slice s) : v(s) {}
  index_item(newaxis_t n) : v(n) {}
  index_item(ellipsis_t e) : v(e) {}
};

// An axis argument: none (all axes), one axis, or several.
struct axes {
  std::optional<std::vector<std::int64_t>> list;
  axes() = default;
  axes(std::nullopt_t) {}
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  axes(I a) : list(std::vector<std::int64_t>{std::int64_t(a)}) {}
  axes(std::initializer_list<std::int64_t> a) : list(std::vector<std::int64_t>(a)) {}
  axes(std::vector<std::int64_t> a) : list(std::move(a)) {}
};

enum class order { C, F, A, K };

namespace detail { struct buffer; }

// The keywords of the methods below (cunp/ops.hpp, cunp/sorting.hpp).
class operand;
struct var_options;
struct arg_reduce_options;
struct cumsum_options;
struct sort_options;
struct partition_options;
struct searchsorted_options;

class ndarray {
 public:
  ndarray() = default;  // a 0-d-less "null" array; valid() is false

  // Wrap memory cunp does not own (xt::adapt's role): the view aliases `data`, and `keepalive`
  // is held as long as any view of it lives.
  static ndarray from_external(void* data, cunp::dtype dt, shape_t shape, strides_t strides,
                               cunp::device dev = device::host(),
                               std::shared_ptr<void> keepalive = nullptr);

  bool valid() const { return buf_ != nullptr; }
  cunp::dtype dtype() const { return dtype_; }
  const shape_t& shape() const { return shape_; }
  const strides_t& strides() const { return strides_; }
  std::int64_t offset() const { return offset_; }  // bytes from the buffer's start
  cunp::device device() const;
  int ndim() const { return int(shape_.size()); }
  std::int64_t size() const;
  std::size_t itemsize() const { return cunp::itemsize(dtype_); }
  std::size_t nbytes() const { return std::size_t(size()) * itemsize(); }

  struct flags_t {
    bool c_contiguous, f_contiguous, owndata;
  };
  flags_t flags() const;
  bool shares_buffer_with(const ndarray& other) const { return buf_ == other.buf_; }

  // Address of element 0 (a device address on cuda). Offsets by strides from here.
  void* data() const;

  // ---- views: share the buffer ----
  ndarray operator[](std::initializer_list<index_item> index) const;
  ndarray operator[](index_item index) const;
  ndarray transpose() const;                                   // reversed axes
  ndarray transpose(const std::vector<std::int64_t>& axes) const;
  ndarray T() const { return transpose(); }
  // A view when the strides allow it, else a copy (NumPy's rule); -1 infers one extent. Order C,
  // F, or A (F for an F-contiguous, not C-contiguous array); K is NumPy's error too.
  ndarray reshape(const shape_t& new_shape, order ord = order::C) const;
  ndarray broadcast_to(const shape_t& shape) const;
  ndarray squeeze(const axes& axis = {}) const;
  ndarray expand_dims(const axes& axis) const;
  ndarray view_as(cunp::dtype dt, shape_t shape, strides_t strides, std::int64_t offset) const;

  // ---- copies ----
  ndarray astype(cunp::dtype dt, casting rule = casting::unsafe, bool copy = true) const;
  ndarray copy(order ord = order::C) const;  // C by default, as numpy.ndarray.copy (np.copy's is K)
  // Moves the bytes the view spans to `dev`, keeping strides, offset and 16-byte misalignment;
  // compact first with ascontiguousarray where the view is sparse.
  ndarray to(cunp::device dev) const;
  // C-order copy of the elements into host memory; T must match dtype (type_error otherwise).
  template <class T> std::vector<T> to_host() const;
  void to_host(void* dst, std::size_t dst_bytes) const;  // C-order bytes
  // The single element of a size-1 array, converted to T as astype would.
  template <class T> T item() const;

  // Writes src into this view as NumPy's a[...] = src: broadcast to this shape (a longer src's
  // leading unit dims dropped), cast unsafe.
  void assign(const ndarray& src) const;

  // ---- NumPy's methods of the reductions, scans, sorting and searching: each is the function of
  // its name (a.sum(1) is cunp::sum(a, 1)), its arguments in NumPy's positional order ----
  ndarray all(const axes& axis = {}, bool keepdims = false) const;
  ndarray any(const axes& axis = {}, bool keepdims = false) const;
  ndarray max(const axes& axis = {}, bool keepdims = false) const;
  ndarray min(const axes& axis = {}, bool keepdims = false) const;
  ndarray sum(const axes& axis = {}, std::optional<cunp::dtype> dt = {}, bool keepdims = false) const;
  ndarray prod(const axes& axis = {}, std::optional<cunp::dtype> dt = {}, bool keepdims = false) const;
  ndarray mean(const axes& axis = {}, std::optional<cunp::dtype> dt = {}, bool keepdims = false) const;
  ndarray var() const;
  ndarray var(const var_options& options) const;
  ndarray std() const;
  ndarray std(const var_options& options) const;
  ndarray argmax() const;
  ndarray argmax(const arg_reduce_options& options) const;
  ndarray argmin() const;
  ndarray argmin(const arg_reduce_options& options) const;
  ndarray cumsum() const;
  ndarray cumsum(const cumsum_options& options) const;
  ndarray cumprod() const;
  ndarray cumprod(const cumsum_options& options) const;
  // sort and partition work in place, as NumPy's methods do; an axis of none is NumPy's
  // type_error there (the functions flatten)
  void sort() const;
  void sort(const sort_options& options) const;
  ndarray argsort() const;
  ndarray argsort(const sort_options& options) const;
  void partition(const operand& kth) const;
  void partition(const operand& kth, const partition_options& options) const;
  ndarray argpartition(const operand& kth) const;
  ndarray argpartition(const operand& kth, const partition_options& options) const;
  std::vector<ndarray> nonzero() const;
  ndarray searchsorted(const operand& v) const;
  ndarray searchsorted(const operand& v, const searchsorted_options& options) const;

 private:
  friend struct ndarray_access;
  std::shared_ptr<detail::buffer> buf_;
  cunp::dtype dtype_ = cunp::dtype::float64;
  shape_t shape_;
  strides_t strides_;
  std::int64_t offset_ = 0;
};

}  // namespace cunp
