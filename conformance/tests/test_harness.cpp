// Unit tests of the harness's shared pieces: case JSON v2, value generators and layouts, sample
// generators, comparators (values, exact-reference bounds, properties, tuples), expectations and
// the shrinker. Every expected value comes from NumPy at test time or from the construction.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <set>

#include "generators.hpp"
#include "runner.hpp"
#include "shrink.hpp"

using namespace cunp;
using namespace cunp::conformance;
using json = nlohmann::json;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

ndarray host_array(std::vector<double> v, shape_t shape, dtype d = dtype::float64) {
  return asarray(v, shape_t{std::int64_t(v.size())}, device::host()).reshape(shape).astype(d);
}

const op_record& rec(const char* n) {
  const op_record* r = find_record(n);
  REQUIRE(r);
  return *r;
}

bool truthy(const std::string& py, const std::map<std::string, oracle::arg>& names) { return oracle::eval_text(py, names) == "True"; }

}  // namespace

TEST_SUITE("case json") {
  TEST_CASE("round trip of every argument kind") {
    json j = json::parse(R"({"op": "add", "args": [
        {"dtype": "float32", "shape": [2, 2], "layout": "F", "values": [[1.5, "nan"], ["-inf", "-0.0"]]},
        {"scalar": 18446744073709551615}], "kwargs": {}, "seed": 3})");
    test_case c = test_case::from_json(j);
    CHECK(c.args.size() == 2);
    CHECK(test_case::from_json(c.to_json()).line() == c.line());
    json l = json::parse(R"({"op": "concatenate", "args": [{"list": [{"dtype": "int8", "shape": [1]}, {"dtype": "int8", "shape": [2]}]}]})");
    CHECK(arrays_of(test_case::from_json(l)).size() == 2);
    test_case t = test_case::from_json(json::parse(R"({"op": "reshape", "args": [{"dtype": "int8", "shape": [6]}, {"tuple": [-1, 3]}]})"));
    CHECK(std::get<tuple_arg>(t.args[1].v).items == std::vector<std::int64_t>{-1, 3});
    CHECK(test_case::from_json(t.to_json()).line() == t.line());
    CHECK(t.label() == "reshape(int8[6], (-1, 3))");
    CHECK(python_tuple({5}) == "(5,)");
    CHECK(python_tuple({}) == "()");
  }
  TEST_CASE("errors name the field") {
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "add", "args": [], "colour": 1})")); }).find("unknown key 'colour'") !=
          std::string::npos);
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "add", "args": [{"dtype": "float99", "shape": [2]}]})")); })
              .find("args[0].dtype") != std::string::npos);
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "add", "args": [{"dtype": "int8", "shape": [2], "values": [1, 2, 3]}]})")); })
              .find("args[0].values") != std::string::npos);
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "add", "args": [{"dtype": "int8", "shape": [2], "layout": "diagonal"}]})")); })
              .find("args[0].layout") != std::string::npos);
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "add", "args": [{"scalar": "seven"}]})")); }).find("args[0].scalar") !=
          std::string::npos);
    CHECK(error_of([] { test_case::from_json(json::parse(R"({"op": "reshape", "args": [{"tuple": [2, 1.5]}]})")); }).find("args[0].tuple") !=
          std::string::npos);
    test_case c = test_case::from_json(json::parse(R"({"op": "sum", "args": [{"dtype": "int8", "shape": [2]}], "kwargs": {"axis": "0"}})"));
    CHECK(error_of([&] { check_kwargs(rec("sum"), c); }).find("kwargs.axis") != std::string::npos);
    c.kwargs = {{"ord", 2}};
    CHECK(error_of([&] { check_kwargs(rec("sum"), c); }).find("no keyword 'ord'") != std::string::npos);
  }
}

