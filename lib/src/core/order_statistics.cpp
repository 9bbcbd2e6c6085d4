// median, quantile, percentile and their nan-variants by NumPy's algorithms (numpy/lib/
// _function_base_impl.py: _median, _quantile and its method table; _nanfunctions_impl.py), with
// NumPy's ufuncs in NumPy's dtypes. Where NumPy partitions each slice, cunp sorts it (a sorted
// slice is partitioned at every position), as a row of a C-contiguous (B, n) array, and reads the
// positions NumPy's methods name through one gather: nothing leaves the device but q's range check.
#include "cunp/order_statistics.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>

#include "cunp/errors.hpp"
#include "cunp/numeric_functions.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"
#include "core/shape.hpp"

namespace cunp {
using namespace detail;

namespace {

struct sorted_rows {
  ndarray rows;   // (B, n): each reduced slice, sorted in NumPy's order (NaN last)
  shape_t batch;  // the kept axes' extents, in a's order
  shape_t kept;   // a's shape with the reduced axes 1 (keepdims)
  std::int64_t n = 0;
};

// NumPy's _ureduce: the reduced axes moved last and merged into rows of (B, n), unsorted (`rows`
// is a view where the strides allow).
sorted_rows rows_of(const char* op, const ndarray& a, const axes& axis) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
  std::vector<int> reduced = normalize_axes(axis, a.ndim());
  std::vector<bool> is_reduced(std::size_t(a.ndim()), false);
  for (int d : reduced) is_reduced[std::size_t(d)] = true;
  sorted_rows r;
  r.kept = a.shape();
  std::vector<std::int64_t> perm;
  std::int64_t b = 1;
  for (int d = 0; d < a.ndim(); ++d)
    if (!is_reduced[std::size_t(d)]) {
      perm.push_back(d);
      r.batch.push_back(a.shape()[std::size_t(d)]);
      b *= a.shape()[std::size_t(d)];
    }
  // NumPy merges several reduced axes by a reshape to kept + (-1,), which cannot infer -1 when
  // the kept extents hold a zero
  if (axis.list && axis.list->size() != 1 && b == 0) {
    std::string target = "(";
    for (std::int64_t e : r.batch) target += std::to_string(e) + ",";
    throw value_error("cannot reshape array of size 0 into shape " + target + "newaxis)");
  }
  r.n = 1;
  for (int d : reduced) {
    perm.push_back(d);
    r.n *= a.shape()[std::size_t(d)];
    r.kept[std::size_t(d)] = 1;
  }
  r.rows = a.transpose(perm).reshape({b, r.n});
  return r;
}

// The rows of rows_of, each sorted in NumPy's order (their merged axes' order is immaterial then).
sorted_rows sort_rows(const char* op, const ndarray& a, const axes& axis) {
  sorted_rows r = rows_of(op, a, axis);
  r.rows = sort(r.rows, {.axis = -1});
  return r;
}

std::int64_t batch_size(const sorted_rows& r) { return r.rows.shape()[0]; }

// Each row's first element's flat position, as a (1, B) int64 row.
ndarray row_starts(const sorted_rows& r) {
  return multiply(arange(batch_size(r), dtype::int64, r.rows.device()), r.n).reshape({1, batch_size(r)});
}

// The elements at per-row positions (any shape broadcasting against (1, B)).
ndarray pick(const sorted_rows& r, const ndarray& positions) { return gather(r.rows, add(row_starts(r), positions)); }

ndarray last_elements(const sorted_rows& r) { return r.rows[{slice(), r.n - 1}]; }

// Two (B,) rows as a (2, B) array.
ndarray stack_rows(const ndarray& first, const ndarray& second) {
  return concatenate({first.reshape({1, -1}), second.reshape({1, -1})}, {.axis = 0});
}

shape_t joined(const shape_t& lead, const shape_t& tail) {
  shape_t s = lead;
  s.insert(s.end(), tail.begin(), tail.end());
  return s;
}

// ---- quantile methods (NumPy's _QuantileMethods) ----

enum class method {
  inverted_cdf, averaged_inverted_cdf, closest_observation, interpolated_inverted_cdf, hazen, weibull, linear,
  median_unbiased, normal_unbiased, lower, higher, midpoint, nearest
};
constexpr std::array<std::string_view, 13> method_names = {
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull",
    "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"};

method method_of(const std::string& name) {
  for (std::size_t i = 0; i < method_names.size(); ++i)
    if (method_names[i] == name) return method(i);
  std::string all;
  for (std::string_view m : method_names) all += std::string(all.empty() ? "" : ", ") + "'" + std::string(m) + "'";
  throw value_error("'" + name + "' is not a valid method. Use one of: dict_keys([" + all + "])");
}

// Hyndman and Fan's alpha and beta of the continuous methods NumPy computes by _compute_virtual_index.
std::pair<double, double> plotting_positions(method m) {
  switch (m) {
    case method::interpolated_inverted_cdf: return {0, 1};
    case method::hazen: return {0.5, 0.5};
    case method::weibull: return {0, 0};
    case method::median_unbiased: return {1 / 3.0, 1 / 3.0};
    default: return {3 / 8.0, 3 / 8.0};  // normal_unbiased
  }
}

// The slice lengths a method's arithmetic sees: Python ints n and n - 1 for the plain functions
// (weak scalars), or per-row counts as (1, B) arrays in q's dtype (int64 for integer q) for the
// nan-functions, n - 1 taken before the cast as NumPy's Python ints are.
struct lengths {
  operand n, n_minus_1;
};

// Where to read: `index` alone (no interpolation), or `index` and `next` with gamma.
struct positions {
  ndarray index, next, gamma;
  bool interpolate = false;
};

// NumPy's _get_indexes and _get_gamma over the virtual indexes.
positions interpolation(const ndarray& vi, const lengths& len, bool inexact_data, method m) {
  ndarray prev = floor(vi);
  ndarray next = add(prev, 1);
  ndarray above = greater_equal(vi, len.n_minus_1);
  prev = where(above, -1, prev);
  next = where(above, -1, next);
  ndarray below = less(vi, 0);
  prev = where(below, 0, prev);
  next = where(below, 0, next);
  if (inexact_data) {
    ndarray nan_index = isnan(vi);
    prev = where(nan_index, -1, prev);
    next = where(nan_index, -1, next);
  }
  positions p;
  p.index = prev.astype(dtype::int64);
  p.next = next.astype(dtype::int64);
  p.interpolate = true;
  ndarray gamma = subtract(vi, p.index);  // NumPy's intp previous promotes the difference
  if (m == method::averaged_inverted_cdf) gamma = where(equal(gamma, 0), 0.5, 1.0);
  if (m == method::midpoint) gamma = where(equal(remainder(vi, 1), 0), 0.0, 0.5);
  p.gamma = gamma.astype(vi.dtype());
  return p;
}

// NumPy's _discrete_interpolation_to_boundaries: the positions of inverted_cdf and closest_observation.
positions discrete(const ndarray& index, bool closest) {
  ndarray prev = floor(index);
  ndarray next = add(prev, 1);
  ndarray gamma = subtract(index, prev);
  ndarray at_prev = equal(gamma, 0);
  if (closest) at_prev = logical_and(at_prev, equal(remainder(prev, 2), 1));
  positions p;
  p.index = maximum(where(at_prev, prev, next).astype(dtype::int64), 0);
  return p;
}

positions positions_of(method m, const ndarray& q, const lengths& len, bool inexact_data) {
  switch (m) {
    case method::inverted_cdf: return discrete(subtract(multiply(len.n, q), 1), false);
    case method::closest_observation: return discrete(subtract(subtract(multiply(len.n, q), 1), 0.5), true);
    case method::lower: return {floor(multiply(len.n_minus_1, q)).astype(dtype::int64), {}, {}, false};
    case method::higher: return {ceil(multiply(len.n_minus_1, q)).astype(dtype::int64), {}, {}, false};
    case method::nearest: return {rint(multiply(len.n_minus_1, q)).astype(dtype::int64), {}, {}, false};
    case method::linear: {
      ndarray vi = multiply(len.n_minus_1, q);
      if (is_integer(vi.dtype())) return {vi.astype(dtype::int64), {}, {}, false};
      return interpolation(vi, len, inexact_data, m);
    }
    case method::midpoint: {
      ndarray scaled = multiply(len.n_minus_1, q);
      return interpolation(multiply(0.5, add(floor(scaled), ceil(scaled))), len, inexact_data, m);
    }
    case method::averaged_inverted_cdf: return interpolation(subtract(multiply(len.n, q), 1), len, inexact_data, m);
    default: break;
  }
  auto [alpha, beta] = plotting_positions(m);
  ndarray vi = subtract(add(multiply(len.n, q), add(alpha, multiply(q, 1 - alpha - beta))), 1);
  return interpolation(vi, len, inexact_data, m);
}

// NumPy's _lerp: a + (b - a) t, or b - (b - a)(1 - t) where t >= 0.5. A q given as a Python number
// makes gamma a Python float (NumPy's weak_q): it enters each op converted to the data's float
// dtype (float64 for integers), and 1 - t is taken in double first.
ndarray lerp(const ndarray& a, const ndarray& b, const ndarray& gamma, bool weak_gamma) {
  ndarray t = gamma, one_minus_t;
  if (weak_gamma) {
    dtype d = is_inexact(a.dtype()) ? a.dtype() : dtype::float64;
    one_minus_t = subtract(1, gamma.astype(dtype::float64)).astype(d);
    t = gamma.astype(d);
  } else {
    one_minus_t = subtract(1, gamma);
  }
  ndarray diff = subtract(b, a);
  ndarray result = add(a, multiply(diff, t));
  subtract(b, multiply(diff, one_minus_t),
           {.out = result, .where = greater_equal(gamma, 0.5), .dtype = result.dtype(), .casting = casting::unsafe});
  return result;
}

// Per-row positions from the top (NumPy's -1: the row's last counted element) made absolute.
ndarray from_end(const ndarray& p, const operand& count) { return where(less(p, 0), add(p, count), p); }

// The quantiles (a (nq, 1) column) of the rows: (nq, B). counts: the nan-functions' per-row counts
// of non-NaN elements ((1, B) int64), or none (every row counts n).
ndarray quantiles_of_rows(const sorted_rows& r, const ndarray& q, bool weak_q, method m, const std::optional<ndarray>& counts) {
  lengths len{r.n, r.n - 1};
  if (counts) {
    dtype index_dt = is_inexact(q.dtype()) ? q.dtype() : dtype::int64;
    len = {counts->astype(index_dt), subtract(*counts, 1).astype(index_dt)};
  }
  positions p = positions_of(m, q, len, is_inexact(r.rows.dtype()));
  operand count = counts ? operand(*counts) : operand(r.n);
  // an all-NaN row (a count of 0) reads its first element, and is NaN below
  ndarray index = maximum(from_end(p.index, count), 0);
  if (!p.interpolate) return pick(r, index);
  return lerp(pick(r, index), pick(r, maximum(from_end(p.next, count), 0)), p.gamma, weak_q);
}

// q as NumPy's quantile reads it (np.asanyarray; percentile's divided by 100), checked, on a's
// device; `weak`: a Python int or float (NumPy's weak_q), whose gamma stays a Python float.
struct quantiles {
  ndarray q;
  bool weak = false;
};
quantiles quantiles_for(const char* op, const ndarray& a, const operand& q_in, bool percent) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
  if (is_complex(a.dtype())) throw type_error("a must be an array of real numbers");
  quantiles r;
  if (q_in.is_array()) {
    if (!q_in.array().valid()) throw value_error(std::string(op) + ": q is a null ndarray");
    r.q = q_in.array().to(a.device());
  } else {
    auto k = q_in.scalar().kind;
    r.weak = k == weak_scalar::kind_t::integer || k == weak_scalar::kind_t::floating;
    r.q = full({}, q_in.scalar(), std::nullopt, order::C, a.device());
  }
  ndarray& q = r.q;
  if (percent) q = divide(q, 100);
  if (is_complex(q.dtype())) throw type_error("quantile: q must be real, not " + std::string(name(q.dtype())));
  if (q.ndim() != 1 && q.size() == 0) throw value_error("zero-size array to reduction operation minimum which has no identity");
  if (!all(logical_and(greater_equal(q, 0), less_equal(q, 1))).item<bool>())
    throw value_error(percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
  if (q.ndim() > 2) throw value_error("q must be a scalar or 1d");
  return r;
}

// ---- weighted quantiles (NumPy's _weights_are_valid and _quantile's weighted branch) ----

// The weights as an array of a's shape: a's own shape, or the reduced axes' extents in the order
// `axis` names them, broadcast along the kept axes.
ndarray weights_like(const ndarray& a, const ndarray& w, const axes& axis) {
  if (w.shape() == a.shape()) return w;
  if (!axis.list) throw type_error("Axis must be specified when shapes of a and weights differ.");
  std::vector<std::int64_t> given;
  shape_t extents;
  for (std::int64_t ax : *axis.list) {
    given.push_back(normalize_axis(ax, a.ndim()));
    extents.push_back(a.shape()[std::size_t(given.back())]);
  }
  if (w.shape() != extents) throw value_error("Shape of weights must be consistent with shape of a along specified axis.");
  std::vector<std::int64_t> into_a_order(given.size());
  std::iota(into_a_order.begin(), into_a_order.end(), 0);
  std::sort(into_a_order.begin(), into_a_order.end(), [&](std::int64_t i, std::int64_t j) { return given[std::size_t(i)] < given[std::size_t(j)]; });
  shape_t s(std::size_t(a.ndim()), 1);
  for (std::int64_t ax : given) s[std::size_t(ax)] = a.shape()[std::size_t(ax)];
  return w.transpose(into_a_order).reshape(s).broadcast_to(a.shape());
}

// NumPy's nan-functions index weights of the reduced axes' shape by each kept position (its
// _nanquantile_ureduce_func), which fails at the first kept position past 0: the last kept axis
// longer than 1, counted among the kept axes, is the one its IndexError names.
std::optional<std::int64_t> unindexable_weights_axis(const ndarray& a, const ndarray& w, const axes& axis) {
  if (w.shape() == a.shape() || !axis.list) return std::nullopt;
  std::vector<int> reduced = normalize_axes(axis, a.ndim());
  std::int64_t kept = 0;
  std::optional<std::int64_t> failing;
  for (int d = 0; d < a.ndim(); ++d) {
    if (std::find(reduced.begin(), reduced.end(), d) != reduced.end()) continue;
    if (a.shape()[std::size_t(d)] > 1) failing = kept;
    ++kept;
  }
  return failing;
}

// Method inverted_cdf with weights: each slice sorted with its weights, whose running sum in
// float64 over the total is the slice's empirical CDF (in q's float dtype, its leading zeros -1 so
// that q = 0 skips weightless elements), and each q read at the first element whose CDF reaches
// it, within the slice's count. The nan-functions give NaNs no weight and count the others.
ndarray weighted_quantile_of(const char* op, const ndarray& a, const quantiles& qs, const quantile_options& o, bool skip_nan) {
  const ndarray& q = qs.q;
  if (o.method != "inverted_cdf") throw value_error("Only method 'inverted_cdf' supports weights. Got: " + o.method + ".");
  if (!o.weights->valid()) throw value_error(std::string(op) + ": weights is a null ndarray");
  if (o.axis.list) normalize_axes(o.axis, a.ndim());
  ndarray w = weights_like(a, o.weights->to(a.device()), o.axis);
  if (any(less(w, 0)).item<bool>()) throw value_error("Weights must be non-negative.");
  std::optional<std::int64_t> unindexable;
  if (skip_nan) {
    if (a.size() == 0) return nanmean(a, o.axis, o.keepdims);
    unindexable = unindexable_weights_axis(a, *o.weights, o.axis);
  }
  sorted_rows r = rows_of(op, a, o.axis);
  if (r.n == 0) throw index_error("index -1 is out of bounds for axis 0 with size 0");
  std::int64_t b = batch_size(r);
  ndarray sorting = add(argsort(r.rows, {.axis = -1, .kind = "stable"}), row_starts(r).reshape({b, 1}));
  ndarray weight_rows = gather(rows_of(op, w, o.axis).rows, sorting);
  r.rows = gather(r.rows, sorting);
  if (is_complex(weight_rows.dtype())) weight_rows = real(weight_rows);  // NumPy's cast to float64 drops the imaginary parts
  bool nan_skipped = skip_nan && is_inexact(a.dtype());
  ndarray counts = full({1, b}, r.n, dtype::int64, order::C, a.device());
  if (nan_skipped) {
    ndarray nan_value = isnan(r.rows);
    weight_rows = where(nan_value, 0, weight_rows);
    counts = subtract(r.n, count_nonzero(nan_value, -1)).reshape({1, b});
  }
  ndarray cdf = cumsum(weight_rows, {.axis = -1, .dtype = dtype::float64});
  cdf = divide(cdf, cdf[{slice(), slice(r.n - 1, std::nullopt)}]);
  ndarray invalid = isnan(cdf[{slice(), r.n - 1}]);
  if (nan_skipped) invalid = logical_and(invalid, greater(counts.reshape({b}), 0));  // an all-NaN slice is NaN, unchecked
  const char* bad_weights = "Weights included NaN, inf or were all zero.";
  if (unindexable) {  // NumPy computes the first slice before it fails to index the second
    if (invalid[{0}].item<bool>()) throw value_error(bad_weights);
    throw index_error("index 1 is out of bounds for axis " + std::to_string(*unindexable) + " with size 1");
  }
  if (any(invalid).item<bool>()) throw value_error(bad_weights);
  if (is_inexact(q.dtype())) cdf = cdf.astype(q.dtype());
  cdf = where(equal(cdf, 0), -1, cdf);
  // each q's position: how many of the slice's CDF values lie below it (searchsorted's left side)
  ndarray flat_q = q.reshape({-1});
  std::vector<ndarray> below;
  for (std::int64_t i = 0; i < flat_q.size(); ++i) below.push_back(count_nonzero(less(cdf, flat_q[{i}]), -1).reshape({1, b}));
  ndarray positions = below.empty() ? zeros({0, b}, dtype::int64, order::C, a.device()) : concatenate(below, {.axis = 0});
  ndarray result = pick(r, maximum(minimum(positions, subtract(counts, 1)), 0));
  if (nan_skipped) {
    result = where(equal(counts, 0), NAN, result);
  } else if (is_inexact(a.dtype())) {
    ndarray last = last_elements(r);
    result = where(isnan(last), last, result);
  }
  return result.reshape(joined(q.shape(), o.keepdims ? r.kept : r.batch));
}

ndarray quantile_of(const char* op, const ndarray& a, const quantiles& qs, const quantile_options& o) {
  if (o.weights) return weighted_quantile_of(op, a, qs, o, false);
  const ndarray& q = qs.q;
  method m = method_of(o.method);
  sorted_rows r = sort_rows(op, a, o.axis);
  if (r.n == 0) throw index_error("index -1 is out of bounds for axis 0 with size 0");
  ndarray result = quantiles_of_rows(r, q.reshape({q.size(), 1}), qs.weak, m, std::nullopt);
  if (is_inexact(a.dtype())) {
    // NumPy's slices_having_nans: a row whose last element is NaN gives that NaN (a 0-d result
    // becomes the element itself, of a's dtype)
    ndarray last = last_elements(r);
    ndarray nan_rows = isnan(last);
    if (any(nan_rows).item<bool>()) {
      if (q.ndim() == 0 && r.batch.empty()) return last.reshape(o.keepdims ? r.kept : shape_t{});
      result = where(nan_rows, last, result);
    }
  }
  return result.reshape(joined(q.shape(), o.keepdims ? r.kept : r.batch));
}

ndarray nanquantile_of(const char* op, const ndarray& a, const quantiles& qs, const quantile_options& o) {
  if (o.weights) return weighted_quantile_of(op, a, qs, o, true);
  const ndarray& q = qs.q;
  method m = method_of(o.method);
  if (a.size() == 0) return nanmean(a, o.axis, o.keepdims);  // NumPy's shortcut, q's dims and all
  if (!is_inexact(a.dtype())) return quantile_of(op, a, qs, o);
  sorted_rows r = sort_rows(op, a, o.axis);
  ndarray counts = subtract(r.n, count_nonzero(isnan(r.rows), -1)).reshape({1, batch_size(r)});
  ndarray result = quantiles_of_rows(r, q.reshape({q.size(), 1}), qs.weak, m, counts);
  ndarray empty_rows = equal(counts, 0);
  // NumPy's apply_along_axis takes the first row's dtype: a's where that row is all NaN
  if (counts[{0, 0}].item<std::int64_t>() == 0) result = result.astype(a.dtype());
  result = where(empty_rows, NAN, result);
  return result.reshape(joined(q.shape(), o.keepdims ? r.kept : r.batch));
}

// np.ma.median's middles of complex rows: it sorts the NaNs (masked) as inf + 0j, which complex
// values with an infinite part follow, and a masked element it picks reads as inf + infj (its
// minimum_fill_value). Its sort keeps ties in their order for rows of up to 16 (an insertion
// sort), as this stable one does everywhere.
ndarray masked_complex_middles(const ndarray& a, const axes& axis, const ndarray& positions) {
  ndarray masked = isnan(a);
  sorted_rows filled = rows_of("nanmedian", where(masked, std::complex<double>(INFINITY, 0), a), axis);
  sorted_rows order = filled;
  order.rows = argsort(filled.rows, {.axis = -1, .kind = "stable"});
  ndarray picked = pick(order, positions);  // the positions within each unsorted row
  return where(pick(rows_of("nanmedian", masked, axis), picked), std::complex<double>(INFINITY, INFINITY), pick(filled, picked));
}

}  // namespace

