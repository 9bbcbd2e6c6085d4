#include "runner.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

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

void start_oracle() {
  oracle::ensure_started();
  oracle::add_module_path(CUNP_HARNESS_PYTHON_DIR);
}

namespace {

using json = nlohmann::json;

// The kind of exact reference cunp_harness computes for an order-dependent class.
const char* reference_kind(tolerance_class t) {
  switch (t) {
    case tolerance_class::product:
    case tolerance_class::cumulative_product: return "prod";
    case tolerance_class::mean: return "mean";
    case tolerance_class::variance: return "var";
    case tolerance_class::deviation: return "std";
    case tolerance_class::average: return "average";
    default: return "sum";
  }
}

// A case's arguments, built once on the host: cunp's and NumPy's views of the same bytes.
struct bound_case {
  std::vector<bound_arg> host;          // cunp's arguments, on the host
  std::vector<oracle::arg> numpy;       // NumPy's
  std::vector<ndarray> arrays;          // every array, depth first
  // the array keywords (out=, where=): as the case gives them, made on the host, and NumPy's view
  std::map<std::string, array_kwarg_value> kw_spec;
  std::map<std::string, std::vector<ndarray>> kw_host;
  oracle::kwargs numpy_kw;
};

bool has_array_kwargs(const op_record& r, const test_case& c) {
  for (const auto& [k, v] : c.kwargs.items())
    if (!v.is_null() && r.kwargs.count(k) && r.kwargs.at(k) == kw_kind::array) return true;
  return false;
}

// An array keyword's alias: the positional array argument it names, flipped if asked.
ndarray alias_of(const std::vector<bound_arg>& args, const array_kwarg& k) {
  if (std::size_t(k.alias) >= args.size() || !std::holds_alternative<ndarray>(args[std::size_t(k.alias)].v))
    throw value_error("case: an array keyword's alias " + std::to_string(k.alias) + " names no array argument");
  ndarray a = std::get<ndarray>(args[std::size_t(k.alias)].v);
  if (!k.flip) return a;
  if (a.ndim() == 0) throw value_error("case: a 0-d array cannot be flipped");
  return a[slice(none, none, -1)];
}

bound_case bind(const op_record& r, const test_case& c) {
  bound_case b;
  std::function<bound_arg(const arg_desc&, oracle::arg&)> one = [&](const arg_desc& a, oracle::arg& np) -> bound_arg {
    if (auto* x = std::get_if<array_arg>(&a.v)) {
      std::size_t k = b.arrays.size();
      ndarray h = make_array(*x, array_seed(c.seed, k), r.domain(k));
      b.arrays.push_back(h);
      np = oracle::arg(h);
      return {h};
    }
    if (auto* s = std::get_if<scalar_arg>(&a.v)) {
      np = oracle::arg(python_literal(*s));
      return {scalar_value(*s)};
    }
    if (auto* t = std::get_if<tuple_arg>(&a.v)) {
      np = oracle::arg(python_tuple(t->items));
      return {shape_t(t->items)};
    }
    std::vector<ndarray> items;
    std::vector<oracle::arg> np_items;
    for (const auto& i : std::get<list_arg>(a.v).items) {
      oracle::arg item("None");
      bound_arg bi = one(i, item);
      if (!std::holds_alternative<ndarray>(bi.v)) throw value_error("case: a list argument holds arrays only");
      items.push_back(std::get<ndarray>(bi.v));
      np_items.push_back(item);
    }
    np = oracle::arg::list(np_items);
    return {items};
  };
  for (const auto& a : c.args) {
    oracle::arg np("None");
    b.host.push_back(one(a, np));
    b.numpy.push_back(np);
  }
  std::size_t extra = b.arrays.size();  // keyword arrays are seeded after the arguments' arrays
  for (const auto& [k, v] : c.kwargs.items()) {
    if (v.is_null() || !r.kwargs.count(k) || r.kwargs.at(k) != kw_kind::array) continue;
    array_kwarg_value val = parse_array_kwarg(v, "kwargs." + k);
    std::vector<ndarray> made;
    std::vector<oracle::arg> np_items;
    for (const auto& item : val.items) {
      ndarray h;
      if (item && item->array) h = make_array(*item->array, array_seed(c.seed, extra++), value_domain::any);
      else if (item) h = alias_of(b.host, *item);
      made.push_back(h);
      np_items.push_back(item ? oracle::arg(h) : oracle::arg("None"));
    }
    b.kw_spec.emplace(k, val);
    b.kw_host.emplace(k, made);
    b.numpy_kw.emplace(k, val.tuple ? oracle::arg::tuple_of(np_items) : np_items.at(0));
  }
  return b;
}

oracle::kwargs numpy_kwargs(const op_record& r, const json& kw) {
  oracle::kwargs out;
  for (const auto& [k, v] : kw.items()) {
    std::string lit;
    if (!v.is_null() && r.kwargs.at(k) == kw_kind::array) continue;  // bound with the arrays (bind)
    if (v.is_null()) lit = "None";
    else if (r.kwargs.at(k) == kw_kind::dtype) lit = "np." + v.get<std::string>();
    else if (v.is_boolean()) lit = v.get<bool>() ? "True" : "False";
    else if (v.is_array()) {
      lit = "(";
      for (const auto& e : v) lit += e.dump() + ", ";
      lit += ")";
    } else if (v.is_string()) lit = "'" + v.get<std::string>() + "'";
    else lit = v.dump();
    out.emplace(k, oracle::arg(lit));
  }
  return out;
}

// The record's NumPy callable: np.<numpy>, or a helper of cunp_harness.py (record.hpp).
constexpr std::string_view harness_prefix = "cunp_harness.";
bool is_harness_helper(const op_record& r) { return r.numpy.rfind(harness_prefix, 0) == 0; }

oracle::result reference_call(const op_record& r, const std::vector<oracle::arg>& args, const oracle::kwargs& kw) {
  if (is_harness_helper(r)) return oracle::call_module("cunp_harness", r.numpy.substr(harness_prefix.size()), args, kw);
  return oracle::call(r.numpy, args, kw);
}

// NumPy's C- and F-contiguity flags of each output, as [c, f] pairs (comparator::layout).
std::vector<std::pair<bool, bool>> reference_contiguity(const op_record& r, const std::vector<oracle::arg>& args,
                                                        const oracle::kwargs& kw) {
  std::vector<oracle::arg> with_name = {"'" + r.numpy + "'"};
  with_name.insert(with_name.end(), args.begin(), args.end());
  oracle::result flags = oracle::call_module("cunp_harness", "contiguity", with_name, kw);
  if (flags.raised()) throw error("harness: cunp_harness.contiguity raised " + flags.error().type + ": " + flags.error().message);
  std::vector<std::pair<bool, bool>> out;
  for (const oracle::result& pair : flags.tuple()) {
    const auto& cf = pair.tuple();
    out.push_back({cf.at(0).array().item<bool>(), cf.at(1).array().item<bool>()});
  }
  return out;
}

// A multi-output op's failure names the output that differs.
verdict name_output(verdict v, std::size_t k, std::size_t outputs) {
  if (outputs > 1) v.reason = "output " + std::to_string(k) + ": " + v.reason;
  return v;
}

std::vector<ndarray> outputs_of(const oracle::result& res) {
  if (res.raised()) return {};
  std::vector<ndarray> out;
  if (std::holds_alternative<std::vector<oracle::result>>(res.v))
    for (const auto& x : res.tuple()) out.push_back(x.array());
  else
    out.push_back(res.array());
  return out;
}

// A fold compared step by step (record.hpp's fold): each of cunp's running values against
// NumPy's ufunc applied to cunp's previous one, and the method's result against the last of them.
verdict compare_fold(const op_record& r, const std::vector<fold_segment>& segments, const ndarray& got, const ndarray& want) {
  verdict total = compare_metadata(got, want);
  if (total.status != verdict::pass) return total;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    std::string where = segments.size() > 1 ? "segment " + std::to_string(s) + ", " : "";
    ndarray items = segments[s].items.to(device::host()), running = segments[s].running.to(device::host());
    oracle::result steps = oracle::call_module("cunp_harness", "fold_steps", {"'" + r.numpy + "'", items, running});
    if (steps.raised()) return {verdict::fail, "harness: fold_steps raised " + steps.error().type + ": " + steps.error().message};
    std::optional<power_allowance> power;
    std::int64_t n = running.shape()[0];
    if (r.compare.power_conditioning && is_complex(running.dtype())) {
      // each step's own base and exponent: the previous running value and the item (the first
      // running value is the first item, copied)
      std::int64_t row = running.size() / std::max<std::int64_t>(n, 1);
      power.emplace(power_allowance{std::vector<double>(std::size_t(row), 1.0), std::vector<bool>(std::size_t(row), false)});
      if (n > 1) {
        ndarray before = running[{slice(0, n - 1)}];
        auto steps_allowed = power_allowances({before, items[{slice(1, n)}]}, false, before.shape());
        if (auto* e = std::get_if<std::string>(&steps_allowed)) return {verdict::fail, *e};
        auto& p = std::get<power_allowance>(steps_allowed);
        power->ulp_factor.insert(power->ulp_factor.end(), p.ulp_factor.begin(), p.ulp_factor.end());
        power->zero_sign_free.insert(power->zero_sign_free.end(), p.zero_sign_free.begin(), p.zero_sign_free.end());
      }
    }
    verdict one = compare_values(r.compare, running, steps.array(), nullptr, is_complex(items.dtype()), nullptr, power ? &*power : nullptr);
    if (one.status != verdict::pass) return {one.status, where + "a step of the fold: " + one.reason};
    total.max_ulp = std::max(total.max_ulp, one.max_ulp);
    const ndarray& result = segments[s].result;
    if (result.valid() && !array_equal(result.to(device::host()), running[{slice(n - 1, n)}], true))
      return {verdict::fail, where + "the result is not the fold's last running value"};
  }
  return total;
}

