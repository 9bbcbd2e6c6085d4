// The records of sorting and searching: sort, argsort, sort_complex and searchsorted, compared by property (NumPy's order; under a stable
// kind, NumPy's stable result exactly), every dtype on both backends.
#include "cunp/sorting.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

sort_options sort_keywords(const bound_call& c) {
  sort_options o;
  if (c.kwargs.contains("axis")) o.axis = c.integer("axis");  // null: None, the flattened array
  if (c.has("kind")) o.kind = c.string("kind", "");
  if (c.has("stable")) o.stable = c.boolean("stable");
  return o;
}

partition_options partition_keywords(const bound_call& c) {
  partition_options o;
  if (c.kwargs.contains("axis")) o.axis = c.integer("axis");  // null: None, the flattened array
  if (c.has("kind")) o.kind = c.string("kind", "");
  return o;
}

namespace {

// A generator's cases that take no keywords (its random draws with theirs dropped).
class without_keywords final : public sample_generator {
 public:
  explicit without_keywords(std::shared_ptr<const sample_generator> inner) : inner_(std::move(inner)) {}
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    for (test_case& c : inner_->matrix(r))
      if (c.kwargs.empty()) out.push_back(std::move(c));
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    test_case c = inner_->random(r, g);
    c.kwargs = json::object();
    return c;
  }

 private:
  std::shared_ptr<const sample_generator> inner_;
};

op_record sort_record(const char* name, ndarray (*fn)(const ndarray&, const sort_options&), comparator::kind_t by) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), sort_keywords(c))}; };
  r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  r.kwargs = {{"axis", kw_kind::integer}, {"kind", kw_kind::string}, {"stable", kw_kind::boolean}};
  r.samples = sort_samples();
  r.compare.kind = by;
  r.xtensor_note = "xtensor's sort orders NaN by operator<, which NumPy's order does not";
  r.errors = [](const op_record& self) {
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float32, {3, 4})}, {{"axis", 2}}), "AxisError"},
        {make_case(self, {array(dtype::int8, {3, 4})}, {{"axis", -3}}), "AxisError"},
        {make_case(self, {array(dtype::float64, {5})}, {{"kind", "bogus"}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5})}, {{"kind", ""}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5})}, {{"kind", "stable"}, {"stable", true}}), "ValueError"},
        {make_case(self, {array(dtype::uint16, {})}, {{"axis", 1}}), "AxisError"}};
  };
  return r;
}

// partition and argpartition: kth as a Python int (0, the middle, -1), an int64 array of several
// (negative too), a uint8 array and an empty one, over 1-d to 3-d shapes and each axis and None,
// with kind absent or "introselect"; empty arrays (whose kth NumPy leaves unchecked), a 0-d input,
// 2^16 elements and the 8 layouts; random values, special ones and ties.
class partitions final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    auto ints = [](dtype d, json v) { return array(d, {std::int64_t(v.size())}, layout::C, v); };
    for (dtype d : all_dtypes)
      for (const json& v : values) {
        auto one = [&](shape_t s, layout l, json axis, arg_desc kth, bool kind) {
          json kw = json::object();
          if (!axis.is_string()) kw["axis"] = axis;  // "absent": NumPy's default, the last axis
          if (kind) kw["kind"] = "introselect";
          out.push_back(make_case(r, {array(d, std::move(s), l, v), std::move(kth)}, kw));
        };
        for (const arg_desc& kth : {scalar(0), scalar(8), scalar(-1), ints(dtype::int64, {1, 5, -3}), ints(dtype::uint8, {16}),
                                    ints(dtype::int64, json::array())})
          one({17}, layout::C, "absent", kth, false);
        one({7, 13}, layout::C, -1, scalar(6), true);
        one({7, 13}, layout::C, 0, ints(dtype::int64, {0, 6}), false);
        one({7, 13}, layout::C, nullptr, scalar(50), false);
        one({3, 4, 5}, layout::C, 1, scalar(2), true);
        one({0}, layout::C, "absent", scalar(0), false);
        one({3, 0}, layout::C, 0, scalar(1), false);
        one({}, layout::C, nullptr, scalar(0), false);
        one({}, layout::C, "absent", scalar(0), false);
        if (v == "random") one({1 << 16}, layout::C, "absent", ints(dtype::int64, {100, 60000}), false);
        for (layout l : all_layouts) one({6, 10}, l, 1, scalar(3), false);
      }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s;
    for (std::uint64_t i = 0, k = 1 + g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(9)));
    json kw = json::object();
    int axis = int(g.below(s.size() + 1)) - 1;  // -1: None
    kw["axis"] = axis < 0 ? json(nullptr) : json(axis);
    std::int64_t n = 1;
    if (axis < 0)
      for (std::int64_t e : s) n *= e;
    else
      n = s[std::size_t(axis)];
    arg_desc kth = scalar(0);
    if (n > 0) {
      json ks = json::array();
      for (std::uint64_t i = 0, k = 1 + g.below(3); i < k; ++i) ks.push_back(std::int64_t(g.below(std::uint64_t(2 * n))) - n);
      kth = g.below(2) ? scalar(ks[0]) : array(dtype::int64, {std::int64_t(ks.size())}, layout::C, ks);
    }
    json v = g.below(3) == 0 ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}} : json(g.below(2) ? "random" : "special");
    test_case c = make_case(r, {array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], v), kth}, kw);
    c.seed = g.next();
    return c;
  }
};

