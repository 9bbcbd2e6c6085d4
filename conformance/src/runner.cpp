#include "runner.hpp"

#include <cmath>
#include <cstdio>
#include <complex>
#include <cstring>

#include "cunp/oracle.hpp"

namespace cunp::conformance {

const char* name(reference r) { return r == reference::numpy ? "numpy" : "xtensor"; }

std::optional<device> backend_device(const std::string& backend) {
  if (backend != "cuda") return device::host();
  if (cuda_device_count() == 0) {
    std::printf("SKIPPED: cuda backend: %s\n", cuda_unavailable_reason().c_str());
    return std::nullopt;
  }
  return device::cuda(0);
}

namespace {

std::string py_axis(const call_params& p) {
  if (!p.axis) return "None";
  std::string s = "(";
  for (auto a : *p.axis) s += std::to_string(a) + ", ";
  return s + ")";
}

std::string numpy_expression(const op_spec& spec, const call_params& p) {
  std::string e = spec.numpy;
  auto put = [&](const std::string& key, const std::string& val) {
    for (std::size_t at; (at = e.find(key)) != std::string::npos;) e.replace(at, key.size(), val);
  };
  put("{axis}", py_axis(p));
  put("{keepdims}", p.keepdims ? "True" : "False");
  put("{dtype}", p.dt ? "np." + std::string(name(*p.dt)) : "None");
  return e;
}

// The cunp error type NumPy's exception maps to.
bool error_matches(const std::exception& e, const oracle::numpy_error& np) {
  if (np.is("AxisError")) return dynamic_cast<const axis_error*>(&e);
  if (np.is("OverflowError")) return dynamic_cast<const overflow_error*>(&e);
  if (np.is("IndexError")) return dynamic_cast<const index_error*>(&e);
  if (np.is("TypeError")) return dynamic_cast<const type_error*>(&e);
  if (np.is("ValueError") || np.is("ZeroDivisionError")) return dynamic_cast<const value_error*>(&e);
  if (np.is("MemoryError")) return dynamic_cast<const out_of_memory*>(&e);
  return false;
}

struct float_format {
  int precision, emin;
};
float_format format_of(dtype d) {
  if (d == dtype::float16) return {11, -14};
  if (d == dtype::float32 || d == dtype::complex64) return {24, -126};
  return {53, -1022};
}
// The spacing of dtype d's floats at magnitude m.
double spacing(double m, dtype d) {
  float_format f = format_of(d);
  int e = m > 0 && std::isfinite(m) ? std::ilogb(m) : f.emin;
  return std::ldexp(1.0, std::max(e, f.emin) - f.precision + 1);
}

std::string value_text(std::complex<double> v, dtype d) {
  char buf[96];
  if (is_complex(d)) std::snprintf(buf, sizeof buf, "(%.17g%+.17gj)", v.real(), v.imag());
  else std::snprintf(buf, sizeof buf, "%.17g", v.real());
  return buf;
}

verdict compare_values(const op_spec& spec, const ndarray& got_in, const ndarray& want_in, const ndarray* bound,
                       bool complex_inputs, bool special_values) {
  verdict v;
  if (got_in.dtype() != want_in.dtype())
    return {verdict::fail, "dtype differs: cunp " + std::string(name(got_in.dtype())) + ", numpy " + std::string(name(want_in.dtype()))};
  if (got_in.shape() != want_in.shape()) return {verdict::fail, "shape differs"};
  dtype d = want_in.dtype();
  if (!is_inexact(d)) {
    ndarray g = ascontiguousarray(got_in), w = ascontiguousarray(want_in);
    if (g.size() == 0) return v;
    std::vector<unsigned char> x(g.nbytes()), y(w.nbytes());
    g.to_host(x.data(), x.size());
    w.to_host(y.data(), y.size());
    for (std::size_t i = 0; i < x.size(); i += itemsize(d))
      if (std::memcmp(&x[i], &y[i], itemsize(d)) != 0) {
        auto gi = got_in.reshape({-1}).astype(dtype::float64).to_host<double>()[i / itemsize(d)];
        auto wi = want_in.reshape({-1}).astype(dtype::float64).to_host<double>()[i / itemsize(d)];
        return {verdict::fail, "values differ at flat index " + std::to_string(i / itemsize(d)) + ": got " +
                                   value_text(gi, dtype::float64) + ", want " + value_text(wi, dtype::float64)};
      }
    return v;
  }
  auto g = got_in.astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
  auto w = want_in.astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
  std::vector<std::complex<double>> b;
  if (bound) b = bound->astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
  v.max_ulp = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    // norm-wise for complex: ulps of the larger finite component (an infinite one is compared alone)
    auto finite_abs = [](double x) { return std::isfinite(x) ? std::abs(x) : 0.0; };
    double scale = std::max(finite_abs(w[i].real()), finite_abs(w[i].imag()));
    double sp = spacing(scale, d);
    double allowed_ulp = 0, allowed_abs = 0;
    switch (spec.tolerance) {
      case tolerance_class::exact: break;
      // complex results take several roundings (hypot, Smith's division, csqrt): norm-wise 4 / 8 ulp
      case tolerance_class::rounding: allowed_ulp = complex_inputs ? 4 : 1; break;
      case tolerance_class::transcendental: allowed_ulp = d == dtype::float16 ? 1 : complex_inputs ? 8 : 4; break;
      case tolerance_class::summation:
      case tolerance_class::product: allowed_ulp = 2; allowed_abs = b.empty() ? 0 : b[i].real(); break;
    }
    // A sum or product over special values (inf, NaN, denormals, zeros) is order-dependent in
    // kind, not just in rounding: inf-inf vs inf, 0*inf vs 0, underflow through denormals vs a
    // tiny normal. There, an element where either side is non-finite or zero stands.
    bool order_dependent_kind = (spec.tolerance == tolerance_class::summation || spec.tolerance == tolerance_class::product) &&
                                special_values;
    auto unusual = [](std::complex<double> z) {
      return !std::isfinite(z.real()) || !std::isfinite(z.imag()) || (z.real() == 0 && z.imag() == 0);
    };
    if (order_dependent_kind && (unusual(g[i]) || unusual(w[i]))) continue;
    // complex sums/products with an infinite component are order-dependent in kind too (inf*0 and
    // inf-inf inside one complex multiply), special inputs or not
    auto non_finite = [](std::complex<double> z) { return !std::isfinite(z.real()) || !std::isfinite(z.imag()); };
    bool reduction_class = spec.tolerance == tolerance_class::summation || spec.tolerance == tolerance_class::product;
    if (reduction_class && is_complex(d) && (non_finite(g[i]) || non_finite(w[i]))) continue;
    auto fail = [&](const std::string& why) {
      return verdict{verdict::fail, why + " at flat index " + std::to_string(i) + ": got " + value_text(g[i], d) +
                                        ", want " + value_text(w[i], d), v.max_ulp};
    };
    for (auto [x, y] : {std::pair{g[i].real(), w[i].real()}, std::pair{g[i].imag(), w[i].imag()}}) {
      bool order_dependent = spec.tolerance == tolerance_class::summation || spec.tolerance == tolerance_class::product;
      // the order of a reduction decides between inf-inf and inf, or 0*inf and 0: both answers stand
      auto extreme = [](double v) { return !std::isfinite(v) || v == 0; };
      if (order_dependent && extreme(x) && extreme(y) && (!std::isfinite(x) || !std::isfinite(y))) continue;
      if (std::isnan(x) || std::isnan(y)) {
        if (std::isnan(x) != std::isnan(y)) return fail("NaN positions differ");
        continue;
      }
      // a product within its error bound of the largest finite value may overflow in another order
      double largest = d == dtype::float16 ? 65504.0 : (d == dtype::float32 || d == dtype::complex64) ? 3.4028234663852886e38 : 1.7976931348623157e308;
      if (spec.tolerance == tolerance_class::product && std::isinf(x) != std::isinf(y) &&
          std::abs(std::isinf(x) ? y : x) + allowed_abs >= largest &&
          std::signbit(x) == std::signbit(y))
        continue;
      if (std::isinf(x) || std::isinf(y)) {
        if (x != y) return fail("infinities differ");
        continue;
      }
      if (x == 0 && y == 0) {
        if (spec.signed_zero && std::signbit(x) != std::signbit(y)) return fail("sign of zero differs");
        continue;
      }
      double ulps = std::abs(x - y) / sp;
      v.max_ulp = std::max(v.max_ulp, ulps);
      if (ulps > allowed_ulp && std::abs(x - y) > allowed_abs + allowed_ulp * sp)
        return fail("off by " + std::to_string(ulps) + " ulp (tolerance " + std::string(name(spec.tolerance)) + ")");
    }
  }
  return v;
}

}  // namespace

