// The op records: one per op, as data. conformance/README.md lists each expectation with its
// reason.
#include "generators.hpp"
#include "record.hpp"
#include "record_families.hpp"
#include "runner.hpp"
#include "xtensor_ref.hpp"

#include "cunp/numeric_functions.hpp"
#include "cunp/oracle.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

// ---- what a cunp call sees of a case ----

const ndarray& bound_call::array(std::size_t i) const {
  if (auto* a = std::get_if<ndarray>(&args.at(i).v)) return *a;
  throw type_error("argument " + std::to_string(i) + " must be an array here");
}
operand bound_call::operand_at(std::size_t i) const {
  if (auto* s = std::get_if<weak_scalar>(&args.at(i).v)) return operand(*s);
  return operand(array(i));
}
const std::vector<ndarray>& bound_call::list(std::size_t i) const {
  if (auto* l = std::get_if<std::vector<ndarray>>(&args.at(i).v)) return *l;
  throw type_error("argument " + std::to_string(i) + " must be a list of arrays here");
}
const weak_scalar& bound_call::scalar(std::size_t i) const {
  if (auto* s = std::get_if<weak_scalar>(&args.at(i).v)) return *s;
  throw type_error("argument " + std::to_string(i) + " must be a weak scalar here");
}
const shape_t& bound_call::tuple(std::size_t i) const {
  if (auto* t = std::get_if<shape_t>(&args.at(i).v)) return *t;
  throw type_error("argument " + std::to_string(i) + " must be a tuple of ints here");
}
axes bound_call::axis(const char* kw) const {
  if (!has(kw)) return axes();
  const json& a = kwargs[kw];
  if (a.is_array()) return axes(a.get<std::vector<std::int64_t>>());
  return axes(a.get<std::int64_t>());
}
std::optional<ndarray> bound_call::array_kw(const char* kw) const {
  auto it = array_kwargs.find(kw);
  if (it == array_kwargs.end() || it->second.empty() || !it->second[0].valid()) return std::nullopt;
  return it->second[0];
}

std::optional<std::int64_t> bound_call::integer(const char* kw) const {
  if (!has(kw)) return std::nullopt;
  return kwargs[kw].get<std::int64_t>();
}
std::optional<double> bound_call::number(const char* kw) const {
  return has(kw) ? std::optional<double>(kwargs[kw].get<double>()) : std::nullopt;
}
bool bound_call::boolean(const char* kw, bool fallback) const { return has(kw) ? kwargs[kw].get<bool>() : fallback; }
std::optional<dtype> bound_call::dtype_kw(const char* kw) const {
  if (!has(kw)) return std::nullopt;
  return dtype_from_name(kwargs[kw].get<std::string>());
}
std::string bound_call::string(const char* kw, const std::string& fallback) const {
  return has(kw) ? kwargs[kw].get<std::string>() : fallback;
}
ufunc_options bound_call::ufunc_kw() const {
  ufunc_options o;
  if (auto it = array_kwargs.find("out"); it != array_kwargs.end()) o.out.arrays = it->second;
  if (auto it = array_kwargs.find("where"); it != array_kwargs.end()) o.where = it->second.at(0);
  o.dtype = dtype_kw();
  if (has("casting")) o.casting = casting_from_name(kwargs["casting"].get<std::string>());
  return o;
}

std::optional<order> bound_call::order_kw(const char* kw) const {
  if (!has(kw)) return std::nullopt;
  const std::string o = kwargs[kw].get<std::string>();
  if (o == "C") return order::C;
  if (o == "F") return order::F;
  if (o == "A") return order::A;
  if (o == "K") return order::K;
  throw value_error("case: kwargs." + std::string(kw) + ": order must be one of 'C', 'F', 'A', or 'K' (got '" + o + "')");
}

void check_kwargs(const op_record& r, const test_case& c) {
  for (const auto& [k, v] : c.kwargs.items()) {
    auto it = r.kwargs.find(k);
    if (it == r.kwargs.end()) throw value_error("case: kwargs." + k + ": " + r.name + " takes no keyword '" + k + "'");
    if (v.is_null()) continue;
    bool ok = true;
    switch (it->second) {
      case kw_kind::axis:
        ok = v.is_number_integer() || (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_number_integer(); }));
        break;
      case kw_kind::boolean: ok = v.is_boolean(); break;
      case kw_kind::integer: ok = v.is_number_integer(); break;
      case kw_kind::number: ok = v.is_number(); break;
      case kw_kind::number_pair:
        ok = v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number();
        break;
      case kw_kind::string: ok = v.is_string(); break;
      case kw_kind::array: parse_array_kwarg(v, "kwargs." + k); break;
      case kw_kind::dtype:
        ok = v.is_string();
        if (ok) {
          try {
            dtype_from_name(v.get<std::string>());
          } catch (const error& e) {
            throw value_error("case: kwargs." + k + ": " + e.what());
          }
        }
        break;
    }
    if (!ok) throw value_error("case: kwargs." + k + ": wrong type " + v.dump());
  }
}

const std::vector<dtype>& op_record::claimed(const std::string& backend) const {
  auto it = dtypes.find(backend);
  if (it == dtypes.end()) throw value_error(name + ": claims no dtypes for backend " + backend);
  return it->second;
}

namespace {

std::vector<dtype> all_but(std::vector<dtype> out) {
  std::vector<dtype> r;
  for (dtype d : all_dtypes)
    if (std::find(out.begin(), out.end(), d) == out.end()) r.push_back(d);
  return r;
}
const std::vector<dtype> every_dtype = all_but({});
const std::vector<dtype> inexact = {dtype::float16, dtype::float32, dtype::float64, dtype::complex64, dtype::complex128};
const std::vector<dtype> real_floats = {dtype::float16, dtype::float32, dtype::float64};
const std::vector<dtype> bool_and_integers = all_but(inexact);
const std::vector<dtype> integers = all_but({dtype::bool_, dtype::float16, dtype::float32, dtype::float64, dtype::complex64,
                                             dtype::complex128});
const std::vector<dtype> numeric = all_but({dtype::bool_});
const std::vector<dtype> non_complex = all_but({dtype::complex64, dtype::complex128});


// Whether the oracle's NumPy is older than 2.5 (whose where and float16 nextafter changed).
bool numpy_before_2_5() {
  return oracle::eval_text("tuple(int(x) for x in np.__version__.split('.')[:2]) < (2, 5)") == "True";
}

bool has_special(const test_case& c, const std::vector<ndarray>&) {
  for (const array_arg* a : arrays_of(c))
    if (a->values == "special") return true;
  return false;
}

// A case's positional arguments as NumPy gets them: the case's arrays (as built, in order) and
// its Python scalars, for the expectations that ask NumPy about the case itself.
std::vector<oracle::arg> numpy_arguments(const test_case& c, const std::vector<ndarray>& arrays) {
  std::vector<oracle::arg> args;
  std::size_t k = 0;
  for (const auto& a : c.args) {
    if (auto* s = std::get_if<scalar_arg>(&a.v)) args.push_back(python_literal(*s));
    else args.push_back(arrays.at(k++));
  }
  return args;
}

// The same, after the op's name: the arguments of a cunp_harness helper that calls np.<op>.
std::vector<oracle::arg> named_numpy_arguments(const test_case& c, const std::vector<ndarray>& arrays) {
  std::vector<oracle::arg> args = numpy_arguments(c, arrays);
  args.insert(args.begin(), "'" + c.op + "'");
  return args;
}

// A ufunc case's dtype= and casting= keywords, as Python literals.
oracle::kwargs numpy_loop_keywords(const test_case& c) {
  oracle::kwargs kw;
  for (const char* key : {"dtype", "casting"})
    if (c.kwargs.contains(key) && c.kwargs[key].is_string()) kw.emplace(key, "'" + c.kwargs[key].get<std::string>() + "'");
  return kw;
}

// Whether NumPy computes a case in a complex loop and returns the result (through its out=, if
// any): decided by NumPy on the case's own operands and keywords.
bool numpy_uses_complex_loop(const test_case& c, const std::vector<ndarray>& arrays) {
  std::vector<oracle::arg> args = named_numpy_arguments(c, arrays);
  oracle::kwargs kw = numpy_loop_keywords(c);
  if (c.kwargs.contains("out") && !c.kwargs["out"].is_null()) {
    const json& first = c.kwargs["out"].is_array() ? c.kwargs["out"][0] : c.kwargs["out"];
    if (first.contains("dtype")) kw.emplace("out_dtype", "'" + first["dtype"].get<std::string>() + "'");
    else if (first.contains("alias"))
      kw.emplace("out_dtype", "'" + std::string(name(arrays.at(first["alias"].get<std::size_t>()).dtype())) + "'");
  }
  return oracle::call_text("cunp_harness", "uses_complex_loop", args, kw) == "True";
}

// NumPy's contiguous complex multiply loops contract into fused multiply-adds, so where a product
// overflows or cancels, inf - inf can come out as +-inf and a zero with another sign; cunp rounds
// each operation, as NumPy's own strided loop does. Decided by NumPy on the case's own operands
// (square's one operand is both factors: NumPy's square is its multiply).
expectation fma_contraction() {
  return {expectation::xfail, "NumPy's SIMD complex multiply contracts into FMA: at overflow it differs from per-operation rounding",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            bool complex_operand = false;
            std::size_t k = 0;
            for (const auto& a : c.args) {
              if (auto* s = std::get_if<scalar_arg>(&a.v)) complex_operand |= s->value.is_array();
              else complex_operand |= is_complex(arrays.at(k++).dtype());
            }
            return complex_operand &&
                   oracle::call_text("cunp_harness", "fma_changes_multiply", numpy_arguments(c, arrays), numpy_loop_keywords(c)) == "True" &&
                   numpy_uses_complex_loop(c, arrays);
          },
          "numpy", {}};
}

// dtype= (casting='unsafe') can make an integer loop take float inputs: NaN, an infinity or a
// float beyond the range cast to it is undefined in NumPy (the CPU instruction's value). Decided
// by NumPy's loop for the case (ufunc.resolve_dtypes) and its inputs.
expectation undefined_input_cast() {
  return {expectation::skip, "dtype=: NaN/inf/out-of-range float inputs cast into an integer loop: undefined in NumPy (CPU-dependent values)",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            if (!c.kwargs.contains("dtype") || c.kwargs["dtype"].is_null()) return false;
            return oracle::call_text("cunp_harness", "input_cast_undefined", named_numpy_arguments(c, arrays), numpy_loop_keywords(c)) ==
                   "True";
          },
          "", {}};
}

