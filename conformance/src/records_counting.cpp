// The records of counting: bincount, digitize, histogram and histogram_bin_edges. Counts and
// edges are compared exactly; weighted sums and densities norm-wise, within the bound of any
// summation order (cunp_harness.binned_bound).
#include "cunp/counting.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

std::vector<dtype> integral_dtypes() {
  std::vector<dtype> out;
  for (dtype d : all_dtypes)
    if (is_integer(d) || d == dtype::bool_) out.push_back(d);
  return out;
}

std::vector<dtype> real_dtypes() {
  std::vector<dtype> out;
  for (dtype d : all_dtypes)
    if (!is_complex(d)) out.push_back(d);
  return out;
}

json small_ints(std::int64_t high) { return {{"gen", "indices"}, {"low", 0}, {"high", high}}; }

// Weights NumPy and cunp sum within binned_bound: floats of either sign, and small integers (whose
// sums are exact in both); bool ones.
json weight_values(dtype d) { return is_inexact(d) ? json("random") : d == dtype::bool_ ? json{{"gen", "mask"}, {"p", 0.5}} : small_ints(5); }

// NaN, infinities, zeros of both signs, subnormals and small values, cycled over n weights: which
// bins come out NaN or infinite is then the same in every summation order. The generator's
// "special" values also hold the dtype's largest finite ones, whose sums overflow or not by the
// order (NumPy's sequential prefix sums against a CUDA scan's tree), which norm-wise compares
// exactly.
json nonfinite_weights(std::int64_t n) {
  const json cycle[] = {"nan", "inf", "-inf", 0.0, "-0.0", 5e-324, -5e-324, 1.0, -1.0, 0.5, 2.0, 1e-3, -7.25};
  json out = json::array();
  for (std::int64_t i = 0; i < n; ++i) out.push_back(cycle[i % std::size(cycle)]);
  return out;
}

// bincount: values below 20 (and special ones: negative, huge) of every integral dtype, 1-d,
// empty, one element and 2^16 long; minlength below, at and beyond the largest value; weights of
// several dtypes.
class bincount_cases final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    for (dtype d : integral_dtypes()) {
      json v = d == dtype::bool_ ? json{{"gen", "mask"}, {"p", 0.5}} : small_ints(20);
      for (std::int64_t n : {0, 1, 17, 1 << 16}) {
        out.push_back(make_case(r, {array(d, {n}, layout::C, v)}));
        for (std::int64_t m : {0, 5, 30}) out.push_back(make_case(r, {array(d, {n}, layout::C, v)}, {{"minlength", m}}));
        for (dtype w : {dtype::float64, dtype::float32, dtype::int64, dtype::bool_, dtype::uint64})
          out.push_back(make_case(r, {array(d, {n}, layout::C, v)}, {{"weights", array_json(w, {n}, layout::C, weight_values(w))}}));
      }
      // special values up to 16 bits: beyond, the largest value asks for a result of gigabytes
      if (itemsize(d) <= 2) out.push_back(make_case(r, {array(d, {17}, layout::C, "special")}));
      for (layout l : all_layouts) out.push_back(make_case(r, {array(d, {12}, l, v)}, {{"minlength", 3}}));
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    std::vector<dtype> ds = integral_dtypes();
    dtype d = ds[g.below(ds.size())];
    std::int64_t n = std::int64_t(g.below(40));
    json v = g.below(4) == 0 && itemsize(d) <= 2 ? json("special") : d == dtype::bool_ ? json{{"gen", "mask"}, {"p", 0.5}} : small_ints(1 + std::int64_t(g.below(30)));
    json kw = json::object();
    if (g.below(2)) kw["minlength"] = std::int64_t(g.below(40));
    if (g.below(2)) {
      dtype w = std::vector<dtype>{dtype::float64, dtype::float32, dtype::float16, dtype::int32, dtype::bool_}[g.below(5)];
      kw["weights"] = array_json(w, {n}, layout::C, weight_values(w));
    }
    test_case c = make_case(r, {array(d, {n}, all_layouts[g.below(8)], v)}, kw);
    c.seed = g.next();
    return c;
  }
};

