// The records of average, var, std and NumPy's nan-functions (nansum ... nanstd, nanargmax, nancumsum...),
// every dtype on both backends, over the reduction and scan matrices (whose special values hold
// NaN in every float dtype). var and std also take ddof (an int, or a fraction, as NumPy allows)
// and keep dtype= to the float dtypes of real input: an integer dtype= truncates NumPy's
// quotients, a complex one makes a complex variance, and a real one of complex input drops the
// imaginary parts from the mean alone; none is a case a user asks for.
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

// Another generator's cases with dtype= kept to the float dtypes and ddof added, cycling through
// 0, 1, 2 and 0.5.
class with_ddof final : public sample_generator {
 public:
  explicit with_ddof(std::shared_ptr<const sample_generator> inner) : inner_(std::move(inner)) {}
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out = inner_->matrix(r);
    for (std::size_t i = 0; i < out.size(); ++i) adjust(out[i], i);
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    test_case c = inner_->random(r, g);
    adjust(c, g.below(4));
    return c;
  }

 private:
  static void adjust(test_case& c, std::uint64_t k) {
    if (c.kwargs.contains("dtype") && c.kwargs["dtype"].is_string()) {
      dtype d = dtype_from_name(c.kwargs["dtype"].get<std::string>());
      // a real dtype= of complex input sums the real parts alone (NumPy's ComplexWarning cast)
      auto arrays = arrays_of(c);
      bool complex_input = !arrays.empty() && is_complex(arrays[0]->dt);
      if (kind(d) != dtype_kind::floating || complex_input) c.kwargs["dtype"] = nullptr;
    }
    static const json ddofs[] = {0, 1, 2, 0.5};
    c.kwargs["ddof"] = ddofs[k % 4];
  }
  std::shared_ptr<const sample_generator> inner_;
};

op_record variance_record(const char* n, tolerance_class tol, ndarray (*fn)(const ndarray&, const var_options&), bool skips_nan) {
  op_record r = reduction(
      n,
      [fn](const bound_call& c) {
        var_options o{c.axis(), c.dtype_kw(), c.number("ddof").value_or(0), c.number("correction"), c.boolean("keepdims")};
        return std::vector<ndarray>{fn(c.array(0), o)};
      },
      tol, true);
  r.kwargs["ddof"] = kw_kind::number;
  r.kwargs["correction"] = kw_kind::number;
  r.samples = std::make_shared<with_ddof>(reduction_samples(true));
  r.compare.skips_nan = skips_nan;
  auto base_errors = r.errors;
  r.errors = [base_errors](const op_record& self) {
    std::vector<error_case> e = base_errors(self);
    e.push_back({make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 0}, {"ddof", 1}, {"correction", 1}}), "ValueError"});
    return e;
  };
  without_xtensor(r, "xt::variance/stddev take no ddof or dtype=, and no NaN skipping");
  r.composite = true;
  return r;
}

op_record nan_reduction(const char* n, tolerance_class tol, ndarray (*fn)(const ndarray&, const axes&, bool, std::optional<dtype>)) {
  op_record r = reduction(
      n, [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), c.axis(), c.boolean("keepdims"), c.dtype_kw())}; },
      tol, true);
  r.compare.skips_nan = true;
  r.expectations.push_back(undefined_integer_cast());
  without_xtensor(r, "xtensor has no NaN-skipping reductions with NumPy's keywords");
  r.composite = true;
  return r;
}

json weights_spec(dtype d, shape_t shape) {
  return {{"dtype", std::string(name(d))}, {"shape", shape}, {"layout", "C"}, {"values", {{"gen", "uniform"}, {"low", 0.5}, {"high", 2.0}}}};
}

// average: without weights over None, one axis and two, keepdims or not (an average of size zero
// is NumPy's ZeroDivisionError); with weights of a's shape, and laid along one axis or two named
// out of order; every dtype, random and special values, and the 8 layouts.
class averages final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    for (dtype d : all_dtypes)
      for (const char* v : {"random", "special"}) {
        for (bool keep : {false, true}) {
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)}, {{"axis", nullptr}, {"keepdims", keep}}));
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)}, {{"axis", 0}, {"keepdims", keep}}));
          out.push_back(make_case(r, {array(d, {3, 4, 5}, layout::C, v)}, {{"axis", json::array({0, 2})}, {"keepdims", keep}}));
          out.push_back(make_case(r, {array(d, {0, 3}, layout::C, v)}, {{"axis", 0}, {"keepdims", keep}}));
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)},
                                  {{"axis", nullptr}, {"keepdims", keep}, {"weights", weights_spec(dtype::float64, {7, 13})}}));
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)},
                                  {{"axis", 1}, {"keepdims", keep}, {"weights", weights_spec(dtype::float32, {13})}}));
          out.push_back(make_case(r, {array(d, {3, 4, 5}, layout::C, v)},
                                  {{"axis", json::array({2, 0})}, {"keepdims", keep}, {"weights", weights_spec(dtype::float16, {5, 3})}}));
        }
        out.push_back(make_case(r, {array(d, {}, layout::C, v)}, {{"axis", nullptr}, {"keepdims", false}}));
        for (layout l : all_layouts)
          out.push_back(make_case(r, {array(d, {6, 10}, l, v)}, {{"axis", 1}, {"keepdims", false}, {"weights", weights_spec(d, {10})}}));
      }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    shape_t s = {std::int64_t(1 + g.below(9)), std::int64_t(1 + g.below(6))};
    json kw = {{"keepdims", g.below(2) == 1}};
    int axis = int(g.below(3)) - 1;  // -1: none
    kw["axis"] = axis < 0 ? json(nullptr) : json(axis);
    if (g.below(2)) kw["weights"] = weights_spec(all_dtypes[g.below(dtype_count)], axis < 0 ? s : shape_t{s[std::size_t(axis)]});
    static const char* kinds[] = {"random", "special"};
    test_case c = make_case(r, {array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], kinds[g.below(2)])}, kw);
    c.seed = g.next();
    return c;
  }
};

}  // namespace