// xtensor's answer in NumPy's loop dtype, or why there is none.
// NumPy's keyword arguments for a bound case: the case's, with its array keywords.
oracle::kwargs numpy_kwargs(const op_record& r, const test_case& c, const bound_case& b) {
  oracle::kwargs kw = numpy_kwargs(r, c.kwargs);
  for (const auto& [k, v] : b.numpy_kw) kw.insert_or_assign(k, v);
  return kw;
}

std::variant<std::vector<ndarray>, std::string> xtensor_answer(const op_record& r, const bound_case& b, const json& kwargs,
                                                               const std::vector<ndarray>& want) {
  if (!r.xtensor) return "no xtensor reference: " + r.xtensor_note;
  if (!b.kw_spec.empty()) return std::string("xtensor has no out= or where=: compared with NumPy only");
  std::vector<ndarray> args;
  for (const auto& a : b.host) {
    if (!std::holds_alternative<ndarray>(a.v)) return std::string("the xtensor reference takes array arguments only");
    args.push_back(std::get<ndarray>(a.v));
  }
  dtype out = want.at(0).dtype(), loop = out;
  if (oracle::eval_text("isinstance(np." + r.numpy + ", np.ufunc)") == "True") {
    for (const char* k : {"dtype", "casting"})
      if (kwargs.contains(k) && !kwargs[k].is_null()) return std::string("a ufunc's ") + k + "= is compared with NumPy only";
    // xtensor's promotion is C++'s: compute in the dtype NumPy's loop computes in
    std::map<std::string, oracle::arg> names;
    std::string dts;
    for (std::size_t i = 0; i < args.size(); ++i) {
      names.emplace("a" + std::to_string(i), args[i]);
      dts += "a" + std::to_string(i) + ".dtype, ";
    }
    std::string types = oracle::eval_text("','.join(t.name for t in np." + r.numpy + ".resolve_dtypes((" + dts +
                                              ") + (None,) * np." + r.numpy + ".nout))", names);
    std::vector<std::string> parts;
    for (std::size_t at = 0, next; at <= types.size(); at = next + 1) {
      next = std::min(types.find(',', at), types.size());
      parts.push_back(types.substr(at, next - at));
    }
    for (std::size_t i = 1; i < args.size(); ++i)
      if (parts[i] != parts[0]) return "NumPy uses a mixed-dtype loop here (" + types + "); xtensor has no single loop dtype";
    loop = dtype_from_name(parts[0]);
  } else if (kwargs.contains("dtype") && !kwargs["dtype"].is_null()) {
    loop = dtype_from_name(kwargs["dtype"].get<std::string>());
  }
  std::optional<ndarray> x = r.xtensor(args, loop, out, kwargs);
  if (!x) return std::string("no xtensor equivalent for ") + std::string(name(loop));
  return std::vector<ndarray>{*x};
}

