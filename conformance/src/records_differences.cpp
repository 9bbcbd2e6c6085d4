// The records of scans and differences: cumprod, and those built on other ops: cumulative_sum,
// cumulative_prod, diff, ediff1d and trapezoid,
// every dtype on both backends (NumPy decides which it rejects: bool subtraction).
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

op_record record(const char* name, cunp_call call) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = std::move(call);
  r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  r.xtensor_note = "xtensor has no equivalent with NumPy's keywords";
  r.composite = true;  // cumsum, subtract, not_equal and concatenate underneath
  return r;
}

// Another generator's cases with a boolean keyword added, true in every other one.
class alternating_flag final : public sample_generator {
 public:
  alternating_flag(std::shared_ptr<const sample_generator> inner, std::string key) : inner_(std::move(inner)), key_(std::move(key)) {}
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out = inner_->matrix(r);
    for (std::size_t i = 0; i < out.size(); ++i) out[i].kwargs[key_] = i % 2 == 1;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    test_case c = inner_->random(r, g);
    c.kwargs[key_] = g.below(2) == 1;
    return c;
  }

 private:
  std::shared_ptr<const sample_generator> inner_;
  std::string key_;
};

// diff: n 0 to 2 along the first and last axes of 1-, 2- and 3-d arrays, with a scalar joined
// before and after or not (a keyword left out, since NumPy reads prepend=None as an array of
// None), values random, special and with ties; the 8 layouts; a 0-d input and a negative n.
class differences final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    for (dtype d : all_dtypes)
      for (const json& v : values) {
        for (const shape_t& s : {shape_t{7}, shape_t{5, 4}, shape_t{3, 4, 5}, shape_t{0, 3}})
          for (int n : {0, 1, 2})
            for (int axis : {-1, 0})
              for (int joins = 0; joins < 4; ++joins) {
                json kw = {{"n", n}, {"axis", axis}};
                if (joins & 1) kw["prepend"] = -3;
                if (joins & 2) kw["append"] = 7;
                out.push_back(make_case(r, {array(d, s, layout::C, v)}, kw));
              }
        for (layout l : all_layouts) out.push_back(make_case(r, {array(d, {6, 10}, l, v)}, {{"n", 1}, {"axis", 0}}));
      }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    shape_t s = {std::int64_t(1 + g.below(9))};
    for (std::uint64_t k = g.below(3); k > 0; --k) s.push_back(std::int64_t(g.below(6)));
    json kw = {{"n", g.below(4)}, {"axis", std::int64_t(g.below(s.size())) - (g.below(2) ? std::int64_t(s.size()) : 0)}};
    if (g.below(3) == 0) kw["prepend"] = std::int64_t(g.below(5)) - 2;
    if (g.below(3) == 0) kw["append"] = std::int64_t(g.below(5)) - 2;
    static const char* kinds[] = {"random", "special"};
    test_case c = make_case(r, {array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], kinds[g.below(2)])}, kw);
    c.seed = g.next();
    return c;
  }
};

// trapezoid: y of every dtype (random and special values), 1-d to 3-d along each axis, with x
// absent, 1-d along the axis, of y's shape, or two points (one spacing, broadcast); dx a float
// or an int; empty axes, the 8 layouts; a 0-d y and an x of the wrong length (errors).
class trapezoids final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json rising = {{"gen", "sorted"}};
    for (dtype d : all_dtypes)
      for (const json& v : {json("random"), json("special")}) {
        auto one = [&](shape_t s, std::optional<arg_desc> x, json kw, layout l = layout::C) {
          std::vector<arg_desc> args{array(d, std::move(s), l, v)};
          if (x) args.push_back(std::move(*x));
          out.push_back(make_case(r, std::move(args), kw));
        };
        one({17}, std::nullopt, json::object());
        one({17}, std::nullopt, {{"dx", 0.5}});
        one({17}, std::nullopt, {{"dx", 3}});
        one({17}, array(dtype::float64, {17}, layout::C, rising), json::object());
        one({17}, array(dtype::float32, {2}, layout::C, rising), json::object());
        one({5, 8}, std::nullopt, {{"axis", 0}});
        one({5, 8}, array(dtype::float64, {5}, layout::C, rising), {{"axis", 0}});
        one({5, 8}, array(d, {5, 8}), {{"axis", -1}});
        one({3, 4, 5}, std::nullopt, {{"axis", 1}, {"dx", 0.25}});
        one({0}, std::nullopt, json::object());
        one({3, 0}, std::nullopt, {{"axis", 0}});
        one({1}, std::nullopt, json::object());
        for (layout l : all_layouts) one({6, 10}, std::nullopt, {{"axis", 0}}, l);
      }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    shape_t s;
    for (std::uint64_t i = 0, k = 1 + g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(9)));
    std::int64_t axis = std::int64_t(g.below(s.size()));
    json kw = {{"axis", axis}};
    std::vector<arg_desc> args{array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], g.below(2) ? "random" : "special")};
    switch (g.below(3)) {
      case 0: kw["dx"] = g.below(2) ? json(0.5 * double(1 + g.below(4))) : json(std::int64_t(g.below(4))); break;
      case 1: args.push_back(array(dtype::float64, {s[std::size_t(axis)]}, layout::C, json{{"gen", "sorted"}})); break;
      default: args.push_back(array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)])); break;
    }
    test_case c = make_case(r, std::move(args), kw);
    c.seed = g.next();
    return c;
  }
};

}  // namespace