void add_statistics(std::vector<op_record>& v) {
  using T = tolerance_class;
  op_record av;
  av.name = "average";
  av.numpy = "cunp_harness.average";  // numpy.average(..., returned=True), both outputs arrays
  av.registry_name = "numpy.average";
  av.call = [](const bound_call& c) {
    average_options o{c.axis(), std::nullopt, c.boolean("keepdims")};
    if (auto it = c.array_kwargs.find("weights"); it != c.array_kwargs.end() && it->second.at(0).valid()) o.weights = it->second.at(0);
    average_result r = average(c.array(0), o);
    return std::vector<ndarray>{r.average, r.sum_of_weights};
  };
  av.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  av.kwargs = {{"axis", kw_kind::axis}, {"keepdims", kw_kind::boolean}, {"weights", kw_kind::array}};
  av.samples = std::make_shared<averages>();
  av.compare.tolerance = T::average;
  av.compare.signed_zero = false;
  av.errors = [](const op_record& self) {
    json zero_sum = {{"dtype", "float64"}, {"shape", {2}}, {"layout", "C"}, {"values", json::array({1.0, -1.0})}};
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", nullptr}, {"weights", weights_spec(dtype::float64, {4})}}), "TypeError"},
        {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 1}, {"weights", weights_spec(dtype::float64, {3})}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {3, 2})}, {{"axis", 1}, {"weights", zero_sum}}), "ZeroDivisionError"},
        {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 2}}), "AxisError"}};
  };
  without_xtensor(av, "xt::average takes weights of a's shape or one axis only, and returns no sum of weights");
  av.composite = true;
  v.push_back(av);

  v.push_back(variance_record("var", T::variance, &var, false));
  v.push_back(variance_record("std", T::deviation, &cunp::std, false));
  v.push_back(variance_record("nanvar", T::variance, &nanvar, true));
  v.push_back(variance_record("nanstd", T::deviation, &nanstd, true));
  for (op_record* r : {&v[v.size() - 2], &v[v.size() - 1]})
    r->errors = [base = r->errors](const op_record& self) {
      std::vector<error_case> e = base(self);
      e.push_back({make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 0}, {"dtype", "int32"}}), "TypeError"});
      return e;
    };

  v.push_back(nan_reduction("nansum", T::summation, &nansum));
  v.push_back(nan_reduction("nanprod", T::product, &nanprod));
  v.back().domains = {value_domain::near_one};
  v.push_back(nan_reduction("nanmean", T::mean, &nanmean));
  v.back().expectations.push_back(mean_integer_dtype_cast());
  v.back().errors = [base = v.back().errors](const op_record& self) {
    std::vector<error_case> e = base(self);
    e.push_back({make_case(self, {array(dtype::float32, {3, 4})}, {{"axis", 0}, {"dtype", "int64"}}), "TypeError"});
    return e;
  };

  // fmax/fmin reduced: exact, a complex all-NaN slice's NaN may be any of its inputs
  for (const char* n : {"nanmax", "nanmin"}) {
    bool is_max = std::string(n) == "nanmax";
    v.push_back(reduction(
        n,
        [is_max](const bound_call& c) {
          return std::vector<ndarray>{is_max ? nanmax(c.array(0), c.axis(), c.boolean("keepdims"))
                                             : nanmin(c.array(0), c.axis(), c.boolean("keepdims"))};
        },
        T::exact, false));
    v.back().compare.complex_nan_choice = true;
    without_xtensor(v.back(), "xtensor has no NaN-skipping max/min");
    v.back().composite = true;
  }

  for (const char* n : {"nanargmax", "nanargmin"}) {
    op_record r;
    r.name = r.numpy = n;
    r.registry_name = std::string("numpy.") + n;
    bool is_max = r.name == "nanargmax";
    r.call = [is_max](const bound_call& c) {
      arg_reduce_options o{c.integer("axis"), c.boolean("keepdims")};
      return std::vector<ndarray>{is_max ? nanargmax(c.array(0), o) : nanargmin(c.array(0), o)};
    };
    r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
    r.kwargs = {{"axis", kw_kind::integer}, {"keepdims", kw_kind::boolean}};
    r.samples = arg_reduction_samples();
    r.errors = [](const op_record& self) {
      json nan_row = json::array({json::array({"nan", "nan", "nan"}), json::array({1.0, "nan", 2.0})});
      return std::vector<error_case>{
          {make_case(self, {array(dtype::float64, {2, 3}, layout::C, nan_row)}, {{"axis", 1}, {"keepdims", false}}), "ValueError"},
          {make_case(self, {array(dtype::float32, {0, 4})}, {{"axis", nullptr}, {"keepdims", false}}), "ValueError"},
          {make_case(self, {array(dtype::float32, {3, 4})}, {{"axis", 2}, {"keepdims", false}}), "AxisError"}};
    };
    without_xtensor(r, "xtensor has no NaN-skipping argmax/argmin");
    r.composite = true;
    v.push_back(r);
  }

  v.push_back(scan_record("nancumsum", &nancumsum, T::cumulative));
  v.push_back(scan_record("nancumprod", &nancumprod, T::cumulative_product));
  for (op_record* r : {&v[v.size() - 2], &v[v.size() - 1]}) {
    r->compare.skips_nan = true;
    without_xtensor(*r, "xtensor has no NaN-skipping scans");
    r->composite = true;
  }
}

}  // namespace cunp::conformance
