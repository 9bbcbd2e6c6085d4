// Op specs as data: what each op is called in cunp, in NumPy and in xtensor, which dtypes it
// takes or must reject, its value domain and its tolerance class. Suites are these tables run
// over the case matrix, never a loop hand-written per op.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cunp/cunp.hpp"

namespace cunp::conformance {

enum class op_kind { unary, binary, reduction };
// How far a float result may be from NumPy's (conformance/README.md gives the reasoning):
//   exact: bit-for-bit (integers and bools always are);
//   rounding: one correctly-rounded operation, <= 1 ulp;
//   transcendental: libm differences, <= 4 ulp (float16: 1 ulp, computed in float32 and rounded);
//   summation: order-dependent, |err| <= n_reduced * eps * sum|x| (the classic bound);
//   product: order-dependent, relative error <= n_reduced * eps.
enum class tolerance_class { exact, rounding, transcendental, summation, product };
const char* name(tolerance_class t);

// Which values the random generator draws (out-of-domain values still come from the special set).
// near_one keeps long products representable, so overflow is tested by the special values only.
enum class value_domain { any, positive, near_one };

// Per-case parameters a call may use (reductions: axis, keepdims, dtype).
struct call_params {
  std::optional<std::vector<std::int64_t>> axis;  // none: all axes
  bool keepdims = false;
  std::optional<dtype> dt;
};

using cunp_call = std::function<ndarray(const std::vector<ndarray>& in, const call_params& p)>;

struct op_spec {
  std::string name;  // "add"
  op_kind kind;
  cunp_call call;
  // NumPy's call as a Python expression over a, b and the placeholders {axis}, {keepdims}, {dtype}
  std::string numpy;
  // the same op through xtensor on host inputs; empty where xtensor has none. xtensor's own
  // promotion is C++'s, so the reference computes in the dtype NumPy's loop uses (see
  // xtensor_note) and the comparison is of values in NumPy's result dtype.
  cunp_call xtensor;
  std::string xtensor_note;
  std::vector<dtype> dtypes;    // accepted
  std::vector<dtype> rejected;  // must raise what NumPy raises
  value_domain domain = value_domain::any;
  tolerance_class tolerance = tolerance_class::exact;
  bool signed_zero = true;  // the sign of a zero result is NumPy-defined and compared
  // Cases where cunp is known to differ from NumPy, with the reason: they are reported as skipped
  // with that reason (never as passed) until fixed. Each one is listed in conformance/README.md.
  std::function<std::optional<std::string>(const struct case_desc&)> known_difference;
};

const std::vector<op_spec>& core_specs();
const op_spec* find_spec(const std::string& name);

}  // namespace cunp::conformance
