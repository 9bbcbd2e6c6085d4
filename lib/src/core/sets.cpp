// unique and the set operations, NumPy's algorithms (arraysetops) over cunp's own ops: a stable
// sort, a mask of where each run of equal elements starts, and the positions of its true
// elements (flatnonzero); isin sorts the test elements and searches for each element.
#include <limits>

#include "cunp/errors.hpp"
#include "cunp/sets.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace {

ndarray head(const ndarray& a) { return a[slice(std::nullopt, std::int64_t(-1))]; }  // a[:-1]
ndarray tail(const ndarray& a) { return a[slice(std::int64_t(1), std::nullopt)]; }   // a[1:]

ndarray int64_scalar_array(std::int64_t v, const device& dev) { return full({1}, v, dtype::int64, order::C, dev); }

void check(const char* op, const ndarray& a) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
}

// Where each run of equal sorted items starts (the first is always one). `differs` compares
// neighbours (n - 1 of them); equal_nan: NaN-carrying neighbours (sorted last) are one run.
ndarray run_starts(const ndarray& aux, ndarray differs, bool equal_nan) {
  if (aux.shape()[0] == 0) return zeros({0}, dtype::bool_, order::C, aux.device());
  if (equal_nan && is_inexact(aux.dtype())) {
    ndarray nan = isnan(aux);
    differs = logical_and(differs, logical_not(logical_and(tail(nan), head(nan))));
  }
  return concatenate({ones({1}, dtype::bool_, order::C, aux.device()), differs});
}

// The outputs _unique1d gives from the sorted items (1-d, or 2-d rows gathered whole: the axis
// form), the permutation that sorted them (when indices or the inverse are asked for) and the
// run starts.
unique_result unique_outputs(const ndarray& aux, const ndarray& perm, const ndarray& starts, const unique_options& o,
                             const shape_t& inverse_shape) {
  std::int64_t n = starts.size();
  ndarray first = flatnonzero(starts);
  unique_result r;
  if (aux.ndim() == 1) {
    r.values = gather(aux, first);
  } else {
    std::int64_t m = aux.shape()[1];
    ndarray at = add(multiply(first.reshape({-1, 1}), m), arange(m, dtype::int64, aux.device()));
    r.values = gather(aux, at);
  }
  if (o.return_index) r.indices = gather(perm, first);
  if (o.return_inverse) {
    // each item's run, placed back at its input position: perm's inverse is its argsort
    ndarray run = subtract(cumsum(starts, {.axis = 0, .dtype = dtype::int64}), 1);
    r.inverse_indices = gather(run, argsort(perm, {.axis = 0})).reshape(inverse_shape);
  }
  if (o.return_counts) r.counts = diff(concatenate({first, int64_scalar_array(n, aux.device())}));
  return r;
}

unique_result unique_flat(const ndarray& a, const unique_options& o) {
  ndarray flat = a.reshape({-1});
  ndarray perm, aux;
  if (o.return_index || o.return_inverse) {
    perm = argsort(flat, {.axis = 0, .kind = "stable"});
    aux = gather(flat, perm);
  } else {
    aux = sort(flat, {.axis = 0, .kind = "stable"});
  }
  ndarray starts = run_starts(aux, aux.size() ? not_equal(tail(aux), head(aux)) : ndarray{}, o.equal_nan);
  return unique_outputs(aux, perm, starts, o, a.shape());
}

