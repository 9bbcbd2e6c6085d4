// ndarray: metadata, flags and views (which share the buffer).
#include "cunp/ndarray.hpp"

#include <algorithm>
#include <numeric>

#include "cunp/errors.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

ndarray ndarray::from_external(void* data, cunp::dtype dt, shape_t shape, strides_t strides, cunp::device dev,
                               std::shared_ptr<void> keepalive) {
  if (shape.size() != strides.size()) throw value_error("from_external: shape and strides differ in length");
  if (int(shape.size()) > max_ndim)
    throw value_error("maximum supported dimension for a cunp ndarray is " + std::to_string(max_ndim) + ", found " +
                      std::to_string(shape.size()));
  shape_size(shape);
  auto buf = std::make_shared<buffer>(dev, data, 0, nullptr, std::move(keepalive));
  return ndarray_access::make(std::move(buf), dt, std::move(shape), std::move(strides), 0);
}

cunp::device ndarray::device() const { return buf_ ? buf_->dev : cunp::device::host(); }
std::int64_t ndarray::size() const { return shape_size(shape_); }
void* ndarray::data() const { return buf_ ? static_cast<char*>(buf_->ptr) + offset_ : nullptr; }

ndarray::flags_t ndarray::flags() const {
  auto isz = std::int64_t(itemsize());
  return {is_c_contiguous(shape_, strides_, isz), is_f_contiguous(shape_, strides_, isz),
          buf_ && buf_->owner && offset_ == 0 && buf_.use_count() == 1};
}

ndarray ndarray::view_as(cunp::dtype dt, shape_t shape, strides_t strides, std::int64_t offset) const {
  if (int(shape.size()) > max_ndim)
    throw value_error("maximum supported dimension for a cunp ndarray is " + std::to_string(max_ndim));
  return ndarray_access::make(buf_, dt, std::move(shape), std::move(strides), offset);
}

// ---- basic indexing ----
ndarray ndarray::operator[](index_item index) const { return (*this)[{index}]; }

ndarray ndarray::operator[](std::initializer_list<index_item> index) const {
  int consumed = 0, ellipses = 0;
  for (const auto& it : index) {
    if (std::holds_alternative<ellipsis_t>(it.v)) ++ellipses;
    else if (!std::holds_alternative<newaxis_t>(it.v)) ++consumed;
  }
  if (ellipses > 1) throw index_error("an index can only have a single ellipsis ('...')");
  if (consumed > ndim())
    throw index_error("too many indices for array: array is " + std::to_string(ndim()) + "-dimensional, but " +
                      std::to_string(consumed) + " were indexed");
  shape_t shape;
  strides_t strides;
  std::int64_t offset = offset_;
  int dim = 0;
  auto keep_rest = [&](int upto) {
    for (; dim < upto; ++dim) {
      shape.push_back(shape_[dim]);
      strides.push_back(strides_[dim]);
    }
  };
  for (const auto& it : index) {
    if (std::holds_alternative<ellipsis_t>(it.v)) {
      keep_rest(dim + (ndim() - consumed));
    } else if (std::holds_alternative<newaxis_t>(it.v)) {
      shape.push_back(1);
      strides.push_back(0);
    } else if (auto* i = std::get_if<std::int64_t>(&it.v)) {
      std::int64_t n = shape_[dim], k = *i < 0 ? *i + n : *i;
      if (k < 0 || k >= n)
        throw index_error("index " + std::to_string(*i) + " is out of bounds for axis " + std::to_string(dim) +
                          " with size " + std::to_string(n));
      offset += k * strides_[dim];
      ++dim;
    } else {
      const slice& s = std::get<slice>(it.v);
      std::int64_t n = shape_[dim], step = s.step.value_or(1);
      if (step == 0) throw value_error("slice step cannot be zero");
      // Python's slice.indices(n)
      auto clamp = [&](std::optional<std::int64_t> v, std::int64_t dflt) {
        if (!v) return dflt;
        std::int64_t x = *v < 0 ? *v + n : *v;
        if (step > 0) return std::clamp<std::int64_t>(x, 0, n);
        return std::clamp<std::int64_t>(x, -1, n - 1);
      };
      std::int64_t start = clamp(s.start, step > 0 ? 0 : n - 1);
      std::int64_t stop = clamp(s.stop, step > 0 ? n : -1);
      std::int64_t len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                                  : (start > stop ? (start - stop - step - 1) / -step : 0);
      if (len > 0) offset += start * strides_[dim];
      shape.push_back(len);
      strides.push_back(strides_[dim] * step);
      ++dim;
    }
  }
  keep_rest(ndim());
  return view_as(dtype_, std::move(shape), std::move(strides), offset);
}

ndarray ndarray::transpose() const {
  std::vector<std::int64_t> axes(ndim());
  std::iota(axes.rbegin(), axes.rend(), 0);
  return transpose(axes);
}

ndarray ndarray::transpose(const std::vector<std::int64_t>& axes) const {
  if (int(axes.size()) != ndim()) throw value_error("axes don't match array");
  std::vector<bool> seen(ndim(), false);
  shape_t shape;
  strides_t strides;
  for (std::int64_t a : axes) {
    std::int64_t k = normalize_axis(a, ndim());
    if (seen[k]) throw value_error("repeated axis in transpose");
    seen[k] = true;
    shape.push_back(shape_[k]);
    strides.push_back(strides_[k]);
  }
  return view_as(dtype_, std::move(shape), std::move(strides), offset_);
}