// NumPy 2.5.2 crashes (a segmentation fault, found by cunp's fuzzer) comparing an integer array
// with a Python int beyond its dtype under a where= mask: such cases are not given to the oracle.
expectation numpy_masked_comparison_crash() {
  return {expectation::skip, "NumPy 2.5 segfaults comparing an integer array with an out-of-range Python int under where=",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            if (!c.kwargs.contains("where") || c.kwargs["where"].is_null()) return false;
            std::size_t k = 0;
            std::vector<dtype> dts;
            std::vector<weak_scalar> ints;
            for (const auto& a : c.args) {
              if (auto* s = std::get_if<scalar_arg>(&a.v)) {
                if (s->value.is_number_integer()) ints.push_back(scalar_value(*s));
              } else {
                dts.push_back(arrays.at(k++).dtype());
              }
            }
            for (const weak_scalar& s : ints)
              for (dtype d : dts)
                if (is_integer(d) && !s.fits(d)) return true;
            return false;
          },
          "numpy", {}};
}

// Inputs every elementwise op must reject as NumPy does: shapes that do not broadcast, of a dtype
// the op has a loop for (float64 where it has one), else NumPy's TypeError comes first.
std::vector<error_case> broadcast_errors(const op_record& r, int nin) {
  const std::vector<dtype>& claims = r.claimed("host");
  dtype d = std::find(claims.begin(), claims.end(), dtype::float64) != claims.end() ? dtype::float64 : claims.front();
  std::vector<arg_desc> args = {array(d, {3}), array(d, {4})};
  if (nin == 3) args.insert(args.begin(), array(dtype::bool_, {3}, layout::C, json{{"gen", "mask"}}));
  return {{make_case(r, args), "ValueError"}};
}

// NumPy's ufunc keywords: out= (an output overlapping an input too), where=, dtype=, casting=.
void with_ufunc_keywords(op_record& r) {
  r.kwargs = {{"out", kw_kind::array}, {"where", kw_kind::array}, {"dtype", kw_kind::dtype}, {"casting", kw_kind::string}};
}

// Adds expectations to a record's (a ufunc's starts with undefined_input_cast).
void expect(op_record& r, std::initializer_list<expectation> more) { r.expectations.insert(r.expectations.end(), more); }

op_record ufunc(const std::string& n, cunp_call call, int nin, tolerance_class tol, std::vector<dtype> claims) {
  op_record r;
  r.name = n;
  r.numpy = n;
  r.registry_name = "numpy." + n;
  r.call = std::move(call);
  r.dtypes = on_both(std::move(claims));
  r.samples = elementwise_samples(nin);
  r.errors = [nin](const op_record& self) { return broadcast_errors(self, nin); };
  r.compare.tolerance = tol;
  r.expectations.push_back(undefined_input_cast());
  return r;
}

using unary_fn = ndarray (*)(const operand&, const ufunc_options&);
using binary_fn = ndarray (*)(const operand&, const operand&, const ufunc_options&);

op_record binary(const std::string& n, binary_fn fn, tolerance_class tol, std::vector<dtype> claims) {
  op_record r = ufunc(n, [fn](const bound_call& c) {
    return std::vector<ndarray>{fn(c.operand_at(0), c.operand_at(1), c.ufunc_kw())};
  }, 2, tol, std::move(claims));
  with_ufunc_keywords(r);
  r.xtensor = [n](const std::vector<ndarray>& a, dtype loop, dtype out, const json&) {
    return xtensor_ref::binary(n, a[0], a[1], loop, out);
  };
  r.xtensor_note = "inputs cast to NumPy's loop dtype, then xtensor's operator; bool loops as logical or/and";
  return r;
}

op_record unary(const std::string& n, unary_fn fn, tolerance_class tol, value_domain dom, std::vector<dtype> claims) {
  op_record r = ufunc(n, [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.operand_at(0), c.ufunc_kw())}; }, 1, tol,
                      std::move(claims));
  with_ufunc_keywords(r);
  r.domains = {dom};
  r.errors = nullptr;
  r.xtensor = [n](const std::vector<ndarray>& a, dtype loop, dtype out, const json&) {
    return xtensor_ref::unary(n, a[0], loop, out);
  };
  r.xtensor_note = "input cast to NumPy's loop dtype, then the xtensor function (std:: math)";
  return r;
}

}  // namespace

// An op xtensor has no call for with NumPy's semantics: no xtensor test, and the record says why.
void without_xtensor(op_record& r, std::string why) {
  r.xtensor = nullptr;
  r.xtensor_note = std::move(why);
}

std::vector<error_case> reduction_errors(const op_record& r) {
  json base = r.kwargs.count("dtype") ? json{{"keepdims", false}, {"dtype", nullptr}} : json{{"keepdims", false}};
  auto with_axis = [&](json axis) {
    json kw = base;
    kw["axis"] = axis;
    return kw;
  };
  return {{make_case(r, {array(dtype::float32, {3, 4})}, with_axis(2)), "AxisError"},
          {make_case(r, {array(dtype::float32, {3, 4})}, with_axis(-3)), "AxisError"},
          {make_case(r, {array(dtype::int32, {3, 4})}, with_axis(json::array({0, 0}))), "ValueError"}};
}

op_record reduction(const std::string& n, cunp_call call, tolerance_class tol, bool with_dtype) {
  op_record r;
  r.name = n;
  r.numpy = n;
  r.registry_name = "numpy." + n;
  r.call = std::move(call);
  r.dtypes = on_both(every_dtype);
  r.kwargs = {{"axis", kw_kind::axis}, {"keepdims", kw_kind::boolean}};
  if (with_dtype) r.kwargs["dtype"] = kw_kind::dtype;
  r.samples = reduction_samples(with_dtype);
  r.errors = reduction_errors;
  r.compare.tolerance = tol;
  r.compare.signed_zero = false;  // a reduction's zero sign depends on its order
  r.xtensor = [n](const std::vector<ndarray>& a, dtype loop, dtype out, const json& kw) -> std::optional<ndarray> {
    std::optional<std::vector<std::int64_t>> ax;
    if (kw.contains("axis") && !kw["axis"].is_null())
      ax = kw["axis"].is_array() ? kw["axis"].get<std::vector<std::int64_t>>() : std::vector<std::int64_t>{kw["axis"].get<std::int64_t>()};
    return xtensor_ref::reduce(n, a[0], ax, kw.value("keepdims", false), loop, out);
  };
  r.xtensor_note = "xt::sum/prod/amax/amin over the same axes, accumulating in NumPy's result dtype (or dtype=)";
  // xtensor's reducers offset the null data pointer of an empty array (UBSan: "applying non-zero
  // offset to null pointer"), so empty inputs are left to NumPy
  r.expectations.push_back({expectation::skip, "xtensor's reducers do pointer arithmetic on an empty array's null data",
                            [](const test_case&, const std::vector<ndarray>& arrays) { return arrays.at(0).size() == 0; },
                            "xtensor", {}});
  return r;
}

namespace {

// std::complex multiplication and division (xtensor's) recover infinities from NaN results as C99
// Annex G's __muldc3/__divdc3 do; NumPy's loops do not.
expectation xtensor_annex_g() {
  return {expectation::skip, "std::complex multiply/divide (xtensor's) recover infinities as C99 Annex G does; NumPy does not",
          [](const test_case& c, const std::vector<ndarray>&) {
            for (const array_arg* a : arrays_of(c))
              if (is_complex(a->dt) && a->values == "special") return true;
            return false;
          },
          "xtensor", {}};
}

}  // namespace

std::map<std::string, std::vector<dtype>> on_both(std::vector<dtype> d) { return {{"host", d}, {"cuda", d}}; }

expectation undefined_integer_cast() {
  return {expectation::skip, "NaN/inf/out-of-range floats cast to an integer dtype: undefined in NumPy (CPU-dependent values)",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            if (!c.kwargs.contains("dtype") || !c.kwargs["dtype"].is_string()) return false;
            std::string to = c.kwargs["dtype"].get<std::string>();
            if (!is_integer(dtype_from_name(to))) return false;
            for (const ndarray& a : arrays)
              if (oracle::call_text("cunp_harness", "cast_undefined", {a, "'" + to + "'"}) == "True") return true;
            return false;
          },
          "", {}};
}

expectation mean_integer_dtype_cast() {
  return {expectation::skip, "mean with an integer dtype=: the float quotient (NaN for an empty mean) cast back beyond the integer range, undefined in NumPy",
       [](const test_case& c, const std::vector<ndarray>& arrays) {
         if (!c.kwargs.contains("dtype") || !c.kwargs["dtype"].is_string() || !is_integer(dtype_from_name(c.kwargs["dtype"].get<std::string>())))
           return false;
         const ndarray& a = arrays.at(0);
         std::string axes = "(";
         if (c.kwargs.contains("axis") && !c.kwargs["axis"].is_null()) {
           const json& ax = c.kwargs["axis"];
           for (std::int64_t d : ax.is_array() ? ax.get<std::vector<std::int64_t>>() : std::vector<std::int64_t>{ax.get<std::int64_t>()})
             axes += std::to_string(d) + ",";
         } else {
           for (int d = 0; d < a.ndim(); ++d) axes += std::to_string(d) + ",";
         }
         std::string dt = "'" + c.kwargs["dtype"].get<std::string>() + "'";
         return oracle::call_text("cunp_harness", "mean_cast_undefined", {a, axes + ")", dt}) == "True";
       },
       "", {}};
}

op_record scan_record(const std::string& n, ndarray (*fn)(const ndarray&, const cumsum_options&), tolerance_class tol) {
  op_record r;
  r.name = r.numpy = n;
  r.registry_name = "numpy." + n;
  r.call = [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), {c.integer("axis"), c.dtype_kw()})}; };
  r.dtypes = on_both(every_dtype);
  r.kwargs = {{"axis", kw_kind::integer}, {"dtype", kw_kind::dtype}};
  r.samples = scan_samples();
  r.errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 2}, {"dtype", nullptr}}), "AxisError"}};
  };
  r.compare.tolerance = tol;
  r.compare.signed_zero = false;  // a running sum's or product's zero sign depends on its order
  if (tol == tolerance_class::cumulative_product) r.domains = {value_domain::near_one};  // long products only overflow
  r.expectations = {undefined_integer_cast()};
  return r;
}

