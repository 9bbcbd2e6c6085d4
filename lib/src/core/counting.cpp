// bincount, digitize and histogram, NumPy's definitions (compiled_base.c, _histograms_impl.py)
// over cunp's ops: the values sorted, each bin's bounds found by binary search (so a bin's count
// is the difference of two positions), and weighted bins summed segment by segment (reduceat).
#include <cmath>
#include <limits>

#include "cunp/counting.hpp"
#include "cunp/errors.hpp"
#include "cunp/sorting.hpp"
#include "core/array_access.hpp"

namespace cunp {
using namespace detail;

namespace {

ndarray head(const ndarray& a) { return a[slice(std::nullopt, std::int64_t(-1))]; }  // a[:-1]

bool is_integral(dtype d) { return is_integer(d) || d == dtype::bool_; }

// NumPy's conversion of an argument to a 1-d array (PyArray_ContiguousFromAny(x, type, 1, 1)).
void require_1d(const ndarray& a) {
  if (a.ndim() == 0) throw value_error("object of too small depth for desired array");
  if (a.ndim() > 1) throw value_error("object too deep for desired array");
}

type_error cast_error(dtype from, dtype to) {
  return type_error("Cannot cast array data from dtype('" + std::string(name(from)) + "') to dtype('" + std::string(name(to)) +
                    "') according to the rule 'safe'");
}

// The sum of w[bounds[i]:bounds[i+1]] for each bin i (zero where empty), in w's dtype: one
// segmented reduction over the bins that hold something, read back by each bin's rank among them.
ndarray bin_sums(const ndarray& w, const ndarray& bounds) {
  std::int64_t k = bounds.size() - 1;
  ndarray nonempty = greater(diff(bounds), 0);
  ndarray starts = extract(nonempty, head(bounds));
  if (starts.size() == 0) return zeros({k}, w.dtype(), order::C, w.device());
  std::int64_t end = bounds[{k}].item<std::int64_t>();
  ndarray sums = ufuncs::add.reduceat(w[slice(std::int64_t(0), end)], starts);
  ndarray rank = maximum(subtract(cumsum(nonempty, {.axis = 0, .dtype = dtype::int64}), 1), 0);
  return where(nonempty, gather(sums, rank), 0);
}

}  // namespace

ndarray bincount(const ndarray& x, const bincount_options& o) {
  if (!x.valid()) throw value_error("bincount: null ndarray");
  require_1d(x);
  if (!is_integral(x.dtype())) throw cast_error(x.dtype(), dtype::int64);
  if (o.minlength < 0) throw value_error("'minlength' must not be negative");
  if (x.size() == 0) return zeros({o.minlength}, dtype::int64, order::C, x.device());
  // NumPy casts x to int64 (a uint64 beyond its range wraps negative); cunp sorts and searches x
  // in its own dtype, and checks its range as that cast would see it
  ndarray largest = max(x);
  bool wraps = x.dtype() == dtype::uint64 && largest.item<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max());
  if (wraps || min(x).astype(dtype::int64).item<std::int64_t>() < 0)
    throw value_error("'list' argument must have no negative elements");
  std::int64_t k = std::max(largest.astype(dtype::int64).item<std::int64_t>() + 1, o.minlength);
  // the bin edges 0..k in x's dtype where it holds k (no int64 copy of x for the search)
  bool fits = x.dtype() != dtype::bool_ &&
              full({}, k, dtype::int64, order::C, x.device()).astype(x.dtype()).astype(dtype::int64).item<std::int64_t>() == k;
  ndarray edges = arange(k + 1, fits ? x.dtype() : dtype::int64, x.device());
  if (!o.weights) return diff(searchsorted(sort(x, {.axis = 0}), edges));
  const ndarray& w = *o.weights;
  if (!w.valid()) throw value_error("bincount: weights is a null ndarray");
  require_same_device("bincount", x, w);
  require_1d(w);
  if (!can_cast(w.dtype(), dtype::float64)) throw cast_error(w.dtype(), dtype::float64);
  if (w.size() != x.size()) throw value_error("The weights and list don't have the same length.");
  ndarray perm = argsort(x, {.axis = 0, .kind = "stable"});
  return bin_sums(gather(w.astype(dtype::float64), perm), searchsorted(gather(x, perm), edges));
}