// digitize: x of every real dtype (random, special and tied values; 0-d, empty, 2-d) against bins
// ascending (with NaN and infinities last), descending, all equal, empty and of other dtypes;
// right true and false; unordered bins (a ValueError).
class digitize_cases final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json rising = {{"gen", "sorted"}, {"special", 1}}, falling = {{"gen", "arange"}, {"descending", 1}};
    for (dtype d : real_dtypes())
      for (const json& v : {json("random"), json("special"), json{{"gen", "duplicates"}, {"distinct", 4}}}) {
        for (const json& bins : {rising, falling, json{{"gen", "duplicates"}, {"distinct", 1}}})
          for (bool right : {false, true}) out.push_back(make_case(r, {array(d, {17}, layout::C, v), array(d, {6}, layout::C, bins)}, {{"right", right}}));
        out.push_back(make_case(r, {array(d, {}, layout::C, v), array(dtype::float64, {5}, layout::C, rising)}));
        out.push_back(make_case(r, {array(d, {3, 4}, layout::C, v), array(dtype::int16, {7}, layout::C, falling)}));
        out.push_back(make_case(r, {array(d, {0}, layout::C, v), array(d, {3}, layout::C, rising)}));
        out.push_back(make_case(r, {array(d, {9}, layout::C, v), array(d, {0}, layout::C, rising)}));
        for (layout l : all_layouts) out.push_back(make_case(r, {array(d, {6, 10}, l, v), array(dtype::float32, {8}, layout::C, rising)}));
      }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    std::vector<dtype> ds = real_dtypes();
    shape_t s;
    for (std::uint64_t i = 0, k = g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(9)));
    json bins = std::vector<json>{{{"gen", "sorted"}, {"special", g.below(2)}}, {{"gen", "arange"}, {"descending", 1}},
                                  {{"gen", "duplicates"}, {"distinct", 1}}, json("random")}[g.below(4)];
    test_case c = make_case(r, {array(ds[g.below(ds.size())], s, all_layouts[g.below(8)], g.below(2) ? "random" : "special"),
                                array(ds[g.below(ds.size())], {std::int64_t(g.below(8))}, layout::C, bins)},
                            {{"right", g.below(2) == 1}});
    c.seed = g.next();
    return c;
  }
};

