// sort, argsort, partition and lexsort: NumPy's keywords (axis, kind, stable, kth), the sorted axis
// moved last and made C-contiguous, then the backend's segmented sort (lexsort: one stable argsort
// per key, each key read through the positions so far).
#include <cctype>

#include "cunp/errors.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"
#include "cunp/ops.hpp"

namespace cunp {
using namespace detail;

namespace {

// Whether the kind asks for a stable sort, as NumPy reads kind= (its first letter) and stable=.
bool stable_requested(const sort_options& o) {
  if (o.kind && o.stable)
    throw value_error("`kind` and keyword parameters can't be provided at the same time. Use only one of them.");
  if (o.stable) return *o.stable;
  if (!o.kind) return false;
  switch (std::tolower(static_cast<unsigned char>(o.kind->empty() ? '\0' : (*o.kind)[0]))) {
    case 'q':
    case 'h': return false;
    case 'm':
    case 's': return true;
    default: break;
  }
  throw value_error("sort kind must be one of 'quick', 'heap', or 'stable' (got '" + *o.kind + "')");
}

struct sorted_result {
  ndarray values, indices;
};

sorted_result sort_along(const char* op, const ndarray& a, const sort_options& o, bool want_values, bool want_indices) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
  bool stable = stable_requested(o);
  ndarray src = a;
  int axis = 0;
  if (!o.axis) {
    if (a.ndim() != 1) src = a.reshape({-1});
  } else if (a.ndim() == 0 && want_indices) {
    normalize_axis(*o.axis, 1);  // argsort reads a 0-d array as 1-d (NumPy's PyArray_CheckAxis)
    src = a.reshape({1});
  } else {
    axis = int(normalize_axis(*o.axis, a.ndim()));
  }
  int last = src.ndim() - 1;
  std::vector<std::int64_t> perm;
  for (int d = 0; d < src.ndim(); ++d)
    if (d != axis) perm.push_back(d);
  perm.push_back(axis);
  ndarray moved = axis == last ? src : src.transpose(perm);
  if (!moved.flags().c_contiguous) moved = moved.copy(order::C);

  sorted_result r;
  if (want_values) r.values = new_array(moved.shape(), a.dtype(), order::C, a.device());
  if (want_indices) r.indices = new_array(moved.shape(), dtype::int64, order::C, a.device());
  std::int64_t n = moved.shape().back();
  if (moved.size() > 0) {
    backend& be = backend_for(a.device());
    if (!be.has_sort(a.dtype()))
      throw not_implemented(std::string(op) + ": the " + be.name() + " backend has no " + std::string(name(a.dtype())) +
                            " sort");
    be.sort({a.dtype(), moved.data(), want_values ? r.values.data() : nullptr,
             want_indices ? static_cast<std::int64_t*>(r.indices.data()) : nullptr, moved.size() / n, n, stable});
  }
  if (axis != last) {
    // back to the input's axis order, as a new C-order array (NumPy's result layout)
    std::vector<std::int64_t> inverse(perm.size());
    for (std::size_t i = 0; i < perm.size(); ++i) inverse[std::size_t(perm[i])] = std::int64_t(i);
    if (want_values) r.values = r.values.transpose(inverse).copy(order::C);
    if (want_indices) r.indices = r.indices.transpose(inverse).copy(order::C);
  }
  return r;
}

// NumPy's checks of kth (PyArray_Partition's): integers only, each in [-n, n) once a holds elements.
void check_kth(const operand& kth, std::int64_t n, bool any_elements) {
  std::vector<std::int64_t> ks;
  if (!kth.is_array()) {
    const weak_scalar& k = kth.scalar();
    if (k.kind == weak_scalar::kind_t::boolean) throw value_error("Booleans unacceptable as partition index");
    if (k.kind != weak_scalar::kind_t::integer || !k.fits(dtype::int64)) throw type_error("Partition index must be integer");
    ks.push_back(k.negative ? -std::int64_t(k.magnitude - 1) - 1 : std::int64_t(k.magnitude));
  } else {
    const ndarray& t = kth.array();
    if (!t.valid()) throw value_error("partition: kth is a null ndarray");
    if (t.dtype() == dtype::bool_) throw value_error("Booleans unacceptable as partition index");
    if (!is_integer(t.dtype())) throw type_error("Partition index must be integer");
    if (t.ndim() > 1) throw value_error("kth must be an int or a 1-d sequence of ints, not " + std::to_string(t.ndim()) + "-d");
    ks = t.astype(dtype::int64).to(device::host()).to_host<std::int64_t>();
  }
  if (!any_elements) return;
  for (std::int64_t k : ks) {
    std::int64_t at = k < 0 ? k + n : k;
    if (at < 0 || at >= n) throw value_error("kth(=" + std::to_string(at) + ") out of bounds (" + std::to_string(n) + ")");
  }
}

sorted_result partition_along(const char* op, const ndarray& a, const operand& kth, const partition_options& o, bool indices) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
  if (o.kind != "introselect") throw value_error("select kind must be 'introselect' (got '" + o.kind + "')");
  std::int64_t n = a.size();
  if (o.axis) n = a.ndim() == 0 && indices ? (normalize_axis(*o.axis, 1), 1) : a.shape()[std::size_t(normalize_axis(*o.axis, a.ndim()))];
  check_kth(kth, n, a.size() > 0);
  return sort_along(op, a, {.axis = o.axis}, !indices, indices);
}

}  // namespace