namespace {

// NumPy's check of digitize's bins (check_array_monotonic, in float64): 1 increasing, -1
// decreasing, 0 neither; repeated leading values and a NaN compare as NumPy's loop has them.
int monotonicity(const std::vector<double>& b) {
  std::size_t i = 1;
  while (i < b.size() && b[i] == b[0]) ++i;
  if (i >= b.size()) return 1;
  double last = b[0], next = b[i];
  bool rising = last < next;
  for (++i; i < b.size(); ++i) {
    last = next;
    next = b[i];
    if (rising ? last > next : last < next) return 0;
  }
  return rising ? 1 : -1;
}

}  // namespace

ndarray digitize(const ndarray& x, const ndarray& bins, bool right) {
  if (!x.valid() || !bins.valid()) throw value_error("digitize: null ndarray");
  require_same_device("digitize", x, bins);
  if (is_complex(x.dtype())) throw type_error("x may not be complex");
  require_1d(bins);
  if (!can_cast(bins.dtype(), dtype::float64)) throw cast_error(bins.dtype(), dtype::float64);
  int mono = monotonicity(bins.astype(dtype::float64).to(device::host()).to_host<double>());
  if (mono == 0) throw value_error("bins must be monotonically increasing or decreasing");
  searchsorted_options side{.side = right ? "left" : "right"};
  if (mono == 1) return searchsorted(bins, x, side);
  return subtract(bins.size(), searchsorted(bins[slice(std::nullopt, std::nullopt, std::int64_t(-1))], x, side));
}

