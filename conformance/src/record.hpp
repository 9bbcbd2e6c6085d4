// Op records (PyTorch's OpInfo is the model): everything the harness knows of one op, as data —
// its NumPy callable, its cunp call over a bound case, the dtypes it claims per backend, its
// sample and error-input generators, its comparator, its xtensor call, and the expectations
// (skip: cannot run here; xfail: a known difference, which must fail). Suites are tables of
// records; nothing is hand-written per op beyond its record.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "case.hpp"
#include "values.hpp"

namespace cunp::conformance {

// How far a float result may be from the reference (conformance/README.md gives the reasoning):
//   exact: bit for bit (integers and bools always are);
//   rounding: one correctly rounded operation, <= 1 ulp (complex: 4 ulp norm-wise);
//   transcendental: libm differences, <= 4 ulp (float16 1 ulp; complex 8 ulp);
//   summation, product: against the exact result, within the bound of any order of n reduced
//     elements, and only the outcomes some order can give (cunp_harness.reduction_reference);
//   cumulative: a scan, element j bounded as a sum of j + 1 elements (scan_reference).
//   mean: a summation divided by the count (cunp_harness._mean_reference);
//   cumulative_product: a scan of products (cumprod), element j bounded as a product of j + 1;
//   variance, deviation: var and std, two passes bounded together (_variance_reference);
//   average: a weighted sum over the sum of weights (_average_reference).
enum class tolerance_class { exact, rounding, transcendental, summation, product, cumulative, mean,
                             cumulative_product, variance, deviation, average };
const char* name(tolerance_class t);

// What a result is compared by: values (under a tolerance class), a property, or (metadata) its
// dtype and shape alone, where NumPy leaves the values undefined (empty, empty_like).
struct comparator {
  // sorted_permutation: an argsort's positions sort the input (NumPy's stable argsort exactly,
  // under a stable kind); sorted_values: a sort's values are the input's, in NumPy's order (NumPy's
  // stable sort exactly, zeros' signs too, under a stable kind)
  // partitioned_values, partitioned_permutation: partition's values (argpartition's positions)
  // hold, at each kth (the case's second argument), the element NumPy's sort puts there, with the
  // smaller ones before it and the larger after, a permutation of the input along the axis
  // unique_values: unique's and the set operations' first output holds NumPy's values in NumPy's
  // order, where a run of equal elements (-0.0 and +0.0; under equal_nan, complex values with a
  // NaN part) may stand as any of its members, bit for bit one of the inputs' elements; the other
  // outputs (indices, inverse, counts) exactly
  enum kind_t { values, sorted_permutation, sorted_values, partitioned_values, partitioned_permutation, set_equal, unique_values,
                reconstruction, normwise, metadata } kind = values;
  tolerance_class tolerance = tolerance_class::exact;
  // also NumPy's C- and F-contiguity flags of each output: what order= asks for, and what a
  // view's strides give (the oracle hands results back as C-order copies, so they are asked for)
  bool layout = false;
  bool signed_zero = true;  // the sign of a zero result is NumPy-defined and compared
  // reconstruction: a Python expression over the outputs r[0], r[1], ... that must rebuild the
  // first input a[0]; the outputs that must be orthonormal
  std::string product;
  std::vector<int> orthonormal;
  // normwise: a Python expression for the bound over the inputs a[...], the reference want (its
  // first output; wants: all of them) and the case's keywords named here (None where absent);
  // the outputs after the first are compared exactly. np is in scope; a harness helper is
  // reached as __import__('cunp_harness')
  std::string bound;
  std::vector<std::string> bound_keywords;
  // sorted_*, partitioned_*: the axis keyword's name
  std::string axis_keyword = "axis";
  // unique_values: whether NaNs are one run where the case has no equal_nan= keyword, and
  // whether the order is free (also where the case says sorted=False) for a lone output
  bool equal_nan = true;
  bool unordered = false;
  // unique_values: the output that is an inverse NumPy took from its unstable argsort (where no
  // indices were asked for), whose NaN entries map to NaN slots in any order; -1: none (or, for
  // unique, as its keywords say)
  int inverse_output = -1;
  // max/min of complex values: where an output's inputs carry NaNs, the result may be any of
  // those NaN-carrying inputs (which one a reduction meets first depends on its order)
  bool complex_nan_choice = false;
  // ptp of complex values, max - min: where an output's inputs carry NaNs, the result may be the
  // difference of any two of those NaN-carrying inputs
  bool complex_nan_difference = false;
  // an order-dependent class's exact reference skips NaN (the nan-functions: nansum, nanmean...)
  bool skips_nan = false;
  // the ulps are of the larger of the result and the inputs' finite magnitudes at that element:
  // for a formula that cancels where its result is small against its inputs (logaddexp's
  // x + log1p(exp(-|x - y|)), which NumPy's own float32 loop rounds the same way)
  bool ulps_of_inputs = false;
  // NumPy's complex log1p takes the real part as log|1 + z|, with |1 + z| from the platform's
  // hypot, which is not correctly rounded everywhere (glibc 2.36's misrounds about 0.6% of
  // random arguments by an ulp; cunp's device hypot is correctly rounded). An ulp of |1 + z| near
  // 1 is an absolute error of up to eps in the result however small that is: the real part may
  // differ by one more eps of its dtype, absolutely
  bool real_part_eps = false;
  // Complex power: NumPy's is glibc's cpow, exp(b log a), computed in the loop's precision, so
  // an ulp of log a (cunp's complex log is not glibc's, bit for bit) or of the product becomes
  // |b log a| ulps of the result. A complex result's ulps are multiplied by 1 + |b| |log a| at
  // that element (cunp_harness.power_condition); where that bound reaches 100% of the value,
  // the reference has no correct digit and the element is not compared (|b| near the largest
  // float). A zero may have either sign where exp(b log a) takes a -inf real part and a NaN or
  // infinite imaginary part: C99 leaves those signs unspecified, and glibc copies them from a
  // NaN whose sign IEEE 754 leaves to the hardware. Real results are compared as they are.
  bool power_conditioning = false;
};

// array: out= and where= (case.hpp's array_kwarg_value), made as the case's arrays are
// number: an integer or a float (nan_to_num's posinf=, isclose's rtol=)
// number_pair: two of them, a Python tuple (histogram's range=)
enum class kw_kind { axis, boolean, dtype, integer, number, number_pair, string, array };

// A case's arguments on the device under test, and its keyword arguments.
struct bound_arg {
  std::variant<ndarray, weak_scalar, std::vector<ndarray>, shape_t> v;
};
struct bound_call {
  std::vector<bound_arg> args;
  nlohmann::json kwargs;
  // the array keywords, on the device under test (a null ndarray for None)
  std::map<std::string, std::vector<ndarray>> array_kwargs;
  cunp::device device = cunp::device::host();  // the device under test: where creation ops allocate
  const ndarray& array(std::size_t i) const;
  operand operand_at(std::size_t i) const;  // an array or a weak scalar
  const std::vector<ndarray>& list(std::size_t i) const;
  const shape_t& tuple(std::size_t i) const;  // a shape or axes given positionally
  const weak_scalar& scalar(std::size_t i) const;
  bool has(const char* kw) const { return kwargs.contains(kw) && !kwargs[kw].is_null(); }
  // axis=: none (all axes), one, or several
  axes axis(const char* kw = "axis") const;
  std::optional<std::int64_t> integer(const char* kw) const;
  // an array keyword's one array; nothing where the case leaves it out or gives None
  std::optional<ndarray> array_kw(const char* kw) const;
  std::optional<double> number(const char* kw) const;
  bool boolean(const char* kw, bool fallback = false) const;
  std::optional<dtype> dtype_kw(const char* kw = "dtype") const;
  std::string string(const char* kw, const std::string& fallback) const;
  // order=: "C", "F", "A" or "K"; nothing where the case leaves it out (the op's default)
  std::optional<cunp::order> order_kw(const char* kw = "order") const;
  // a ufunc's out=, where=, dtype= and casting=
  ufunc_options ufunc_kw() const;
};
using cunp_call = std::function<std::vector<ndarray>(const bound_call&)>;

struct op_record;

// One generator gives the deterministic matrix and the fuzzer's random draws.
struct sample_generator {
  virtual ~sample_generator() = default;
  virtual std::vector<test_case> matrix(const op_record& r) const = 0;
  virtual test_case random(const op_record& r, rng& g) const = 0;
};

// An input NumPy rejects, with the exception it must raise (cunp must throw its counterpart).
struct error_case {
  test_case c;
  std::string numpy_error;  // "ValueError", "AxisError", "TypeError", ...
};

struct expectation {
  enum kind_t { skip, xfail } kind;
  std::string reason;
  // whether it applies to a case, given the case and its arrays as built on the host
  std::function<bool(const test_case&, const std::vector<ndarray>&)> applies;
  std::string reference;               // "numpy" or "xtensor": a trait of that reference; empty: cunp's own
  std::vector<std::string> backends;  // where it applies; empty: every backend
};

// The xtensor reference: the op on host inputs in NumPy's loop dtype, or nothing where xtensor
// has no equivalent (the reason goes to the skip).
using xtensor_call = std::function<std::optional<ndarray>(const std::vector<ndarray>& host_args, dtype loop, dtype out,
                                                          const nlohmann::json& kwargs)>;

// One segment of a fold that a ufunc method computes in NumPy's order, moved to axis 0: the
// items folded in, cunp's running values over them (an accumulate), and the slice of the
// method's result that must be the last running value (a null array for an accumulate, whose
// result the running values are).
struct fold_segment {
  ndarray items, running, result;
};

struct op_record {
  std::string name;   // NumPy's name without "numpy.": "add", "linalg.solve" (ctest, case files)
  // the callable under np, called through the oracle: "add", "linalg.solve"; or a helper of
  // python/cunp_harness.py, "cunp_harness.result_type", where NumPy's answer is no array (a
  // dtype, a bool, a tuple) and the helper gives it as one
  std::string numpy;
  std::string registry_name;  // the registry entry whose dtypes the claims must equal: "numpy.add"
  cunp_call call;
  std::map<std::string, std::vector<dtype>> dtypes;  // claimed, per backend ("host", "cuda")
  std::map<std::string, kw_kind> kwargs;             // the keywords cases may carry
  int outputs = 1;                                   // arrays the op returns (a ufunc's out= tuple)
  bool writes_inputs = false;  // it may write into its inputs (nan_to_num, copy=False): each side gets its own
  // built from other ops' calls (isclose from subtract, absolute, ...): the planted-bug check
  // leaves it out, since the bugs of the ops under it reach it in ways their predicates do not model
  bool composite = false;
  // where= leaves out inputs (a reduction's mask), so every output is defined; otherwise it
  // leaves out outputs (a ufunc's mask), which NumPy leaves uninitialized without out=
  bool where_masks_inputs = false;
  std::vector<value_domain> domains = {value_domain::any};  // per array input; the last repeats
  std::shared_ptr<const sample_generator> samples;
  std::function<std::vector<error_case>(const op_record&)> errors;
  comparator compare;
  xtensor_call xtensor;
  std::string xtensor_note;
  std::vector<expectation> expectations;
  // The array (depth first) whose dtype names a case's row in the results, i.e. the dtype the
  // claims are about: where's x, not its boolean condition.
  std::size_t row_array = 0;
  // Why some of NumPy's loops are not in cunp yet (their cases are expected failures); empty:
  // the loop table must equal NumPy's. Otherwise cunp's must be NumPy's with those left out.
  std::string missing_loops;
  // A cunp_harness helper that forms, from the case's arrays and keywords, the terms an
  // order-dependent result sums, as NumPy forms them, with the summed axis last (trapezoid's
  // d * (y[1:] + y[:-1]) / 2.0): the exact reference is taken over them rather than the input
  std::string summands;
  // A method that folds in NumPy's order (power.accumulate): where it gives segments for a case,
  // each running value is compared with NumPy's ufunc applied to cunp's previous one (the
  // comparator's tolerance), rather than the result with NumPy's whole fold, in which libm's
  // last-bit differences compound through the chain as far as the op's conditioning takes them
  std::function<std::optional<std::vector<fold_segment>>(const bound_call&, const std::vector<ndarray>& got)> fold;

  const std::vector<dtype>& claimed(const std::string& backend) const;
  value_domain domain(std::size_t array_index) const {
    return domains[std::min(array_index, domains.size() - 1)];
  }
};

const std::vector<op_record>& op_records();
const op_record* find_record(const std::string& name);

// Checks a case's keyword arguments against the record (unknown keyword, wrong type): throws
// value_error naming the keyword.
void check_kwargs(const op_record& r, const test_case& c);

}  // namespace cunp::conformance