namespace {

// xtensor's max/min and maximum/minimum do not propagate NaN as NumPy's do.
expectation xtensor_nan() {
  return {expectation::skip, "xtensor's max/min do not propagate NaN as NumPy's do", has_special, "xtensor", {}};
}

// ---- the array API beside the ufuncs: creation, copies, views, dtypes. The registry serves each
// through the copy loops, so each claims every dtype on every backend. ----

op_record array_api(const std::string& n, cunp_call call, std::map<std::string, kw_kind> kwargs,
                    std::shared_ptr<const sample_generator> samples) {
  op_record r;
  r.name = n;
  r.numpy = n;
  r.registry_name = "numpy." + n;
  r.call = std::move(call);
  r.dtypes = on_both(every_dtype);
  r.kwargs = std::move(kwargs);
  r.samples = std::move(samples);
  return r;
}

// An op whose NumPy answer is no array (a dtype, a bool, a tuple): NumPy's side is the helper of
// cunp_harness.py of the same name, which gives it as an array as the cunp call does.
op_record through_helper(op_record r) {
  r.numpy = "cunp_harness." + r.name;
  return r;
}

// Creation ops take the device last, so a keyword a case leaves out (None) is passed as NumPy's
// default, which cunp's signatures share: float64, order 'C'.
dtype creation_dtype(const bound_call& c) { return c.dtype_kw().value_or(dtype::float64); }
order creation_order(const bound_call& c) { return c.order_kw().value_or(order::C); }

std::vector<ndarray> one(ndarray a) { return {std::move(a)}; }

// A NaN, infinite or out-of-range float fill cast to an integer dtype is undefined in NumPy (it
// warns; the value is the CPU's conversion's). The dtype is dtype=, else the _like input's.
expectation undefined_fill_cast() {
  return {expectation::skip, "a NaN/inf/out-of-range float fill cast to an integer dtype: undefined in NumPy (CPU-dependent values)",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            std::string to;
            if (c.kwargs.contains("dtype") && c.kwargs["dtype"].is_string()) to = c.kwargs["dtype"].get<std::string>();
            else if (!arrays.empty()) to = std::string(name(arrays[0].dtype()));
            if (to.empty() || !is_integer(dtype_from_name(to))) return false;
            for (const auto& a : c.args)
              if (auto* s = std::get_if<scalar_arg>(&a.v))
                return oracle::call_text("cunp_harness", "cast_undefined", {python_literal(*s), "'" + to + "'"}) == "True";
            return false;
          },
          "", {}};
}

// Shapes NumPy rejects for a new array: a negative extent; and orders only the _like ops take.
std::vector<error_case> creation_errors(const op_record& r, bool fill) {
  auto with_fill = [fill](std::vector<arg_desc> args) {
    if (fill) args.push_back(scalar(2));
    return args;
  };
  return {{make_case(r, with_fill({tuple({2, -1})}), {{"dtype", nullptr}, {"order", "C"}}), "ValueError"},
          {make_case(r, with_fill({tuple({3})}), {{"dtype", nullptr}, {"order", "K"}}), "ValueError"},
          {make_case(r, with_fill({tuple({3})}), {{"dtype", "int8"}, {"order", "A"}}), "ValueError"}};
}

void add_creation(std::vector<op_record>& v) {
  const std::vector<keyword_grid> grids = {{{"dtype", dtype_names(true)}, {"order", {"C", "F"}}}};
  const std::map<std::string, kw_kind> kwargs = {{"dtype", kw_kind::dtype}, {"order", kw_kind::string}};
  auto from_shape = [&](const char* n, cunp_call call, bool fill) {
    op_record r = array_api(n, std::move(call), kwargs, keyword_samples(first_argument::shape, grids, fill));
    r.compare.layout = true;
    r.errors = [fill](const op_record& self) { return creation_errors(self, fill); };
    return r;
  };
  v.push_back(from_shape("empty", [](const bound_call& c) { return one(empty(c.tuple(0), creation_dtype(c), creation_order(c), c.device)); },
                         false));
  v.back().compare.kind = comparator::metadata;  // NumPy leaves the values undefined
  v.push_back(from_shape("zeros", [](const bound_call& c) { return one(zeros(c.tuple(0), creation_dtype(c), creation_order(c), c.device)); },
                         false));
  v.push_back(from_shape("ones", [](const bound_call& c) { return one(ones(c.tuple(0), creation_dtype(c), creation_order(c), c.device)); },
                         false));
  v.push_back(from_shape(
      "full", [](const bound_call& c) { return one(full(c.tuple(0), c.scalar(1), c.dtype_kw(), creation_order(c), c.device)); }, true));
  v.back().expectations = {undefined_fill_cast()};

  // the _like ops: dtype None keeps the input's, order None is K (the input's layout)
  const std::vector<keyword_grid> like_grids = {{{"dtype", dtype_names(true)}, {"order", {nullptr, "K", "C", "F", "A"}}}};
  auto like = [&](const char* n, cunp_call call, bool fill) {
    op_record r = array_api(n, std::move(call), kwargs, keyword_samples(first_argument::array, like_grids, fill));
    r.compare.layout = true;
    return r;
  };
  v.push_back(like("empty_like", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? empty_like(c.array(0), c.dtype_kw(), *o) : empty_like(c.array(0), c.dtype_kw()));
  }, false));
  v.back().compare.kind = comparator::metadata;
  v.push_back(like("zeros_like", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? zeros_like(c.array(0), c.dtype_kw(), *o) : zeros_like(c.array(0), c.dtype_kw()));
  }, false));
  v.push_back(like("ones_like", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? ones_like(c.array(0), c.dtype_kw(), *o) : ones_like(c.array(0), c.dtype_kw()));
  }, false));
  v.push_back(like("full_like", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? full_like(c.array(0), c.scalar(1), c.dtype_kw(), *o) : full_like(c.array(0), c.scalar(1), c.dtype_kw()));
  }, true));
  v.back().expectations = {undefined_fill_cast()};

  op_record ar = array_api("arange", [](const bound_call& c) {
    // NumPy's positional forms: arange(stop), arange(start, stop), arange(start, stop, step)
    if (c.args.size() == 1) return one(arange(c.scalar(0), c.dtype_kw(), c.device));
    const weak_scalar step = c.args.size() == 3 ? c.scalar(2) : weak_scalar(1);
    return one(arange(c.scalar(0), c.scalar(1), step, c.dtype_kw(), c.device));
  }, {{"dtype", kw_kind::dtype}}, range_samples());
  ar.errors = [](const op_record& self) {
    json none = {{"dtype", nullptr}};
    return std::vector<error_case>{{make_case(self, {scalar(0), scalar(1), scalar(0)}, none), "ZeroDivisionError"},
                                   {make_case(self, {scalar("nan")}, none), "ValueError"},
                                   {make_case(self, {scalar("inf")}, none), "ValueError"},
                                   {make_case(self, {scalar(0), scalar("-inf")}, none), "ValueError"},
                                   {make_case(self, {scalar(0), scalar(3)}, {{"dtype", "bool"}}), "TypeError"}};
  };
  v.push_back(ar);

  // eye's extents with its defaults, then every dtype and order at one extent
  const std::vector<keyword_grid> eye_grids = {
      {{"N", {0, 1, 3, 5}}, {"M", {nullptr, 0, 2, 4, 7}}, {"k", {-6, -1, 0, 1, 2, 6}}},
      {{"N", {3}}, {"M", {4}}, {"k", {1}}, {"dtype", dtype_names(true)}, {"order", {"C", "F"}}}};
  op_record eye_r = array_api("eye", [](const bound_call& c) {
    return one(eye(*c.integer("N"), c.integer("M"), c.integer("k").value_or(0), creation_dtype(c), creation_order(c), c.device));
  }, {{"N", kw_kind::integer}, {"M", kw_kind::integer}, {"k", kw_kind::integer}, {"dtype", kw_kind::dtype}, {"order", kw_kind::string}},
     keyword_samples(first_argument::none, eye_grids));
  eye_r.compare.layout = true;
  eye_r.errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {}, {{"N", -1}}), "ValueError"},
                                   {make_case(self, {}, {{"N", 2}, {"M", -2}}), "ValueError"},
                                   {make_case(self, {}, {{"N", 2}, {"order", "K"}}), "ValueError"}};
  };
  v.push_back(eye_r);
}

void add_copies(std::vector<op_record>& v) {
  // values only: cunp's asarray copies host data into a fresh C-order array, where np.asarray
  // returns an array input as it is, layout and all
  v.push_back(array_api("asarray", [](const bound_call& c) {
    // from host data, as a C++ caller has it: the elements in C order
    const ndarray& a = c.array(0);
    std::vector<unsigned char> bytes(a.nbytes());
    a.to_host(bytes.data(), bytes.size());
    return one(asarray(bytes.data(), a.dtype(), a.shape(), c.device));
  }, {}, keyword_samples(first_argument::array, {})));

  // the copies that lay out their result (or return the input as it is), and cast it to dtype=
  auto copying = [](const char* n, cunp_call call, std::map<std::string, kw_kind> kwargs, std::vector<keyword_grid> grids) {
    op_record r = array_api(n, std::move(call), std::move(kwargs), keyword_samples(first_argument::array, std::move(grids)));
    r.compare.layout = true;
    if (r.kwargs.count("dtype")) r.expectations = {undefined_integer_cast()};
    return r;
  };
  const std::vector<keyword_grid> dtype_grid = {{{"dtype", dtype_names(true)}}};
  v.push_back(copying("ascontiguousarray", [](const bound_call& c) { return one(ascontiguousarray(c.array(0), c.dtype_kw())); },
                      {{"dtype", kw_kind::dtype}}, dtype_grid));
  v.push_back(copying("asfortranarray", [](const bound_call& c) { return one(asfortranarray(c.array(0), c.dtype_kw())); },
                      {{"dtype", kw_kind::dtype}}, dtype_grid));

  // every dtype with the default casting; every dtype under each stricter casting rule (NumPy
  // raises where the rule forbids the cast); copy=False, which returns the input where no cast is needed
  const std::vector<keyword_grid> astype_grids = {
      {{"dtype", dtype_names(false)}},
      {{"dtype", dtype_names(false)}, {"casting", {"no", "equiv", "safe", "same_kind"}}},
      {{"dtype", {"float64", "int16"}}, {"copy", {true, false}}}};
  v.push_back(copying("ndarray.astype", [](const bound_call& c) {
    // casting and copy where the case leaves them out: NumPy's defaults, which are cunp's
    return one(c.array(0).astype(*c.dtype_kw(), casting_from_name(c.string("casting", "unsafe")), c.boolean("copy", true)));
  }, {{"dtype", kw_kind::dtype}, {"casting", kw_kind::string}, {"copy", kw_kind::boolean}}, astype_grids));
  v.back().errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {3})}, {{"dtype", "int8"}, {"casting", "safe"}}), "TypeError"},
        {make_case(self, {array(dtype::int8, {3})}, {{"dtype", "int16"}, {"casting", "no"}}), "TypeError"}};
  };

  v.push_back(copying("ndarray.copy", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? c.array(0).copy(*o) : c.array(0).copy());
  }, {{"order", kw_kind::string}}, {{{"order", {nullptr, "C", "F", "A", "K"}}}}));
}