ndarray median(const ndarray& a, const axes& axis, bool keepdims) {
  sorted_rows r = sort_rows("median", a, axis);
  std::int64_t hi = r.n / 2 + 1, lo = r.n % 2 == 1 ? hi - 1 : hi - 2;
  if (r.n == 0) lo = hi = 0;
  ndarray result = mean(r.rows[{slice(), slice(lo, hi)}], -1);
  if (is_inexact(a.dtype()) && r.n > 0) {
    ndarray last = last_elements(r);
    result = where(isnan(last), last, result);
  }
  return result.reshape(keepdims ? r.kept : r.batch);
}

ndarray nanmedian(const ndarray& a, const axes& axis, bool keepdims) {
  if (!a.valid()) throw value_error("nanmedian: null ndarray");
  if (a.size() == 0) return nanmean(a, axis, keepdims);
  if (!is_inexact(a.dtype())) return median(a, axis, keepdims);
  sorted_rows r = sort_rows("nanmedian", a, axis);
  ndarray counts = subtract(r.n, count_nonzero(isnan(r.rows), -1));  // (B,)
  ndarray high = floor_divide(counts, 2);
  ndarray odd = equal(remainder(counts, 2), 1);
  ndarray low = where(odd, high, subtract(high, 1));
  // rows 0 and 1: each slice's low and high middle (the middle twice for an odd count)
  ndarray positions = maximum(stack_rows(low, high), 0);
  ndarray middle = pick(r, positions);
  ndarray result;
  if (!r.batch.empty() && r.n < 600) {
    // NumPy's _nanmedian_small (np.ma.median): the sum of the low and high middles, halved; an
    // all-NaN slice is NaN
    if (is_complex(a.dtype())) middle = masked_complex_middles(a, axis, positions);
    result = where(equal(counts, 0), NAN, divide(sum(middle, 0), 2.0));
  } else {
    // np.median of each slice's non-NaN elements: the mean of its one or two middles; an all-NaN
    // slice gives its NaN
    result = where(odd, mean(middle[{slice(1, 2)}], 0), mean(middle, 0));
    result = where(equal(counts, 0), last_elements(r), result);
  }
  return result.reshape(keepdims ? r.kept : r.batch);
}

ndarray quantile(const ndarray& a, const operand& q, const quantile_options& o) {
  return quantile_of("quantile", a, quantiles_for("quantile", a, q, false), o);
}
ndarray percentile(const ndarray& a, const operand& q, const quantile_options& o) {
  return quantile_of("percentile", a, quantiles_for("percentile", a, q, true), o);
}
ndarray nanquantile(const ndarray& a, const operand& q, const quantile_options& o) {
  return nanquantile_of("nanquantile", a, quantiles_for("nanquantile", a, q, false), o);
}
ndarray nanpercentile(const ndarray& a, const operand& q, const quantile_options& o) {
  return nanquantile_of("nanpercentile", a, quantiles_for("nanpercentile", a, q, true), o);
}

}  // namespace cunp
