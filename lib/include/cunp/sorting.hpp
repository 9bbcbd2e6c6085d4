// Sorting and searching: cunp::sort(a, {.axis = 0, .kind = "stable"}), cunp::argsort(a, {.stable =
// true}), cunp::searchsorted(a, v, {.side = "right"}).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cunp/ops.hpp"

namespace cunp {

struct sort_options {
  std::optional<std::int64_t> axis = -1;  // none: the C-order flattening is sorted (a 1-d result)
  // "quicksort", "mergesort", "heapsort" or "stable" (NumPy reads the first letter: "q", "m", "h",
  // "s"); none: quicksort. mergesort and stable keep equal elements in their order.
  std::optional<std::string> kind{};
  // NumPy 2's spelling of kind: true is "stable", false "quicksort"; giving both is a value_error
  std::optional<bool> stable{};
};

// numpy.sort: a new C-order array of a's values sorted along the axis in NumPy's order: NaN after
// +inf, -0.0 equal to +0.0, complex values lexicographically with NaN-carrying ones last (as
// NumPy orders them). An unstable kind may put equal elements (-0.0 and +0.0, NaNs) in any order.
ndarray sort(const ndarray& a, const sort_options& options = {});
// numpy.argsort: the int64 positions along the axis that sort a there (C order). Unstable kinds
// may order the positions of equal elements in any way. A 0-d array counts as 1-d, as NumPy's.
ndarray argsort(const ndarray& a, const sort_options& options = {});
// numpy.sort_complex: sorted along the last axis, as complex: int8, uint8, int16 and uint16 give
// complex64, the other real dtypes complex128.
ndarray sort_complex(const ndarray& a);

struct partition_options {
  std::optional<std::int64_t> axis = -1;  // none: the C-order flattening is partitioned (a 1-d result)
  std::string kind = "introselect";       // NumPy's one selection kind; any other is a value_error
};
// numpy.partition: a new C-order array of a's values along the axis with, at each kth position,
// the element a sort would put there, none before it greater and none after it smaller (NumPy's
// order). kth: an int or a 1-d integer array, each in [-n, n) (unchecked for an empty a, as
// NumPy's); a bool is a value_error, a float a type_error. cunp sorts, which partitions at every
// position at once.
ndarray partition(const ndarray& a, const operand& kth, const partition_options& options = {});
// numpy.argpartition: the int64 positions along the axis that partition a (a 0-d a counts as 1-d).
ndarray argpartition(const ndarray& a, const operand& kth, const partition_options& options = {});

// numpy.lexsort: the int64 positions along the axis that sort by the last key, ties by the one
// before it, and so on (each key in NumPy's order; ties in the end keep their order). The keys
// share one shape, and their dtypes are free.
ndarray lexsort(const std::vector<ndarray>& keys, std::int64_t axis = -1);

struct searchsorted_options {
  std::string side = "left";  // "left": before the equal elements; "right": after them
  // int positions that sort a (argsort's), of a's size; each must be in range (NumPy checks only
  // those its search visits)
  std::optional<ndarray> sorter{};
};
// numpy.searchsorted: for each element of v, the int64 position in the 1-d, ascending a (NumPy's
// order: NaN last) where it would be inserted to keep a sorted; v's shape (0-d for a scalar).
// a and v compare in promote_types(a's dtype, v's), a Python scalar v taking its default dtype.
ndarray searchsorted(const ndarray& a, const operand& v, const searchsorted_options& options = {});

// numpy.nonzero: for each axis of a, the int64 positions of a's nonzero elements (NaN counts,
// and a complex value with either part nonzero), in C order. A 0-d a is NumPy 2's value_error.
std::vector<ndarray> nonzero(const ndarray& a);
// numpy.flatnonzero: the int64 positions of the nonzero elements of a's C-order flattening.
ndarray flatnonzero(const ndarray& a);
// numpy.argwhere: the (count, a.ndim) int64 positions of a's nonzero elements, row by row.
ndarray argwhere(const ndarray& a);
// numpy.extract: the elements of arr's C-order flattening where condition's flattening is
// nonzero; a position beyond arr is an index_error (on CUDA at the next synchronization).
ndarray extract(const ndarray& condition, const ndarray& arr);

}  // namespace cunp