// histogram and histogram_bin_edges: every real dtype with random, tied and special values (NaN
// and infinities: a ValueError without range=), bins as 1, 10 and 33 equal bins or as explicit
// edges (ascending, of other dtypes; descending: a ValueError); range= (equal ends widened,
// reversed and infinite ones rejected); density and weights (histogram); empty, 0-d, 2-d inputs,
// the 8 layouts and 2^16 elements.
class histogram_cases final : public sample_generator {
 public:
  explicit histogram_cases(bool full) : full_(full) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json edges = {{"gen", "sorted"}};
    for (dtype d : real_dtypes())
      for (const json& v : {json("random"), json("special"), json{{"gen", "duplicates"}, {"distinct", 3}}}) {
        auto one = [&](shape_t s, arg_desc bins, json kw = json::object(), layout l = layout::C) {
          out.push_back(make_case(r, {array(d, s, l, v), std::move(bins)}, kw));
        };
        for (int n : {1, 10, 33}) one({40}, scalar(n));
        one({40}, array(dtype::float64, {6}, layout::C, edges));
        one({40}, array(d, {5}, layout::C, edges));
        one({40}, array(dtype::int8, {4}, layout::C, json::array({-3, 0, 0, 2})));
        for (json range : {json::array({0.0, 1.0}), json::array({-2.5, 3}), json::array({0.25, 0.25}), json::array({0, 10})})
          one({40}, scalar(7), {{"range", range}});
        one({}, scalar(4));
        one({0}, scalar(3));
        one({0}, scalar(3), {{"range", json::array({-1.0, 1.0})}});
        one({5, 8}, scalar(6));
        for (layout l : all_layouts) one({6, 10}, scalar(5), json::object(), l);
        if (!full_) continue;
        one({40}, scalar(10), {{"density", true}});
        one({40}, array(dtype::float64, {6}, layout::C, edges), {{"density", true}});
        for (dtype w : {dtype::float64, dtype::float32, dtype::int64, dtype::complex128}) {
          json weights = array_json(w, {40}, layout::C, weight_values(w));
          one({40}, scalar(8), {{"weights", weights}});
          one({40}, scalar(8), {{"weights", weights}, {"range", json::array({-0.5, 0.5})}});
          one({40}, array(dtype::float64, {6}, layout::C, edges), {{"weights", weights}});
        }
        one({40}, scalar(8), {{"weights", array_json(dtype::float64, {40}, layout::C, {{"gen", "uniform"}, {"low", 0.5}, {"high", 2}})}, {"density", true}});
        // NaN and infinite weights (NumPy's prefix sums carry them into later bins), bool ones
        // (its prefix sums are int64, which bool bins cannot take: a TypeError with edges)
        for (const json& wv : {nonfinite_weights(40), json{{"gen", "mask"}, {"p", 0.5}}}) {
          dtype wd = wv.is_array() ? dtype::float64 : dtype::bool_;
          one({40}, scalar(8), {{"weights", array_json(wd, {40}, layout::C, wv)}});
          one({40}, array(dtype::float64, {6}, layout::C, edges), {{"weights", array_json(wd, {40}, layout::C, wv)}});
        }
      }
    for (dtype d : real_dtypes()) out.push_back(make_case(r, {array(d, {1 << 16}), scalar(50)}));
    // more than one of NumPy's blocks of 65536, weighted: its sums restart per block
    if (full_)
      for (bool explicit_edges : {false, true})
        out.push_back(make_case(r, {array(dtype::float32, {150000}), explicit_edges ? array(dtype::float64, {9}, layout::C, edges) : scalar(9)},
                                {{"weights", array_json(dtype::float32, {150000}, layout::C, "random")}}));
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    std::vector<dtype> ds = real_dtypes();
    shape_t s;
    for (std::uint64_t i = 0, k = g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(12)));
    std::int64_t n = 1;
    for (std::int64_t e : s) n *= e;
    json kw = json::object();
    arg_desc bins = g.below(2) ? scalar(std::int64_t(g.below(40))) : array(ds[g.below(ds.size())], {std::int64_t(g.below(7))}, layout::C, json{{"gen", "sorted"}});
    if (g.below(3) == 0) {
      double lo = double(std::int64_t(g.below(9)) - 4) / 2, hi = lo + double(g.below(6)) / 2;
      kw["range"] = json::array({lo, hi});
    }
    if (full_ && g.below(3) == 0) kw["density"] = true;
    if (full_ && g.below(3) == 0) {
      dtype w = std::vector<dtype>{dtype::float64, dtype::float32, dtype::int64}[g.below(3)];
      kw["weights"] = array_json(w, s, layout::C, kw.contains("density") ? json{{"gen", "uniform"}, {"low", 0.5}, {"high", 2}} : weight_values(w));
    }
    json v = std::vector<json>{json("random"), json("special"), json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}}}[g.below(3)];
    test_case c = make_case(r, {array(ds[g.below(ds.size())], s, all_layouts[g.below(8)], v), bins}, kw);
    c.seed = g.next();
    return c;
  }

 private:
  bool full_;
};

std::optional<std::pair<weak_scalar, weak_scalar>> range_kw(const bound_call& c) {
  if (!c.has("range")) return std::nullopt;
  const json& r = c.kwargs["range"];
  auto one = [](const json& x) { return x.is_number_integer() ? weak_scalar(x.get<std::int64_t>()) : weak_scalar(x.get<double>()); };
  return std::pair{one(r.at(0)), one(r.at(1))};
}


}  // namespace