// The axis form: the subarrays along the axis as rows, sorted lexicographically (the first
// element the most significant, each in NumPy's order), equal where every element is.
unique_result unique_rows(const ndarray& a, std::int64_t axis, const unique_options& o) {
  int ax = int(normalize_axis(axis, a.ndim()));
  std::vector<std::int64_t> to_front{ax};
  for (int d = 0; d < a.ndim(); ++d)
    if (d != ax) to_front.push_back(d);
  ndarray moved = a.transpose(to_front);
  std::int64_t n = moved.shape()[0], m = n ? moved.size() / n : 0;
  if (n == 0)
    for (std::size_t d = 1; d < moved.shape().size(); ++d) m *= moved.shape()[d];
  ndarray rows = ascontiguousarray(moved).reshape({n, m});
  ndarray perm;
  if (m == 0 || n == 0) {
    perm = arange(n, dtype::int64, a.device());
  } else {
    std::vector<ndarray> keys;  // the last one decides first
    for (std::int64_t j = m - 1; j >= 0; --j) {
      ndarray column = rows[{slice(), j}];
      keys.push_back(column);
      // NumPy compares rows field by field, and its float16 compare (HALF_compare), unlike its
      // sort, puts NaN first
      if (column.dtype() == dtype::float16) keys.push_back(logical_not(isnan(column)));
    }
    perm = lexsort(keys, 0);
  }
  ndarray at = add(multiply(perm.reshape({-1, 1}), m), arange(m, dtype::int64, a.device()));
  ndarray aux = gather(rows, at);
  ndarray differs = n == 0 ? ndarray{}
                    : m == 0 ? zeros({n - 1}, dtype::bool_, order::C, a.device())
                             : any(not_equal(tail(aux), head(aux)), axes{1});
  unique_result r = unique_outputs(aux, perm, run_starts(aux, differs, false), o, {n});
  shape_t values_shape = moved.shape();
  values_shape[0] = r.values.shape()[0];
  std::vector<std::int64_t> back(to_front.size());
  for (std::size_t i = 0; i < to_front.size(); ++i) back[std::size_t(to_front[i])] = std::int64_t(i);
  r.values = r.values.reshape(values_shape).transpose(back);
  return r;
}

}  // namespace

unique_result unique(const ndarray& a, const unique_options& o) {
  check("unique", a);
  if (!o.axis || a.ndim() == 1) {
    if (o.axis) normalize_axis(*o.axis, a.ndim());
    return unique_flat(a, o);
  }
  return unique_rows(a, *o.axis, o);
}

unique_result unique_all(const ndarray& x) {
  return unique(x, {.return_index = true, .return_inverse = true, .return_counts = true, .equal_nan = false});
}
unique_result unique_counts(const ndarray& x) { return unique(x, {.return_counts = true, .equal_nan = false}); }
unique_result unique_inverse(const ndarray& x) { return unique(x, {.return_inverse = true, .equal_nan = false}); }
ndarray unique_values(const ndarray& x) { return unique(x, {.equal_nan = false, .sorted = false}).values; }

