// The comparator: cunp's result against the reference's, by value under the tolerance model or by
// a property. conformance/README.md states every rule and its reason.
#pragma once
#include <complex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cunp/oracle.hpp"
#include "record.hpp"

namespace cunp::conformance {

struct verdict {
  enum status_t { pass, fail, skip, xfail, xpass } status = pass;
  std::string reason;               // why it failed, was skipped, or is expected to fail
  double max_ulp = -1;              // largest float error in ulps of the expected value; -1: none
  double max_bound_fraction = -1;   // largest |error| / allowed bound (<= 1 passes); -1: none
};

// The exact result of an order-dependent op and what each element may be in some order
// (cunp_harness.reduction_reference / scan_reference), flattened in C order.
struct exact_reference {
  std::vector<std::complex<double>> exact;
  std::vector<double> bound;
  std::vector<std::int64_t> flags_re, flags_im;
};
// Per element of a complex power (cunp_harness.power_condition): what the tolerance's ulps are
// multiplied by, and whether a zero may have either sign.
struct power_allowance {
  std::vector<double> ulp_factor;
  std::vector<bool> zero_sign_free;
};
// The allowances of a ** b (np.multiply.outer's shape with outer), n elements; an error message if
// the harness cannot give them.
std::variant<power_allowance, std::string> power_allowances(const std::vector<oracle::arg>& base_exponent, bool outer,
                                                             const shape_t& result);

// Outcome flags, as cunp_harness.py numbers them.
enum outcome : std::int64_t { finite = 1, pos_inf = 2, neg_inf = 4, not_a_number = 8, zero = 16 };

// dtype and shape only: the metadata comparator's whole check (empty's values are undefined), and
// the value comparator's first.
verdict compare_metadata(const ndarray& got, const ndarray& want);

// The C- and F-contiguity flags of cunp's output against those of NumPy's (comparator::layout).
verdict compare_layout(const ndarray& got, bool want_c_contiguous, bool want_f_contiguous);

// One output by value. `ref` is given for the summation, product and cumulative classes;
// `complex_inputs` widens the rounding classes (complex results take several roundings).
// `input_scale`, where given: per output element, the largest finite input magnitude
// (comparator::ulps_of_inputs). `power`, where given: per output element allowances of a complex
// power (comparator::power_conditioning).
// Whether a class compares against an exact reference and the outcomes some order of operations
// gives (summation, product, cumulative, mean).
bool is_order_dependent(tolerance_class t);

verdict compare_values(const comparator& cmp, const ndarray& got, const ndarray& want, const exact_reference* ref,
                       bool complex_inputs, const std::vector<double>* input_scale = nullptr,
                       const power_allowance* power = nullptr);

// A property of one output, checked by NumPy on the host (sorted permutation, set equality,
// reconstruction, norm-wise error): empty when it holds, else why not.
std::string compare_property(const comparator& cmp, const std::vector<ndarray>& inputs, const std::vector<ndarray>& got,
                             const std::vector<ndarray>& want, const bound_call& kwargs);

// ULP spacing of dtype d's floats at magnitude m.
double spacing(double m, dtype d);

}  // namespace cunp::conformance