TEST_SUITE("values") {
  TEST_CASE("layouts are what they say") {
    auto make = [](layout l) { return make_array(array_arg{dtype::float32, {6, 10}, l, "random"}, 1, value_domain::any); };
    CHECK(make(layout::F).flags().f_contiguous);
    CHECK(!make(layout::F).flags().c_contiguous);
    CHECK(make(layout::negative).strides()[0] < 0);
    CHECK(make(layout::negative).strides()[1] < 0);
    CHECK(make(layout::broadcast).strides()[0] == 0);
    CHECK(make(layout::strided).strides()[1] == 8);
    CHECK(make(layout::transposed).strides()[0] == 4);
    CHECK(reinterpret_cast<std::uintptr_t>(make(layout::misaligned).data()) % 16 != 0);
    // the same logical values whatever the layout
    ndarray c = make(layout::C);
    for (layout l : {layout::F, layout::negative, layout::transposed, layout::strided, layout::offset, layout::misaligned})
      CHECK(truthy("bool(np.array_equal(x, y))", {{"x", c}, {"y", make(l)}}));
  }
  TEST_CASE("named generators") {
    ndarray idx = make_array(array_arg{dtype::int64, {1000}, layout::C, json{{"gen", "indices"}, {"low", -3}, {"high", 5}}}, 2,
                             value_domain::any);
    CHECK(truthy("bool(x.min() == -3 and x.max() == 4)", {{"x", idx}}));
    ndarray mask = make_array(array_arg{dtype::bool_, {100}, layout::C, json{{"gen", "mask"}, {"p", 0.0}}}, 2, value_domain::any);
    CHECK(truthy("bool(not x.any())", {{"x", mask}}));
    ndarray s = make_array(array_arg{dtype::float32, {4, 50}, layout::C, json{{"gen", "sorted"}}}, 2, value_domain::any);
    CHECK(truthy("bool(np.all(np.diff(x, axis=-1) >= 0))", {{"x", s}}));
    ndarray d = make_array(array_arg{dtype::int16, {200}, layout::C, json{{"gen", "duplicates"}, {"distinct", 3}}}, 2, value_domain::any);
    CHECK(truthy("bool(len(np.unique(x)) <= 3)", {{"x", d}}));
    ndarray spd = make_array(array_arg{dtype::float64, {3, 5, 5}, layout::C, json{{"gen", "spd"}}}, 2, value_domain::any);
    CHECK(truthy("bool(np.allclose(x, np.swapaxes(x, -1, -2)) and np.all(np.linalg.eigvalsh(x) > 0))", {{"x", spd}}));
    ndarray ill = make_array(array_arg{dtype::float64, {6, 6}, layout::C, json{{"gen", "ill_conditioned"}, {"cond", 1e6}}}, 2,
                             value_domain::any);
    CHECK(truthy("bool(1e5 < np.linalg.cond(x) < 1e7)", {{"x", ill}}));
    CHECK(error_of([] { make_array(array_arg{dtype::int8, {3}, layout::C, json{{"gen", "zigzag"}}}, 1, value_domain::any); })
              .find("unknown generator 'zigzag'") != std::string::npos);
  }
  TEST_CASE("near-one products of a million stay representable") {
    ndarray a = make_array(array_arg{dtype::float32, {1 << 20}, layout::C, "random"}, 5, value_domain::near_one);
    CHECK(truthy("bool(1e-10 < abs(np.prod(x.astype(np.float64))) < 1e10)", {{"x", a}}));
  }
  TEST_CASE("weak scalars reach NumPy as Python scalars") {
    CHECK(python_literal(scalar_arg{json(std::uint64_t(1) << 63)}) == "9223372036854775808");
    CHECK(python_literal(scalar_arg{json("nan")}) == "float('nan')");
    CHECK(python_literal(scalar_arg{json(2.0)}) == "2.0");
    CHECK(python_literal(scalar_arg{json::array({1.5, "-inf"})}) == "complex(1.5, float('-inf'))");
    CHECK(scalar_value(scalar_arg{json(-129)}).negative);
  }
}

