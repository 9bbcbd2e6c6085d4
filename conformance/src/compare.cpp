#include "compare.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <tuple>

namespace cunp::conformance {

const char* name(tolerance_class t) {
  static const char* names[] = {"exact", "rounding", "transcendental", "summation", "product", "cumulative", "mean",
                                "cumulative_product", "variance", "deviation", "average"};
  return names[int(t)];
}

namespace {

struct float_format {
  int precision, emin;
};
float_format format_of(dtype d) {
  if (d == dtype::float16) return {11, -14};
  if (d == dtype::float32 || d == dtype::complex64) return {24, -126};
  return {53, -1022};
}

std::string value_text(std::complex<double> v, dtype d) {
  char buf[96];
  if (is_complex(d)) std::snprintf(buf, sizeof buf, "(%.17g%+.17gj)", v.real(), v.imag());
  else std::snprintf(buf, sizeof buf, "%.17g", v.real());
  return buf;
}

std::string flags_text(std::int64_t f) {
  std::string s;
  auto add = [&](std::int64_t bit, const char* what) {
    if (f & bit) s += (s.empty() ? "" : " or ") + std::string(what);
  };
  add(outcome::finite, "finite within the bound");
  add(outcome::pos_inf, "+inf");
  add(outcome::neg_inf, "-inf");
  add(outcome::not_a_number, "nan");
  add(outcome::zero, "zero");
  return s;
}

}  // namespace

bool is_order_dependent(tolerance_class t) {
  return t == tolerance_class::summation || t == tolerance_class::product || t == tolerance_class::cumulative ||
         t == tolerance_class::mean || t == tolerance_class::cumulative_product || t == tolerance_class::variance ||
         t == tolerance_class::deviation || t == tolerance_class::average;
}

double spacing(double m, dtype d) {
  float_format f = format_of(d);
  int e = m > 0 && std::isfinite(m) ? std::ilogb(m) : f.emin;
  return std::ldexp(1.0, std::max(e, f.emin) - f.precision + 1);
}

verdict compare_metadata(const ndarray& got, const ndarray& want) {
  if (got.dtype() != want.dtype())
    return {verdict::fail, "dtype differs: cunp " + std::string(name(got.dtype())) + ", reference " + std::string(name(want.dtype()))};
  if (got.shape() != want.shape())
    return {verdict::fail, "shape differs: cunp " + python_tuple(got.shape()) + ", reference " + python_tuple(want.shape())};
  return {};
}

verdict compare_layout(const ndarray& got, bool want_c_contiguous, bool want_f_contiguous) {
  auto flags = [](bool c, bool f) {
    return std::string(c ? "C-contiguous" : "not C-contiguous") + (f ? ", F-contiguous" : ", not F-contiguous");
  };
  ndarray::flags_t g = got.flags();
  if (g.c_contiguous == want_c_contiguous && g.f_contiguous == want_f_contiguous) return {};
  return {verdict::fail, "layout differs: cunp " + flags(g.c_contiguous, g.f_contiguous) + " (strides " + python_tuple(got.strides()) +
                             "), reference " + flags(want_c_contiguous, want_f_contiguous)};
}

verdict compare_values(const comparator& cmp, const ndarray& got_in, const ndarray& want_in, const exact_reference* ref,
                       bool complex_inputs, const std::vector<double>* input_scale, const power_allowance* power) {
  verdict v = compare_metadata(got_in, want_in);
  if (v.status != verdict::pass) return v;
  dtype d = want_in.dtype();
  if (!is_inexact(d)) {
    ndarray g = ascontiguousarray(got_in), w = ascontiguousarray(want_in);
    if (g.size() == 0) return v;
    std::vector<unsigned char> x(g.nbytes()), y(w.nbytes());
    g.to_host(x.data(), x.size());
    w.to_host(y.data(), y.size());
    for (std::size_t i = 0; i < x.size(); i += itemsize(d))
      if (std::memcmp(&x[i], &y[i], itemsize(d)) != 0) {
        auto at = std::int64_t(i / itemsize(d));
        auto gi = g.reshape({-1})[{at}].astype(dtype::float64).item<double>();
        auto wi = w.reshape({-1})[{at}].astype(dtype::float64).item<double>();
        return {verdict::fail, "values differ at flat index " + std::to_string(at) + ": got " + value_text(gi, dtype::float64) +
                                   ", want " + value_text(wi, dtype::float64)};
      }
    return v;
  }
  auto g = got_in.astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
  auto w = want_in.astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
  bool order_dependent = is_order_dependent(cmp.tolerance);
  if (order_dependent && (!ref || ref->exact.size() != g.size()))
    return {verdict::fail, "harness: no exact reference of the right size for an order-dependent result"};
  v.max_ulp = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    auto fail = [&](const std::string& why) {
      return verdict{verdict::fail, why + " at flat index " + std::to_string(i) + ": got " + value_text(g[i], d) + ", want " +
                                        value_text(order_dependent ? ref->exact[i] : w[i], d),
                     v.max_ulp, v.max_bound_fraction};
    };
    if (order_dependent) {
      // against the exact result: the kinds some order of operations gives, then the bound
      const std::pair<double, double> parts[] = {{g[i].real(), ref->exact[i].real()}, {g[i].imag(), ref->exact[i].imag()}};
      const std::int64_t flags[] = {ref->flags_re[i], ref->flags_im[i]};
      for (int c = 0; c < 2; ++c) {
        auto [x, exact] = parts[c];
        std::int64_t allowed = flags[c];
        std::int64_t kind = std::isnan(x)                ? outcome::not_a_number
                            : x == INFINITY             ? outcome::pos_inf
                            : x == -INFINITY            ? outcome::neg_inf
                            : x == 0 && (allowed & outcome::zero) ? outcome::zero
                                                                  : outcome::finite;
        if (!(allowed & kind)) return fail("no order of operations gives this (expected " + flags_text(allowed) + ")");
        if (kind != outcome::finite) continue;
        // the bound, plus one ulp of the result for the final rounding of the exact value
        double err = std::abs(x - exact), allowed_err = ref->bound[i] + spacing(std::abs(exact), d);
        v.max_ulp = std::max(v.max_ulp, err / spacing(std::abs(exact), d));
        v.max_bound_fraction = std::max(v.max_bound_fraction, allowed_err > 0 ? err / allowed_err : 0.0);
        if (!(err <= allowed_err))
          return fail("error " + value_text(err, dtype::float64) + " exceeds the bound " + value_text(allowed_err, dtype::float64) +
                      " (tolerance " + std::string(name(cmp.tolerance)) + ")");
      }
      continue;
    }
    // norm-wise for complex: ulps of the larger finite component
    auto finite_abs = [](double x) { return std::isfinite(x) ? std::abs(x) : 0.0; };
    double magnitude = std::max(finite_abs(w[i].real()), finite_abs(w[i].imag()));
    if (input_scale) magnitude = std::max(magnitude, (*input_scale)[i]);
    double sp = spacing(magnitude, d);
    double allowed_ulp = 0;
    switch (cmp.tolerance) {
      case tolerance_class::exact: break;
      case tolerance_class::rounding: allowed_ulp = complex_inputs ? 4 : 1; break;
      case tolerance_class::transcendental: allowed_ulp = d == dtype::float16 ? 1 : complex_inputs ? 8 : 4; break;
      case tolerance_class::summation:
      case tolerance_class::product:
      case tolerance_class::cumulative:
      case tolerance_class::mean:
      case tolerance_class::cumulative_product:
      case tolerance_class::variance:
      case tolerance_class::deviation:
      case tolerance_class::average: break;  // handled above
    }
    if (power) {
      allowed_ulp *= power->ulp_factor[i];
      // the bound reaches the value itself: the reference has no correct digit here (a zero's
      // sign, and whether the value underflows or overflows, included), so nothing is compared
      if (allowed_ulp * spacing(1.0, d) >= 1) continue;
    }
    // the real part's extra allowance: an absolute error the reference's own formula carries
    double real_slack = cmp.real_part_eps && is_complex(d) ? spacing(1.0, d) : 0.0;
    for (auto [x, y, slack] : {std::tuple{g[i].real(), w[i].real(), real_slack}, std::tuple{g[i].imag(), w[i].imag(), 0.0}}) {
      if (std::isnan(x) || std::isnan(y)) {
        if (std::isnan(x) != std::isnan(y)) return fail("NaN positions differ");
        continue;
      }
      if (std::isinf(x) || std::isinf(y)) {
        if (x != y) return fail("infinities differ");
        continue;
      }
      if (x == 0 && y == 0) {
        if (cmp.signed_zero && std::signbit(x) != std::signbit(y) && !(power && power->zero_sign_free[i]))
          return fail("sign of zero differs");
        continue;
      }
      double ulps = std::abs(x - y) / sp;
      v.max_ulp = std::max(v.max_ulp, ulps);
      if (std::abs(x - y) > allowed_ulp * sp + slack) return fail("off by " + std::to_string(ulps) + " ulp (tolerance " + std::string(name(cmp.tolerance)) + ")");
    }
  }
  return v;
}

