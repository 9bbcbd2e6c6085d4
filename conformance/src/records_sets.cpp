// The records of unique and the set operations: unique (every keyword), its four Array API forms,
// isin, intersect1d, union1d, setdiff1d and setxor1d, every dtype and every pair of dtypes on both
// backends, compared by cunp_harness.unique_values (NumPy's values, the member of a run of equal
// elements that stands for it free where NumPy leaves it free; indices, inverse and counts exact).
#include "cunp/sets.hpp"
#include "cunp/oracle.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

const json ties = {{"gen", "duplicates"}, {"distinct", 4}};
const json distinct = {{"gen", "arange"}};  // unique by construction (assume_unique's inputs)

// unique and its forms: 0-d, empty, 1-d, 2-d and 3-d inputs of every dtype with ties, special
// values (NaN, infinities, both zeros) and random ones; with keywords, each return_* alone and
// together, equal_nan=False, sorted=False, and every axis of the 2-d and 3-d shapes (empty
// subarrays too); the 8 layouts; 2^16 elements with many ties.
class unique_cases final : public sample_generator {
 public:
  explicit unique_cases(bool keywords) : keywords_(keywords) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json every = {{"return_index", true}, {"return_inverse", true}, {"return_counts", true}};
    auto with = [&](json kw, json extra) {
      for (auto& [k, v] : extra.items()) kw[k] = v;
      return kw;
    };
    for (dtype d : all_dtypes)
      for (const json& v : {ties, json("special"), json("random")}) {
        auto one = [&](shape_t s, json kw, layout l = layout::C) {
          if (!keywords_) kw = json::object();
          out.push_back(make_case(r, {array(d, std::move(s), l, v)}, kw));
        };
        one({17}, json::object());
        one({}, json::object());
        one({0}, every);
        one({3, 4, 5}, json::object());
        if (!keywords_) {
          for (layout l : all_layouts) one({6, 10}, {}, l);
          continue;
        }
        for (const char* k : {"return_index", "return_inverse", "return_counts"}) one({17}, {{k, true}});
        one({17}, every);
        one({17}, {{"equal_nan", false}});
        one({17}, with(every, {{"equal_nan", false}}));
        one({17}, {{"sorted", false}});
        one({}, {{"return_inverse", true}});
        for (json axis : {json(nullptr), json(0), json(1), json(-1)}) one({7, 3}, with(every, {{"axis", axis}}));
        one({7, 3}, {{"axis", 0}});
        one({3, 4, 5}, with(every, {{"axis", 1}}));
        one({3, 0}, with(every, {{"axis", 0}}));
        one({0, 3}, with(every, {{"axis", 0}}));
        one({17}, with(every, {{"axis", 0}}));
        for (layout l : all_layouts) one({6, 10}, with(every, {{"axis", l == layout::C ? json(nullptr) : json(0)}}), l);
      }
    for (dtype d : all_dtypes) {
      json kw = keywords_ ? json{{"return_index", true}, {"return_inverse", true}, {"return_counts", true}} : json::object();
      out.push_back(make_case(r, {array(d, {1 << 16}, layout::C, json{{"gen", "duplicates"}, {"distinct", 300}})}, kw));
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s;
    for (std::uint64_t i = 0, k = g.below(4); i < k; ++i) s.push_back(std::int64_t(g.below(9)));
    json kw = json::object();
    if (keywords_) {
      for (const char* k : {"return_index", "return_inverse", "return_counts", "equal_nan", "sorted"})
        if (g.below(2)) kw[k] = g.below(2) == 1;
      if (!s.empty() && g.below(2)) kw["axis"] = std::int64_t(g.below(2 * s.size())) - std::int64_t(s.size());
    }
    json v = g.below(2) ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(5)}} : json(g.below(2) ? "special" : "random");
    test_case c = make_case(r, {array(all_dtypes[g.below(dtype_count)], s, all_layouts[g.below(8)], v)}, kw);
    c.seed = g.next();
    return c;
  }

 private:
  bool keywords_;
};