TEST_SUITE("generators") {
  TEST_CASE("the elementwise matrix covers dtypes, layouts, broadcasting and weak scalars") {
    auto cases = rec("add").samples->matrix(rec("add"));
    std::set<std::string> dtypes, layouts;
    bool out_of_range_scalar = false, broadcast_pair = false;
    for (const auto& c : cases) {
      for (const array_arg* a : arrays_of(c)) {
        dtypes.insert(std::string(name(a->dt)));
        layouts.insert(name(a->layout));
      }
      for (const auto& a : c.args)
        if (auto* s = std::get_if<scalar_arg>(&a.v); s && s->value == 300 && arrays_of(c)[0]->dt == dtype::int8) out_of_range_scalar = true;
      auto arrays = arrays_of(c);
      if (arrays.size() == 2 && arrays[0]->shape == shape_t{1, 9} && arrays[1]->shape == shape_t{5, 1}) broadcast_pair = true;
    }
    CHECK(dtypes.size() == 14);
    CHECK(layouts.size() == 8);
    CHECK(out_of_range_scalar);
    CHECK(broadcast_pair);
  }
  TEST_CASE("the reduction matrix covers axes, keepdims, dtype= and empty reduced axes") {
    auto cases = rec("sum").samples->matrix(rec("sum"));
    bool none = false, negative = false, tuple = false, keep = false, dt = false, empty_axis = false;
    for (const auto& c : cases) {
      const json& ax = c.kwargs["axis"];
      none |= ax.is_null();
      negative |= ax.is_number_integer() && ax.get<int>() < 0;
      tuple |= ax.is_array();
      keep |= c.kwargs["keepdims"].get<bool>();
      dt |= c.kwargs["dtype"].is_string();
      empty_axis |= arrays_of(c)[0]->shape == shape_t{0, 3} && ax == 0;
    }
    CHECK((none && negative && tuple && keep && dt && empty_axis));
  }
  TEST_CASE("the scan matrix covers axis None, int and negative, dtype= and empty and 0-d inputs") {
    auto cases = rec("cumsum").samples->matrix(rec("cumsum"));
    bool none = false, negative = false, dt = false, empty = false, zero_d = false;
    for (const auto& c : cases) {
      const json& ax = c.kwargs["axis"];
      none |= ax.is_null();
      negative |= ax.is_number_integer() && ax.get<int>() < 0;
      dt |= c.kwargs["dtype"].is_string();
      empty |= arrays_of(c)[0]->shape == shape_t{0, 3};
      zero_d |= arrays_of(c)[0]->shape.empty();
    }
    CHECK((none && negative && dt && empty && zero_d));
  }
  TEST_CASE("the join matrix: lists of arrays, axis None and negative, mixed dtypes, dtype=") {
    auto cases = rec("concatenate").samples->matrix(rec("concatenate"));
    bool three = false, none = false, negative = false, mixed = false, dt = false;
    for (const auto& c : cases) {
      auto arrays = arrays_of(c);
      three |= arrays.size() == 3;
      none |= c.kwargs["axis"].is_null();
      negative |= c.kwargs["axis"].is_number_integer() && c.kwargs["axis"].get<int>() < 0;
      mixed |= arrays.size() == 2 && arrays[0]->dt != arrays[1]->dt;
      dt |= c.kwargs["dtype"].is_string();
    }
    CHECK((three && none && negative && mixed && dt));
  }
  TEST_CASE("the keyword matrix: the input alone (0-d, empty, layouts), then every grid point, and every fill") {
    const op_record& r = rec("full_like");
    auto cases = r.samples->matrix(r);
    std::set<std::string> layouts, points, fills;
    bool zero_d = false, empty = false;
    for (const auto& c : cases) {
      const array_arg& a = *arrays_of(c)[0];
      layouts.insert(name(a.layout));
      zero_d |= a.shape.empty();
      empty |= a.shape == shape_t{0, 3};
      points.insert(c.kwargs.dump());
      fills.insert(std::get<scalar_arg>(c.args.at(1).v).value.dump());
    }
    CHECK(layouts.size() == 8);
    CHECK((zero_d && empty));
    CHECK(points.size() == 15 * 5);  // dtype None and the 14 dtypes, times order None, K, C, F, A
    CHECK(fills.size() == weak_scalars().size());
    const op_record& z = rec("zeros");
    for (const auto& c : z.samples->matrix(z)) CHECK(std::holds_alternative<tuple_arg>(c.args.at(0).v));
  }
  TEST_CASE("the view matrix: every layout, and the targets each shape gives") {
    const op_record& r = rec("squeeze");
    std::set<std::string> layouts;
    bool none = false, tuple_axes = false;
    for (const auto& c : r.samples->matrix(r)) {
      const array_arg& a = *arrays_of(c)[0];
      layouts.insert(name(a.layout));
      const json& ax = c.kwargs["axis"];
      none |= ax.is_null();
      tuple_axes |= ax.is_array() && ax.size() > 1;
      if (ax.is_number_integer()) {  // an extent-1 axis, counted from either end
        auto nd = std::int64_t(a.shape.size()), d = ax.get<std::int64_t>();
        CHECK(a.shape.at(std::size_t(d < 0 ? d + nd : d)) == 1);
      }
    }
    CHECK(layouts.size() == 8);
    CHECK((none && tuple_axes));
  }
  TEST_CASE("dtype operands: every pair, weak scalars on either side and alone, triples") {
    const op_record& r = rec("result_type");
    bool weak_pair = false, weak_first = false, weak_alone = false, triple = false;
    for (const auto& c : r.samples->matrix(r)) {
      std::size_t weak = 0;
      for (const auto& a : c.args) weak += std::holds_alternative<scalar_arg>(a.v);
      weak_pair |= c.args.size() == 2 && weak == 2;
      weak_first |= c.args.size() == 2 && weak == 1 && std::holds_alternative<scalar_arg>(c.args[0].v);
      weak_alone |= c.args.size() == 1 && weak == 1;
      triple |= c.args.size() == 3;
    }
    CHECK((weak_pair && weak_first && weak_alone && triple));
    const op_record& p = rec("promote_types");
    CHECK(p.samples->matrix(p).size() == 14 * 14);
  }
  TEST_CASE("random draws repeat per seed and differ across seeds") {
    const op_record& r = rec("where");
    rng a{11}, b{11}, c{12};
    CHECK(r.samples->random(r, a).line() == r.samples->random(r, b).line());
    rng d{11};
    CHECK(r.samples->random(r, d).line() != r.samples->random(r, c).line());
  }
  TEST_CASE("campaign seeds draw disjoint streams") {
    std::set<std::uint64_t> s42, s43;
    for (std::uint64_t k = 0; k < 20000; ++k) {
      s42.insert(campaign_case_seed(42, k));
      s43.insert(campaign_case_seed(43, k));
    }
    std::size_t shared = 0;
    for (auto x : s43) shared += s42.count(x);
    CHECK(shared == 0);
  }
}