void add_views(std::vector<op_record>& v) {
  auto transposed = [](const bound_call& c) {
    axes ax = c.axis("axes");
    return one(ax.list ? c.array(0).transpose(*ax.list) : c.array(0).transpose());
  };
  auto axes_errors = [](const op_record& self) {
    auto a = [] { return std::vector<arg_desc>{array(dtype::float32, {6, 10})}; };
    return std::vector<error_case>{{make_case(self, a(), {{"axes", json::array({1})}}), "ValueError"},
                                   {make_case(self, a(), {{"axes", json::array({0, 0})}}), "ValueError"},
                                   {make_case(self, a(), {{"axes", json::array({0, 2})}}), "AxisError"}};
  };
  // a view's values and shape, over every layout, and the contiguity its strides give
  auto viewing = [](const char* n, cunp_call call, std::map<std::string, kw_kind> kwargs, view_target target) {
    op_record r = array_api(n, std::move(call), std::move(kwargs), view_samples(target));
    r.compare.layout = true;
    return r;
  };
  for (const char* n : {"transpose", "permute_dims"}) {
    v.push_back(viewing(n, transposed, {{"axes", kw_kind::axis}}, view_target::permutation));
    v.back().errors = axes_errors;
  }

  v.push_back(viewing("reshape", [](const bound_call& c) {
    auto o = c.order_kw();
    return one(o ? c.array(0).reshape(c.tuple(1), *o) : c.array(0).reshape(c.tuple(1)));
  }, {{"order", kw_kind::string}}, view_target::new_shape));
  v.back().errors = [](const op_record& self) {
    auto with = [&](shape_t to, json order) { return make_case(self, {array(dtype::int16, {6, 10}), tuple(std::move(to))}, {{"order", order}}); };
    return std::vector<error_case>{{with({7, -1}, nullptr), "ValueError"},
                                   {with({-1, -1}, nullptr), "ValueError"},
                                   {with({7, 8}, "F"), "ValueError"},
                                   {with({10, 6}, "K"), "ValueError"}};
  };

  v.push_back(viewing("broadcast_to", [](const bound_call& c) { return one(broadcast_to(c.array(0), c.tuple(1))); }, {},
                      view_target::broadcast));
  v.back().errors = [](const op_record& self) {
    auto to = [&](shape_t s) { return make_case(self, {array(dtype::complex64, {6, 10}), tuple(std::move(s))}); };
    return std::vector<error_case>{{to({6}), "ValueError"}, {to({6, 11}), "ValueError"}, {to({2, 6, -10}), "ValueError"}};
  };

  v.push_back(viewing("squeeze", [](const bound_call& c) { return one(c.array(0).squeeze(c.axis())); }, {{"axis", kw_kind::axis}},
                      view_target::unit_axes));
  v.back().errors = [](const op_record& self) {
    auto at = [&](json axis) { return make_case(self, {array(dtype::uint8, {1, 3, 1})}, {{"axis", axis}}); };
    return std::vector<error_case>{{at(1), "ValueError"}, {at(3), "AxisError"}, {at(json::array({0, 0})), "ValueError"}};
  };

  v.push_back(viewing("expand_dims", [](const bound_call& c) { return one(c.array(0).expand_dims(c.axis())); },
                      {{"axis", kw_kind::axis}}, view_target::new_axes));
  v.back().errors = [](const op_record& self) {
    auto at = [&](json axis) { return make_case(self, {array(dtype::bool_, {6, 10})}, {{"axis", axis}}); };
    return std::vector<error_case>{{at(3), "AxisError"}, {at(-4), "AxisError"}, {at(json::array({0, 0})), "ValueError"}};
  };

  v.push_back(through_helper(array_api("broadcast_shapes", [](const bound_call& c) {
    std::vector<shape_t> shapes;
    for (std::size_t i = 0; i < c.args.size(); ++i) shapes.push_back(c.tuple(i));
    shape_t out = broadcast_shapes(shapes);
    return one(asarray(out, shape_t{std::int64_t(out.size())}, c.device));
  }, {}, shape_tuple_samples())));
  v.back().errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {tuple({3}), tuple({4})}), "ValueError"},
                                   {make_case(self, {tuple({-1})}), "ValueError"},
                                   {make_case(self, {tuple({2, -1}), tuple({2, 1})}), "ValueError"}};
  };
}

// The dtype functions answer with the 0-d zero of the result dtype (can_cast: a 0-d bool).
void add_dtype_functions(std::vector<op_record>& v) {
  v.push_back(through_helper(array_api("result_type", [](const bound_call& c) {
    std::vector<dtype_operand> operands;
    for (std::size_t i = 0; i < c.args.size(); ++i) {
      operand o = c.operand_at(i);
      operands.push_back(o.is_array() ? dtype_operand(o.array().dtype()) : dtype_operand(o.scalar()));
    }
    return one(zeros({}, result_type(operands), order::C, c.device));
  }, {}, dtype_samples(dtype_operands::sequence))));
  v.back().errors = [](const op_record& self) { return std::vector<error_case>{{make_case(self, {}), "ValueError"}}; };

  v.push_back(through_helper(array_api("promote_types", [](const bound_call& c) {
    return one(zeros({}, promote_types(c.array(0).dtype(), c.array(1).dtype()), order::C, c.device));
  }, {}, dtype_samples(dtype_operands::pair))));

  v.push_back(through_helper(array_api("can_cast", [](const bound_call& c) {
    // casting where the case leaves it out: NumPy's default, which is cunp's
    bool yes = can_cast(c.array(0).dtype(), c.array(1).dtype(), casting_from_name(c.string("casting", "safe")));
    return one(full({}, yes, dtype::bool_, order::C, c.device));
  }, {{"casting", kw_kind::string}},
     dtype_samples(dtype_operands::pair, {{}, {{"casting", {"no", "equiv", "safe", "same_kind", "unsafe"}}}}))));
  v.back().errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::int8, {}), array(dtype::int16, {})}, {{"casting", "bogus"}}), "ValueError"}};
  };
}

// The transcendentals and the other float math ufuncs (issue 9's second batch).
void add_float_math(std::vector<op_record>& v) {
  using T = tolerance_class;
  struct unary_math {
    const char* name;
    unary_fn fn;
    value_domain domain;
    bool complex_loops;
  };
  const unary_math unaries[] = {
      {"tan", tan, value_domain::any, true},          {"arcsin", arcsin, value_domain::near_one, true},
      {"arccos", arccos, value_domain::near_one, true}, {"arctan", arctan, value_domain::any, true},
      {"sinh", sinh, value_domain::any, true},        {"cosh", cosh, value_domain::any, true},
      {"tanh", tanh, value_domain::any, true},        {"arcsinh", arcsinh, value_domain::any, true},
      {"arccosh", arccosh, value_domain::positive, true}, {"arctanh", arctanh, value_domain::near_one, true},
      {"exp2", exp2, value_domain::any, true},        {"expm1", expm1, value_domain::any, true},
      {"log2", log2, value_domain::positive, true},   {"log10", log10, value_domain::positive, true},
      {"log1p", log1p, value_domain::positive, true}, {"cbrt", cbrt, value_domain::any, false},
      {"deg2rad", deg2rad, value_domain::any, false}, {"radians", radians, value_domain::any, false},
      {"rad2deg", rad2deg, value_domain::any, false}, {"degrees", degrees, value_domain::any, false},
  };
  for (const unary_math& u : unaries) {
    v.push_back(unary(u.name, u.fn, T::transcendental, u.domain, u.complex_loops ? inexact : real_floats));
    v.back().compare.real_part_eps = v.back().name == "log1p";
    if (v.back().name == "deg2rad" || v.back().name == "radians")
      without_xtensor(v.back(), "xtensor's deg2rad is x * pi / 180, which overflows where NumPy's x * (pi / 180) does not");
  }
  // spacing's answer is a gap between neighbouring floats: exact
  v.push_back(unary("spacing", cunp::spacing, T::exact, value_domain::any, real_floats));
  without_xtensor(v.back(), "xtensor has no spacing");
  v.push_back(binary("arctan2", arctan2, T::transcendental, real_floats));
  v.push_back(binary("hypot", hypot, T::rounding, real_floats));
  v.push_back(binary("logaddexp", logaddexp, T::transcendental, real_floats));
  v.back().compare.ulps_of_inputs = true;
  without_xtensor(v.back(), "xtensor has no logaddexp");
  v.push_back(binary("logaddexp2", logaddexp2, T::transcendental, real_floats));
  v.back().compare.ulps_of_inputs = true;
  without_xtensor(v.back(), "xtensor has no logaddexp2");
  v.push_back(binary("nextafter", nextafter, T::exact, real_floats));
  without_xtensor(v.back(), "xtensor has no nextafter");
  expect(v.back(), {{expectation::skip, "float16 nextafter of equal zeros: NumPy < 2.5 keeps x's sign, 2.5 y's as C (cunp follows 2.5)",
                            [](const test_case& c, const std::vector<ndarray>& arrays) {
                              return oracle::call_text("cunp_harness", "half_nextafter_differs", numpy_arguments(c, arrays)) == "True";
                            },
                            "numpy", {}}});
  v.push_back(binary("ldexp", ldexp, T::exact, real_floats));
  v.back().domains = {value_domain::any, value_domain::exponent};
  without_xtensor(v.back(), "xtensor has no ldexp");
  v.back().errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {array(dtype::float64, {3}), array(dtype::int32, {4})}), "ValueError"}};
  };
  using two_outputs = std::pair<ndarray, ndarray> (*)(const operand&, const ufunc_options&);
  for (auto [n, f] : {std::pair<const char*, two_outputs>{"frexp", frexp}, std::pair<const char*, two_outputs>{"modf", modf}}) {
    v.push_back(ufunc(n, [f](const bound_call& c) {
      auto [a, b] = f(c.operand_at(0), c.ufunc_kw());
      return std::vector<ndarray>{a, b};
    }, 1, T::exact, real_floats));
    with_ufunc_keywords(v.back());
    v.back().outputs = 2;
    v.back().errors = nullptr;
  }
}

