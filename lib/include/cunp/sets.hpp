// Set operations: cunp::unique(a, {.return_counts = true}), cunp::isin(a, b, {.invert = true}),
// cunp::intersect1d(a, b), union1d, setdiff1d, setxor1d. All sort (a stable sort, so where equal
// elements differ in bits, -0.0 and +0.0, the one kept is the first in the input, as NumPy's
// stable paths keep it; its quicksort and hash paths leave that choice open).
#pragma once
#include <optional>
#include <string>

#include "cunp/ops.hpp"

namespace cunp {

struct unique_options {
  bool return_index = false;    // the positions of each unique element's first occurrence
  bool return_inverse = false;  // the positions in the result that rebuild the input
  bool return_counts = false;   // how often each unique element occurs
  // none: the flattening; an axis: the unique subarrays along it (rows compared element by
  // element in NumPy's order, a NaN never equal to another)
  std::optional<std::int64_t> axis{};
  bool equal_nan = true;  // all NaNs (complex: every value with a NaN part) count as one
  bool sorted = true;     // NumPy's result order is free when false; cunp's is sorted either way
};

// Those not asked for are null ndarrays.
struct unique_result {
  ndarray values;
  ndarray indices;          // int64, into the flattening (along the axis)
  ndarray inverse_indices;  // int64, of the input's shape (axis given: 1-d, along it)
  ndarray counts;           // int64
};

// numpy.unique: the sorted unique elements of a (or its unique subarrays along an axis).
unique_result unique(const ndarray& a, const unique_options& options = {});
// The Array API forms: NaNs distinct (equal_nan=False).
unique_result unique_all(const ndarray& x);      // values, indices, inverse_indices, counts
unique_result unique_counts(const ndarray& x);   // values, counts
unique_result unique_inverse(const ndarray& x);  // values, inverse_indices
ndarray unique_values(const ndarray& x);

struct isin_options {
  bool assume_unique = false;  // accepted for NumPy's signature; cunp's answer does not rely on it
  bool invert = false;         // true: whether each element is absent
  // none, "sort" or "table" (integer and bool inputs only, as NumPy's); the answer is the same
  std::optional<std::string> kind{};
};
// numpy.isin: whether each element of `element` equals some element of test_elements (NaN never
// does), as a bool array of element's shape. Integers compare exactly, whatever their signs.
ndarray isin(const ndarray& element, const ndarray& test_elements, const isin_options& options = {});

struct intersect1d_result {
  ndarray values;    // sorted, unique, in both; dtype of their concatenation
  ndarray indices1;  // with return_indices: the first occurrences in ar1 and ar2 (int64)
  ndarray indices2;
};
// numpy.intersect1d. assume_unique: the inputs are taken as unique (NumPy's result is undefined
// where they are not).
intersect1d_result intersect1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique = false,
                               bool return_indices = false);
// numpy.union1d: the sorted unique values in either.
ndarray union1d(const ndarray& ar1, const ndarray& ar2);
// numpy.setdiff1d: the unique values of ar1 not in ar2 (sorted unless assume_unique), ar1's dtype.
ndarray setdiff1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique = false);
// numpy.setxor1d: the sorted unique values in exactly one of them.
ndarray setxor1d(const ndarray& ar1, const ndarray& ar2, bool assume_unique = false);

}  // namespace cunp