TEST_SUITE("comparators") {
  comparator values(tolerance_class t) {
    comparator c;
    c.tolerance = t;
    return c;
  }
  TEST_CASE("values: NaN positions, infinities, ulps") {
    ndarray want = host_array({1.0, NAN, INFINITY, 0.0}, {4}, dtype::float32);
    CHECK(compare_values(values(tolerance_class::exact), want, want, nullptr, false).status == verdict::pass);
    ndarray nan_moved = host_array({NAN, NAN, INFINITY, 0.0}, {4}, dtype::float32);
    CHECK(compare_values(values(tolerance_class::rounding), nan_moved, want, nullptr, false).reason.find("NaN positions") != std::string::npos);
    ndarray flipped = host_array({1.0, NAN, -INFINITY, 0.0}, {4}, dtype::float32);
    CHECK(compare_values(values(tolerance_class::rounding), flipped, want, nullptr, false).reason.find("infinities differ") != std::string::npos);
    ndarray one_ulp = host_array({1.0 + 0x1p-23, NAN, INFINITY, 0.0}, {4}, dtype::float32);
    ndarray two_ulp = host_array({1.0 + 0x1p-22, NAN, INFINITY, 0.0}, {4}, dtype::float32);
    CHECK(compare_values(values(tolerance_class::rounding), one_ulp, want, nullptr, false).status == verdict::pass);
    CHECK(compare_values(values(tolerance_class::rounding), two_ulp, want, nullptr, false).status == verdict::fail);
    ndarray neg_zero = host_array({1.0, NAN, INFINITY, -0.0}, {4}, dtype::float32);
    CHECK(compare_values(values(tolerance_class::exact), neg_zero, want, nullptr, false).reason.find("sign of zero") != std::string::npos);
    CHECK(compare_values(values(tolerance_class::exact), want.astype(dtype::float64), want, nullptr, false).reason.find("dtype") !=
          std::string::npos);
  }
  TEST_CASE("metadata: dtype and shape only, the values left undefined") {
    ndarray want = host_array({1, 2, 3, 4}, {2, 2}, dtype::int32);
    CHECK(compare_metadata(host_array({7, 7, 7, 7}, {2, 2}, dtype::int32), want).status == verdict::pass);
    CHECK(compare_metadata(host_array({1, 2, 3, 4}, {4}, dtype::int32), want).reason.find("shape differs") != std::string::npos);
    CHECK(compare_metadata(want.astype(dtype::int64), want).reason.find("dtype differs") != std::string::npos);
  }
  TEST_CASE("layout: C- and F-contiguity against NumPy's flags") {
    ndarray c = host_array({1, 2, 3, 4, 5, 6}, {2, 3});
    CHECK(compare_layout(c, true, false).status == verdict::pass);
    CHECK(compare_layout(asfortranarray(c), true, false).reason.find("layout differs") != std::string::npos);
    CHECK(compare_layout(c[{ellipsis, slice(none, none, 2)}], false, false).status == verdict::pass);
    CHECK(compare_layout(zeros({0, 3}, dtype::int8, order::C, device::host()).broadcast_to({2, 0, 3}), true, true).status ==
          verdict::pass);  // an empty array is both
  }
  TEST_CASE("the layout check asks NumPy for its result's flags") {
    start_oracle();
    op_record r = rec("ndarray.copy");
    test_case c = make_case(r, {array(dtype::float32, {6, 10}, layout::F)}, {{"order", "K"}});
    CHECK(run_case(r, c, device::host(), reference::numpy).status == verdict::pass);
    r.call = [](const bound_call& b) { return std::vector<ndarray>{b.array(0).copy(order::C)}; };
    CHECK(run_case(r, c, device::host(), reference::numpy).reason.find("layout differs") != std::string::npos);
  }
  TEST_CASE("a harness helper answers for NumPy where its answer is no array: a dtype as its 0-d zero") {
    start_oracle();
    op_record r = rec("result_type");
    test_case c = make_case(r, {array(dtype::int8, {}), scalar(300)});
    CHECK(run_case(r, c, device::host(), reference::numpy).status == verdict::pass);  // NEP 50: int8, no overflow check
    r.call = [](const bound_call& b) { return std::vector<ndarray>{zeros({}, dtype::int16, order::C, b.device)}; };
    CHECK(run_case(r, c, device::host(), reference::numpy).reason.find("dtype differs") != std::string::npos);
  }
  TEST_CASE("summation: the bound counts the elements reduced into each output") {
    start_oracle();
    // float16 ones, (1024, 1024), summed over axis 0: 1024 per output, accumulated in float32
    ndarray a = ones({1024, 1024}, dtype::float16, order::C, device::host());
    oracle::result ref = oracle::call_module("cunp_harness", "reduction_reference", {"'sum'", a, "np.float16", "0", "0", "False"});
    REQUIRE(!ref.raised());
    exact_reference e;
    auto re = ref.tuple()[0].array().to_host<double>();
    for (double x : re) e.exact.push_back({x, 0});
    e.bound = ref.tuple()[2].array().to_host<double>();
    e.flags_re = ref.tuple()[3].array().to_host<std::int64_t>();
    e.flags_im = ref.tuple()[4].array().to_host<std::int64_t>();
    CHECK(e.bound[0] < 1.0);  // (1024 - 1) * 2^-23 * 1024, not 2^20 elements' worth
    ndarray want = full({1024}, 1024.0, dtype::float16, order::C, device::host());
    comparator sum = values(tolerance_class::summation);
    CHECK(compare_values(sum, want, want, &e, false).status == verdict::pass);
    ndarray off = full({1024}, 1032.0, dtype::float16, order::C, device::host());
    CHECK(compare_values(sum, off, want, &e, false).status == verdict::fail);
    // +inf where no order gives an infinity
    ndarray inf = full({1024}, INFINITY, dtype::float16, order::C, device::host());
    CHECK(compare_values(sum, inf, want, &e, false).reason.find("no order of operations") != std::string::npos);
  }
  TEST_CASE("outcomes some order can give are decided per element from its inputs") {
    start_oracle();
    // [inf, -big, -big] in float32: a partial sum can reach -inf, so NaN is possible; [inf, 1]: only
    // +inf. (float16 accumulates in float32, where -2 * 65504 is no overflow.)
    ndarray a = host_array({INFINITY, -3e38, -3e38, INFINITY, 1, 1}, {2, 3}, dtype::float32);
    oracle::result ref = oracle::call_module("cunp_harness", "reduction_reference", {"'sum'", a, "np.float32", "0", "1", "False"});
    auto flags = ref.tuple()[3].array().to_host<std::int64_t>();
    CHECK(flags[0] == (outcome::pos_inf | outcome::not_a_number));
    CHECK(flags[1] == outcome::pos_inf);
    ndarray h = host_array({INFINITY, -65504, -65504}, {3}, dtype::float16);
    oracle::result hr = oracle::call_module("cunp_harness", "reduction_reference", {"'sum'", h, "np.float16", "0", "None", "False"});
    CHECK(hr.tuple()[3].array().to_host<std::int64_t>()[0] == outcome::pos_inf);
  }
  TEST_CASE("mean reference: a float16 mean sums in float32; a complex NaN part spreads to the other") {
    start_oracle();
    // 60000 + 60000 overflows float16 but not float32: the mean is finite
    ndarray h = host_array({60000, 60000}, {2}, dtype::float16);
    oracle::result hr = oracle::call_module("cunp_harness", "reduction_reference", {"'mean'", h, "np.float16", "0", "None", "False"});
    CHECK(hr.tuple()[3].array().to_host<std::int64_t>()[0] == outcome::finite);
    // (nan + 0.5j) + 1: NumPy's division by 2 + 0j makes the imaginary part NaN too
    ndarray z = oracle::eval("np.array([complex(np.nan, 0.5), 1], dtype=np.complex64)").array();
    oracle::result zr = oracle::call_module("cunp_harness", "reduction_reference", {"'mean'", z, "np.complex64", "0", "None", "False"});
    CHECK(zr.tuple()[3].array().to_host<std::int64_t>()[0] == outcome::not_a_number);
    CHECK(zr.tuple()[4].array().to_host<std::int64_t>()[0] == outcome::not_a_number);
    // an empty mean is NaN
    ndarray e = host_array({}, {0});
    oracle::result er = oracle::call_module("cunp_harness", "reduction_reference", {"'mean'", e, "np.float64", "0", "None", "False"});
    CHECK(er.tuple()[3].array().to_host<std::int64_t>()[0] == outcome::not_a_number);
  }
  TEST_CASE("sorted permutation: ties in any order") {
    start_oracle();
    comparator c;
    c.kind = comparator::sorted_permutation;
    ndarray a = host_array({3, 1, 3, 2}, {4}, dtype::int32);
    bound_call call{{}, json::object()};
    auto idx = [](std::vector<std::int64_t> v) { return asarray(v, {}, device::host()); };
    CHECK(compare_property(c, {a}, {idx({1, 3, 0, 2})}, {}, call).empty());
    CHECK(compare_property(c, {a}, {idx({1, 3, 2, 0})}, {}, call).empty());
    CHECK(compare_property(c, {a}, {idx({0, 1, 2, 3})}, {}, call).find("not sorted") != std::string::npos);
    CHECK(compare_property(c, {a}, {idx({1, 1, 2, 3})}, {}, call).find("not a permutation") != std::string::npos);
    // a stable kind: ties in input order only
    bound_call stable{{}, json{{"kind", "stable"}}};
    CHECK(compare_property(c, {a}, {idx({1, 3, 0, 2})}, {}, stable).empty());
    CHECK(compare_property(c, {a}, {idx({1, 3, 2, 0})}, {}, stable).find("stable") != std::string::npos);
    bound_call stable_kw{{}, json{{"stable", true}, {"axis", nullptr}}};
    CHECK(compare_property(c, {a.reshape({2, 2})}, {idx({1, 3, 2, 0})}, {}, stable_kw).find("stable") != std::string::npos);
    CHECK(compare_property(c, {a.reshape({2, 2})}, {idx({1, 3, 0, 2})}, {}, stable_kw).empty());
  }
  TEST_CASE("sorted values: NumPy's order, zeros' signs, NaN classes of complex values") {
    start_oracle();
    comparator c;
    c.kind = comparator::sorted_values;
    ndarray a = host_array({0.0, -0.0, NAN, 1, -0.0}, {5});
    bound_call quick{{}, json::object()}, stable{{}, json{{"kind", "m"}}};
    // an unstable kind: the zeros' signs in any order, but as many -0.0 as the input has
    CHECK(compare_property(c, {a}, {host_array({-0.0, -0.0, 0.0, 1, NAN}, {5})}, {}, quick).empty());
    CHECK(compare_property(c, {a}, {host_array({0.0, -0.0, 0.0, 1, NAN}, {5})}, {}, quick).find("-0.0") != std::string::npos);
    CHECK(compare_property(c, {a}, {host_array({0.0, -0.0, -0.0, NAN, 1}, {5})}, {}, quick).find("not sorted") != std::string::npos);
    // a stable kind: their input order
    CHECK(compare_property(c, {a}, {host_array({0.0, -0.0, -0.0, 1, NAN}, {5})}, {}, stable).empty());
    CHECK(compare_property(c, {a}, {host_array({-0.0, -0.0, 0.0, 1, NAN}, {5})}, {}, stable).find("input order") != std::string::npos);
    // complex: 1 + nan j sorts before nan + 0j, and a NaN in the wrong part is a difference
    auto cplx = [](std::vector<std::complex<double>> v) { return asarray(v, {}, device::host()); };
    ndarray z = cplx({{NAN, 0}, {1, NAN}, {2, 0}});
    CHECK(compare_property(c, {z}, {cplx({{2, 0}, {1, NAN}, {NAN, 0}})}, {}, quick).empty());
    CHECK(compare_property(c, {z}, {cplx({{2, 0}, {NAN, 0}, {1, NAN}})}, {}, quick).find("not sorted") != std::string::npos);
  }
  TEST_CASE("set equality") {
    start_oracle();
    comparator c;
    c.kind = comparator::set_equal;
    bound_call call{{}, json::object()};
    ndarray w = host_array({1, 2, 2, 5}, {4});
    CHECK(compare_property(c, {}, {host_array({2, 5, 1, 2}, {4})}, {w}, call).empty());
    CHECK(!compare_property(c, {}, {host_array({2, 5, 1, 1}, {4})}, {w}, call).empty());
  }
  TEST_CASE("reconstruction and orthogonality, with sign freedom") {
    start_oracle();
    comparator c;
    c.kind = comparator::reconstruction;
    c.product = "r[0] @ r[1]";
    c.orthonormal = {0};
    bound_call call{{}, json::object()};
    ndarray a = make_array(array_arg{dtype::float64, {5, 5}, layout::C, json{{"gen", "spd"}}}, 3, value_domain::any);
    oracle::result qr = oracle::eval("np.linalg.qr(a)", {{"a", a}});
    // the same factorization with the signs of column 0 of Q and row 0 of R flipped
    oracle::result flipped = oracle::eval("(lambda q, r: (q * np.r_[-1, np.ones(4)], r * np.r_[-1, np.ones(4)][:, None]))(*np.linalg.qr(a))",
                                          {{"a", a}});
    std::vector<ndarray> f = {flipped.tuple()[0].array(), flipped.tuple()[1].array()};
    std::vector<ndarray> q = {qr.tuple()[0].array(), qr.tuple()[1].array()};
    CHECK(compare_property(c, {a}, f, q, call).empty());
    ndarray bent = oracle::eval("q + 1e-6", {{"q", f[0]}}).array();
    CHECK(compare_property(c, {a}, {bent, f[1]}, q, call).find("reconstruction error") != std::string::npos);
    ndarray stretched = oracle::eval("q * 2", {{"q", f[0]}}).array(), halved = oracle::eval("r / 2", {{"r", f[1]}}).array();
    CHECK(compare_property(c, {a}, {stretched, halved}, q, call).find("not orthonormal") != std::string::npos);
  }
  TEST_CASE("norm-wise error") {
    start_oracle();
    comparator c;
    c.kind = comparator::normwise;
    bound_call call{{}, json::object()};
    ndarray want = host_array({3, 4}, {2});
    ndarray got = host_array({3, 4.0000001}, {2});
    c.bound = "1e-6 * np.linalg.norm(want)";
    CHECK(compare_property(c, {}, {got}, {want}, call).empty());
    c.bound = "1e-9 * np.linalg.norm(want)";
    CHECK(compare_property(c, {}, {got}, {want}, call).find("exceeds the bound") != std::string::npos);
  }
  TEST_CASE("tuples: each output is compared, and a wrong one is named") {
    start_oracle();
    op_record r = rec("divmod");
    test_case c = make_case(r, {array(dtype::int16, {5, 4}), array(dtype::int16, {5, 4})});
    CHECK(run_case(r, c, device::host(), reference::numpy).status == verdict::pass);
    r.call = [](const bound_call& b) {
      auto [q, m] = divmod(b.operand_at(0), b.operand_at(1));
      return std::vector<ndarray>{q, add(m, 1)};
    };
    verdict v = run_case(r, c, device::host(), reference::numpy);
    CHECK(v.status == verdict::fail);
    CHECK(v.reason.find("output 1") != std::string::npos);
  }
  TEST_CASE("complex max/min: any of an output's NaN-carrying inputs") {
    start_oracle();
    ndarray a = oracle::eval("np.array([[complex(np.nan, 1), complex(1, np.nan), 2], [1, 2, 3]])").array();
    ndarray want = oracle::eval("np.max(a, axis=1)", {{"a", a}}).array();
    auto check = [&](const char* got) {
      return oracle::call_text("cunp_harness", "complex_nan_choice", {a, oracle::eval(got).array(), want, "1", "False"});
    };
    CHECK(check("np.array([complex(np.nan, 1), 3])").empty());
    CHECK(check("np.array([complex(1, np.nan), 3])").empty());
    CHECK(check("np.array([complex(np.nan, np.nan), 3])").find("not one of the NaN-carrying inputs") != std::string::npos);
    CHECK(check("np.array([complex(np.nan, 1), 2])").find("values differ") != std::string::npos);
  }
  TEST_CASE("complex ptp: any difference of two of an output's NaN-carrying inputs") {
    start_oracle();
    ndarray a = oracle::eval("np.array([[complex(np.nan, 1), complex(1, np.nan), 2], [1, 2, 3]])").array();
    ndarray want = oracle::eval("np.ptp(a, axis=1)", {{"a", a}}).array();
    auto check = [&](const char* got) {
      return oracle::call_text("cunp_harness", "complex_nan_choice", {a, oracle::eval(got).array(), want, "1", "False", "True"});
    };
    CHECK(check("np.array([complex(np.nan, 0), 2])").empty());           // NumPy's: the first minus itself
    CHECK(check("np.array([complex(np.nan, np.nan), 2])").empty());      // (nan + 1j) - (1 + nan j)
    CHECK(check("np.array([complex(np.nan, 5), 2])").find("not a difference") != std::string::npos);
    CHECK(check("np.array([complex(np.nan, 0), 1])").find("values differ") != std::string::npos);
  }
  TEST_CASE("complex power: a zero's sign is free only where exp(b log a) meets -inf + NaN i") {
    start_oracle();
    // (-inf - inf i) ** (-inf - inf i): b log a = -inf + NaN i; 0.5 ** 1e6: -693147 + 0i, an exact
    // zero's sign; -1 ** (NaN + inf i): NaN + NaN i, whose Annex G recovery is -inf + NaN i
    ndarray a = oracle::eval("np.array([complex(-np.inf, -np.inf), 0.5, -1], dtype=np.complex64)").array();
    ndarray b = oracle::eval("np.array([complex(-np.inf, -np.inf), 1e6, complex(np.nan, np.inf)], dtype=np.complex64)").array();
    auto allowed = power_allowances({a, b}, false, {3});
    REQUIRE(std::holds_alternative<power_allowance>(allowed));
    const power_allowance& p = std::get<power_allowance>(allowed);
    CHECK(p.zero_sign_free == std::vector<bool>{true, false, true});
    comparator c = values(tolerance_class::transcendental);
    ndarray want = oracle::eval("np.array([complex(0, -0.0), 0, complex(0, -0.0)], dtype=np.complex64)").array();
    ndarray other_sign = oracle::eval("np.array([0, 0, 0], dtype=np.complex64)").array();
    ndarray second_flipped = oracle::eval("np.array([complex(0, -0.0), complex(0, -0.0), 0], dtype=np.complex64)").array();
    CHECK(compare_values(c, other_sign, want, nullptr, true, nullptr, &p).status == verdict::pass);
    CHECK(compare_values(c, other_sign, want, nullptr, true).reason.find("sign of zero") != std::string::npos);
    CHECK(compare_values(c, second_flipped, want, nullptr, true, nullptr, &p).reason.find("sign of zero differs at flat index 1") !=
          std::string::npos);
    // a result shape the inputs do not broadcast to is reported, not read past
    CHECK(std::holds_alternative<std::string>(power_allowances({a, b}, false, {4})));
  }
  TEST_CASE("one error mapping: LinAlgError maps to linalg_error only") {
    start_oracle();
    oracle::result np = oracle::eval("np.linalg.inv(np.zeros((2, 2)))");
    REQUIRE(np.raised());
    CHECK(oracle::error_matches(linalg_error("singular"), np.error()));
    CHECK(!oracle::error_matches(value_error("singular"), np.error()));
  }
}