std::variant<power_allowance, std::string> power_allowances(const std::vector<oracle::arg>& base_exponent, bool outer,
                                                             const shape_t& result) {
  std::string shape = "(";
  for (std::int64_t e : result) shape += std::to_string(e) + ",";
  oracle::result r = oracle::call_module("cunp_harness", "power_condition", base_exponent,
                                         {{"outer", outer ? "True" : "False"}, {"shape", shape + ")"}});
  if (r.raised()) return "harness: power_condition raised " + r.error().type + ": " + r.error().message;
  std::int64_t n = 1;
  for (std::int64_t e : result) n *= e;
  if (r.array().size() != 2 * n) return std::string("harness: power_condition's shape is not the result's");
  auto rows = ascontiguousarray(r.array().astype(dtype::float64)).reshape({-1}).to_host<double>();
  power_allowance p;
  p.ulp_factor.assign(rows.begin(), rows.begin() + n);
  for (auto it = rows.begin() + n; it != rows.end(); ++it) p.zero_sign_free.push_back(*it != 0);
  return p;
}

namespace {
// Whether a sort's keywords ask for a stable sort: stable=True, or a kind NumPy reads as stable
// (its first letter m or s).
bool stable_kind(const bound_call& call) {
  if (call.has("stable")) return call.boolean("stable");
  std::string kind = call.string("kind", "");
  return !kind.empty() && (std::tolower(static_cast<unsigned char>(kind[0])) == 'm' || std::tolower(static_cast<unsigned char>(kind[0])) == 's');
}
}  // namespace