// Division, remainders, powers, and the integer-only ufuncs.
void add_division(std::vector<op_record>& v) {
  using T = tolerance_class;
  const std::vector<dtype> ints_and_floats = all_but({dtype::bool_, dtype::complex64, dtype::complex128});
  // the quotient is rounded to an integer after a division, as divmod's
  v.push_back(binary("floor_divide", floor_divide, T::rounding, ints_and_floats));
  without_xtensor(v.back(), "xtensor's division truncates; NumPy's floor_divide floors");
  v.push_back(binary("remainder", remainder, T::rounding, ints_and_floats));
  without_xtensor(v.back(), "xtensor's % is C's (the dividend's sign); NumPy's remainder takes the divisor's");
  v.push_back(binary("fmod", fmod, T::exact, ints_and_floats));
  without_xtensor(v.back(), "xtensor's fmod has no integer loops with NumPy's x fmod 0 = 0");
  v.push_back(binary("power", power, T::transcendental, all_but({dtype::bool_})));
  v.back().domains = {value_domain::any, value_domain::exponent};
  v.back().compare.power_conditioning = true;
  without_xtensor(v.back(), "xtensor's pow has no wrapping integer power and no error for negative integer exponents");
  v.back().errors = [](const op_record& self) {
    std::vector<error_case> e = broadcast_errors(self, 2);
    json neg = json::array({2, -1, 3});
    for (dtype d : {dtype::int8, dtype::int32, dtype::int64})
      e.push_back({make_case(self, {array(dtype::int16, {3}), array(d, {3}, layout::C, neg)}),
                   "ValueError"});
    return e;
  };
  v.push_back(binary("float_power", float_power, T::transcendental, {dtype::float64, dtype::complex128}));
  v.back().domains = {value_domain::any, value_domain::exponent};
  v.back().compare.power_conditioning = true;
  without_xtensor(v.back(), "xtensor has no float_power");
  v.push_back(unary("reciprocal", reciprocal, T::rounding, value_domain::any, numeric));
  without_xtensor(v.back(), "xtensor has no reciprocal with NumPy's integer loops");
  v.push_back(binary("gcd", gcd, T::exact, integers));
  without_xtensor(v.back(), "xtensor has no gcd");
  v.push_back(binary("lcm", lcm, T::exact, integers));
  without_xtensor(v.back(), "xtensor has no lcm");
  v.push_back(unary("bitwise_count", bitwise_count, T::exact, value_domain::any, integers));
  without_xtensor(v.back(), "xtensor has no bitwise_count");
  v.push_back(ufunc("clip", [](const bound_call& c) {
    return std::vector<ndarray>{clip(c.operand_at(0), c.operand_at(1), c.operand_at(2), c.ufunc_kw())};
  }, 3, T::exact, every_dtype));
  with_ufunc_keywords(v.back());
  // NumPy's SIMD clip loops, as its maximum/minimum, may return either zero for (-0.0, +0.0)
  v.back().compare.signed_zero = false;
}

// A sample of another generator's matrix (every k-th case) and all of its random draws.
class every_kth final : public sample_generator {
 public:
  every_kth(std::shared_ptr<const sample_generator> inner, std::size_t k) : inner_(std::move(inner)), k_(k) {}
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> all = inner_->matrix(r), out;
    for (std::size_t i = 0; i < all.size(); i += k_) out.push_back(std::move(all[i]));
    return out;
  }
  test_case random(const op_record& r, rng& g) const override { return inner_->random(r, g); }

 private:
  std::shared_ptr<const sample_generator> inner_;
  std::size_t k_;
};

// NumPy's aliases (the op list's alias list): the op's record under the alias, calling cunp's
// alias function, over every 8th case of the op's matrix (the op's own record covers the rest).
void add_aliases(std::vector<op_record>& v) {
  auto add = [&](const char* alias, const char* op, cunp_call call) {
    auto it = std::find_if(v.begin(), v.end(), [&](const op_record& r) { return r.name == op; });
    if (it == v.end()) throw value_error(std::string("alias ") + alias + ": no record for " + op);
    op_record r = *it;
    r.name = r.numpy = alias;
    r.registry_name = std::string("numpy.") + alias;
    r.call = std::move(call);
    r.samples = std::make_shared<every_kth>(it->samples, 8);
    without_xtensor(r, std::string("an alias: xtensor is compared under ") + op);
    v.push_back(std::move(r));
  };
#define CUNP_ALIAS_CALL_1(alias) \
  [](const bound_call& c) { return std::vector<ndarray>{cunp::alias(c.operand_at(0), c.ufunc_kw())}; }
#define CUNP_ALIAS_CALL_2(alias) \
  [](const bound_call& c) { return std::vector<ndarray>{cunp::alias(c.operand_at(0), c.operand_at(1), c.ufunc_kw())}; }
#define CUNP_ALIAS_RECORD(alias, op, nin, nout) add(#alias, #op, CUNP_ALIAS_CALL_##nin(alias));
  CUNP_UFUNC_ALIAS_LIST(CUNP_ALIAS_RECORD)
#undef CUNP_ALIAS_RECORD
  add("amax", "max", [](const bound_call& c) { return std::vector<ndarray>{amax(c.array(0), c.axis(), c.boolean("keepdims"))}; });
  add("amin", "min", [](const bound_call& c) { return std::vector<ndarray>{amin(c.array(0), c.axis(), c.boolean("keepdims"))}; });
  // max and min under other names: the planted bugs of max and min reach them unmodelled
  for (auto it = v.end() - 2; it != v.end(); ++it) it->composite = true;
#undef CUNP_ALIAS_CALL_1
#undef CUNP_ALIAS_CALL_2
}

// ---- NumPy's functions over the ufuncs (cunp/numeric_functions.hpp) ----

// An argument as np.asarray makes it: a Python scalar becomes a 0-d array of its default dtype.
ndarray asarray_at(const bound_call& c, std::size_t i) {
  operand o = c.operand_at(i);
  return o.is_array() ? o.array() : full({}, o.scalar(), std::nullopt, order::C, c.device);
}
ndarray optional_out(const bound_call& c) {
  auto it = c.array_kwargs.find("out");
  return it == c.array_kwargs.end() || it->second.empty() ? ndarray() : it->second.front();
}
std::vector<ndarray> truth(bool b, const bound_call& c) { return {full({}, b, dtype::bool_, order::C, c.device)}; }

json out_spec(dtype d) { return {{"dtype", std::string(name(d))}, {"shape", {5, 4}}, {"layout", "strided"}, {"values", "random"}}; }

// np.real(True) and np.imag(True) are True.real and True.imag, the Python ints 1 and 0, and
// np.imag(2**63) is the int 0: Python's attributes of its numbers, not an array's parts (which
// np.asarray would give: bool, uint64)
expectation python_number_attributes() {
  return {expectation::skip, "np.real/np.imag of a Python bool or an int beyond int64 answer with Python's .real/.imag, Python ints",
          [](const test_case& c, const std::vector<ndarray>&) {
            const auto* s = std::get_if<scalar_arg>(&c.args.at(0).v);
            return s && (s->value.is_boolean() || (s->value.is_number_unsigned() && s->value.get<std::uint64_t>() > INT64_MAX));
          },
          "", {}};
}

// round of an integer array to negative decimals casts NumPy's float64 answer back to the dtype:
// where that leaves the dtype's range, the cast is undefined in NumPy
expectation round_cast_out_of_range() {
  return {expectation::skip, "an integer rounded to negative decimals beyond its dtype's range: NumPy's float64-to-integer cast is undefined there",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            if (!c.kwargs.contains("decimals") || c.kwargs.contains("out")) return false;
            const auto* s = std::get_if<scalar_arg>(&c.args.at(0).v);
            oracle::arg a = s ? oracle::arg(python_literal(*s)) : oracle::arg(arrays.at(0));
            return oracle::call_text("cunp_harness", "round_cast_undefined", {a, c.kwargs["decimals"].dump()}) == "True";
          },
          "", {}};
}

void add_numeric_functions(std::vector<op_record>& v) {
  using T = tolerance_class;
  auto composite = [&](const char* n, int nin, cunp_call call, std::vector<dtype> claims, std::vector<keyword_grid> grids = {},
                       std::map<std::string, kw_kind> kwargs = {}, T tol = T::exact) {
    op_record r;
    r.name = r.numpy = n;
    r.registry_name = std::string("numpy.") + n;
    r.call = std::move(call);
    r.dtypes = on_both(std::move(claims));
    r.kwargs = std::move(kwargs);
    r.samples = elementwise_samples(nin, false, std::move(grids));
    r.compare.tolerance = tol;
    r.composite = true;
    without_xtensor(r, "a NumPy function over ufuncs: compared with NumPy (its ufuncs are compared with xtensor)");
    v.push_back(std::move(r));
    return &v.back();
  };
  // NumPy answers these with a Python bool: its side is the cunp_harness helper of the name
  auto as_helper = [](op_record* r) {
    *r = through_helper(std::move(*r));
    return r;
  };
  composite("real", 1, [](const bound_call& c) { return one(real(asarray_at(c, 0))); }, every_dtype)
      ->expectations.push_back(python_number_attributes());
  composite("imag", 1, [](const bound_call& c) { return one(imag(asarray_at(c, 0))); }, every_dtype)
      ->expectations.push_back(python_number_attributes());
  composite("angle", 1, [](const bound_call& c) { return one(angle(c.operand_at(0), c.boolean("deg"))); }, every_dtype,
            {{{"deg", {false, true}}}}, {{"deg", kw_kind::boolean}}, T::transcendental);
  for (const char* n : {"round", "around"}) {
    auto call = [](const bound_call& c) { return one(round(asarray_at(c, 0), int(c.integer("decimals").value_or(0)), optional_out(c))); };
    op_record* r = composite(n, 1, call, every_dtype,
                             {{{"decimals", {0, 1, 2, 3, 9, 10, 17, 400, -1, -2, -3, -17, -400}}},
                              {{"decimals", {0, 2, -1}},
                               {"out", {out_spec(dtype::float64), out_spec(dtype::float32), out_spec(dtype::int16),
                                        out_spec(dtype::complex128)}}}},
                             {{"decimals", kw_kind::integer}, {"out", kw_kind::array}});
    r->expectations.push_back(round_cast_out_of_range());
  }
  composite("fix", 1, [](const bound_call& c) { return one(fix(c.operand_at(0), optional_out(c))); }, non_complex,
            {{{"out", {out_spec(dtype::float64), out_spec(dtype::int16)}}}}, {{"out", kw_kind::array}});
  composite("nan_to_num", 1, [](const bound_call& c) {
    return one(nan_to_num(asarray_at(c, 0), {.copy = c.boolean("copy", true), .nan = c.number("nan").value_or(0.0),
                                             .posinf = c.number("posinf"), .neginf = c.number("neginf")}));
  }, every_dtype, {{{"copy", {true, false}}, {"nan", {0.0, 1e10, -7}}, {"posinf", {nullptr, 1e10, 7}}, {"neginf", {nullptr, -1e10, -7.5}}}},
            {{"copy", kw_kind::boolean}, {"nan", kw_kind::number}, {"posinf", kw_kind::number}, {"neginf", kw_kind::number}})
      ->writes_inputs = true;
  v.back().expectations.push_back(
      {expectation::skip, "a Python scalar with copy=False: NumPy cannot avoid its copy (ValueError); cunp's nan_to_num takes arrays",
       [](const test_case& c, const std::vector<ndarray>&) {
         return std::holds_alternative<scalar_arg>(c.args.at(0).v) && c.kwargs.contains("copy") && c.kwargs["copy"] == false;
       },
       "", {}});
  const std::vector<keyword_grid> tolerances = {{{"rtol", {1e-5, 0.0, 0.5}}, {"atol", {1e-8, 0.0, 1.0}}, {"equal_nan", {false, true}}}};
  const std::map<std::string, kw_kind> tolerance_kw = {{"rtol", kw_kind::number}, {"atol", kw_kind::number}, {"equal_nan", kw_kind::boolean}};
  auto tolerance_options = [](const bound_call& c) {
    return isclose_options{c.number("rtol").value_or(1e-5), c.number("atol").value_or(1e-8), c.boolean("equal_nan")};
  };
  composite("isclose", 2, [=](const bound_call& c) { return one(isclose(c.operand_at(0), c.operand_at(1), tolerance_options(c))); },
            every_dtype, tolerances, tolerance_kw)
      ->errors = [](const op_record& self) { return broadcast_errors(self, 2); };
  as_helper(composite("allclose", 2, [=](const bound_call& c) { return truth(allclose(c.operand_at(0), c.operand_at(1), tolerance_options(c)), c); },
             every_dtype, tolerances, tolerance_kw));
  v.back().errors = [](const op_record& self) { return broadcast_errors(self, 2); };
  as_helper(composite("array_equal", 2, [](const bound_call& c) {
    return truth(array_equal(c.operand_at(0), c.operand_at(1), c.boolean("equal_nan")), c);
  }, every_dtype, {{{"equal_nan", {false, true}}}}, {{"equal_nan", kw_kind::boolean}}));
  as_helper(composite("array_equiv", 2, [](const bound_call& c) { return truth(array_equiv(c.operand_at(0), c.operand_at(1)), c); },
             every_dtype));
  composite("isreal", 1, [](const bound_call& c) { return one(isreal(asarray_at(c, 0))); }, every_dtype);
  composite("iscomplex", 1, [](const bound_call& c) { return one(iscomplex(asarray_at(c, 0))); }, every_dtype);
  as_helper(composite("isrealobj", 1, [](const bound_call& c) { return truth(isrealobj(asarray_at(c, 0)), c); }, every_dtype));
  as_helper(composite("iscomplexobj", 1, [](const bound_call& c) { return truth(iscomplexobj(asarray_at(c, 0)), c); }, every_dtype));
  const std::vector<keyword_grid> bool_outs = {{{"out", {out_spec(dtype::bool_), out_spec(dtype::float32)}}}};
  composite("isposinf", 1, [](const bound_call& c) { return one(isposinf(c.operand_at(0), optional_out(c))); }, non_complex,
            bool_outs, {{"out", kw_kind::array}});
  composite("isneginf", 1, [](const bound_call& c) { return one(isneginf(c.operand_at(0), optional_out(c))); }, non_complex,
            bool_outs, {{"out", kw_kind::array}});
}

