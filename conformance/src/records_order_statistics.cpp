// The records of median, quantile, percentile and their nan-variants. median and nanmedian run the
// reduction matrix (every dtype, NaN in the special values); the quantiles their own: every method
// over a column of q values, q as a Python float, a Python int and float32 and 2-d arrays, the
// reduction's axes and shapes (an empty reduced axis, no slices, a 0-d input, 2200-long slices),
// slices that are all NaN, ties, and the 8 layouts; weights= (inverted_cdf) of a's shape and of the
// reduced axes, and their errors. Compared exactly: cunp runs NumPy's arithmetic
// in NumPy's dtypes. Zeros' signs are free: which of -0.0 and +0.0 NumPy's partition leaves at a
// position is its introselect's accident.
#include <array>
#include <cmath>
#include <complex>
#include <string_view>

#include "cunp/order_statistics.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

constexpr std::array<const char*, 13> methods = {
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull",
    "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"};

std::vector<dtype> real_dtypes() {
  std::vector<dtype> d;
  for (dtype t : all_dtypes)
    if (!is_complex(t)) d.push_back(t);
  return d;
}

// Weights: positive floats, and small integers with zeros (weightless elements, leading ones too).
const json positive_weights = {{"gen", "uniform"}, {"low", 0.25}, {"high", 2}};
const json integer_weights = {{"gen", "indices"}, {"low", 0}, {"high", 3}};

// A (3, 4) float array whose second row is all NaN and whose third holds one NaN.
json rows_with_nan() {
  return json::array({json::array({1.5, -2.0, 0.25, 3.0}), json::array({"nan", "nan", "nan", "nan"}),
                      json::array({4.0, "nan", -1.0, 2.0})});
}

class quantile_cases final : public sample_generator {
 public:
  explicit quantile_cases(double scale) : scale_(scale) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    std::size_t k = 0;
    auto next_method = [&] { return methods[k++ % methods.size()]; };
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    for (dtype d : real_dtypes())
      for (const json& v : values) {
        for (const char* m : methods)
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v), q_column()}, {{"axis", 1}, {"method", m}, {"keepdims", false}}));
        struct shape_axis {
          shape_t shape;
          json axis;
          bool keepdims;
        };
        const shape_axis configs[] = {{{7, 13}, nullptr, false}, {{3, 4, 5}, json::array({0, 2}), true},
                                      {{2200, 3}, 0, false},     {{}, nullptr, false},
                                      {{3, 0}, 0, false},        {{0, 3}, 0, false},
                                      {{5}, -1, true},           {{3, 4, 5}, -2, false}};
        std::size_t qi = 0;
        for (const shape_axis& c : configs)
          for (int rep = 0; rep < 2; ++rep)
            out.push_back(make_case(r, {array(d, c.shape, layout::C, v), q_variant(qi++)},
                                    {{"axis", c.axis}, {"method", next_method()}, {"keepdims", c.keepdims}}));
        for (layout l : all_layouts)
          out.push_back(make_case(r, {array(d, {6, 10}, l, v), q_variant(qi++)}, {{"axis", 1}, {"method", next_method()}, {"keepdims", false}}));
      }
    for (dtype d : {dtype::float16, dtype::float32, dtype::float64})
      for (const json& ax : {json(1), json(0), json(nullptr)})
        for (const char* m : {"linear", "lower", "hazen"})
          out.push_back(make_case(r, {array(d, {3, 4}, layout::C, rows_with_nan()), q_column()}, {{"axis", ax}, {"method", m}, {"keepdims", false}}));
    add_weighted(r, out);
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    std::vector<dtype> ds = real_dtypes();
    shape_t s;
    for (std::uint64_t i = 0, n = g.below(4); i < n; ++i) s.push_back(std::int64_t(g.below(9)));
    json axis = nullptr;
    if (!s.empty() && g.below(3) != 0) axis = int(g.below(s.size()));
    static const char* kinds[] = {"random", "special"};
    json v = g.below(4) == 0 ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}} : json(kinds[g.below(2)]);
    json kw = {{"axis", axis}, {"method", methods[g.below(methods.size())]}, {"keepdims", g.below(2) == 1}};
    if (g.below(4) == 0) {
      kw["method"] = "inverted_cdf";
      kw["weights"] = array_json(dtype::float64, s, layout::C, g.below(2) ? json(positive_weights) : json(integer_weights));
    }
    test_case c = make_case(r, {array(ds[g.below(ds.size())], s, all_layouts[g.below(8)], v), q_variant(g.below(6))}, kw);
    c.seed = g.next();
    return c;
  }

 private:
  // weights= (method inverted_cdf): of a's shape; of the reduced axis, broadcast along the kept
  // ones; of two reduced axes named out of order; over the flattened array; slices holding NaN.
  // The nan-functions index weights of the reduced axes' shape by each kept position (NumPy's
  // _nanquantile_ureduce_func), so theirs keep one row: more are an error case.
  void add_weighted(const op_record& r, std::vector<test_case>& out) const {
    bool nan_function = std::string_view(r.name).starts_with("nan");
    auto push = [&](arg_desc a, arg_desc q, json axis, bool keepdims, json weights) {
      out.push_back(make_case(r, {std::move(a), std::move(q)},
                              {{"axis", std::move(axis)}, {"method", "inverted_cdf"}, {"keepdims", keepdims}, {"weights", std::move(weights)}}));
    };
    shape_t one_row = nan_function ? shape_t{1, 13} : shape_t{7, 13};
    shape_t two_axes = nan_function ? shape_t{3, 1, 5} : shape_t{3, 4, 5};
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    for (dtype d : real_dtypes())
      for (const json& v : values) {
        push(array(d, {7, 13}, layout::C, v), q_column(), 1, false, array_json(dtype::float64, {7, 13}, layout::C, positive_weights));
        push(array(d, one_row, layout::F, v), q_variant(3), 1, false, array_json(dtype::int64, {13}, layout::C, integer_weights));
        push(array(d, two_axes, layout::C, v), q_variant(0), json::array({2, 0}), true,
             array_json(dtype::float32, {5, 3}, layout::C, positive_weights));
        push(array(d, {4, 6}, layout::C, v), q_variant(1), nullptr, false, array_json(dtype::bool_, {4, 6}, layout::C, json{{"gen", "mask"}, {"p", 0.7}}));
      }
    // a float16 q: the CDF is compared in float16
    push(array(dtype::float64, one_row), array(dtype::float16, {3}, layout::C, json::array({0.05 * scale_, 0.5 * scale_, 0.95 * scale_})), 1,
         false, array_json(dtype::float64, one_row, layout::C, integer_weights));
    for (dtype d : {dtype::float16, dtype::float32, dtype::float64})
      for (const json& ax : {json(1), json(nullptr)})
        push(array(d, {3, 4}, layout::C, rows_with_nan()), q_column(), ax, false, array_json(dtype::float64, {3, 4}, layout::C, integer_weights));
  }

  arg_desc q_column() const {
    json q = json::array();
    for (double x : {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) q.push_back(x * scale_);
    return array(dtype::float64, {7}, layout::C, q);
  }
  // q as a Python float, a Python int, a float64 column, a float32 array and a 2-d array
  arg_desc q_variant(std::size_t i) const {
    switch (i % 6) {
      case 0: return scalar(0.3 * scale_);
      case 1: return scalar(std::int64_t(scale_));
      case 2: return q_column();
      case 3: return array(dtype::float32, {3}, layout::C, json::array({0.05 * scale_, 0.5 * scale_, 0.95 * scale_}));
      case 4: return array(dtype::float64, {2, 2}, layout::C, json::array({json::array({0.0, 0.4 * scale_}), json::array({0.6 * scale_, scale_})}));
      default: return scalar(0);
    }
  }
  double scale_;
};