verdict run_case(const op_spec& spec, const case_desc& c, const device& dev, reference ref) {
  if (spec.known_difference)
    if (auto why = spec.known_difference(c)) return {verdict::skip, "known difference: " + *why};
  std::vector<ndarray> host_in;
  std::map<std::string, oracle::arg> names;
  for (std::size_t i = 0; i < c.dtypes.size(); ++i) {
    host_in.push_back(make_input(spec, c, i));
    names.emplace(i == 0 ? "a" : "b", host_in.back());
  }
  std::string expr = numpy_expression(spec, c.params);
  oracle::result want = oracle::eval(expr, names);

  // the reference's answer: NumPy's, or xtensor's in NumPy's loop dtype
  ndarray ref_value;
  if (ref == reference::xtensor) {
    if (want.raised()) return {verdict::skip, "numpy raises here; xtensor is compared on values only"};
    if (!spec.xtensor) return {verdict::skip, "no xtensor reference: " + spec.xtensor_note};
    dtype out = want.array().dtype();
    dtype loop = out;
    if (spec.kind != op_kind::reduction) {
      std::string types = oracle::eval_text("','.join(t.name for t in np." + spec.name + ".resolve_dtypes(tuple(x.dtype for x in " +
                                                (c.dtypes.size() == 2 ? "(a, b)" : "(a,)") + ") + (None,)))", names);
      std::string first = types.substr(0, types.find(','));
      if (c.dtypes.size() == 2 && types.substr(first.size() + 1, types.find(',', first.size() + 1) - first.size() - 1) != first)
        return {verdict::skip, "NumPy uses a mixed-dtype loop here (" + types + "); xtensor has no single loop dtype"};
      loop = dtype_from_name(first);
    } else if (c.params.dt) {
      loop = *c.params.dt;
    }
    if ((spec.name == "maximum" || spec.name == "minimum" || spec.name == "max" || spec.name == "min") &&
        c.values == value_kind::special)
      return {verdict::skip, "xtensor's max/min do not propagate NaN as NumPy's do"};
    std::vector<ndarray> xin = host_in;
    xin.push_back(empty({0}, out, order::C, device::host()));
    call_params p = c.params;
    p.dt = loop;
    ndarray r = spec.xtensor(xin, p);
    if (!r.valid()) return {verdict::skip, std::string("no xtensor equivalent for ") + std::string(name(loop))};
    ref_value = r;
  }

  ndarray got;
  try {
    std::vector<ndarray> dev_in;
    for (const auto& h : host_in) dev_in.push_back(h.to(dev));
    got = spec.call(dev_in, c.params).to(device::host());
  } catch (const error& e) {
    if (want.raised()) {
      if (error_matches(e, want.error())) return {};
      return {verdict::fail, "cunp threw \"" + std::string(e.what()) + "\" where numpy raised " + want.error().type};
    }
    return {verdict::fail, "cunp threw \"" + std::string(e.what()) + "\"; numpy returned a value"};
  }
  if (want.raised()) return {verdict::fail, "numpy raised " + want.error().type + " (" + want.error().message + "); cunp did not"};
  if (ref == reference::numpy) ref_value = want.array();

  ndarray bound;  // summation/product error bounds need sum(|x|) over the reduced elements
  if (spec.tolerance == tolerance_class::summation || spec.tolerance == tolerance_class::product) {
    std::string b = "np.sum(np.abs(a.astype(np.complex128)), axis={axis}, keepdims={keepdims}) * "
                    "max(1, a.size) * np.finfo(np.result_type(" + expr + ")).eps if np.result_type(" + expr +
                    ").kind in 'fc' else 0";
    if (spec.tolerance == tolerance_class::product)
      b = "np.abs(" + expr + ").astype(np.float64) * max(1, a.size) * np.finfo(np.result_type(" + expr +
          ")).eps if np.result_type(" + expr + ").kind in 'fc' else 0";
    call_params p = c.params;
    std::string be = b;
    for (std::size_t at; (at = be.find("{axis}")) != std::string::npos;) be.replace(at, 6, py_axis(p));
    for (std::size_t at; (at = be.find("{keepdims}")) != std::string::npos;) be.replace(at, 10, p.keepdims ? "True" : "False");
    oracle::result br = oracle::eval("np.broadcast_to(np.asarray(" + be + ", dtype=np.float64), np.shape(" + expr + ")).copy()", names);
    if (!br.raised()) bound = br.array();
  }
  bool complex_inputs = false;
  for (const auto& h : host_in) complex_inputs |= is_complex(h.dtype());
  op_spec compared = spec;
  // std::complex arithmetic (xtensor's) signs its zeros differently from NumPy's Smith division
  if (ref == reference::xtensor && complex_inputs) compared.signed_zero = false;
  return compare_values(compared, got, ref_value, bound.valid() ? &bound : nullptr, complex_inputs,
                        c.values == value_kind::special);
}

}  // namespace cunp::conformance