op_record partition_record(const char* name, ndarray (*fn)(const ndarray&, const operand&, const partition_options&), comparator::kind_t by) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), c.operand_at(1), partition_keywords(c))}; };
  r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  r.kwargs = {{"axis", kw_kind::integer}, {"kind", kw_kind::string}};
  r.samples = std::make_shared<partitions>();
  r.compare.kind = by;
  r.errors = [](const op_record& self) {
    auto f64 = [](shape_t s) { return array(dtype::float64, std::move(s)); };
    return std::vector<error_case>{
        {make_case(self, {f64({5}), scalar(5)}), "ValueError"},
        {make_case(self, {f64({5}), scalar(-6)}), "ValueError"},
        {make_case(self, {f64({5}), array(dtype::int64, {2}, layout::C, json::array({1, 7}))}), "ValueError"},
        {make_case(self, {f64({5}), scalar(true)}), "ValueError"},
        {make_case(self, {f64({5}), scalar(2.0)}), "TypeError"},
        {make_case(self, {f64({5}), array(dtype::float64, {1}, layout::C, json::array({1.0}))}), "TypeError"},
        {make_case(self, {f64({5}), scalar(1)}, {{"kind", "quicksort"}}), "ValueError"},
        {make_case(self, {f64({3, 4}), scalar(1)}, {{"axis", 2}}), "AxisError"}};
  };
  without_xtensor(r, "xt::partition orders NaN by operator<, which NumPy's order does not");
  r.composite = true;  // a sort underneath
  return r;
}

// lexsort: 1 to 3 keys of mixed dtypes (ties by construction: few distinct values, and special
// values with NaN), 1-d, 2-d along each axis, empty and 0-d, and keys in the 8 layouts.
class lexsorts final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json dup = {{"gen", "duplicates"}, {"distinct", 3}};
    auto keys = [&](std::vector<dtype> ds, shape_t s, layout l, const json& v) {
      std::vector<arg_desc> items;
      for (dtype d : ds) items.push_back(array(d, s, l, v));
      return list_arg{std::move(items)};
    };
    for (dtype d : all_dtypes) {
      for (const json& v : {json("special"), dup}) {
        out.push_back(make_case(r, {{keys({d}, {17}, layout::C, v)}}));
        out.push_back(make_case(r, {{keys({d, dtype::int8}, {40}, layout::C, dup)}}));
        out.push_back(make_case(r, {{keys({dtype::bool_, d, dtype::float32}, {7, 13}, layout::C, v)}}, {{"axis", 0}}));
        out.push_back(make_case(r, {{keys({d, d}, {7, 13}, layout::C, v)}}, {{"axis", -1}}));
      }
      out.push_back(make_case(r, {{keys({d, d}, {0}, layout::C, "random")}}));
      out.push_back(make_case(r, {{keys({d}, {3, 0}, layout::C, "random")}}, {{"axis", 0}}));
      out.push_back(make_case(r, {{keys({d}, {}, layout::C, "random")}}));
      for (layout l : all_layouts) out.push_back(make_case(r, {{keys({dtype::uint8, d}, {6, 10}, l, dup)}}, {{"axis", 1}}));
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s;
    for (std::uint64_t i = 0, k = g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(12)));
    std::vector<arg_desc> items;
    layout l = all_layouts[g.below(8)];
    for (std::uint64_t i = 0, k = 1 + g.below(3); i < k; ++i) {
      json v = g.below(3) ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(3)}} : json("special");
      items.push_back(array(all_dtypes[g.below(dtype_count)], s, l, v));
    }
    json kw = json::object();
    if (!s.empty()) kw["axis"] = int(g.below(s.size()));
    test_case c = make_case(r, {{list_arg{std::move(items)}}}, kw);
    c.seed = g.next();
    return c;
  }
};

