// The records of sorting and searching: sort, argsort, sort_complex and searchsorted, compared by property (NumPy's order; under a stable
// kind, NumPy's stable result exactly), every dtype on both backends.
#include "cunp/sorting.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

sort_options sort_kw(const bound_call& c) {
  sort_options o;
  if (c.kwargs.contains("axis")) o.axis = c.integer("axis");  // null: None, the flattened array
  if (c.has("kind")) o.kind = c.string("kind", "");
  if (c.has("stable")) o.stable = c.boolean("stable");
  return o;
}

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
  r.call = [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), sort_kw(c))}; };
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
}

}  // namespace cunp::conformance
