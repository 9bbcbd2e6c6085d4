// sort and argsort: NumPy's keywords (axis, kind, stable), the sorted axis moved last and made
// C-contiguous, then the backend's segmented sort.
#include <cctype>

#include "cunp/errors.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"

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

}  // namespace

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
