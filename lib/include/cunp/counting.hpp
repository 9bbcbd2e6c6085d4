// Counting: cunp::bincount(x, {.minlength = 10}), cunp::histogram(a, 20, {.range = {{0.0, 1.0}}}),
// cunp::histogram_bin_edges(a, edges), cunp::digitize(x, bins).
#pragma once
#include <optional>
#include <utility>

#include "cunp/ops.hpp"

namespace cunp {

struct bincount_options {
  std::optional<ndarray> weights{};  // 1-d, of x's length, cast to float64 (complex: type_error)
  std::int64_t minlength = 0;        // the result's least length (negative: value_error)
};
// numpy.bincount: how often each value 0, 1, ..., max(x) occurs in the 1-d, non-negative integer
// (or bool) x, as int64; with weights, the float64 sum of the weights of each value's positions.
// An empty x gives minlength int64 zeros, weights or not (NumPy's).
ndarray bincount(const ndarray& x, const bincount_options& options = {});

// numpy.digitize: for each element of x (not complex), the int64 index of the bin it falls in,
// bins being monotonically increasing or decreasing (checked as NumPy checks them, in float64;
// value_error otherwise); right: bins hold their right edge rather than their left.
ndarray digitize(const ndarray& x, const ndarray& bins, bool right = false);

struct histogram_options {
  // the outer edges (a Python pair: first <= last, both finite); none: a's min and max
  std::optional<std::pair<weak_scalar, weak_scalar>> range{};
  bool density = false;  // the counts over their total and the bin widths (float64)
  // of a's shape; the result takes their dtype: each bin's weights summed as NumPy sums them,
  // per block of 65536 values (equal bins: in float64 per block; explicit edges: running sums
  // in the values' sorted order, so a NaN weight reaches every later bin)
  std::optional<ndarray> weights{};
};
struct histogram_result {
  ndarray hist, bin_edges;
};
// numpy.histogram: bins, an int (that many equal bins over the range, edges as NumPy's linspace
// makes them, in its dtype) or a 1-d ascending array of edges. Each bin holds its left edge, the
// last its right edge too; values outside are not counted. a of a real dtype (complex:
// not_implemented); bool counts as uint8.
histogram_result histogram(const ndarray& a, const operand& bins = 10, const histogram_options& options = {});
// numpy.histogram_bin_edges: the edges histogram would use (density is not read).
ndarray histogram_bin_edges(const ndarray& a, const operand& bins = 10, const histogram_options& options = {});

}  // namespace cunp