TEST_SUITE("expectations") {
  TEST_CASE("an xfail that passes is reported as an xpass") {
    start_oracle();
    op_record r = rec("add");
    r.expectations = {{expectation::xfail, "pretend difference", [](const test_case&, const std::vector<ndarray>&) { return true; }, "", {}}};
    test_case c = make_case(r, {array(dtype::int32, {3}), array(dtype::int32, {3})});
    CHECK(run_case(r, c, device::host(), reference::numpy).status == verdict::xpass);
    r.call = [](const bound_call& b) { return std::vector<ndarray>{subtract(b.operand_at(0), b.operand_at(1))}; };
    CHECK(run_case(r, c, device::host(), reference::numpy).status == verdict::xfail);
  }
  TEST_CASE("a skip is never a pass, and names its reason") {
    start_oracle();
    op_record r = rec("add");
    r.expectations = {{expectation::skip, "cannot run here", [](const test_case&, const std::vector<ndarray>&) { return true; }, "", {}}};
    verdict v = run_case(r, make_case(r, {array(dtype::int32, {3}), array(dtype::int32, {3})}), device::host(), reference::numpy);
    CHECK(v.status == verdict::skip);
    CHECK(v.reason == "cannot run here");
  }
}

TEST_SUITE("shrinker") {
  TEST_CASE("shrinks while the failure keeps its kind") {
    test_case c = make_case(rec("negative"), {array(dtype::float32, {6, 10}, layout::strided, "special")});
    auto numel = [](const test_case& x) {
      std::int64_t n = 1;
      for (auto e : arrays_of(x)[0]->shape) n *= e;
      return n;
    };
    // a synthetic failure: "values differ" from 4 elements up, another kind below
    auto check = [&](const test_case& x) {
      return numel(x) >= 4 ? verdict{verdict::fail, "values differ at flat index 0: got 1, want 2"}
                           : verdict{verdict::fail, "cunp threw \"boom\"; numpy returned a value"};
    };
    int steps = 0;
    test_case s = shrink(c, check(c), check, steps);
    CHECK(numel(s) >= 4);
    CHECK(numel(s) < 8);
    CHECK(arrays_of(s)[0]->layout == layout::C);
    CHECK(failure_kind(check(s)) == "values differ");
    CHECK(steps > 0);
  }
  TEST_CASE("small arrays become literal values that replay the same bytes") {
    start_oracle();
    test_case c = make_case(rec("negative"), {array(dtype::complex64, {2, 3}, layout::C, "special")});
    c.seed = 9;
    bool literal = false;
    for (const test_case& v : simplifications(c)) {
      const array_arg& a = *arrays_of(v)[0];
      if (!a.values.is_array()) continue;
      literal = true;
      ndarray x = make_array(*arrays_of(c)[0], array_seed(c.seed, 0), value_domain::any);
      ndarray y = make_array(a, array_seed(v.seed, 0), value_domain::any);
      CHECK(truthy("bool(np.array_equal(x, y, equal_nan=True))", {{"x", x}, {"y", y}}));
    }
    CHECK(literal);
  }
}

int main(int argc, char** argv) {
  start_oracle();
  doctest::Context ctx;
  ctx.applyCommandLine(argc, argv);
  return ctx.run();
}