void add_differences(std::vector<op_record>& v) {
  op_record cs = record("cumulative_sum", [](const bound_call& c) {
    return std::vector<ndarray>{cumulative_sum(c.array(0), {c.integer("axis"), c.dtype_kw(), c.boolean("include_initial")})};
  });
  cs.kwargs = {{"axis", kw_kind::integer}, {"dtype", kw_kind::dtype}, {"include_initial", kw_kind::boolean}};
  cs.samples = std::make_shared<alternating_flag>(scan_samples(), "include_initial");
  cs.compare.tolerance = tolerance_class::cumulative;
  cs.compare.signed_zero = false;  // a running sum's zero sign depends on its order
  cs.expectations = {undefined_integer_cast()};
  cs.errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", nullptr}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 2}}), "AxisError"}};
  };
  v.push_back(cs);

  v.push_back(scan_record("cumprod", &cumprod, tolerance_class::cumulative_product));
  v.back().xtensor_note = "xt::cumprod accumulates in the input's type, not NumPy's widened integers";

  op_record cpr = record("cumulative_prod", [](const bound_call& c) {
    return std::vector<ndarray>{cumulative_prod(c.array(0), {c.integer("axis"), c.dtype_kw(), c.boolean("include_initial")})};
  });
  cpr.kwargs = cs.kwargs;
  cpr.samples = cs.samples;
  cpr.domains = {value_domain::near_one};
  cpr.compare.tolerance = tolerance_class::cumulative_product;
  cpr.compare.signed_zero = false;
  cpr.expectations = {undefined_integer_cast()};
  cpr.errors = cs.errors;
  v.push_back(cpr);

  op_record df = record("diff", [](const bound_call& c) {
    diff_options o;
    o.n = c.integer("n").value_or(1);
    o.axis = c.integer("axis").value_or(-1);
    if (auto p = c.integer("prepend")) o.prepend = operand(*p);
    if (auto a = c.integer("append")) o.append = operand(*a);
    return std::vector<ndarray>{diff(c.array(0), o)};
  });
  df.kwargs = {{"n", kw_kind::integer}, {"axis", kw_kind::integer}, {"prepend", kw_kind::integer}, {"append", kw_kind::integer}};
  df.samples = std::make_shared<differences>();
  df.compare.tolerance = tolerance_class::rounding;  // one subtraction, rounded as NumPy's
  df.errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {})}, {{"n", 1}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {4})}, {{"n", -1}}), "ValueError"},
        {make_case(self, {array(dtype::int8, {3, 4})}, {{"axis", 2}}), "AxisError"}};
  };
  v.push_back(df);

  op_record ed = record("ediff1d", [](const bound_call& c) {
    std::optional<operand> end, begin;
    if (auto e = c.integer("to_end")) end = operand(*e);
    if (auto b = c.integer("to_begin")) begin = operand(*b);
    return std::vector<ndarray>{ediff1d(c.array(0), end, begin)};
  });
  ed.kwargs = {{"to_end", kw_kind::integer}, {"to_begin", kw_kind::integer}};
  ed.samples = keyword_samples(first_argument::array, {{{"to_end", {nullptr, 5}}, {"to_begin", {nullptr, -2}}}});
  ed.compare.tolerance = tolerance_class::rounding;
  std::vector<dtype> numeric(std::begin(all_dtypes) + 1, std::end(all_dtypes));  // bool subtracts in no loop
  ed.dtypes = on_both(numeric);
  v.push_back(ed);

  op_record tz = record("trapezoid", [](const bound_call& c) {
    trapezoid_options o;
    if (c.args.size() > 1) o.x = c.array(1);
    if (c.has("dx")) {
      const json& dx = c.kwargs["dx"];
      o.dx = dx.is_number_integer() ? weak_scalar(dx.get<std::int64_t>()) : weak_scalar(dx.get<double>());
    }
    o.axis = c.integer("axis").value_or(-1);
    return std::vector<ndarray>{trapezoid(c.array(0), o)};
  });
  tz.kwargs = {{"dx", kw_kind::number}, {"axis", kw_kind::integer}};
  tz.samples = std::make_shared<trapezoids>();
  tz.compare.tolerance = tolerance_class::summation;
  tz.compare.signed_zero = false;  // a sum's zero sign follows its order
  tz.summands = "trapezoid_summands";
  tz.errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {array(dtype::float64, {})}), "IndexError"},
                                   {make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 2}}), "IndexError"},
                                   {make_case(self, {array(dtype::float64, {7}), array(dtype::float64, {5})}), "ValueError"}};
  };
  v.push_back(tz);
}

}  // namespace cunp::conformance
