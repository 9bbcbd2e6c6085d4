// The records of ndarray's methods (ndarray.sum, ndarray.sort, ...): each the record of the
// function of its name, called through the method on an eighth of that function's matrix (the
// method forwards to the function, whose own record covers the rest), against np.ndarray's method.
// sort and partition work in place: both sides sort their own copy of the input, and NumPy's
// array is handed back by cunp_harness.sorted_in_place / partitioned_in_place.
#include <algorithm>
#include <stdexcept>

#include "cunp/sorting.hpp"
#include "generators.hpp"
#include "record_families.hpp"

namespace cunp::conformance {

using json = nlohmann::json;

namespace {

// Every nth case of another generator's matrix; its random draws as they are.
class every_nth final : public sample_generator {
 public:
  every_nth(std::shared_ptr<const sample_generator> inner, std::size_t n) : inner_(std::move(inner)), n_(n) {}
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> all = inner_->matrix(r), out;
    for (std::size_t i = 0; i < all.size(); i += n_) out.push_back(std::move(all[i]));
    return out;
  }
  test_case random(const op_record& r, rng& g) const override { return inner_->random(r, g); }

 private:
  std::shared_ptr<const sample_generator> inner_;
  std::size_t n_;
};

std::vector<ndarray> one(ndarray a) { return {std::move(a)}; }

}  // namespace

void add_methods(std::vector<op_record>& v) {
  auto method = [&](const std::string& fn, cunp_call call, std::string numpy = "") {
    auto it = std::find_if(v.begin(), v.end(), [&](const op_record& r) { return r.name == fn; });
    if (it == v.end()) throw std::logic_error("add_methods: no record of " + fn + " yet");
    op_record r = *it;
    r.name = "ndarray." + fn;
    r.numpy = numpy.empty() ? r.name : numpy;
    r.registry_name = "numpy.ndarray." + fn;
    r.call = std::move(call);
    r.samples = std::make_shared<every_nth>(r.samples, 8);
    r.composite = true;  // the function's record carries the planted-bug check
    r.xtensor = nullptr;
    r.xtensor_note = "a method form: its function is compared with xtensor";
    return r;
  };
  std::vector<op_record> m;
  m.push_back(method("all", [](const bound_call& c) { return one(c.array(0).all(c.axis(), c.boolean("keepdims"))); }));
  m.push_back(method("any", [](const bound_call& c) { return one(c.array(0).any(c.axis(), c.boolean("keepdims"))); }));
  m.push_back(method("max", [](const bound_call& c) { return one(c.array(0).max(c.axis(), c.boolean("keepdims"))); }));
  m.push_back(method("min", [](const bound_call& c) { return one(c.array(0).min(c.axis(), c.boolean("keepdims"))); }));
  m.push_back(method("sum", [](const bound_call& c) { return one(c.array(0).sum(c.axis(), c.dtype_kw(), c.boolean("keepdims"))); }));
  m.push_back(method("prod", [](const bound_call& c) { return one(c.array(0).prod(c.axis(), c.dtype_kw(), c.boolean("keepdims"))); }));
  m.push_back(method("mean", [](const bound_call& c) { return one(c.array(0).mean(c.axis(), c.dtype_kw(), c.boolean("keepdims"))); }));
  for (bool is_var : {true, false}) {
    m.push_back(method(is_var ? "var" : "std", [is_var](const bound_call& c) {
      var_options o{c.axis(), c.dtype_kw(), c.number("ddof").value_or(0), c.number("correction"), c.boolean("keepdims")};
      return one(is_var ? c.array(0).var(o) : c.array(0).std(o));
    }));
    // the methods take no correction= (the functions' ValueError for it with ddof= is theirs)
    m.back().errors = [base = m.back().errors](const op_record& self) {
      std::vector<error_case> e = base(self);
      for (error_case& x : e)
        if (x.c.kwargs.contains("correction")) x.numpy_error = "TypeError";
      return e;
    };
  }
  for (bool is_max : {true, false})
    m.push_back(method(is_max ? "argmax" : "argmin", [is_max](const bound_call& c) {
      arg_reduce_options o{c.integer("axis"), c.boolean("keepdims")};
      return one(is_max ? c.array(0).argmax(o) : c.array(0).argmin(o));
    }));
  for (bool is_sum : {true, false})
    m.push_back(method(is_sum ? "cumsum" : "cumprod", [is_sum](const bound_call& c) {
      cumsum_options o{c.integer("axis"), c.dtype_kw()};
      return one(is_sum ? c.array(0).cumsum(o) : c.array(0).cumprod(o));
    }));
  m.push_back(method("sort", [](const bound_call& c) {
    c.array(0).sort(sort_keywords(c));
    return one(c.array(0));
  }, "cunp_harness.sorted_in_place"));
  m.back().writes_inputs = true;
  m.push_back(method("argsort", [](const bound_call& c) { return one(c.array(0).argsort(sort_keywords(c))); }));
  m.push_back(method("partition", [](const bound_call& c) {
    c.array(0).partition(c.operand_at(1), partition_keywords(c));
    return one(c.array(0));
  }, "cunp_harness.partitioned_in_place"));
  m.back().writes_inputs = true;
  m.push_back(method("argpartition", [](const bound_call& c) { return one(c.array(0).argpartition(c.operand_at(1), partition_keywords(c))); }));
  m.push_back(method("nonzero", [](const bound_call& c) { return c.array(0).nonzero(); }));
  m.push_back(method("searchsorted", [](const bound_call& c) {
    searchsorted_options o;
    o.side = c.string("side", "left");
    if (auto it = c.array_kwargs.find("sorter"); it != c.array_kwargs.end() && it->second.at(0).valid()) o.sorter = it->second.at(0);
    return one(c.array(0).searchsorted(c.operand_at(1), o));
  }));
  for (op_record& r : m) v.push_back(std::move(r));
}

}  // namespace cunp::conformance