namespace {

// One outer edge: a Python number (range=) or a 0-d array of a's dtype (its min or max), or of
// float64 once moved by half (NumPy's scalars).
ndarray edge_array(const operand& e, const device& dev) {
  return e.is_array() ? e.array() : full({}, e.scalar(), std::nullopt, order::C, dev);
}

struct bin_edges {
  ndarray edges;
  // equal bins over [first, last]: values outside are left out before they are counted
  std::optional<std::pair<operand, operand>> outer{};
};

// _get_outer_edges: range checked, or a's min and max (0 and 1 for an empty a), and an empty
// range widened by half on either side.
std::pair<operand, operand> outer_edges(const ndarray& a, const histogram_options& o) {
  if (o.range) {
    ndarray first = edge_array(o.range->first, a.device()), last = edge_array(o.range->second, a.device());
    if (greater(first, last).item<bool>()) throw value_error("max must be larger than min in range parameter.");
    if (!(isfinite(first).item<bool>() && isfinite(last).item<bool>())) throw value_error("supplied range is not finite");
    if (equal(first, last).item<bool>()) {
      double at = first.astype(dtype::float64).item<double>();
      return {weak_scalar(at - 0.5), weak_scalar(at + 0.5)};
    }
    return {o.range->first, o.range->second};
  }
  if (a.size() == 0) return {weak_scalar(0), weak_scalar(1)};
  ndarray first = min(a), last = max(a);
  if (!(isfinite(first).item<bool>() && isfinite(last).item<bool>())) throw value_error("autodetected range is not finite");
  if (equal(first, last).item<bool>()) return {subtract(first, 0.5), add(last, 0.5)};
  return {first, last};
}

dtype_operand as_dtype_operand(const operand& e) {
  return e.is_array() ? dtype_operand(e.array().dtype()) : dtype_operand(e.scalar());
}

// NumPy's linspace(first, last, n + 1, dtype=bin_type): computed in the edges' own inexact
// dtype, the last edge set to last exactly.
ndarray equal_edges(const std::pair<operand, operand>& outer, std::int64_t n, dtype bin_type, const device& dev) {
  ndarray start = edge_array(outer.first, dev), stop = edge_array(outer.second, dev);
  dtype dt = result_type({start.dtype(), stop.dtype()});
  if (!is_inexact(dt)) dt = dtype::float64;
  ndarray delta = subtract(stop, start, {.dtype = dt});
  ndarray y = arange(0, n + 1, 1, dt, dev);
  ndarray step = divide(delta, n);
  y = equal(step, 0).item<bool>() ? multiply(divide(y, n), delta) : multiply(y, step);
  y = add(y, start);
  y = concatenate({head(y), stop.astype(dt).reshape({1})});
  return y.astype(bin_type);
}

bin_edges get_bin_edges(const ndarray& a, const operand& bins, const histogram_options& o) {
  if (bins.is_array() && bins.array().ndim() > 0) {
    const ndarray& e = bins.array();
    require_same_device("histogram", a, e);
    if (e.ndim() > 1) throw value_error("`bins` must be 1d, when an array");
    if (e.size() > 1 && any(greater(head(e), e[slice(std::int64_t(1), std::nullopt)])).item<bool>())
      throw value_error("`bins` must increase monotonically, when an array");
    return {e};
  }
  std::int64_t n = 0;
  if (bins.is_array()) {  // a 0-d array: an integer one (operator.index takes no bool array)
    if (!is_integer(bins.array().dtype())) throw type_error("`bins` must be an integer, a string, or an array");
    n = bins.array().astype(dtype::int64).item<std::int64_t>();
  } else {
    const weak_scalar& s = bins.scalar();
    if (s.kind == weak_scalar::kind_t::boolean) n = s.b ? 1 : 0;
    else if (s.kind == weak_scalar::kind_t::integer && s.fits(dtype::int64)) n = s.negative ? -std::int64_t(s.magnitude - 1) - 1 : std::int64_t(s.magnitude);
    else throw type_error("`bins` must be an integer, a string, or an array");
  }
  if (n < 1) throw value_error("`bins` must be positive, when an integer");
  std::pair<operand, operand> outer = outer_edges(a, o);
  dtype bin_type = result_type({as_dtype_operand(outer.first), as_dtype_operand(outer.second), a.dtype()});
  if (!is_inexact(bin_type)) bin_type = dtype::float64;
  ndarray edges = equal_edges(outer, n, bin_type, a.device());
  if (any(greater_equal(head(edges), edges[slice(std::int64_t(1), std::nullopt)])).item<bool>())
    throw value_error("Too many bins for data range. Cannot create " + std::to_string(n) + " finite-sized bins.");
  return {edges, outer};
}

// _ravel_and_check_weights: bool counts as uint8; weights of a's shape.
ndarray checked_data(const char* op, const ndarray& a, const histogram_options& o) {
  if (!a.valid()) throw value_error(std::string(op) + ": null ndarray");
  if (is_complex(a.dtype())) throw not_implemented(std::string(op) + ": complex values (NumPy orders them lexicographically)");
  if (o.weights) {
    if (!o.weights->valid()) throw value_error(std::string(op) + ": weights is a null ndarray");
    require_same_device(op, a, *o.weights);
    if (o.weights->shape() != a.shape()) throw value_error("weights should have the same shape as a.");
  }
  return (a.dtype() == dtype::bool_ ? a.astype(dtype::uint8) : a).reshape({-1});
}

}  // namespace

ndarray histogram_bin_edges(const ndarray& a, const operand& bins, const histogram_options& o) {
  ndarray flat = checked_data("histogram_bin_edges", a, o);
  return get_bin_edges(flat, bins, o).edges;
}