// Whether two bool arrays of one shape hold the same values.
bool same_bools(const ndarray& a, const ndarray& b) {
  if (a.shape() != b.shape()) return false;
  auto bytes = [](const ndarray& x) { return ascontiguousarray(x.astype(dtype::uint8)).reshape({-1}).to_host<std::uint8_t>(); };
  return bytes(a) == bytes(b);
}

// The dtype an out= result is compared in: the loop's where the loop is inexact and out= is of a
// finer precision (a real loop's complex out=: its real parts, the imaginary ones checked apart);
// nothing where out's own precision is right.
std::optional<dtype> compared_precision(dtype loop, dtype out) {
  if (!is_inexact(loop) || !is_inexact(out)) return std::nullopt;
  auto bits = [](dtype d) { return d == dtype::float16 ? 11 : d == dtype::float32 || d == dtype::complex64 ? 24 : 53; };
  if (bits(loop) >= bits(out)) return std::nullopt;
  return loop;
}

}  // namespace

std::vector<ndarray> case_arrays(const op_record& r, const test_case& c) { return bind(r, c).arrays; }

std::optional<dtype> numpy_result_dtype(const op_record& r, const test_case& c) {
  bound_case b = bind(r, c);
  oracle::result np = reference_call(r, b.numpy, numpy_kwargs(r, c, b));
  if (np.raised()) return std::nullopt;
  return outputs_of(np).at(0).dtype();
}