error_case weighted_error(const op_record& self, shape_t s, json axis, const char* method, json weights, const char* error) {
  return {make_case(self, {array(dtype::float64, std::move(s)), scalar(0.5 * (std::string_view(self.name).ends_with("percentile") ? 100 : 1))},
                    {{"axis", std::move(axis)}, {"method", method}, {"keepdims", false}, {"weights", std::move(weights)}}),
          error};
}

op_record quantile_record(const char* n, ndarray (*fn)(const ndarray&, const operand&, const quantile_options&), double scale) {
  op_record r;
  r.name = r.numpy = n;
  r.registry_name = std::string("numpy.") + n;
  r.call = [fn](const bound_call& c) {
    quantile_options o{c.axis(), c.string("method", "linear"), c.boolean("keepdims"), c.array_kw("weights")};
    return std::vector<ndarray>{fn(c.array(0), c.operand_at(1), o)};
  };
  r.dtypes = on_both(real_dtypes());
  r.kwargs = {{"axis", kw_kind::axis}, {"method", kw_kind::string}, {"keepdims", kw_kind::boolean}, {"weights", kw_kind::array}};
  r.samples = std::make_shared<quantile_cases>(scale);
  r.compare.signed_zero = false;
  r.errors = [scale](const op_record& self) {
    json kw = {{"axis", nullptr}, {"method", "linear"}, {"keepdims", false}};
    json bad_method = kw;
    bad_method["method"] = "bogus";
    json axis2 = kw;
    axis2["axis"] = 2;
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {5}), scalar(1.5 * scale)}, kw), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), scalar(-0.5 * scale)}, kw), "ValueError"},
        {make_case(self, {array(dtype::float32, {5}), array(dtype::float64, {2}, layout::C, json::array({0.5, "nan"}))}, kw), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), scalar(0.5 * scale)}, bad_method), "ValueError"},
        {make_case(self, {array(dtype::complex128, {5}), scalar(0.5 * scale)}, kw), "TypeError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::float64, {1, 1, 1}, layout::C, json::array({json::array({json::array({0.5})})}))}, kw),
         "ValueError"},
        {make_case(self, {array(dtype::float64, {3, 4}), scalar(0.5 * scale)}, axis2), "AxisError"},
        weighted_error(self, {5}, nullptr, "linear", array_json(dtype::float64, {5}), "ValueError"),
        weighted_error(self, {5}, nullptr, "inverted_cdf", array_json(dtype::float64, {5}, layout::C, json::array({1, -1, 2, 0, 1})), "ValueError"),
        weighted_error(self, {5}, nullptr, "inverted_cdf", array_json(dtype::float64, {5}, layout::C, json::array({0, 0, 0, 0, 0})), "ValueError"),
        weighted_error(self, {5}, nullptr, "inverted_cdf", array_json(dtype::float64, {5}, layout::C, json::array({1, "nan", 2, 0, 1})), "ValueError"),
        weighted_error(self, {5}, nullptr, "inverted_cdf", array_json(dtype::float32, {5}, layout::C, json::array({1, "inf", 2, 0, 1})), "ValueError"),
        weighted_error(self, {3, 4}, nullptr, "inverted_cdf", array_json(dtype::float64, {4}, layout::C, integer_weights), "TypeError"),
        weighted_error(self, {3, 4}, 1, "inverted_cdf", array_json(dtype::float64, {3}, layout::C, integer_weights), "ValueError"),
        weighted_error(self, {3, 4}, 2, "inverted_cdf", array_json(dtype::float64, {4}, layout::C, integer_weights), "AxisError")};
  };
  without_xtensor(r, "xtensor has no quantile with NumPy's methods");
  r.composite = true;  // sort, gather and ufuncs underneath
  return r;
}