namespace {

bool is_integral(dtype d) { return is_integer(d) || d == dtype::bool_; }

// NumPy's kind= checks, and the table method's range check (it raises where the test elements'
// range exceeds their dtype's largest value).
void check_isin_kind(const ndarray& element, const ndarray& test, const std::optional<std::string>& method) {
  if (method && *method != "sort" && *method != "table")
    throw value_error("Invalid kind: '" + *method + "'. Please use None, 'sort' or 'table'.");
  bool integral = is_integral(element.dtype()) && is_integral(test.dtype());
  if (method != "table") return;
  if (!integral)
    throw value_error("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
  if (test.size() == 0) return;
  // an unsigned dtype holds its own range; a signed one's range, max - min, can reach twice its
  // largest value (exact in uint64's wrapping subtraction)
  if (kind(test.dtype()) != dtype_kind::signed_int) return;
  std::uint64_t range = std::uint64_t(max(test).astype(dtype::int64).item<std::int64_t>()) -
                        std::uint64_t(min(test).astype(dtype::int64).item<std::int64_t>());
  std::uint64_t largest = (std::uint64_t(1) << (8 * itemsize(test.dtype()) - 1)) - 1;
  if (range > largest)
    throw runtime_error("You have specified kind='table', but the range of values in `ar2` or `ar1` exceed the maximum integer "
                        "of the datatype. Please set `kind` to None or 'sort'.");
}

}  // namespace

ndarray isin(const ndarray& element, const ndarray& test_elements, const isin_options& o) {
  check("isin", element);
  check("isin", test_elements);
  require_same_device("isin", element, test_elements);
  check_isin_kind(element, test_elements, o.kind);
  ndarray keys = element.reshape({-1}), test = test_elements.reshape({-1});
  dtype dt = promote_types(keys.dtype(), test.dtype());
  if (is_integral(keys.dtype()) && is_integral(test.dtype()) && !is_integral(dt)) {
    // uint64 against a signed integer (promoted to float64): compared exactly, as NumPy's integer
    // paths compare them, in the dtype whose range holds every value that can match
    if (keys.dtype() == dtype::uint64) {
      test = extract(greater_equal(test, 0), test);
      dt = dtype::uint64;
    } else {
      test = extract(less_equal(test, weak_scalar(std::numeric_limits<std::int64_t>::max())), test);
      dt = dtype::int64;
    }
  }
  std::int64_t m = test.size();
  if (m == 0 || keys.size() == 0) return full(element.shape(), o.invert, dtype::bool_, order::C, element.device());
  ndarray sorted = sort(test.astype(dt), {.axis = 0});
  ndarray k = keys.astype(dt);
  ndarray at = minimum(searchsorted(sorted, k), m - 1);
  ndarray found = equal(gather(sorted, at), k);
  return (o.invert ? logical_not(found) : found).reshape(element.shape());
}

intersect1d_result intersect1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique, bool return_indices) {
  check("intersect1d", ar1);
  check("intersect1d", ar2);
  require_same_device("intersect1d", ar1, ar2);
  ndarray a1 = ar1.reshape({-1}), a2 = ar2.reshape({-1}), first1, first2;
  if (!assume_unique) {
    unique_result u1 = unique(ar1, {.return_index = return_indices}), u2 = unique(ar2, {.return_index = return_indices});
    a1 = u1.values;
    a2 = u2.values;
    first1 = u1.indices;
    first2 = u2.indices;
  }
  ndarray aux = concatenate({a1, a2}), perm;
  if (return_indices) {
    perm = argsort(aux, {.axis = 0, .kind = "stable"});
    aux = gather(aux, perm);
  } else {
    aux = sort(aux, {.axis = 0, .kind = "stable"});
  }
  ndarray pairs = aux.size() > 1 ? flatnonzero(equal(tail(aux), head(aux))) : zeros({0}, dtype::int64, order::C, aux.device());
  intersect1d_result r{gather(aux, pairs), {}, {}};
  if (return_indices) {
    r.indices1 = gather(perm, pairs);
    r.indices2 = subtract(gather(perm, add(pairs, 1)), a1.size());
    if (!assume_unique) {
      // where ar1's own values fall together in the common dtype, a pair lies within ar1 and its
      // second position is negative: NumPy's indexing then counts from the end, as here
      auto from_end = [](const ndarray& i, std::int64_t n) { return where(less(i, 0), add(i, n), i); };
      r.indices1 = gather(first1, from_end(r.indices1, first1.size()));
      r.indices2 = gather(first2, from_end(r.indices2, first2.size()));
    }
  }
  return r;
}

ndarray union1d(const ndarray& ar1, const ndarray& ar2) {
  check("union1d", ar1);
  check("union1d", ar2);
  require_same_device("union1d", ar1, ar2);
  return unique(concatenate({ar1, ar2}, {.axis = std::nullopt})).values;
}

ndarray setdiff1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique) {
  check("setdiff1d", ar1);
  check("setdiff1d", ar2);
  require_same_device("setdiff1d", ar1, ar2);
  ndarray a1 = assume_unique ? ar1.reshape({-1}) : unique(ar1).values;
  ndarray a2 = assume_unique ? ar2 : unique(ar2).values;
  return extract(isin(a1, a2, {.assume_unique = true, .invert = true}), a1);
}

ndarray setxor1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique) {
  check("setxor1d", ar1);
  check("setxor1d", ar2);
  require_same_device("setxor1d", ar1, ar2);
  ndarray a1 = assume_unique ? ar1 : unique(ar1).values, a2 = assume_unique ? ar2 : unique(ar2).values;
  ndarray aux = concatenate({a1, a2}, {.axis = std::nullopt});
  if (aux.size() == 0) return aux;
  aux = sort(aux, {.axis = 0, .kind = "stable"});
  ndarray edge = ones({1}, dtype::bool_, order::C, aux.device());
  ndarray flag = concatenate({edge, not_equal(tail(aux), head(aux)), edge});
  return extract(logical_and(tail(flag), head(flag)), aux);
}

}  // namespace cunp