namespace {

constexpr std::int64_t histogram_block = 65536;  // NumPy's BLOCK: its weighted sums restart per block

// The positions of each edge among sorted values, the last one inclusive (_search_sorted_inclusive).
ndarray edge_positions(const ndarray& sorted, const ndarray& edges) {
  std::int64_t k = edges.size() - 1;
  return concatenate({searchsorted(sorted, head(edges)), searchsorted(sorted, edges[slice(k, std::nullopt)], {.side = "right"})});
}

ndarray block(const ndarray& a, std::int64_t start) { return a[slice(start, std::min(start + histogram_block, a.size()))]; }

// Weighted equal bins as NumPy's bincount path sums them: per block of the input, the weights of
// the values within the outer edges summed per bin in float64 (complex128), cast to the weights'
// dtype and added to the bins in it.
ndarray weighted_equal_bins(const ndarray& flat, const ndarray& w, const bin_edges& be) {
  ndarray n = zeros({be.edges.size() - 1}, w.dtype(), order::C, w.device());
  dtype summing = is_complex(w.dtype()) ? dtype::complex128 : dtype::float64;
  for (std::int64_t start = 0; start < flat.size(); start += histogram_block) {
    ndarray v = block(flat, start), wb = block(w, start);
    ndarray keep = logical_and(greater_equal(v, be.outer->first), less_equal(v, be.outer->second));
    v = extract(keep, v).astype(be.edges.dtype());
    wb = extract(keep, wb).astype(summing);
    ndarray perm = argsort(v, {.axis = 0, .kind = "stable"});
    ndarray sums = bin_sums(gather(wb, perm), edge_positions(gather(v, perm), be.edges));
    // NumPy adds complex sums into n's parts in float64, rounding once; real ones it casts first
    n = add(n, is_complex(w.dtype()) ? sums : sums.astype(w.dtype()), {.out = n});
  }
  return n;
}

// Weighted explicit edges as NumPy's prefix sums: per block, the weights in their values' sorted
// order summed running (cumsum's dtype: bool and small integers in int64), read at each edge's
// position and added up over the blocks in the weights' dtype (same_kind: bool weights are
// NumPy's type error), then differenced. A NaN weight spoils every later bin, as in NumPy.
ndarray weighted_explicit_bins(const ndarray& flat, const ndarray& w, const ndarray& edges) {
  ndarray cum = zeros({edges.size()}, w.dtype(), order::C, w.device());
  for (std::int64_t start = 0; start < flat.size(); start += histogram_block) {
    ndarray v = block(flat, start), wb = block(w, start);
    ndarray perm = argsort(v, {.axis = 0});
    ndarray running = cumsum(gather(wb, perm), {.axis = 0});
    ndarray from_zero = concatenate({zeros({1}, w.dtype(), order::C, w.device()), running});
    cum = add(cum, gather(from_zero, edge_positions(gather(v, perm), edges)), {.out = cum});
  }
  return diff(cum);
}

}  // namespace

histogram_result histogram(const ndarray& a, const operand& bins, const histogram_options& o) {
  ndarray flat = checked_data("histogram", a, o);
  bin_edges be = get_bin_edges(flat, bins, o);
  if (be.edges.size() == 0) {  // no edges, no bins
    ndarray none = zeros({0}, o.weights ? o.weights->dtype() : dtype::int64, order::C, a.device());
    return {o.density ? none.astype(dtype::float64) : none, be.edges};
  }
  ndarray n;
  if (o.weights) {
    ndarray w = o.weights->reshape({-1});
    n = be.outer ? weighted_equal_bins(flat, w, be) : weighted_explicit_bins(flat, w, be.edges);
  } else {
    // counts are exact in any grouping: the values within the outer edges (compared in a's
    // dtype, then in the edges'), sorted once
    if (be.outer) {
      ndarray keep = logical_and(greater_equal(flat, be.outer->first), less_equal(flat, be.outer->second));
      if (!all(keep).item<bool>()) flat = extract(keep, flat);
      flat = flat.astype(be.edges.dtype(), casting::unsafe, false);
    }
    n = diff(edge_positions(sort(flat, {.axis = 0}), be.edges));
  }
  if (o.density) n = divide(divide(n, diff(be.edges).astype(dtype::float64)), sum(n));
  return {n, be.edges};
}

}  // namespace cunp
