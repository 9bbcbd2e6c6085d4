// Order statistics: cunp::median(a, 0), cunp::quantile(a, 0.25, {.method = "lower"}),
// cunp::nanpercentile(a, q, {.axis = 1, .keepdims = true}). Each reduced slice is sorted in NumPy's
// order (NaN last) and read at the positions NumPy's methods name, with NumPy's arithmetic in
// NumPy's dtypes, so the results are NumPy's bit for bit (but for which of two equal elements,
// -0.0 or +0.0, a position holds: NumPy's partition leaves that open).
#pragma once
#include <string>

#include "cunp/ops.hpp"

namespace cunp {

// numpy.median: the mean of the one or two middle elements of each slice (a's dtype for float
// and complex input, float64 for integers and bool); a slice holding NaN gives NaN; an empty
// slice gives NaN. axis as mean's: none (all), one, or several.
ndarray median(const ndarray& a, const axes& axis = {}, bool keepdims = false);
// numpy.nanmedian: the median of each slice's non-NaN elements; an all-NaN slice gives NaN.
ndarray nanmedian(const ndarray& a, const axes& axis = {}, bool keepdims = false);

struct quantile_options {
  axes axis{};  // none: the flattened array
  // NumPy's 13 methods: "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
  // "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
  // "normal_unbiased", "lower", "higher", "midpoint", "nearest"; any other is a value_error
  std::string method = "linear";
  bool keepdims = false;
  // numpy's weights= (method "inverted_cdf" only): non-negative, of a's shape or, with an axis,
  // of the reduced axes' extents in the order axis names them. Each slice's weights are summed
  // in float64 as its empirical CDF, and a q is read at the first sorted element whose CDF
  // reaches it; weights summing to 0, NaN or inf are a value_error. The result keeps a's dtype.
  std::optional<ndarray> weights{};
};

// numpy.quantile: q (a scalar, or an array of up to 2 dims, every value in [0, 1]) of each slice
// of a (real dtypes only), of shape q.shape + the slices' shape. The positions are computed in q's
// dtype (a C++ number is NumPy's Python number: int64 or float64), and a C++ number's
// interpolation weight converts to a's float dtype, so a float32 a gives float32 quantiles of a
// number q and float64 ones of a float64 array q, as NumPy's do. A slice holding NaN gives NaN;
// an empty slice is an index_error, as NumPy's.
ndarray quantile(const ndarray& a, const operand& q, const quantile_options& options = {});
// numpy.percentile: quantile of q / 100 (q in [0, 100]).
ndarray percentile(const ndarray& a, const operand& q, const quantile_options& options = {});
// numpy.nanquantile, numpy.nanpercentile: of each slice's non-NaN elements; an all-NaN slice
// gives NaN, and an empty a gives nanmean's result.
ndarray nanquantile(const ndarray& a, const operand& q, const quantile_options& options = {});
ndarray nanpercentile(const ndarray& a, const operand& q, const quantile_options& options = {});

}  // namespace cunp