namespace {
// NumPy's _attempt_nocopy_reshape, C order: strides for new_shape over the same memory, or
// nothing when a copy is needed.
std::optional<strides_t> nocopy_strides(const shape_t& old_shape_in, const strides_t& old_strides_in,
                                        const shape_t& new_shape, std::int64_t itemsize) {
  shape_t os;
  strides_t ost;
  for (std::size_t i = 0; i < old_shape_in.size(); ++i)
    if (old_shape_in[i] != 1) {
      os.push_back(old_shape_in[i]);
      ost.push_back(old_strides_in[i]);
    }
  strides_t nst(new_shape.size(), 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  std::size_t oldnd = os.size(), newnd = new_shape.size();
  while (ni < newnd && oi < oldnd) {
    std::int64_t np = new_shape[ni], op = os[oi];
    while (np != op) {
      if (np < op) np *= new_shape[nj++];
      else op *= os[oj++];
    }
    for (std::size_t ok = oi; ok < oj - 1; ++ok)
      if (ost[ok] != os[ok + 1] * ost[ok + 1]) return std::nullopt;
    nst[nj - 1] = ost[oj - 1];
    for (std::size_t nk = nj - 1; nk > ni; --nk) nst[nk - 1] = nst[nk] * new_shape[nk];
    ni = nj++;
    oi = oj++;
  }
  std::int64_t last = ni >= 1 ? nst[ni - 1] : itemsize;
  for (std::size_t nk = ni; nk < newnd; ++nk) nst[nk] = last;
  return nst;
}
}  // namespace

ndarray ndarray::reshape(const shape_t& new_shape_in, order ord) const {
  shape_t new_shape = new_shape_in;
  std::int64_t known = 1;
  int unknown = -1;
  for (std::size_t i = 0; i < new_shape.size(); ++i) {
    if (new_shape[i] == -1) {
      if (unknown >= 0) throw value_error("can only specify one unknown dimension");
      unknown = int(i);
    } else if (new_shape[i] < 0) {
      throw value_error("negative dimensions not allowed");
    } else {
      known *= new_shape[i];
    }
  }
  std::int64_t n = size();
  if (unknown >= 0) {
    if (known == 0 || n % known != 0)
      throw value_error("cannot reshape array of size " + std::to_string(n) + " into shape " + shape_str(new_shape_in));
    new_shape[unknown] = n / known;
  } else if (known != n) {
    throw value_error("cannot reshape array of size " + std::to_string(n) + " into shape " + shape_str(new_shape_in));
  }
  if (ord == order::A)  // NumPy's 'A': F where the array is F-contiguous and not C-contiguous
    ord = flags().f_contiguous && !flags().c_contiguous ? order::F : order::C;
  if (ord == order::F) {  // F-order reshape is a C-order reshape of the reversed axes
    shape_t rev(new_shape.rbegin(), new_shape.rend());
    return transpose().reshape(rev, order::C).transpose();
  }
  if (ord != order::C) throw value_error("reshape: order 'K' is not permitted for reshaping");
  if (n == 0) return view_as(dtype_, new_shape, c_strides(new_shape, itemsize()), offset_);
  if (auto st = nocopy_strides(shape_, strides_, new_shape, std::int64_t(itemsize())))
    return view_as(dtype_, new_shape, *st, offset_);
  return copy(order::C).reshape(new_shape, order::C);
}

ndarray ndarray::broadcast_to(const shape_t& shape) const {
  for (std::int64_t s : shape)
    if (s < 0) throw value_error("all elements of broadcast shape must be non-negative");
  return view_as(dtype_, shape, broadcast_strides(*this, shape, "broadcast_to"), offset_);
}

ndarray ndarray::squeeze(const axes& axis) const {
  std::vector<bool> drop(ndim(), false);
  if (!axis.list) {
    for (int d = 0; d < ndim(); ++d) drop[d] = shape_[d] == 1;
  } else {
    for (int d : normalize_axes(axis, ndim())) {
      if (shape_[d] != 1) throw value_error("cannot select an axis to squeeze out which has size not equal to one");
      drop[d] = true;
    }
  }
  shape_t shape;
  strides_t strides;
  for (int d = 0; d < ndim(); ++d)
    if (!drop[d]) {
      shape.push_back(shape_[d]);
      strides.push_back(strides_[d]);
    }
  return view_as(dtype_, shape, strides, offset_);
}

ndarray ndarray::expand_dims(const axes& axis) const {
  if (!axis.list) throw type_error("expand_dims: an axis is required");
  int out_nd = ndim() + int(axis.list->size());
  std::vector<int> where = normalize_axes(axis, out_nd);
  shape_t shape;
  int src = 0;
  for (int d = 0; d < out_nd; ++d)
    shape.push_back(std::binary_search(where.begin(), where.end(), d) ? 1 : shape_[src++]);
  return reshape(shape);  // as NumPy: inserting unit dims is always a view
}

}  // namespace cunp