ndarray partition(const ndarray& a, const operand& kth, const partition_options& o) {
  return partition_along("partition", a, kth, o, false).values;
}
ndarray argpartition(const ndarray& a, const operand& kth, const partition_options& o) {
  return partition_along("argpartition", a, kth, o, true).indices;
}

ndarray lexsort(const std::vector<ndarray>& keys, std::int64_t axis) {
  if (keys.empty()) throw type_error("need sequence of keys with len > 0 in lexsort");
  for (const ndarray& k : keys) {
    if (!k.valid()) throw value_error("lexsort: null ndarray");
    require_same_device("lexsort", keys[0], k);
    if (k.shape() != keys[0].shape()) throw value_error("all keys need to be the same shape");
  }
  const ndarray& first = keys[0];
  int ax = first.ndim() == 0 ? (normalize_axis(axis, 1), 0) : int(normalize_axis(axis, first.ndim()));
  // each key as rows (B, n), the sorted axis last
  std::vector<std::int64_t> order;
  std::int64_t b = 1;
  for (int d = 0; d < first.ndim(); ++d)
    if (d != ax) {
      order.push_back(d);
      b *= first.shape()[std::size_t(d)];
    }
  if (first.ndim() > 0) order.push_back(ax);
  std::int64_t n = first.ndim() == 0 ? 1 : first.shape()[std::size_t(ax)];
  auto rows = [&](const ndarray& k) { return k.transpose(order).reshape({b, n}); };
  ndarray perm = argsort(rows(first), {.axis = -1, .kind = "stable"});
  ndarray starts = multiply(arange(b, dtype::int64, first.device()), n).reshape({b, 1});
  for (std::size_t j = 1; j < keys.size(); ++j) {
    ndarray by = argsort(gather(rows(keys[j]), add(starts, perm)), {.axis = -1, .kind = "stable"});
    perm = gather(perm, add(starts, by));
  }
  if (first.ndim() == 0) return perm.reshape({});
  shape_t moved;
  for (std::int64_t d : order) moved.push_back(first.shape()[std::size_t(d)]);
  std::vector<std::int64_t> inverse(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) inverse[std::size_t(order[i])] = std::int64_t(i);
  return perm.reshape(moved).transpose(inverse).copy(order::C);
}

ndarray sort(const ndarray& a, const sort_options& options) { return sort_along("sort", a, options, true, false).values; }

ndarray argsort(const ndarray& a, const sort_options& options) {
  return sort_along("argsort", a, options, false, true).indices;
}

ndarray sort_complex(const ndarray& a) {
  ndarray b = sort_along("sort_complex", a, {}, true, false).values;
  if (is_complex(b.dtype())) return b;
  bool narrow = b.dtype() == dtype::int8 || b.dtype() == dtype::uint8 || b.dtype() == dtype::int16 || b.dtype() == dtype::uint16;
  return b.astype(narrow ? dtype::complex64 : dtype::complex128);
}

}  // namespace cunp
