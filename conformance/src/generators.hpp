// The shared sample generators: each gives an op's deterministic matrix and the fuzzer's random
// draws from the same description. Records pick one and its parameters.
#pragma once
#include <memory>

#include "record.hpp"

namespace cunp::conformance {

// Keyword values to cross: each entry names a keyword and the values it takes (null: None, the
// op's default). A grid's points are the product of its entries; a record may give several grids,
// whose points are taken together (eye's extents with float64, then every dtype at one extent).
using keyword_grid = std::vector<std::pair<std::string, std::vector<nlohmann::json>>>;

// N array (or weak scalar) inputs: every claimed dtype over shapes {0-d, empty, one element,
// odd, 2^20 elements} and the 8 layouts, random and special values, broadcasting pairs, every
// mixed dtype pair, and weak scalars of every kind against every dtype (Python ints beyond the
// dtype's range included). `first_input_mask`: the first input is a boolean condition (where).
// A ufunc's keywords (a record taking out= and where=) come with their own cases; `grids` are an
// op's own keywords (isclose's rtol, round's decimals), each point over every dtype's special
// values (shape (5, 4); two inputs: every pair, (1, 15) against (15, 1)), and in half the draws.
std::shared_ptr<const sample_generator> elementwise_samples(int nin, bool first_input_mask = false,
                                                            std::vector<keyword_grid> grids = {});

// Reductions: axis None, int, negative and tuple, keepdims, the 8 layouts, empty reduced axes,
// and (with_dtype) the dtype= keyword.
std::shared_ptr<const sample_generator> reduction_samples(bool with_dtype);

// Index reductions (argmax/argmin): axis None or one (negative too), keepdims, ties (values with
// duplicates), NaN placement (special values), layouts, empty extents.
std::shared_ptr<const sample_generator> arg_reduction_samples();

// Scans (cumsum): axis None, int and negative, dtype=, layouts, empty and 0-d inputs.
std::shared_ptr<const sample_generator> scan_samples();

// sort and argsort: axis absent, None, each and negative; kind= (full names and NumPy's first
// letters) and stable=; ties, NaN, -0.0 and infinities; the 8 layouts; long runs and many runs.
std::shared_ptr<const sample_generator> sort_samples();
// searchsorted: sorted runs of every dtype (NaN last), keys of every dtype and shape and weak
// scalars, side left and right, a sorter, the 8 layouts.
std::shared_ptr<const sample_generator> search_samples();

// A list of arrays joined along an axis (concatenate): 1 to 3 arrays equal but on the axis,
// axis 0, 1, -1 and None, mixed dtypes, dtype= (with the casting rule), layouts.
std::shared_ptr<const sample_generator> join_samples();

// A binary ufunc's methods (the input of every dtype): reduce over axes None, one, negative, a
// tuple and (), keepdims, dtype=, initial= and where= (`float_masks`: for float inputs too; add's
// and multiply's float reductions are compared against an exact reference that takes no mask),
// empty reductions, the 8 layouts, and long reduced axes (300); accumulate along each axis, with
// dtype=, a 0-d input and a bad axis; reduceat with rising, repeated and falling indices, none,
// and one out of bounds; outer of 0-d, empty, strided and mixed-dtype pairs.
enum class ufunc_method_kind { reduce, accumulate, reduceat, outer };
std::shared_ptr<const sample_generator> ufunc_method_samples(ufunc_method_kind kind, bool float_masks);

// Every dtype's name, for a grid's dtype= entry; `with_none` puts null (dtype=None) first.
std::vector<nlohmann::json> dtype_names(bool with_none);

// What an op of one input and keywords takes first: nothing (eye), a shape tuple (zeros), or an
// array (zeros_like, astype, copy).
enum class first_argument { none, shape, array };

// One input, an optional fill value after it (full, full_like) and keywords from grids. The input
// alone first, with the grids' first point: shapes 0-d, empty, one element, odd, 3-d and 2^20
// elements; arrays of every dtype with random and special values, in those shapes and in the 8
// layouts. Then every point of the grids: over shapes (0-d, 2-d, 3-d), or over every input dtype
// (special values) and over the 8 layouts. With `fill`, every weak scalar as the fill value at
// every point, and (arrays) against every input dtype.
std::shared_ptr<const sample_generator> keyword_samples(first_argument first, std::vector<keyword_grid> grids,
                                                        bool fill = false);

// How a view op's target comes from its input's shape.
enum class view_target {
  permutation,  // axes=: None, every permutation (up to 3-d; reversed beyond), negative axes too
  new_shape,    // a shape tuple of the same size (flat, -1 inferred, reversed, unit dims added,
                // dims merged) with order= None, C, F or A
  broadcast,    // a shape tuple the input broadcasts to: itself, a new leading dim, 1s widened
  unit_axes,    // axis=: None, each extent-1 axis (negative too), all of them, none
  new_axes,     // axis=: where new unit axes go: one at either end (negative too), several, none
};
// A view of one array (transpose, reshape, broadcast_to, squeeze, expand_dims): every dtype in
// shapes 0-d, empty, one element, odd, 3-d and with unit dims, and 2-d and 3-d shapes in the 8
// layouts, each with every target its shape gives.
std::shared_ptr<const sample_generator> view_samples(view_target target);

// arange's weak scalar arguments (stop; start, stop; start, stop, step): ints, floats, bools and
// complex numbers, ranges up, down and empty, with dtype= None and every dtype.
std::shared_ptr<const sample_generator> range_samples();

// Ops on dtypes, each dtype given as a 0-d array of it. `pair`: every ordered pair of dtypes at
// every point of the grids (promote_types, can_cast). Otherwise a sequence (result_type): each
// dtype and each weak scalar alone, every pair of dtypes (a 0-d and an n-d array: both strong),
// every dtype against every weak scalar on either side, every pair of weak scalars, and every
// triple of dtypes (NumPy's promotion of a sequence is no left fold).
enum class dtype_operands { pair, sequence };
std::shared_ptr<const sample_generator> dtype_samples(dtype_operands form, std::vector<keyword_grid> grids = {});

// Shapes given as tuples (broadcast_shapes): none, one, and two or three that broadcast (1s,
// missing leading dims, empty extents) or do not.
std::shared_ptr<const sample_generator> shape_tuple_samples();

// Helpers the generators (and records' error generators) build cases with.
arg_desc array(dtype d, shape_t shape, layout l = layout::C, nlohmann::json values = "random");
arg_desc scalar(nlohmann::json v);
arg_desc tuple(std::vector<std::int64_t> items);
// An array keyword's value (out=, where=, weights=), as the case JSON spells it.
nlohmann::json array_json(dtype d, const shape_t& s, layout l = layout::C, nlohmann::json values = "random");
test_case make_case(const op_record& r, std::vector<arg_desc> args, nlohmann::json kwargs = nlohmann::json::object());

// The seed of case k of a fuzz campaign with seed s: each campaign seed is its own hash chain, so
// --seed 42 and --seed 43 draw unrelated streams (s + k would shift one stream by one).
std::uint64_t campaign_case_seed(std::uint64_t campaign_seed, std::uint64_t k);

// The weak scalars the elementwise matrix meets every dtype with.
const std::vector<nlohmann::json>& weak_scalars();

}  // namespace cunp::conformance