void add_counting(std::vector<op_record>& v) {
  op_record bc;
  bc.name = bc.numpy = "bincount";
  bc.registry_name = "numpy.bincount";
  bc.call = [](const bound_call& c) {
    return std::vector<ndarray>{bincount(c.array(0), {.weights = c.array_kw("weights"), .minlength = c.integer("minlength").value_or(0)})};
  };
  bc.dtypes = on_both(integral_dtypes());
  bc.kwargs = {{"weights", kw_kind::array}, {"minlength", kw_kind::integer}};
  bc.samples = std::make_shared<bincount_cases>();
  bc.compare.kind = comparator::normwise;
  bc.compare.bound = "__import__('cunp_harness').binned_bound(a[0], wants, weights)";
  bc.compare.bound_keywords = {"weights"};
  bc.errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {5})}), "TypeError"},
        {make_case(self, {array(dtype::int64, {2, 3}, layout::C, small_ints(4))}), "ValueError"},
        {make_case(self, {array(dtype::int64, {}, layout::C, small_ints(4))}), "ValueError"},
        {make_case(self, {array(dtype::int8, {3}, layout::C, json::array({1, -2, 0}))}), "ValueError"},
        {make_case(self, {array(dtype::int32, {3}, layout::C, small_ints(4))}, {{"minlength", -1}}), "ValueError"},
        {make_case(self, {array(dtype::int32, {3}, layout::C, small_ints(4))}, {{"weights", array_json(dtype::complex64, {3}, layout::C, "random")}}),
         "TypeError"},
        {make_case(self, {array(dtype::int32, {3}, layout::C, small_ints(4))}, {{"weights", array_json(dtype::float64, {4}, layout::C, "random")}}),
         "ValueError"}};
  };
  without_xtensor(bc, "xt::bincount has no minlength and sums weights in their own dtype");
  bc.composite = true;  // sorts, searches and a segmented sum underneath
  v.push_back(bc);

  op_record dg;
  dg.name = dg.numpy = "digitize";
  dg.registry_name = "numpy.digitize";
  dg.call = [](const bound_call& c) { return std::vector<ndarray>{digitize(c.array(0), c.array(1), c.boolean("right"))}; };
  dg.dtypes = on_both(real_dtypes());
  dg.kwargs = {{"right", kw_kind::boolean}};
  dg.samples = std::make_shared<digitize_cases>();
  dg.errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::complex64, {5}), array(dtype::float64, {3}, layout::C, json{{"gen", "sorted"}})}), "TypeError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::float64, {3}, layout::C, json::array({1.0, 3.0, 2.0}))}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::float64, {2, 3})}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::float64, {})}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::complex128, {3}, layout::C, json{{"gen", "sorted"}})}), "TypeError"}};
  };
  without_xtensor(dg, "xt::digitize takes no decreasing bins");
  dg.composite = true;  // searchsorted underneath
  v.push_back(dg);

  for (bool full : {true, false}) {
    op_record h;
    h.name = h.numpy = full ? "histogram" : "histogram_bin_edges";
    h.registry_name = "numpy." + h.name;
    h.call = [full](const bound_call& c) {
      histogram_options o{.range = range_kw(c), .density = c.boolean("density"), .weights = c.array_kw("weights")};
      if (!full) return std::vector<ndarray>{histogram_bin_edges(c.array(0), c.operand_at(1), o)};
      histogram_result r = histogram(c.array(0), c.operand_at(1), o);
      return std::vector<ndarray>{r.hist, r.bin_edges};
    };
    h.dtypes = on_both(real_dtypes());
    h.kwargs = {{"range", kw_kind::number_pair}, {"weights", kw_kind::array}};
    if (full) h.kwargs["density"] = kw_kind::boolean;
    h.samples = std::make_shared<histogram_cases>(full);
    if (full) {
      h.compare.kind = comparator::normwise;
      h.compare.bound = "__import__('cunp_harness').binned_bound(a[0], wants, weights, density)";
      h.compare.bound_keywords = {"weights", "density"};
    }
    h.errors = [](const op_record& self) {
      arg_desc a = array(dtype::float64, {20});
      return std::vector<error_case>{
          {make_case(self, {a, scalar(0)}), "ValueError"},
          {make_case(self, {a, scalar(2.5)}), "TypeError"},
          {make_case(self, {a, array(dtype::float64, {3}, layout::C, json::array({1.0, 0.0, 2.0}))}), "ValueError"},
          {make_case(self, {a, array(dtype::float64, {2, 3}, layout::C, json{{"gen", "sorted"}})}), "ValueError"},
          {make_case(self, {a, scalar(4)}, {{"range", json::array({1.0, 0.0})}}), "ValueError"},
          {make_case(self, {array(dtype::float32, {2}, layout::C, json::array({1.0, "nan"})), scalar(10)}), "ValueError"},
          {make_case(self, {a, scalar(5)}, {{"weights", array_json(dtype::float64, {19}, layout::C, "random")}}), "ValueError"},
          {make_case(self, {array(dtype::float64, {2}, layout::C, json::array({0.0, 5e-324})), scalar(1000)}), "ValueError"}};
    };
    without_xtensor(h, "xt::histogram takes no range, explicit edges or NumPy's edge rounding");
    h.composite = true;  // sorts, searches, linspace's arithmetic and a segmented sum underneath
    v.push_back(h);
  }
}

}  // namespace cunp::conformance