// extract: a condition of every dtype (special values: zeros, -0.0 and NaN among them) or a bool
// mask, and an array of every dtype, of one shape (0-d, empty, 1-d, 2-d, 3-d; the 8 layouts), or
// of different sizes (a condition longer than the array raises where it selects beyond it).
class extracts final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json mask = {{"gen", "mask"}, {"p", 0.5}};
    for (dtype d : all_dtypes) {
      for (const shape_t& s : {shape_t{}, shape_t{0}, shape_t{17}, shape_t{7, 13}, shape_t{3, 4, 5}}) {
        out.push_back(make_case(r, {array(dtype::bool_, s, layout::C, mask), array(d, s, layout::C, "special")}));
        out.push_back(make_case(r, {array(d, s, layout::C, "special"), array(dtype::float64, s)}));
      }
      out.push_back(make_case(r, {array(dtype::bool_, {10}, layout::C, mask), array(d, {20})}));
      out.push_back(make_case(r, {array(dtype::bool_, {4, 5}, layout::C, mask), array(d, {2, 10})}));
      for (layout l : all_layouts) out.push_back(make_case(r, {array(d, {6, 10}, l, "special"), array(d, {6, 10}, l)}));
    }
    out.push_back(make_case(r, {array(dtype::bool_, {20}, layout::C, json{{"gen", "mask"}, {"p", 1.0}}), array(dtype::int32, {10})}));
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }
  test_case random(const op_record& r, rng& g) const override {
    shape_t s;
    for (std::uint64_t i = 0, k = g.below(4); i < k; ++i) s.push_back(std::int64_t(g.below(8)));
    json cond = g.below(2) ? json{{"gen", "mask"}, {"p", 0.1 * double(g.below(11))}} : json("special");
    test_case c = make_case(r, {array(g.below(2) ? dtype::bool_ : all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], cond),
                                array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], g.below(2) ? "random" : "special")});
    c.seed = g.next();
    return c;
  }
};

op_record searching_record(const char* name, cunp_call call) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = std::move(call);
  r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  r.samples = keyword_samples(first_argument::array, {});
  r.xtensor_note = "xt::nonzero/argwhere/flatnonzero give vectors of index arrays, not NumPy's arrays";
  r.composite = true;  // a scan, searches and ufuncs underneath
  return r;
}

}  // namespace

