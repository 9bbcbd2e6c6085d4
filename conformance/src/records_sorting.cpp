// The records of sorting: sort and argsort, compared by property (NumPy's order; under a stable
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

op_record sort_record(const char* name, ndarray (*fn)(const ndarray&, const sort_options&), comparator::kind_t by) {
  op_record r;
  r.name = r.numpy = name;
  r.registry_name = std::string("numpy.") + name;
  r.call = [fn](const bound_call& c) { return std::vector<ndarray>{fn(c.array(0), sort_kw(c))}; };
  std::vector<dtype> every(std::begin(all_dtypes), std::end(all_dtypes));
  r.dtypes = {{"host", every}, {"cuda", every}};
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
}

}  // namespace cunp::conformance
