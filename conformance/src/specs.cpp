// The core issue's ops as spec data.
#include "spec.hpp"
#include "cases.hpp"
#include "xtensor_ref.hpp"

namespace cunp::conformance {

const char* name(tolerance_class t) {
  static const char* names[] = {"exact", "rounding", "transcendental", "summation", "product"};
  return names[int(t)];
}

namespace {

std::vector<dtype> all_but(std::vector<dtype> out) {
  std::vector<dtype> r;
  for (dtype d : all_dtypes)
    if (std::find(out.begin(), out.end(), d) == out.end()) r.push_back(d);
  return r;
}

// The xtensor reference computes in NumPy's loop dtype; the runner tells it through params.dt.
op_spec binary_spec(const std::string& n, ndarray (*fn)(const operand&, const operand&), tolerance_class tol,
                    std::vector<dtype> rejected = {}, bool signed_zero = true) {
  op_spec s;
  s.name = n;
  s.kind = op_kind::binary;
  s.call = [fn](const std::vector<ndarray>& in, const call_params&) { return fn(in[0], in[1]); };
  s.numpy = "np." + n + "(a, b)";
  s.xtensor = [n](const std::vector<ndarray>& in, const call_params& p) -> ndarray {
    auto r = xtensor_ref::binary(n, in[0], in[1], *p.dt, in.size() > 2 ? in[2].dtype() : *p.dt);
    return r ? *r : ndarray();
  };
  s.xtensor_note = "inputs cast to NumPy's loop dtype, then xtensor's operator; bool loops as logical or/and";
  s.dtypes = all_but(rejected);
  s.rejected = rejected;
  s.tolerance = tol;
  s.signed_zero = signed_zero;
  return s;
}

op_spec unary_spec(const std::string& n, ndarray (*fn)(const operand&), tolerance_class tol, value_domain dom,
                   std::vector<dtype> rejected = {}) {
  op_spec s;
  s.name = n;
  s.kind = op_kind::unary;
  s.call = [fn](const std::vector<ndarray>& in, const call_params&) { return fn(in[0]); };
  s.numpy = "np." + n + "(a)";
  s.xtensor = [n](const std::vector<ndarray>& in, const call_params& p) -> ndarray {
    auto r = xtensor_ref::unary(n, in[0], *p.dt, in.size() > 1 ? in[1].dtype() : *p.dt);
    return r ? *r : ndarray();
  };
  s.xtensor_note = "input cast to NumPy's loop dtype, then the xtensor function (std:: math)";
  s.dtypes = all_but(rejected);
  s.rejected = rejected;
  s.domain = dom;
  s.tolerance = tol;
  return s;
}

op_spec reduction_spec(const std::string& n, ndarray (*fn)(const ndarray&, const axes&, bool, std::optional<dtype>),
                       ndarray (*fn_nodtype)(const ndarray&, const axes&, bool), tolerance_class tol) {
  op_spec s;
  s.name = n;
  s.kind = op_kind::reduction;
  s.call = [fn, fn_nodtype](const std::vector<ndarray>& in, const call_params& p) {
    axes ax = p.axis ? axes(*p.axis) : axes();
    return fn ? fn(in[0], ax, p.keepdims, p.dt) : fn_nodtype(in[0], ax, p.keepdims);
  };
  s.numpy = "np." + n + "(a, axis={axis}, keepdims={keepdims}" + std::string(fn ? ", dtype={dtype})" : ")");
  s.xtensor = [n](const std::vector<ndarray>& in, const call_params& p) -> ndarray {
    auto r = xtensor_ref::reduce(n, in[0], p.axis, p.keepdims, *p.dt, in.size() > 1 ? in[1].dtype() : *p.dt);
    return r ? *r : ndarray();
  };
  s.xtensor_note = "xt::sum/prod/amax/amin over the same axes, accumulating in NumPy's result dtype (or dtype=)";
  s.dtypes = all_but({});
  s.tolerance = tol;
  s.signed_zero = false;  // a sum's zero sign depends on the summation order
  return s;
}

}  // namespace

// C99 Annex G's special cases (an infinity or NaN in either component) are not yet matched for
// these ops; finite inputs are compared in full.
std::optional<std::string> complex_special_values(const case_desc& c) {
  for (dtype d : c.dtypes)
    if (is_complex(d) && c.values == value_kind::special)
      return std::string("complex inputs with inf/nan components (C99 Annex G special cases) are not yet matched");
  return std::nullopt;
}

// NumPy's max/min return the first NaN-carrying element in iteration order; for complex values
// those elements differ (nan+1j vs 1+nanj), and cunp's parallel reductions may pick another one.
std::optional<std::string> complex_nan_choice(const case_desc& c) {
  for (dtype d : c.dtypes)
    if (is_complex(d) && c.values == value_kind::special)
      return std::string("which of several NaN-carrying complex elements max/min return depends on reduction order");
  return std::nullopt;
}

const std::vector<op_spec>& core_specs() {
  static const std::vector<op_spec> specs = [] {
    using T = tolerance_class;
    std::vector<op_spec> v;
    v.push_back(binary_spec("add", add, T::rounding));
    v.push_back(binary_spec("subtract", subtract, T::rounding, {dtype::bool_}));
    v.push_back(binary_spec("multiply", multiply, T::rounding));
    v.push_back(binary_spec("divide", true_divide, T::rounding));
    // NumPy's SIMD maximum/minimum may return either zero for (-0.0, +0.0)
    v.push_back(binary_spec("maximum", maximum, T::exact, {}, false));
    v.push_back(binary_spec("minimum", minimum, T::exact, {}, false));
    v.push_back(binary_spec("equal", equal, T::exact));
    v.push_back(binary_spec("less", less, T::exact));
    v.push_back(unary_spec("negative", negative, T::exact, value_domain::any, {dtype::bool_}));
    v.push_back(unary_spec("absolute", absolute, T::rounding, value_domain::any));
    v.push_back(unary_spec("sqrt", sqrt, T::rounding, value_domain::positive));
    v.push_back(unary_spec("sin", sin, T::transcendental, value_domain::any));
    v.push_back(unary_spec("cos", cos, T::transcendental, value_domain::any));
    v.push_back(unary_spec("exp", exp, T::transcendental, value_domain::any));
    v.push_back(unary_spec("log", log, T::transcendental, value_domain::positive));
    v.push_back(reduction_spec("sum", sum, nullptr, T::summation));
    v.push_back(reduction_spec("prod", prod, nullptr, T::product));
    v.back().domain = value_domain::near_one;
    v.push_back(reduction_spec("max", nullptr, max, T::exact));
    v.push_back(reduction_spec("min", nullptr, min, T::exact));
    for (auto& s : v)
      if (s.name == "multiply" || s.name == "sqrt" || s.name == "sin" || s.name == "cos" || s.name == "exp" ||
          s.name == "log" || s.name == "prod" || s.name == "divide")
        s.known_difference = complex_special_values;
      else if (s.name == "max" || s.name == "min")
        s.known_difference = complex_nan_choice;
    return v;
  }();
  return specs;
}

const op_spec* find_spec(const std::string& n) {
  for (const auto& s : core_specs())
    if (s.name == n) return &s;
  return nullptr;
}

}  // namespace cunp::conformance
