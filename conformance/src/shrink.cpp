#include "shrink.hpp"

#include <cmath>

namespace cunp::conformance {

using json = nlohmann::json;

std::string failure_kind(const verdict& v) {
  if (v.status == verdict::xpass) return "xpass";
  static const char* kinds[] = {"dtype differs",     "shape differs",         "NaN positions differ", "infinities differ",
                                "sign of zero",      "no order of operations", "exceeds the bound",   "off by",
                                "values differ",     "cunp threw",            "numpy raised",         "outputs",
                                "not a permutation", "is not sorted",         "reconstruction",       "norm-wise",
                                "layout differs", "harness"};
  for (const char* k : kinds)
    if (v.reason.find(k) != std::string::npos) return k;
  return v.reason;
}

namespace {

std::int64_t numel(const shape_t& s) {
  std::int64_t n = 1;
  for (auto e : s) n *= e;
  return n;
}

json real_literal(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0 && std::signbit(x)) return "-0.0";
  return x;
}

// The array's values (as the case's seed makes them) written out as literal nested lists.
json literal_values(const array_arg& a, const ndarray& h) {
  ndarray c = h.copy(order::C).reshape({-1});
  std::vector<json> flat;
  if (a.dt == dtype::bool_) {
    for (auto v : c.astype(dtype::uint8).to_host<std::uint8_t>()) flat.push_back(v != 0);
  } else if (kind(a.dt) == dtype_kind::unsigned_int) {
    for (auto v : c.astype(dtype::uint64).to_host<std::uint64_t>()) flat.push_back(v);
  } else if (is_integer(a.dt)) {
    for (auto v : c.astype(dtype::int64).to_host<std::int64_t>()) flat.push_back(v);
  } else if (is_complex(a.dt)) {
    for (auto v : c.astype(dtype::complex128).to_host<std::complex<double>>())
      flat.push_back(json::array({real_literal(v.real()), real_literal(v.imag())}));
  } else {
    for (auto v : c.astype(dtype::float64).to_host<double>()) flat.push_back(real_literal(v));
  }
  // nest in C order
  std::function<json(std::size_t, std::size_t&)> nest = [&](std::size_t depth, std::size_t& at) -> json {
    if (depth == a.shape.size()) return flat[at++];
    json level = json::array();
    for (std::int64_t i = 0; i < a.shape[depth]; ++i) level.push_back(nest(depth + 1, at));
    return level;
  };
  std::size_t at = 0;
  return nest(0, at);
}

}  // namespace

std::vector<test_case> simplifications(const test_case& c) {
  std::vector<test_case> out;
  const op_record* r = find_record(c.op);
  auto arrays = arrays_of(c);
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    const array_arg& a = *arrays[i];
    bool literal = !a.values.is_string() && !a.values.is_object();
    if (literal) continue;  // literal values fix the shape
    if (!a.shape.empty()) {  // drop the leading dim
      test_case v = c;
      auto& s = arrays_of(v)[i]->shape;
      s.erase(s.begin());
      out.push_back(v);
    }
    for (std::size_t d = 0; d < a.shape.size(); ++d)
      if (a.shape[d] > 1) {  // halve a dim, and the matching dim of broadcasting partners
        test_case v = c;
        auto vs = arrays_of(v);
        std::int64_t from = a.shape[d], to = std::max<std::int64_t>(1, from / 2);
        std::size_t from_end = a.shape.size() - d;
        for (array_arg* p : vs)
          if (p->shape.size() >= from_end && p->shape[p->shape.size() - from_end] == from && !p->values.is_array())
            p->shape[p->shape.size() - from_end] = to;
        out.push_back(v);
      }
  }
  for (std::size_t i = 0; i < arrays.size(); ++i)
    if (arrays[i]->layout != layout::C) {
      test_case v = c;
      arrays_of(v)[i]->layout = layout::C;
      out.push_back(v);
    }
  for (std::size_t i = 0; i < arrays.size(); ++i)
    if (arrays[i]->values == "special") {
      test_case v = c;
      arrays_of(v)[i]->values = "random";
      out.push_back(v);
    }
  if (r)
    for (std::size_t i = 0; i < arrays.size(); ++i) {
      const array_arg& a = *arrays[i];
      if ((a.values.is_string() || a.values.is_object()) && numel(a.shape) <= 64) {
        test_case v = c;
        arrays_of(v)[i]->values = literal_values(a, make_array(a, array_seed(c.seed, i), r->domain(i)));
        arrays_of(v)[i]->layout = a.layout;
        out.push_back(v);
      }
    }
  for (std::size_t i = 0; i < c.args.size(); ++i)
    if (auto* l = std::get_if<list_arg>(&c.args[i].v); l && l->items.size() > 1)
      for (std::size_t k = 0; k < l->items.size(); ++k) {
        test_case v = c;
        auto& items = std::get<list_arg>(v.args[i].v).items;
        items.erase(items.begin() + std::ptrdiff_t(k));
        out.push_back(v);
      }
  for (const auto& [k, val] : c.kwargs.items()) {
    test_case v = c;
    v.kwargs.erase(k);
    out.push_back(v);
  }
  return out;
}

test_case shrink(test_case c, const verdict& failure, const std::function<verdict(const test_case&)>& check, int& steps) {
  std::string kind = failure_kind(failure);
  for (bool progress = true; progress && steps < 200;) {
    progress = false;
    for (const test_case& v : simplifications(c)) {
      ++steps;
      verdict r = check(v);
      if ((r.status == verdict::fail || r.status == verdict::xpass) && failure_kind(r) == kind) {
        c = v;
        progress = true;
        break;
      }
      if (steps >= 200) break;
    }
  }
  return c;
}

}  // namespace cunp::conformance