std::string compare_property(const comparator& cmp, const std::vector<ndarray>& inputs, const std::vector<ndarray>& got,
                             const std::vector<ndarray>& want, const bound_call& call) {
  using oracle::arg;
  std::vector<arg> outs, ins;
  for (const auto& x : got) outs.push_back(x);
  for (const auto& x : inputs) ins.push_back(x);
  switch (cmp.kind) {
    case comparator::sorted_permutation:
    case comparator::sorted_values: {
      // absent: the last axis; null: None, the flattened array
      const char* kw = cmp.axis_keyword.c_str();
      std::string axis = !call.kwargs.contains(kw) ? "-1" : call.has(kw) ? call.kwargs[kw].dump() : "None";
      std::string stable = stable_kind(call) ? "True" : "False";
      const char* helper = cmp.kind == comparator::sorted_values ? "sorted_values" : "sorted_permutation";
      return oracle::call_text("cunp_harness", helper, {inputs.at(0), got.at(0), axis, stable});
    }
    case comparator::partitioned_values:
    case comparator::partitioned_permutation: {
      const char* kw = cmp.axis_keyword.c_str();
      std::string axis = !call.kwargs.contains(kw) ? "-1" : call.has(kw) ? call.kwargs[kw].dump() : "None";
      const bound_arg& k = call.args.at(1);
      arg kth = std::holds_alternative<ndarray>(k.v) ? arg(std::get<ndarray>(k.v).to(device::host()))
                                                     : arg(std::get<weak_scalar>(k.v).repr());
      std::string indices = cmp.kind == comparator::partitioned_permutation ? "True" : "False";
      return oracle::call_text("cunp_harness", "partitioned", {inputs.at(0), got.at(0), kth, axis, indices});
    }
    case comparator::set_equal:
      return oracle::call_text("cunp_harness", "set_equal", {got.at(0), want.at(0)});
    case comparator::unique_values: {
      std::vector<arg> wants;
      for (const auto& x : want) wants.push_back(x);
      bool equal_nan = call.kwargs.contains("equal_nan") ? call.boolean("equal_nan", true) : cmp.equal_nan;
      bool unordered = got.size() == 1 && (cmp.unordered || (call.has("sorted") && !call.boolean("sorted", true)));
      // an inverse without indices: NumPy's argsort was its quicksort
      int free_inverse = cmp.inverse_output;
      if (call.boolean("return_inverse") && !call.boolean("return_index")) free_inverse = 1;
      return oracle::call_text("cunp_harness", "unique_values",
                               {arg::list(ins), arg::list(outs), arg::list(wants), unordered ? "True" : "False", equal_nan ? "True" : "False",
                                std::to_string(free_inverse), call.has("axis") ? call.kwargs["axis"].dump() : "None"});
    }
    case comparator::reconstruction: {
      std::vector<arg> ortho;
      for (int k : cmp.orthonormal) ortho.push_back(got.at(std::size_t(k)));
      std::map<std::string, arg> names{{"r", arg::list(outs)}, {"a", arg::list(ins)}};
      oracle::result product = oracle::eval(cmp.product, names);
      if (product.raised()) return "harness: the reconstruction " + cmp.product + " raised " + product.error().message;
      return oracle::call_text("cunp_harness", "reconstruction", {inputs.at(0), product.array(), arg::list(ortho)});
    }
    case comparator::normwise: {
      std::vector<arg> wants;
      for (const auto& x : want) wants.push_back(x);
      std::map<std::string, arg> names{{"a", arg::list(ins)}, {"want", want.at(0)}, {"wants", arg::list(wants)}};
      for (const std::string& k : cmp.bound_keywords) {
        auto it = call.array_kwargs.find(k);
        if (it != call.array_kwargs.end() && !it->second.empty() && it->second[0].valid()) names.emplace(k, it->second[0].to(device::host()));
        else if (call.has(k.c_str()) && call.kwargs[k].is_boolean()) names.emplace(k, call.kwargs[k].get<bool>() ? "True" : "False");
        else if (call.has(k.c_str())) names.emplace(k, arg(call.kwargs[k].dump()));
        else names.emplace(k, "None");
      }
      std::string bound = oracle::eval_text("float(" + cmp.bound + ")", names);
      try {
        (void)std::stod(bound);  // "inf" too; an exception's text is no number
      } catch (const std::exception&) {
        return "harness: the bound " + cmp.bound + " gave " + bound;
      }
      std::vector<arg> rest_got, rest_want;
      for (std::size_t k = 1; k < got.size(); ++k) rest_got.push_back(got[k]), rest_want.push_back(want[k]);
      return oracle::call_text("cunp_harness", "normwise",
                               {got.at(0), want.at(0), "float('" + bound + "')", arg::list(rest_got), arg::list(rest_want)});
    }
    case comparator::values:
    case comparator::metadata: break;
  }
  return "harness: compare_property called for a value comparator";
}

}  // namespace cunp::conformance