void add_sorting(std::vector<op_record>& v) {
  v.push_back(sort_record("sort", sort, comparator::sorted_values));
  v.push_back(sort_record("argsort", argsort, comparator::sorted_permutation));
  // sort_complex: NumPy's default (unstable) sort, then a cast to complex; compared by property,
  // like sort, since NumPy 2.4's AVX-512 float16 quicksort leaves some runs of -0.0, +0.0 and
  // subnormals out of order (a tiled array of the special values, 2^20 long)
  op_record sc = sort_record("sort_complex", nullptr, comparator::sorted_values);
  sc.call = [](const bound_call& c) { return std::vector<ndarray>{sort_complex(c.array(0))}; };
  sc.kwargs.clear();
  sc.samples = std::make_shared<without_keywords>(sort_samples());
  sc.composite = true;  // sort and astype underneath
  sc.errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {array(dtype::float32, {})}), "AxisError"}};
  };
  v.push_back(sc);

  op_record ss;
  ss.name = ss.numpy = "searchsorted";
  ss.registry_name = "numpy.searchsorted";
  ss.call = [](const bound_call& c) {
    searchsorted_options o;
    o.side = c.string("side", "left");
    if (auto it = c.array_kwargs.find("sorter"); it != c.array_kwargs.end() && it->second.at(0).valid()) o.sorter = it->second.at(0);
    return std::vector<ndarray>{searchsorted(c.array(0), c.operand_at(1), o)};
  };
  ss.dtypes = sc.dtypes;
  ss.kwargs = {{"side", kw_kind::string}, {"sorter", kw_kind::array}};
  ss.samples = search_samples();
  ss.xtensor_note = "xtensor has no searchsorted";
  ss.errors = [](const op_record& self) {
    auto with_sorter = [](dtype d, std::int64_t n, json values) {
      return json{{"side", "left"}, {"sorter", {{"dtype", std::string(name(d))}, {"shape", {n}}, {"layout", "C"}, {"values", values}}}};
    };
    return std::vector<error_case>{
        {make_case(self, {array(dtype::float64, {3, 4}), array(dtype::float64, {2})}, {{"side", "left"}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {}), array(dtype::float64, {2})}, {{"side", "left"}}), "ValueError"},
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {2})}, {{"side", "x"}}), "ValueError"},
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {2})}, {{"side", "l"}}), "ValueError"},
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {2})}, with_sorter(dtype::int64, 4, "random")), "ValueError"},
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {2})}, with_sorter(dtype::float64, 5, "random")), "TypeError"},
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {2})},
                   with_sorter(dtype::int64, 5, json{{"gen", "indices"}, {"low", 5}, {"high", 6}})),
         "ValueError"}};
  };
  v.push_back(ss);

  v.push_back(partition_record("partition", partition, comparator::partitioned_values));
  v.push_back(partition_record("argpartition", argpartition, comparator::partitioned_permutation));

  op_record lx;
  lx.name = lx.numpy = "lexsort";
  lx.registry_name = "numpy.lexsort";
  lx.call = [](const bound_call& c) { return std::vector<ndarray>{lexsort(c.list(0), c.integer("axis").value_or(-1))}; };
  lx.dtypes = sc.dtypes;
  lx.kwargs = {{"axis", kw_kind::integer}};
  lx.samples = std::make_shared<lexsorts>();
  lx.errors = [](const op_record& self) {
    auto keys = [](std::vector<shape_t> shapes) {
      std::vector<arg_desc> items;
      for (shape_t& s : shapes) items.push_back(array(dtype::float64, s));
      return list_arg{std::move(items)};
    };
    return std::vector<error_case>{{make_case(self, {{keys({})}}), "TypeError"},
                                   {make_case(self, {{keys({{3}, {4}})}}), "ValueError"},
                                   {make_case(self, {{keys({{2, 3}})}}, {{"axis", 2}}), "AxisError"}};
  };
  lx.xtensor_note = "xtensor has no lexsort";
  lx.composite = true;  // stable argsorts and gathers underneath
  v.push_back(lx);

  v.push_back(searching_record("nonzero", [](const bound_call& c) { return nonzero(c.array(0)); }));
  v.push_back(searching_record("flatnonzero", [](const bound_call& c) { return std::vector<ndarray>{flatnonzero(c.array(0))}; }));
  v.push_back(searching_record("argwhere", [](const bound_call& c) { return std::vector<ndarray>{argwhere(c.array(0))}; }));
  v.push_back(searching_record("extract", [](const bound_call& c) { return std::vector<ndarray>{extract(c.array(0), c.array(1))}; }));
  v.back().samples = std::make_shared<extracts>();
  v.back().row_array = 1;
  v.back().xtensor_note = "xtensor has no extract";
}

}  // namespace cunp::conformance