// ---- a binary ufunc's methods: reduce, accumulate, reduceat, outer ----

// The op list's binary one-output ufuncs, by name (nullptr for the others).
const binary_ufunc* binary_ufunc_named(const std::string& n) {
#define CUNP_BINARY_OBJECT(op, nin, nout, family) CUNP_BINARY_OBJECT_##nin##_##nout(op)
#define CUNP_BINARY_OBJECT_2_1(op) \
  if (n == #op) return &ufuncs::op;
#define CUNP_BINARY_OBJECT_1_1(op)
#define CUNP_BINARY_OBJECT_1_2(op)
#define CUNP_BINARY_OBJECT_2_2(op)
#define CUNP_BINARY_OBJECT_3_1(op)
  CUNP_UFUNC_LIST(CUNP_BINARY_OBJECT)
#undef CUNP_BINARY_OBJECT
#undef CUNP_BINARY_OBJECT_2_1
#undef CUNP_BINARY_OBJECT_1_1
#undef CUNP_BINARY_OBJECT_1_2
#undef CUNP_BINARY_OBJECT_2_2
#undef CUNP_BINARY_OBJECT_3_1
  return nullptr;
}

// reduce's initial=: a Python int stays one (NumPy packs it into the loop dtype)
std::optional<weak_scalar> initial_kw(const bound_call& c) {
  if (!c.has("initial")) return std::nullopt;
  if (c.kwargs["initial"].is_number_integer()) return weak_scalar(c.kwargs["initial"].get<std::int64_t>());
  return weak_scalar(*c.number("initial"));
}

// Where NumPy's own answer is not the method's definition, or depends on its iteration order,
// the case is skipped with the reason (cunp computes the definition).
expectation method_skip(std::string reason, std::function<bool(const test_case&, const std::vector<ndarray>&)> applies) {
  return {expectation::skip, std::move(reason), std::move(applies), "numpy", {}};
}

bool inexact_input_or_dtype(const test_case& c, const std::vector<ndarray>& arrays) {
  if (c.kwargs.contains("dtype") && !c.kwargs["dtype"].is_null()) return is_inexact(dtype_from_name(c.kwargs["dtype"].get<std::string>()));
  return is_inexact(arrays.at(0).dtype());
}

// A fold's segments for the step-by-step check (record.hpp's fold), moved to axis 0: an
// accumulate is one; a reduce over one axis, without where= or initial=, is one, stepped by
// cunp's accumulate of its input; a reduceat has one per index. None where the result is exact
// (compared whole) or the case is another.
auto fold_segments(const binary_ufunc& u, ufunc_method_kind kind) {
  return [&u, kind](const bound_call& c, const std::vector<ndarray>& got) -> std::optional<std::vector<fold_segment>> {
    const ndarray& a = c.array(0);
    if (!is_inexact(got.at(0).dtype()) || a.ndim() == 0) return std::nullopt;
    std::int64_t axis = 0;
    if (kind == ufunc_method_kind::reduce) {
      if (c.has("where") || c.has("initial")) return std::nullopt;
      axes ax = c.kwargs.contains("axis") ? c.axis() : axes(0);
      if (ax.list ? ax.list->size() != 1 : a.ndim() != 1) return std::nullopt;
      if (ax.list) axis = ax.list->front();
    } else {
      axis = c.integer("axis").value_or(0);
    }
    if (axis < 0) axis += a.ndim();
    std::vector<std::int64_t> to_front{axis};
    for (std::int64_t d = 0; d < a.ndim(); ++d)
      if (d != axis) to_front.push_back(d);
    ndarray items = a.transpose(to_front);
    std::int64_t n = items.shape()[0];
    if (n == 0) return std::nullopt;
    accumulate_options steps{.axis = 0, .dtype = c.dtype_kw()};
    switch (kind) {
      case ufunc_method_kind::accumulate:
        return std::vector<fold_segment>{{items, got[0].transpose(to_front), ndarray()}};
      case ufunc_method_kind::reduce: {
        ndarray running = u.accumulate(items, steps);
        return std::vector<fold_segment>{{items, running, got[0].reshape(running[{slice(n - 1, n)}].shape())}};
      }
      case ufunc_method_kind::reduceat: {
        std::vector<std::int64_t> at = c.array(1).astype(dtype::int64).to_host<std::int64_t>();
        ndarray result = got[0].transpose(to_front);
        std::vector<fold_segment> segments;
        for (std::size_t i = 0; i < at.size(); ++i) {
          // NumPy's rule: a[at[i]:at[i + 1]], or the single a[at[i]] where that is empty
          std::int64_t start = at[i], stop = i + 1 < at.size() ? at[i + 1] : n;
          ndarray part = items[{slice(start, start < stop ? stop : start + 1)}];
          segments.push_back({part, u.accumulate(part, steps), result[{slice(std::int64_t(i), std::int64_t(i) + 1)}]});
        }
        return segments;
      }
      case ufunc_method_kind::outer: break;
    }
    return std::nullopt;
  };
}

// Each method of each binary ufunc's record, compared as the ufunc is, except: add's reductions
// and scans against the exact sum (its order is free), multiply's against the exact product,
// maximum's and minimum's complex NaN choice as max's and min's.
void add_ufunc_methods(std::vector<op_record>& v) {
  using T = tolerance_class;
  std::vector<op_record> methods;
  for (const op_record& base : v) {
    const binary_ufunc* f = binary_ufunc_named(base.name);
    if (!f || base.name != base.numpy) continue;
    bool add = base.name == "add", multiply = base.name == "multiply";
    for (auto kind : {ufunc_method_kind::reduce, ufunc_method_kind::accumulate, ufunc_method_kind::reduceat, ufunc_method_kind::outer}) {
      op_record r;
      const char* method = kind == ufunc_method_kind::reduce       ? "reduce"
                           : kind == ufunc_method_kind::accumulate ? "accumulate"
                           : kind == ufunc_method_kind::reduceat   ? "reduceat"
                                                                   : "outer";
      r.name = r.numpy = base.name + "." + method;
      r.registry_name = base.registry_name;
      r.dtypes = base.dtypes;
      r.domains = base.domains;
      r.compare = base.compare;
      r.compare.ulps_of_inputs = false;  // the inputs do not broadcast to the result
      r.composite = true;  // built from the ufunc's loop: its planted bugs reach it unmodelled
      r.samples = ufunc_method_samples(kind, !add && !multiply);
      r.expectations = {undefined_integer_cast()};
      without_xtensor(r, "xtensor has no ufunc methods");
      bool reducing = kind == ufunc_method_kind::reduce || kind == ufunc_method_kind::reduceat;
      // chains of transcendental steps: compared step by step
      bool stepped = base.name == "power" || base.name == "float_power" || base.name == "arctan2";
      if (stepped && kind != ufunc_method_kind::outer) r.fold = fold_segments(*f, kind);
      // NumPy's float32/float64 loops of these compute op(start, a[i]) for every i when they
      // reduce, so its reduce gives op(a[0], a[-1]); its accumulate's last element is the fold.
      // The stepped check asks NumPy's ufunc alone; a reduce's with where= or initial=, which is
      // not stepped, is skipped. ldexp's reduce raises TypeError in NumPy but for the integer
      // inputs it takes to its 'fi->f' and 'di->d' loops (int16, uint16, int32), skipped
      if (kind == ufunc_method_kind::reduce && base.name == "ldexp")
        r.expectations.push_back(method_skip(
            "NumPy's ldexp.reduce of int16, uint16 and int32 runs its float loop as op(first, last), ignoring the running result",
            [](const test_case& c, const std::vector<ndarray>&) {
              const auto* in = std::get_if<array_arg>(&c.args.at(0).v);
              return in && (in->dt == dtype::int16 || in->dt == dtype::uint16 || in->dt == dtype::int32);
            }));
      if (reducing && (base.name == "power" || base.name == "arctan2"))
        r.expectations.push_back(method_skip(
            "NumPy's vectorized " + base.name + " loop reduces to op(first, last), ignoring the running result (its accumulate agrees with cunp)",
            [arctan2 = base.name == "arctan2", kind](const test_case& c, const std::vector<ndarray>& a) {
              auto given = [&c](const char* k) { return c.kwargs.contains(k) && !c.kwargs[k].is_null(); };
              return (arctan2 || inexact_input_or_dtype(c, a)) && kind == ufunc_method_kind::reduce && (given("where") || given("initial"));
            }));
      // NumPy's float16 subtract and divide reduce in float32 within one inner loop but round
      // every step when the reduced axis is an outer loop of its iteration; cunp rounds once
      if (kind == ufunc_method_kind::reduce && (base.name == "subtract" || base.name == "divide"))
        r.expectations.push_back(method_skip(
            "NumPy's float16 " + base.name + ".reduce rounds once or every step, by its iteration order (cunp rounds once)",
            [](const test_case& c, const std::vector<ndarray>& a) {
              bool dt = c.kwargs.contains("dtype") && !c.kwargs["dtype"].is_null();
              return dt ? c.kwargs["dtype"] == "float16" : a.at(0).dtype() == dtype::float16;
            }));
      if (base.name == "nextafter" && kind != ufunc_method_kind::outer)
        r.expectations.push_back(method_skip(
            "float16 nextafter of equal zeros: NumPy < 2.5 keeps x's sign, 2.5 y's as C (cunp follows 2.5)",
            [](const test_case& c, const std::vector<ndarray>& a) {
              bool half = c.kwargs.contains("dtype") && !c.kwargs["dtype"].is_null() ? c.kwargs["dtype"] == "float16"
                                                                                    : a.at(0).dtype() == dtype::float16;
              return half && numpy_before_2_5();
            }));
      // several axes of an order-dependent float ufunc: NumPy's order is its iteration's
      if (kind == ufunc_method_kind::reduce && (base.name == "hypot" || base.name == "logaddexp" || base.name == "logaddexp2"))
        r.expectations.push_back(method_skip(
            "a float " + base.name + ".reduce over several axes: NumPy folds them in its iteration order, cunp one axis after another",
            [](const test_case& c, const std::vector<ndarray>& a) {
              const json& ax = c.kwargs["axis"];
              std::size_t n = ax.is_null() ? std::size_t(a.at(0).ndim()) : ax.is_array() ? ax.size() : 1;
              return n > 1;
            }));
      const binary_ufunc& u = *f;
      switch (kind) {
        case ufunc_method_kind::reduce:
          r.kwargs = {{"axis", kw_kind::axis}, {"keepdims", kw_kind::boolean}, {"dtype", kw_kind::dtype},
                      {"initial", kw_kind::number}, {"where", kw_kind::array}};
          r.call = [&u](const bound_call& c) {
            reduce_options o{.axis = c.kwargs.contains("axis") ? c.axis() : axes(0), .dtype = c.dtype_kw(), .keepdims = c.boolean("keepdims"), .initial = initial_kw(c)};
            if (c.has("where")) o.where = c.array_kwargs.at("where").at(0);
            return std::vector<ndarray>{u.reduce(c.array(0), o)};
          };
          r.where_masks_inputs = true;
          if (add) r.compare.tolerance = T::summation;
          if (multiply) {
            r.compare.tolerance = T::product;
            r.domains = {value_domain::near_one};
          }
          if (add || multiply) r.compare.signed_zero = false;
          r.compare.complex_nan_choice = base.name == "maximum" || base.name == "minimum";
          break;
        case ufunc_method_kind::accumulate:
          r.kwargs = {{"axis", kw_kind::integer}, {"dtype", kw_kind::dtype}};
          r.call = [&u](const bound_call& c) {
            return std::vector<ndarray>{u.accumulate(c.array(0), {.axis = c.integer("axis").value_or(0), .dtype = c.dtype_kw()})};
          };
          if (add) {
            r.compare.tolerance = T::cumulative;
            r.compare.signed_zero = false;
          }
          if (multiply) r.domains = {value_domain::near_one};
          break;
        case ufunc_method_kind::reduceat:
          r.kwargs = {{"axis", kw_kind::integer}, {"dtype", kw_kind::dtype}};
          r.call = [&u](const bound_call& c) {
            return std::vector<ndarray>{u.reduceat(c.array(0), c.array(1), {.axis = c.integer("axis").value_or(0), .dtype = c.dtype_kw()})};
          };
          // float sums and products against the exact ones of each segment (NumPy adds a
          // segment's first element to the pairwise sum of the rest; cunp folds it as a tree)
          if (add) {
            r.compare.tolerance = T::summation;
            r.summands = "reduceat_summands";
          }
          if (multiply) {
            r.compare.tolerance = T::product;
            r.summands = "reduceat_factors";
            r.domains = {value_domain::near_one, value_domain::any};
            // the reference pads the shorter segments with ones, which a complex product holding
            // inf or NaN does not ignore ((-7.25+nanj)(1+0j) is nan+nanj)
            r.expectations.push_back(method_skip(
                "complex multiply.reduceat of inf or NaN: the reference's padding ones change such products",
                [](const test_case& c, const std::vector<ndarray>& a) {
                  bool complex_result = c.kwargs.contains("dtype") && !c.kwargs["dtype"].is_null()
                                            ? is_complex(dtype_from_name(c.kwargs["dtype"].get<std::string>()))
                                            : is_complex(a.at(0).dtype());
                  return complex_result && !all(isfinite(a.at(0))).item<bool>();
                }));
          }
          if (add || multiply) r.compare.signed_zero = false;
          break;
        case ufunc_method_kind::outer:
          r.kwargs = {{"dtype", kw_kind::dtype}};
          r.call = [&u](const bound_call& c) {
            return std::vector<ndarray>{u.outer(c.array(0), c.array(1), {.dtype = c.dtype_kw()})};
          };
          // the ufunc's own expectations, asked of every pair: a with b's dims appended
          r.expectations.clear();
          for (expectation e : base.expectations) {
            e.applies = [applies = e.applies](const test_case& c, const std::vector<ndarray>& arrays) {
              std::vector<ndarray> pair = arrays;
              shape_t s = pair.at(0).shape();
              s.insert(s.end(), std::size_t(pair.at(1).ndim()), 1);
              pair[0] = pair[0].reshape(s);
              return applies(c, pair);
            };
            r.expectations.push_back(std::move(e));
          }
              break;
      }
      methods.push_back(std::move(r));
    }
  }
  v.insert(v.end(), methods.begin(), methods.end());
}

std::vector<op_record> build() {
  using T = tolerance_class;
  std::vector<op_record> v;
  v.push_back(binary("add", add, T::rounding, every_dtype));
  v.push_back(binary("subtract", subtract, T::rounding, numeric));
  v.push_back(binary("multiply", multiply, T::rounding, every_dtype));
  expect(v.back(), {fma_contraction(), xtensor_annex_g()});
  v.push_back(binary("divide", divide, T::rounding, inexact));
  expect(v.back(), {xtensor_annex_g()});
  // NumPy's SIMD maximum/minimum may return either zero for (-0.0, +0.0)
  v.push_back(binary("maximum", maximum, T::exact, every_dtype));
  v.back().compare.signed_zero = false;
  expect(v.back(), {xtensor_nan()});
  v.push_back(binary("minimum", minimum, T::exact, every_dtype));
  v.back().compare.signed_zero = false;
  expect(v.back(), {xtensor_nan()});
  // NumPy's fmax/fmin, as its maximum/minimum, may return either zero for (-0.0, +0.0)
  v.push_back(binary("fmax", fmax, T::exact, every_dtype));
  v.back().compare.signed_zero = false;
  v.push_back(binary("fmin", fmin, T::exact, every_dtype));
  v.back().compare.signed_zero = false;
  v.push_back(binary("copysign", copysign, T::exact, real_floats));
  without_xtensor(v.back(), "xtensor has no copysign");
  v.push_back(binary("heaviside", heaviside, T::exact, real_floats));
  without_xtensor(v.back(), "xtensor has no heaviside");
  for (auto [n, fn] : {std::pair<const char*, binary_fn>{"equal", equal}, {"not_equal", not_equal}, {"less", less},
                       {"less_equal", less_equal}, {"greater", greater}, {"greater_equal", greater_equal}}) {
    v.push_back(binary(n, fn, T::exact, every_dtype));
    expect(v.back(), {numpy_masked_comparison_crash()});
  }
  v.push_back(binary("logical_and", logical_and, T::exact, every_dtype));
  v.push_back(binary("logical_or", logical_or, T::exact, every_dtype));
  v.push_back(binary("logical_xor", logical_xor, T::exact, every_dtype));
  v.push_back(unary("logical_not", logical_not, T::exact, value_domain::any, every_dtype));
  v.push_back(binary("bitwise_and", bitwise_and, T::exact, bool_and_integers));
  v.push_back(binary("bitwise_or", bitwise_or, T::exact, bool_and_integers));
  v.push_back(binary("bitwise_xor", bitwise_xor, T::exact, bool_and_integers));
  v.push_back(unary("invert", invert, T::exact, value_domain::any, bool_and_integers));
  const char* cpp_shifts = "xtensor shifts as C++ does: undefined for counts past the bit width, where NumPy's give 0 or -1";
  v.push_back(binary("left_shift", left_shift, T::exact, integers));
  without_xtensor(v.back(), cpp_shifts);
  v.push_back(binary("right_shift", right_shift, T::exact, integers));
  without_xtensor(v.back(), cpp_shifts);
  v.push_back(unary("negative", negative, T::exact, value_domain::any, numeric));
  v.push_back(unary("positive", positive, T::exact, value_domain::any, numeric));
  v.push_back(unary("fabs", fabs, T::exact, value_domain::any, real_floats));
  // complex sign is z / |z|: a hypot and a division, as absolute (real and integer signs are
  // -1, 0, 1 or NaN, which no tolerance blurs)
  v.push_back(unary("sign", sign, T::rounding, value_domain::any, numeric));
  without_xtensor(v.back(), "xtensor's sign keeps a zero's sign and takes a complex sign from one part (NumPy 1's)");
  v.push_back(unary("conjugate", conjugate, T::exact, value_domain::any, numeric));
  // NumPy's square is its multiply, whose complex loops contract into FMA (real squares are one
  // rounding, exact either way)
  v.push_back(unary("square", square, T::rounding, value_domain::any, numeric));
  expect(v.back(), {fma_contraction()});
  v.push_back(unary("floor", floor, T::exact, value_domain::any, non_complex));
  v.push_back(unary("ceil", ceil, T::exact, value_domain::any, non_complex));
  v.push_back(unary("trunc", trunc, T::exact, value_domain::any, non_complex));
  v.push_back(unary("rint", rint, T::exact, value_domain::any, inexact));
  v.push_back(unary("isnan", isnan, T::exact, value_domain::any, every_dtype));
  v.push_back(unary("isinf", isinf, T::exact, value_domain::any, every_dtype));
  v.push_back(unary("isfinite", isfinite, T::exact, value_domain::any, every_dtype));
  v.push_back(unary("signbit", signbit, T::exact, value_domain::any, real_floats));
  without_xtensor(v.back(), "xtensor has no signbit");
  v.push_back(unary("absolute", absolute, T::rounding, value_domain::any, every_dtype));
  v.push_back(unary("sqrt", sqrt, T::rounding, value_domain::positive, inexact));
  v.push_back(unary("sin", sin, T::transcendental, value_domain::any, inexact));
  v.push_back(unary("cos", cos, T::transcendental, value_domain::any, inexact));
  v.push_back(unary("exp", exp, T::transcendental, value_domain::any, inexact));
  v.push_back(unary("log", log, T::transcendental, value_domain::positive, inexact));
  add_float_math(v);
  add_division(v);

  op_record dm = ufunc(
      "divmod",
      [](const bound_call& c) {
        auto [q, m] = divmod(c.operand_at(0), c.operand_at(1), c.ufunc_kw());
        return std::vector<ndarray>{q, m};
      },
      2, T::exact,
      {dtype::int8, dtype::uint8, dtype::int16, dtype::uint16, dtype::int32, dtype::uint32, dtype::int64, dtype::uint64,
       dtype::float16, dtype::float32, dtype::float64});
  // the quotient is rounded to an integer after a division: floats are exact or one rounding off
  dm.compare.tolerance = T::rounding;
  with_ufunc_keywords(dm);
  dm.outputs = 2;
  v.push_back(dm);

  op_record wh = ufunc(
      "where", [](const bound_call& c) { return std::vector<ndarray>{where(c.operand_at(0), c.operand_at(1), c.operand_at(2))}; },
      3, T::exact, every_dtype);
  wh.samples = elementwise_samples(3, true);
  wh.row_array = 1;
  // NumPy 2.5's where checks a Python int against the result dtype as ufuncs do (OverflowError);
  // older NumPy casts it unsafely. cunp follows 2.5; an older oracle cannot judge such cases.
  wh.expectations = {{expectation::skip, "a Python int beyond where's result dtype: NumPy < 2.5 wraps it, 2.5 raises (cunp follows 2.5)",
                      [](const test_case& c, const std::vector<ndarray>& arrays) {
                        if (!numpy_before_2_5()) return false;
                        std::vector<dtype_operand> xy;
                        std::size_t k = 1;  // arrays[0] is the condition
                        for (std::size_t i = 1; i < c.args.size(); ++i) {
                          if (auto* s = std::get_if<scalar_arg>(&c.args[i].v)) xy.push_back(dtype_operand(scalar_value(*s)));
                          else xy.push_back(dtype_operand(arrays.at(k++).dtype()));
                        }
                        dtype t = result_type(xy);
                        return std::any_of(xy.begin(), xy.end(), [t](const dtype_operand& o) { return o.weak && !o.scalar.fits(t); });
                      },
                      "", {}}};
  wh.errors = [](const op_record& self) { return broadcast_errors(self, 3); };
  v.push_back(wh);

  v.push_back(reduction(
      "sum", [](const bound_call& c) { return std::vector<ndarray>{sum(c.array(0), c.axis(), c.boolean("keepdims"), c.dtype_kw())}; },
      T::summation, true));
  v.back().expectations.push_back(undefined_integer_cast());
  v.push_back(reduction(
      "prod", [](const bound_call& c) { return std::vector<ndarray>{prod(c.array(0), c.axis(), c.boolean("keepdims"), c.dtype_kw())}; },
      T::product, true));
  v.back().domains = {value_domain::near_one};
  v.back().expectations.push_back(undefined_integer_cast());
  // NumPy's max/min return the first NaN-carrying element in iteration order; for complex values
  // those elements differ (nan+1j vs 1+nanj), and which one a parallel reduction meets first
  // depends on its order: a property comparator accepts any of that output's NaN-carrying inputs
  v.push_back(reduction(
      "max", [](const bound_call& c) { return std::vector<ndarray>{max(c.array(0), c.axis(), c.boolean("keepdims"))}; }, T::exact,
      false));
  v.back().compare.complex_nan_choice = true;
  v.back().expectations.push_back(xtensor_nan());
  v.push_back(reduction(
      "min", [](const bound_call& c) { return std::vector<ndarray>{min(c.array(0), c.axis(), c.boolean("keepdims"))}; }, T::exact,
      false));
  v.back().compare.complex_nan_choice = true;
  v.back().expectations.push_back(xtensor_nan());

  // all and any reduce in their bool loop; ptp is max - min, one subtraction of two exact values
  v.push_back(reduction(
      "all", [](const bound_call& c) { return std::vector<ndarray>{all(c.array(0), c.axis(), c.boolean("keepdims"))}; }, T::exact,
      false));
  without_xtensor(v.back(), "xtensor's all() takes no axes");
  v.back().composite = true;
  v.push_back(reduction(
      "any", [](const bound_call& c) { return std::vector<ndarray>{any(c.array(0), c.axis(), c.boolean("keepdims"))}; }, T::exact,
      false));
  without_xtensor(v.back(), "xtensor's any() takes no axes");
  v.back().composite = true;
  v.push_back(reduction(
      "ptp", [](const bound_call& c) { return std::vector<ndarray>{ptp(c.array(0), c.axis(), c.boolean("keepdims"))}; }, T::exact,
      false));
  v.back().dtypes = on_both(numeric);
  v.back().compare.complex_nan_difference = true;
  without_xtensor(v.back(), "xtensor has no ptp");
  v.back().composite = true;
  v.push_back(reduction(
      "mean",
      [](const bound_call& c) { return std::vector<ndarray>{mean(c.array(0), c.axis(), c.boolean("keepdims"), c.dtype_kw())}; },
      T::mean, true));
  v.back().expectations.push_back(undefined_integer_cast());
  v.back().expectations.push_back(mean_integer_dtype_cast());
  without_xtensor(v.back(), "xt::mean accumulates in the input's type, not NumPy's float64 for integers");
  v.back().composite = true;
  v.push_back(reduction(
      "count_nonzero",
      [](const bound_call& c) { return std::vector<ndarray>{count_nonzero(c.array(0), c.axis(), c.boolean("keepdims"))}; },
      T::exact, false));
  without_xtensor(v.back(), "xtensor's count_nonzero takes no keepdims");
  v.back().composite = true;

  for (const char* n : {"argmax", "argmin"}) {
    op_record r;
    r.name = n;
    r.numpy = n;
    r.registry_name = std::string("numpy.") + n;
    bool is_max = r.name == "argmax";
    r.call = [is_max](const bound_call& c) {
      arg_reduce_options o{c.integer("axis"), c.boolean("keepdims")};
      return std::vector<ndarray>{is_max ? argmax(c.array(0), o) : argmin(c.array(0), o)};
    };
    r.dtypes = on_both(every_dtype);
    r.kwargs = {{"axis", kw_kind::integer}, {"keepdims", kw_kind::boolean}};
    r.samples = arg_reduction_samples();
    r.errors = [](const op_record& self) {
      return std::vector<error_case>{
          {make_case(self, {array(dtype::float32, {0, 4})}, {{"axis", nullptr}, {"keepdims", false}}), "ValueError"},
          {make_case(self, {array(dtype::float32, {3, 4})}, {{"axis", 2}, {"keepdims", false}}), "AxisError"},
          {make_case(self, {array(dtype::int8, {3, 4})}, {{"axis", -3}, {"keepdims", true}}), "AxisError"}};
    };
    v.push_back(r);
  }

  v.push_back(scan_record("cumsum", &cumsum, T::cumulative));

  add_sorting(v);
  add_differences(v);
  add_statistics(v);
  add_order_statistics(v);
  add_sets(v);
  add_counting(v);
  add_methods(v);

  op_record cat;
  cat.name = cat.numpy = "concatenate";
  cat.registry_name = "numpy.concatenate";
  cat.call = [](const bound_call& c) {
    concatenate_options o;
    if (c.kwargs.contains("axis")) o.axis = c.integer("axis");  // null: None, flattened
    o.dtype = c.dtype_kw();
    o.casting = casting_from_name(c.string("casting", "same_kind"));
    return std::vector<ndarray>{concatenate(c.list(0), o)};
  };
  cat.dtypes = on_both(every_dtype);
  cat.kwargs = {{"axis", kw_kind::integer}, {"dtype", kw_kind::dtype}, {"casting", kw_kind::string}};
  cat.samples = join_samples();
  cat.errors = [](const op_record& self) {
    auto list = [](std::vector<arg_desc> items) { return arg_desc{list_arg{std::move(items)}}; };
    json axis0 = {{"axis", 0}};
    return std::vector<error_case>{
        {make_case(self, {list({})}, axis0), "ValueError"},
        {make_case(self, {list({array(dtype::float32, {}), array(dtype::float32, {})})}, axis0), "ValueError"},
        {make_case(self, {list({array(dtype::float32, {2, 3}), array(dtype::float32, {3})})}, axis0), "ValueError"},
        {make_case(self, {list({array(dtype::float32, {2, 3}), array(dtype::float32, {2, 4})})}, axis0), "ValueError"},
        {make_case(self, {list({array(dtype::float32, {2, 3})})}, {{"axis", 2}}), "AxisError"},
        {make_case(self, {list({array(dtype::float64, {2, 3})})}, {{"axis", 0}, {"dtype", "int8"}}), "TypeError"},
        {make_case(self, {list({array(dtype::int8, {2}), array(dtype::int16, {2})})}, {{"axis", 0}, {"casting", "no"}}), "TypeError"}};
  };
  v.push_back(cat);
  add_creation(v);
  add_copies(v);
  add_views(v);
  add_dtype_functions(v);
  add_aliases(v);
  add_numeric_functions(v);
  add_ufunc_methods(v);
  return v;
}

}  // namespace

const std::vector<op_record>& op_records() {
  static const std::vector<op_record> records = build();
  return records;
}

const op_record* find_record(const std::string& n) {
  for (const auto& r : op_records())
    if (r.name == n) return &r;
  return nullptr;
}

}  // namespace cunp::conformance