verdict run_case(const op_record& r, const test_case& c, const device& dev, reference ref, const std::string& expected_error) {
  check_kwargs(r, c);
  bound_case b = bind(r, c);
  // out= (or an op writing its inputs) is written by both sides: each gets arrays of its own
  // (b's stay as the case made them)
  std::optional<bound_case> numpy_own, cunp_own;
  if (has_array_kwargs(r, c) || r.writes_inputs) {
    numpy_own = bind(r, c);
    cunp_own = bind(r, c);
  }
  const bound_case& for_numpy = numpy_own ? *numpy_own : b;
  const bound_case& for_cunp = cunp_own ? *cunp_own : b;
  std::optional<std::string> xfail;
  std::string backend = dev.kind == device_kind::host ? "host" : "cuda";
  // expectations see the arguments' arrays, then the array keywords' (where= last, when given)
  std::vector<ndarray> seen = b.arrays;
  for (const auto& [k, arrays] : b.kw_host)
    for (const ndarray& a : arrays)
      if (a.valid()) seen.push_back(a);
  for (const auto& e : r.expectations) {
    bool here = e.backends.empty() || std::find(e.backends.begin(), e.backends.end(), backend) != e.backends.end();
    if (here && (e.reference.empty() || e.reference == name(ref)) && e.applies(c, seen)) {
      if (e.kind == expectation::skip) return {verdict::skip, e.reason};
      xfail = e.reason;
    }
  }
  verdict v = [&]() -> verdict {
    oracle::kwargs kw = numpy_kwargs(r, c, for_numpy);
    oracle::result np = reference_call(r, for_numpy.numpy, kw);
    if (!expected_error.empty()) {
      if (!np.raised()) return {verdict::fail, "error case: NumPy accepts this input (expected " + expected_error + ")"};
      if (!np.error().is(expected_error))
        return {verdict::fail, "error case: NumPy raised " + np.error().type + ", not " + expected_error};
    }
    if (np.raised() && np.error().is("SystemError"))
      return {verdict::skip, "NumPy failed inside (SystemError: " + np.error().message + "): no reference"};
    if (b.kw_spec.count("where") && !b.kw_spec.count("out") && !r.where_masks_inputs)
      return {verdict::skip, "where= without out=: NumPy leaves the masked-out elements uninitialized"};
    std::vector<ndarray> want = outputs_of(np);
    if (ref == reference::xtensor && !np.raised()) {
      auto x = xtensor_answer(r, b, c.kwargs, want);
      if (auto* why = std::get_if<std::string>(&x)) return {verdict::skip, *why};
      want = std::get<std::vector<ndarray>>(x);
    }
    if (ref == reference::xtensor && np.raised()) return {verdict::skip, "numpy raises here; xtensor is compared on values only"};

    std::vector<ndarray> got;
    bound_call call{{}, c.kwargs, {}, dev};
    try {
      for (const auto& a : for_cunp.host) {
        if (auto* x = std::get_if<ndarray>(&a.v)) call.args.push_back({x->to(dev)});
        else if (auto* s = std::get_if<weak_scalar>(&a.v)) call.args.push_back({*s});
        else if (auto* t = std::get_if<shape_t>(&a.v)) call.args.push_back({*t});
        else {
          std::vector<ndarray> items;
          for (const auto& i : std::get<std::vector<ndarray>>(a.v)) items.push_back(i.to(dev));
          call.args.push_back({items});
        }
      }
      for (const auto& [k, spec] : for_cunp.kw_spec) {
        std::vector<ndarray>& arrays = call.array_kwargs[k];
        for (std::size_t i = 0; i < spec.items.size(); ++i) {
          const auto& item = spec.items[i];
          if (!item) arrays.emplace_back();
          else if (item->array) arrays.push_back(for_cunp.kw_host.at(k).at(i).to(dev));
          else arrays.push_back(alias_of(call.args, *item));
        }
      }
      for (const ndarray& o : r.call(call)) got.push_back(o.to(device::host()));
    } catch (const error& e) {
      if (np.raised()) {
        if (oracle::error_matches(e, np.error())) return {};
        return {verdict::fail, "cunp threw \"" + std::string(e.what()) + "\" where numpy raised " + np.error().type + " (" +
                                   oracle::cunp_error_name(np.error()) + " expected)"};
      }
      return {verdict::fail, "cunp threw \"" + std::string(e.what()) + "\"; numpy returned a value"};
    }
    if (np.raised()) return {verdict::fail, "numpy raised " + np.error().type + " (" + np.error().message + "); cunp did not"};
    if (got.size() != want.size())
      return {verdict::fail, "cunp gave " + std::to_string(got.size()) + " outputs, numpy " + std::to_string(want.size())};
    // a property (sorted, reconstructs...) holds of an array of NumPy's dtype and shape
    if (r.compare.kind != comparator::values || r.compare.layout) {
      // dtype and shape first: a layout is compared only between arrays of the same shape
      for (std::size_t k = 0; k < got.size(); ++k) {
        verdict one = compare_metadata(got[k], want[k]);
        if (one.status != verdict::pass) return name_output(one, k, got.size());
      }
      if (r.compare.layout && ref == reference::numpy) {
        auto flags = reference_contiguity(r, for_numpy.numpy, kw);
        for (std::size_t k = 0; k < got.size(); ++k) {
          verdict one = compare_layout(got[k], flags.at(k).first, flags.at(k).second);
          if (one.status != verdict::pass) return name_output(one, k, got.size());
        }
      }
      if (r.compare.kind == comparator::metadata) return {};
    }
    if (r.fold)
      if (auto segments = r.fold(call, got)) return compare_fold(r, *segments, got.at(0), want.at(0));
    if (r.compare.kind != comparator::values) {
      std::string why = compare_property(r.compare, b.arrays, got, want, call);
      return why.empty() ? verdict{} : verdict{verdict::fail, why};
    }
    bool complex_inputs = false;
    for (const auto& a : b.arrays) complex_inputs |= is_complex(a.dtype());
    if (b.kw_spec.count("out")) {
      // NumPy's own answer without out= (from the case's inputs as made: an aliased out= has
      // overwritten NumPy's copy of them)
      oracle::kwargs plain = kw;
      plain.erase("out");
      plain.erase("where");
      bound_case fresh = bind(r, c);
      std::vector<ndarray> natural = outputs_of(reference_call(r, fresh.numpy, plain));
      for (std::size_t k = 0; k < natural.size() && k < got.size(); ++k) {
        dtype loop = natural[k].dtype(), out = want[k].dtype();
        if (is_inexact(loop) && (is_integer(out) || out == dtype::bool_)) {
          if (r.compare.tolerance != tolerance_class::exact)
            return {verdict::skip, "an inexact result truncated into an integer out=: a last-bit difference within " +
                                       std::string(name(r.compare.tolerance)) + " tolerance moves the truncation"};
          if (out != dtype::bool_ && oracle::call_text("cunp_harness", "cast_undefined", {natural[k], "'" + std::string(name(out)) + "'"}) == "True")
            return {verdict::skip, "NaN/inf/out-of-range results cast into an integer out=: undefined in NumPy (CPU-dependent values)"};
        }
        if (out == dtype::bool_ && loop == dtype::bool_ && !b.kw_spec.count("where") &&
            !same_bools(want[k], broadcast_to(natural[k], want[k].shape())))
          return {verdict::skip, "NumPy's own out= result differs from its result without out= (its float classification "
                                 "loops leave a strided bool out= partly unwritten): no reference"};
        // an out= finer than the loop holds the loop's roundings: compared in the loop's precision
        if (auto p = compared_precision(loop, out)) {
          if (is_complex(out) && !is_complex(*p) && !array_equal(imag(got[k]), imag(want[k]), true))
            return name_output({verdict::fail, "imaginary parts differ in a complex out= of a real loop"}, k, got.size());
          got[k] = got[k].astype(*p);
          want[k] = want[k].astype(*p);
        }
      }
    }
    verdict total;
    for (std::size_t k = 0; k < got.size(); ++k) {
      std::optional<exact_reference> exact;
      tolerance_class t = r.compare.tolerance;
      if (is_order_dependent(t) && is_inexact(want[k].dtype())) {
        std::string res = "np." + std::string(name(want[k].dtype()));
        oracle::arg axis = kw.count("axis") ? kw.at("axis") : oracle::arg("None");
        std::string kind = std::string("'") + (r.compare.skips_nan ? "nan" : "") + reference_kind(t) + "'";
        oracle::arg reduced = b.arrays.at(0);
        oracle::kwargs reduced_kw = kw;
        std::vector<double> slack;
        if (!r.summands.empty()) {
          // the terms the result sums, formed as NumPy forms them, the summed axis last, and the
          // slack of terms cunp may round otherwise
          std::vector<oracle::arg> arrays(b.arrays.begin(), b.arrays.end());
          oracle::result terms = oracle::call_module("cunp_harness", r.summands, {oracle::arg::list(arrays)}, kw);
          if (terms.raised()) return {verdict::fail, "harness: " + r.summands + " raised " + terms.error().type + ": " + terms.error().message};
          reduced = terms.tuple().at(0).array();
          slack = broadcast_to(terms.tuple().at(1).array().astype(dtype::float64), want[k].shape()).copy().reshape({-1}).to_host<double>();
          reduced_kw = {{"axis", oracle::arg("-1")}};
        }
        oracle::result er =
            t == tolerance_class::cumulative || t == tolerance_class::cumulative_product
                ? oracle::call_module("cunp_harness", "scan_reference",
                                      {reduced, axis, res,
                                       kw.count("include_initial") ? kw.at("include_initial") : oracle::arg("False"), kind})
                : oracle::call_module("cunp_harness", "reduction_reference", {kind, reduced, res, std::to_string(k)}, reduced_kw);
        if (er.raised()) return {verdict::fail, "harness: the exact reference raised " + er.error().type + ": " + er.error().message};
        const auto& parts = er.tuple();
        auto re = parts[0].array().reshape({-1}).to_host<double>(), im = parts[1].array().reshape({-1}).to_host<double>();
        exact_reference e;
        for (std::size_t i = 0; i < re.size(); ++i) e.exact.push_back({re[i], im[i]});
        e.bound = parts[2].array().reshape({-1}).to_host<double>();
        for (std::size_t i = 0; i < slack.size() && i < e.bound.size(); ++i) e.bound[i] += slack[i];
        e.flags_re = parts[3].array().reshape({-1}).to_host<std::int64_t>();
        e.flags_im = parts[4].array().reshape({-1}).to_host<std::int64_t>();
        if (ref == reference::xtensor) {
          // xtensor's answer is checked: both it and cunp's are within the bound of the exact one
          auto xt = want[k].astype(dtype::complex128).reshape({-1}).to_host<std::complex<double>>();
          for (std::size_t i = 0; i < xt.size(); ++i)
            if (std::isfinite(xt[i].real()) && std::isfinite(xt[i].imag())) e.exact[i] = xt[i];
          for (auto& x : e.bound) x *= 2;
        }
        exact = std::move(e);
      }
      if ((r.compare.complex_nan_choice || r.compare.complex_nan_difference) && is_complex(want[k].dtype())) {
        oracle::arg axis = kw.count("axis") ? kw.at("axis") : oracle::arg("None");
        std::string why = oracle::call_text("cunp_harness", "complex_nan_choice",
                                            {b.arrays.at(0), got[k], want[k], axis,
                                             kw.count("keepdims") ? kw.at("keepdims") : oracle::arg("False"),
                                             r.compare.complex_nan_difference ? "True" : "False"});
        if (!why.empty()) return {verdict::fail, why};
        continue;
      }
      comparator cmp = r.compare;
      // std::complex arithmetic (xtensor's) signs its zeros differently from NumPy's Smith division
      if (ref == reference::xtensor && complex_inputs) cmp.signed_zero = false;
      std::optional<std::vector<double>> scale;
      if (cmp.ulps_of_inputs) {
        // the largest finite input magnitude at each output element (the arrays, broadcast)
        ndarray m = zeros(want[k].shape(), dtype::float64, order::C, device::host());
        for (const ndarray& a : b.arrays) {
          ndarray x = absolute(a.astype(dtype::complex128));
          m = fmax(m, where(isfinite(x), x, 0.0));
        }
        scale = ascontiguousarray(m).reshape({-1}).to_host<double>();
      }
      std::optional<power_allowance> power;
      bool elementwise = r.numpy.find('.') == std::string::npos, outer = r.numpy.ends_with(".outer");
      if (cmp.power_conditioning && is_complex(want[k].dtype()) && (elementwise || outer)) {
        auto allowed = power_allowances(b.numpy, outer, want[k].shape());
        if (auto* e = std::get_if<std::string>(&allowed)) return {verdict::fail, *e};
        power = std::move(std::get<power_allowance>(allowed));
      }
      verdict one = compare_values(cmp, got[k], want[k], exact ? &*exact : nullptr, complex_inputs, scale ? &*scale : nullptr,
                                   power ? &*power : nullptr);
      if (one.status != verdict::pass) return name_output(one, k, got.size());
      total.max_ulp = std::max(total.max_ulp, one.max_ulp);
      total.max_bound_fraction = std::max(total.max_bound_fraction, one.max_bound_fraction);
    }
    return total;
  }();
  if (!xfail || v.status == verdict::skip) return v;
  if (v.status == verdict::fail) return {verdict::xfail, *xfail + " (fails: " + v.reason + ")"};
  return {verdict::xpass, *xfail};
}

}  // namespace cunp::conformance