op_record median_record(const char* n, ndarray (*fn)(const ndarray&, const axes&, bool)) {
  op_record r = reduction(n, [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), c.axis(), c.boolean("keepdims"))}; },
                          tolerance_class::exact, false);
  without_xtensor(r, "xt::median takes one axis and orders NaN by operator<");
  r.composite = true;
  return r;
}

// np.ma.median (nanmedian's path for slices shorter than 600 of an array of 2 or more dims) sorts
// NaNs as inf + 0j by its quicksort, which is not stable beyond 16 elements: in a complex slice
// that long holding both NaN and inf + 0j, whether a middle reads a NaN (as inf + infj) or the
// inf + 0j is that sort's accident. cunp takes them in their order, as NumPy does up to 16.
expectation masked_complex_ties() {
  return {expectation::skip, "np.ma.median's unstable sort of NaN (as inf+0j) against inf+0j in complex slices longer than 16",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            const ndarray& a = arrays.at(0);
            if (!is_complex(a.dtype()) || a.size() == 0 || a.ndim() < 2) return false;
            const json& ax = c.kwargs.contains("axis") ? c.kwargs["axis"] : json(nullptr);
            if (ax.is_null()) return false;
            axes reduced = ax.is_array() ? axes(ax.get<std::vector<std::int64_t>>()) : axes(ax.get<std::int64_t>());
            std::int64_t n = 1;
            for (std::int64_t d : *reduced.list) n *= a.shape()[std::size_t(d < 0 ? d + a.ndim() : d)];
            if (n <= 16 || n >= 600 || std::int64_t(reduced.list->size()) == a.ndim()) return false;
            ndarray both = logical_and(any(isnan(a), reduced), any(equal(a, std::complex<double>(INFINITY, 0)), reduced));
            return any(both).item<bool>();
          },
          "numpy", {}};
}

}  // namespace

void add_order_statistics(std::vector<op_record>& v) {
  v.push_back(median_record("median", &median));
  v.push_back(median_record("nanmedian", &nanmedian));
  v.back().expectations.push_back(masked_complex_ties());
  v.push_back(quantile_record("quantile", &quantile, 1.0));
  v.push_back(quantile_record("percentile", &percentile, 100.0));
  v.push_back(quantile_record("nanquantile", &nanquantile, 1.0));
  v.push_back(quantile_record("nanpercentile", &nanpercentile, 100.0));
  // the quantiles' empty reduced axis: NumPy's IndexError (the nan-functions give nanmean's NaN);
  // the nan-functions' weights of the reduced axis over more than one kept row: NumPy's
  // IndexError (add_weighted)
  for (std::size_t i = v.size() - 4; i < v.size(); ++i)
    v[i].errors = [base = v[i].errors, nan_function = i >= v.size() - 2](const op_record& self) {
      std::vector<error_case> e = base(self);
      if (nan_function) {  // the first slice's weights are checked before the second fails to index
        e.push_back(weighted_error(self, {3, 4}, 1, "inverted_cdf", array_json(dtype::float64, {4}, layout::C, positive_weights), "IndexError"));
        e.push_back(weighted_error(self, {3, 4}, 1, "inverted_cdf", array_json(dtype::float64, {4}, layout::C, json::array({0, 0, 0, 0})),
                                   "ValueError"));
      }
      else
        e.push_back({make_case(self, {array(dtype::float64, {0, 3}), scalar(0.5)}, {{"axis", 0}, {"method", "linear"}, {"keepdims", false}}),
                     "IndexError"});
      return e;
    };
}

}  // namespace cunp::conformance