// Two arrays (isin's element and test elements; the set operations' ar1 and ar2): every pair of
// dtypes over special values, which the dtypes share in part; ties; distinct values for
// assume_unique; empty and 0-d operands; 2-d ones in the 8 layouts; and the op's keywords.
class pair_cases final : public sample_generator {
 public:
  // keywords: the boolean keywords the op takes ("assume_unique" among them: given only with
  // distinct values, where NumPy defines the result); kinds: isin's kind= values
  pair_cases(std::vector<std::string> keywords, bool kinds) : keywords_(std::move(keywords)), kinds_(kinds) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto two = [&](arg_desc a, arg_desc b, json kw = json::object()) { out.push_back(make_case(r, {std::move(a), std::move(b)}, kw)); };
    for (dtype d1 : all_dtypes) {
      for (dtype d2 : all_dtypes) two(array(d1, {17}, layout::C, "special"), array(d2, {11}, layout::C, "special"));
      two(array(d1, {7, 5}, layout::C, ties), array(d1, {9}, layout::C, ties));
      two(array(d1, {}, layout::C, "special"), array(d1, {11}, layout::C, "special"));
      two(array(d1, {0}), array(d1, {11}, layout::C, "special"));
      two(array(d1, {17}, layout::C, "special"), array(d1, {0}));
      two(array(d1, {0}), array(d1, {3, 0}));
      for (layout l : all_layouts) two(array(d1, {6, 10}, l, "special"), array(d1, {4, 5}, all_layouts[7 - std::size_t(l)], "special"));
      for (const std::string& k : keywords_) {
        bool unique_ok = k != "assume_unique" || d1 != dtype::bool_;  // 17 values of a bool repeat
        if (unique_ok)
          two(array(d1, {17}, layout::C, k == "assume_unique" ? distinct : json("special")),
              array(d1, {9}, layout::C, k == "assume_unique" ? json{{"gen", "arange"}, {"descending", 1}} : json("special")), {{k, true}});
      }
      if (kinds_)
        for (const char* kind : {"sort", "table"}) two(array(d1, {17}, layout::C, ties), array(dtype::int16, {9}, layout::C, "special"), {{"kind", kind}});
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].seed = i;
    return out;
  }

  test_case random(const op_record& r, rng& g) const override {
    auto shape = [&] {
      shape_t s;
      for (std::uint64_t i = 0, k = g.below(3); i < k; ++i) s.push_back(std::int64_t(g.below(9)));
      return s;
    };
    json kw = json::object();
    for (const std::string& k : keywords_)
      if (g.below(2)) kw[k] = g.below(2) == 1;
    bool assumed = kw.value("assume_unique", false);
    dtype d1 = all_dtypes[g.below(dtype_count)], d2 = all_dtypes[g.below(dtype_count)];
    if (assumed && (d1 == dtype::bool_ || d2 == dtype::bool_)) {  // distinct bools run out after two
      kw.erase("assume_unique");
      assumed = false;
    }
    auto values = [&] {
      if (assumed) return g.below(2) ? distinct : json{{"gen", "arange"}, {"descending", 1}};
      return g.below(2) ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}} : json("special");
    };
    if (kinds_ && g.below(2)) kw["kind"] = g.below(2) ? "sort" : "table";
    json v1 = values(), v2 = values();
    if (kw.value("kind", "") == "table") v2 = {{"gen", "indices"}, {"low", 0}, {"high", 50}};  // a table of the test range
    test_case c = make_case(r, {array(d1, shape(), all_layouts[g.below(8)], v1), array(d2, shape(), all_layouts[g.below(8)], v2)}, kw);
    c.seed = g.next();
    return c;
  }

 private:
  std::vector<std::string> keywords_;
  bool kinds_;
};

bool assumed_unique(const test_case& c) {
  return c.kwargs.contains("assume_unique") && c.kwargs["assume_unique"].is_boolean() && c.kwargs["assume_unique"].get<bool>();
}

// isin and setdiff1d search the test elements in the dtype both arrays promote to, where NumPy's
// sort-based path counts an element equal to its own neighbour in that dtype as found.
expectation set_precondition() {
  return {expectation::skip,
          "inputs said to be unique that are not, or an input's distinct values that fall together in the dtype both are "
          "compared in (uint64 or int64 beyond 2**53 as float64): NumPy's set operations are undefined there",
          [](const test_case& c, const std::vector<ndarray>& arrays) {
            if (arrays.size() < 2) return false;
            return oracle::call_text("cunp_harness", "set_precondition_broken",
                                     {oracle::arg::list({arrays[0], arrays[1]}), assumed_unique(c) ? "True" : "False"}) == "True";
          },
          "", {}};
}

std::vector<ndarray> unique_outputs(const unique_result& u) {
  std::vector<ndarray> out{u.values};
  for (const ndarray* x : {&u.indices, &u.inverse_indices, &u.counts})
    if (x->valid()) out.push_back(*x);
  return out;
}

op_record set_record(const char* name, cunp_call call, std::shared_ptr<const sample_generator> samples) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = std::move(call);
  r.dtypes = on_both(std::vector<dtype>(std::begin(all_dtypes), std::end(all_dtypes)));
  r.samples = std::move(samples);
  r.compare.kind = comparator::unique_values;
  r.composite = true;  // sorts, searches, scans and gathers underneath
  return r;
}

}  // namespace

