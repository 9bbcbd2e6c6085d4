// searchsorted: the operands in their common dtype, contiguous; a sorter checked whole; then the
// backend's binary searches. nonzero and its kin: the backend's select of the nonzero elements'
// positions.
#include <algorithm>

#include "cunp/errors.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"
#include "cunp/ops.hpp"

namespace cunp {
using namespace detail;

ndarray searchsorted(const ndarray& a, const operand& v, const searchsorted_options& o) {
  if (!a.valid()) throw value_error("searchsorted: null ndarray");
  if (a.ndim() == 0) throw value_error("searchsorted: object of too small depth for desired array");
  if (a.ndim() > 1) throw value_error("searchsorted: object too deep for desired array");
  if (o.side != "left" && o.side != "right") throw value_error("search side must be 'left' or 'right' (got '" + o.side + "')");
  // a Python scalar as np.asarray makes it (its default dtype), as NumPy's dtype discovery does
  ndarray keys = v.is_array() ? v.array() : full({}, v.scalar(), std::nullopt, order::C, a.device());
  require_same_device("searchsorted", a, keys);
  dtype dt = promote_types(a.dtype(), keys.dtype());
  ndarray sorted = ascontiguousarray(a, dt);
  ndarray sorter;
  if (o.sorter) {
    const ndarray& s = *o.sorter;
    if (!s.valid()) throw value_error("searchsorted: sorter is a null ndarray");
    require_same_device("searchsorted", a, s);
    if (!is_integer(s.dtype()) && s.dtype() != dtype::bool_) throw type_error("sorter must only contain integers");
    if (s.ndim() != 1) throw value_error("searchsorted: sorter must be 1-d, not " + std::to_string(s.ndim()) + "-d");
    if (s.size() != a.size()) throw value_error("sorter.size must equal a.size");
    sorter = ascontiguousarray(s, dtype::int64);
    if (s.size() > 0 && (min(sorter).item<std::int64_t>() < 0 || max(sorter).item<std::int64_t>() >= a.size()))
      throw value_error("Sorter index out of range.");
  }
  ndarray flat_keys = ascontiguousarray(keys, dt);
  ndarray out = new_array(keys.shape(), dtype::int64, order::C, a.device());
  if (out.size() == 0) return out;
  backend& be = backend_for(a.device());
  if (!be.has_search(dt))
    throw not_implemented("searchsorted: the " + be.name() + " backend has no " + std::string(name(dt)) + " search");
  be.search({dt, sorted.data(), o.sorter ? static_cast<const std::int64_t*>(sorter.data()) : nullptr, a.size(),
             flat_keys.data(), out.size(), static_cast<std::int64_t*>(out.data()), o.side == "right"});
  return out;
}

ndarray flatnonzero(const ndarray& a) {
  if (!a.valid()) throw value_error("flatnonzero: null ndarray");
  ndarray flags = ascontiguousarray(a.reshape({-1}).astype(dtype::bool_));
  // counted first, so the result holds exactly its positions (a sparse mask over a large array
  // would otherwise keep a buffer of the array's length alive)
  std::int64_t k = count_nonzero(flags).item<std::int64_t>();
  ndarray out = new_array({k}, dtype::int64, order::C, a.device());
  if (k > 0)
    backend_for(a.device()).select_true(static_cast<const bool*>(flags.data()), flags.size(), static_cast<std::int64_t*>(out.data()));
  return out;
}

std::vector<ndarray> nonzero(const ndarray& a) {
  if (!a.valid()) throw value_error("nonzero: null ndarray");
  if (a.ndim() == 0)
    throw value_error("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context "
                      "of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
  ndarray flat = flatnonzero(a);
  std::vector<ndarray> out(std::size_t(a.ndim()));
  std::int64_t inner = 1;
  for (int d = a.ndim() - 1; d >= 0; --d) {
    out[std::size_t(d)] = d == 0 ? floor_divide(flat, inner) : remainder(floor_divide(flat, inner), a.shape()[std::size_t(d)]);
    inner *= std::max<std::int64_t>(a.shape()[std::size_t(d)], 1);
  }
  return out;
}

ndarray argwhere(const ndarray& a) {
  if (!a.valid()) throw value_error("argwhere: null ndarray");
  // NumPy reads a 0-d array as one element and gives positions of no axes: (count, 0)
  if (a.ndim() == 0) return zeros({a.astype(dtype::bool_).item<bool>() ? 1 : 0, 0}, dtype::int64, order::C, a.device());
  std::vector<ndarray> columns;
  for (const ndarray& p : nonzero(a)) columns.push_back(p.reshape({-1, 1}));
  return concatenate(columns, {.axis = 1});
}

ndarray extract(const ndarray& condition, const ndarray& arr) {
  if (!condition.valid() || !arr.valid()) throw value_error("extract: null ndarray");
  require_same_device("extract", condition, arr);
  return gather(arr.reshape({-1}), flatnonzero(condition));
}

}  // namespace cunp