void add_sets(std::vector<op_record>& v) {
  op_record u = set_record("unique", [](const bound_call& c) {
    unique_options o;
    o.return_index = c.boolean("return_index");
    o.return_inverse = c.boolean("return_inverse");
    o.return_counts = c.boolean("return_counts");
    if (c.has("axis")) o.axis = c.integer("axis");
    o.equal_nan = c.boolean("equal_nan", true);
    o.sorted = c.boolean("sorted", true);
    return unique_outputs(unique(c.array(0), o));
  }, std::make_shared<unique_cases>(true));
  u.kwargs = {{"return_index", kw_kind::boolean}, {"return_inverse", kw_kind::boolean}, {"return_counts", kw_kind::boolean},
              {"axis", kw_kind::integer},         {"equal_nan", kw_kind::boolean},      {"sorted", kw_kind::boolean}};
  u.errors = [](const op_record& self) {
    return std::vector<error_case>{{make_case(self, {array(dtype::float64, {3, 4})}, {{"axis", 2}}), "AxisError"},
                                   {make_case(self, {array(dtype::int8, {5})}, {{"axis", -2}}), "AxisError"},
                                   {make_case(self, {array(dtype::float32, {})}, {{"axis", 0}}), "AxisError"}};
  };
  without_xtensor(u, "xt::unique gives the sorted values alone, without NumPy's NaN rules");
  v.push_back(u);

  auto form = [&](const char* name, cunp_call call) {
    op_record r = set_record(name, std::move(call), std::make_shared<unique_cases>(false));
    r.compare.equal_nan = false;  // the Array API forms keep every NaN
    without_xtensor(r, "xtensor has no unique with counts, indices or an inverse");
    v.push_back(r);
  };
  form("unique_all", [](const bound_call& c) { return unique_outputs(unique_all(c.array(0))); });
  form("unique_counts", [](const bound_call& c) { return unique_outputs(unique_counts(c.array(0))); });
  form("unique_inverse", [](const bound_call& c) { return unique_outputs(unique_inverse(c.array(0))); });
  v.back().compare.inverse_output = 1;
  form("unique_values", [](const bound_call& c) { return std::vector<ndarray>{unique_values(c.array(0))}; });
  v.back().compare.unordered = true;  // NumPy's order is free (its hash path)

  op_record in = set_record("isin", [](const bound_call& c) {
    isin_options o;
    o.assume_unique = c.boolean("assume_unique");
    o.invert = c.boolean("invert");
    if (c.has("kind")) o.kind = c.string("kind", "");
    return std::vector<ndarray>{isin(c.array(0), c.array(1), o)};
  }, std::make_shared<pair_cases>(std::vector<std::string>{"assume_unique", "invert"}, true));
  in.kwargs = {{"assume_unique", kw_kind::boolean}, {"invert", kw_kind::boolean}, {"kind", kw_kind::string}};
  in.compare = {};  // a bool array, exactly
  in.errors = [](const op_record& self) {
    auto ints = [](dtype d, json v) { return array(d, {std::int64_t(v.size())}, layout::C, v); };
    return std::vector<error_case>{
        {make_case(self, {array(dtype::int32, {5}), array(dtype::int32, {3})}, {{"kind", "hash"}}), "ValueError"},
        {make_case(self, {array(dtype::float64, {5}), array(dtype::int32, {3})}, {{"kind", "table"}}), "ValueError"},
        {make_case(self, {array(dtype::int8, {5}), ints(dtype::int8, {-100, 100})}, {{"kind", "table"}}), "RuntimeError"}};
  };
  in.expectations.push_back(set_precondition());
  in.expectations.push_back({expectation::skip,
                             "kind='table' over a test range beyond 2**31: NumPy allocates a bool per value, and answers a "
                             "MemoryError or a dimension error by machine",
                             [](const test_case& c, const std::vector<ndarray>& arrays) {
                               if (!c.kwargs.contains("kind") || arrays.size() < 2) return false;
                               return oracle::call_text("cunp_harness", "isin_table_too_large",
                                                        {arrays[0], arrays[1], "'" + c.kwargs["kind"].get<std::string>() + "'"}) == "True";
                             },
                             "", {}});
  without_xtensor(in, "xtensor has no isin");
  v.push_back(in);

  op_record ix = set_record("intersect1d", [](const bound_call& c) {
    intersect1d_result r = intersect1d(c.array(0), c.array(1), c.boolean("assume_unique"), c.boolean("return_indices"));
    if (!r.indices1.valid()) return std::vector<ndarray>{r.values};
    return std::vector<ndarray>{r.values, r.indices1, r.indices2};
  }, std::make_shared<pair_cases>(std::vector<std::string>{"assume_unique", "return_indices"}, false));
  ix.kwargs = {{"assume_unique", kw_kind::boolean}, {"return_indices", kw_kind::boolean}};
  without_xtensor(ix, "xtensor has no intersect1d");
  v.push_back(ix);

  op_record un = set_record("union1d", [](const bound_call& c) { return std::vector<ndarray>{union1d(c.array(0), c.array(1))}; },
                            std::make_shared<pair_cases>(std::vector<std::string>{}, false));
  without_xtensor(un, "xtensor has no union1d");
  v.push_back(un);

  for (auto [name, fn] : {std::pair{"setdiff1d", &setdiff1d}, std::pair{"setxor1d", &setxor1d}}) {
    op_record s = set_record(name, [fn](const bound_call& c) {
      return std::vector<ndarray>{fn(c.array(0), c.array(1), c.boolean("assume_unique"))};
    }, std::make_shared<pair_cases>(std::vector<std::string>{"assume_unique"}, false));
    s.kwargs = {{"assume_unique", kw_kind::boolean}};
    if (std::string(name) == "setdiff1d") s.expectations.push_back(set_precondition());  // an isin underneath
    without_xtensor(s, std::string("xtensor has no ") + name);
    v.push_back(s);
  }
}

}  // namespace cunp::conformance
