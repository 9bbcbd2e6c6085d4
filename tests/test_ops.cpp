// Spot checks of the core's ops against NumPy, computed by the oracle at test time: dtype and
// shape exactly; values exactly for integers and bools, within a few ulps for floats. (The
// conformance suite is the exhaustive check; these keep the core honest on its own.)
#include "test_support.hpp"

using namespace cunp;

namespace {

// Compares cunp's result (or exception) with NumPy's evaluation of `expr`.
void check_like_numpy(const std::function<ndarray()>& run, const std::string& expr,
                      const std::map<std::string, oracle::arg>& names, double ulps = 4) {
  CAPTURE(expr);
  oracle::result want = oracle::eval(expr, names);
  if (want.raised()) {
    CAPTURE(want.error().type);
    CAPTURE(want.error().message);
    try {
      run();
      FAIL("numpy raised, cunp did not");
    } catch (const error& e) {
      CHECK(test::cunp_error_matches(e, want.error()));
    }
    return;
  }
  ndarray got;
  try {
    got = run();
  } catch (const error& e) {
    FAIL("cunp raised " << e.what() << ", numpy did not");
    return;
  }
  const ndarray& w = want.array();
  REQUIRE(name(got.dtype()) == name(w.dtype()));
  REQUIRE(got.shape() == w.shape());
  if (!is_inexact(w.dtype())) {
    CHECK(test::same_values(got, w));
  } else {
    double err = test::max_rel_error(got, w);
    CHECK(err <= ulps * test::eps_of(w.dtype()));
  }
}

std::map<std::string, oracle::arg> bind(const ndarray& a) { return {{"a", a.to(device::host())}}; }
std::map<std::string, oracle::arg> bind(const ndarray& a, const ndarray& b) {
  return {{"a", a.to(device::host())}, {"b", b.to(device::host())}};
}

}  // namespace

TEST_SUITE("ops") {
  TEST_CASE("binary ufuncs over every pair of dtypes, with broadcasting") {
    struct binary_op {
      const char* numpy;
      ndarray (*fn)(const operand&, const operand&);
    };
    const binary_op binaries[] = {{"add", add},         {"subtract", subtract}, {"multiply", multiply},
                                  {"true_divide", true_divide}, {"maximum", maximum}, {"minimum", minimum},
                                  {"equal", equal},     {"less", less}};
    for (dtype da : all_dtypes)
      for (dtype db : all_dtypes) {
        ndarray a = test::sample({3, 4}, da), b = test::sample({4}, db);
        for (const auto& op : binaries)
          check_like_numpy([&] { return op.fn(a, b); }, std::string("np.") + op.numpy + "(a, b)", bind(a, b));
      }
  }

  TEST_CASE("weak scalar operands and the C++ operators") {
    for (dtype d : all_dtypes) {
      ndarray a = test::sample({2, 5}, d);
      check_like_numpy([&] { return a + 2; }, "a + 2", bind(a));
      check_like_numpy([&] { return a * 2.5; }, "a * 2.5", bind(a));
      check_like_numpy([&] { return 3 - a; }, "3 - a", bind(a));
      check_like_numpy([&] { return a / 4; }, "a / 4", bind(a));
      check_like_numpy([&] { return a < 1; }, "a < 1", bind(a));
      check_like_numpy([&] { return a == true; }, "a == True", bind(a));
      check_like_numpy([&] { return a + std::complex<double>(0, 1); }, "a + 1j", bind(a));
      check_like_numpy([&] { return -a; }, "-a", bind(a));
    }
  }

  TEST_CASE("unary ufuncs over every dtype") {
    struct unary_op {
      const char* numpy;
      ndarray (*fn)(const operand&);
    };
    const unary_op unaries[] = {{"negative", negative}, {"absolute", absolute}, {"sqrt", sqrt}, {"sin", sin},
                                {"cos", cos},           {"exp", exp},           {"log", log}};
    for (dtype d : all_dtypes) {
      ndarray a = test::sample({5, 3}, d);
      for (const auto& op : unaries)
        check_like_numpy([&] { return op.fn(a); }, std::string("np.") + op.numpy + "(a)", bind(a));
    }
  }

  TEST_CASE("reductions: axis none/int/tuple, keepdims, dtype") {
    struct axis_case {
      axes ax;
      const char* py;
    };
    const axis_case axis_cases[] = {{axes(), "None"}, {0, "0"}, {-1, "-1"}, {axes{0, 2}, "(0, 2)"}, {axes{1, 2, 0}, "(1, 2, 0)"}};
    for (dtype d : all_dtypes) {
      ndarray a = test::sample({3, 4, 5}, d);
      for (const auto& ac : axis_cases)
        for (bool keep : {false, true}) {
          std::string kw = std::string(", axis=") + ac.py + ", keepdims=" + (keep ? "True" : "False") + ")";
          double sum_ulps = 64;  // summation order differs (pairwise vs tree): see conformance/README.md
          check_like_numpy([&] { return sum(a, ac.ax, keep); }, "np.sum(a" + kw, bind(a), sum_ulps);
          check_like_numpy([&] { return prod(a, ac.ax, keep); }, "np.prod(a" + kw, bind(a), sum_ulps);
          check_like_numpy([&] { return max(a, ac.ax, keep); }, "np.max(a" + kw, bind(a));
          check_like_numpy([&] { return min(a, ac.ax, keep); }, "np.min(a" + kw, bind(a));
        }
      check_like_numpy([&] { return sum(a, 1, false, dtype::float64); }, "np.sum(a, axis=1, dtype=np.float64)", bind(a));
      check_like_numpy([&] { return sum(a, axes(), false, dtype::int8); }, "np.sum(a, dtype=np.int8)", bind(a));
    }
  }

  TEST_CASE("reductions of empty arrays: identity, or numpy's ValueError") {
    ndarray e = zeros({0, 3}, dtype::float32, order::C, test::dev());
    check_like_numpy([&] { return sum(e); }, "np.sum(a)", bind(e));
    check_like_numpy([&] { return prod(e, 0); }, "np.prod(a, axis=0)", bind(e));
    check_like_numpy([&] { return max(e); }, "np.max(a)", bind(e));
    check_like_numpy([&] { return min(e, 1); }, "np.min(a, axis=1)", bind(e));
    check_like_numpy([&] { return max(e, 0); }, "np.max(a, axis=0)", bind(e));
  }

  TEST_CASE("creation functions") {
    device d = test::dev();
    for (dtype t : all_dtypes) {
      oracle::arg T = oracle::arg::of_dtype(t);
      check_like_numpy([&] { return zeros({2, 3}, t, order::C, d); }, "np.zeros((2, 3), t)", {{"t", T}});
      check_like_numpy([&] { return ones({4}, t, order::F, d); }, "np.ones(4, t, order='F')", {{"t", T}});
      check_like_numpy([&] { return full({3, 2}, 7, t, order::C, d); }, "np.full((3, 2), 7, t)", {{"t", T}});
      check_like_numpy([&] { return eye(4, 5, 1, t, order::C, d); }, "np.eye(4, 5, 1, t)", {{"t", T}});
      check_like_numpy([&] { return eye(3, {}, -2, t, order::F, d); }, "np.eye(3, k=-2, dtype=t, order='F')", {{"t", T}});
      check_like_numpy([&] { return arange(1, 2, 1, t, d); }, "np.arange(1, 2, 1, t)", {{"t", T}});
      if (t != dtype::bool_)
        check_like_numpy([&] { return arange(2, 11, 3, t, d); }, "np.arange(2, 11, 3, t)", {{"t", T}});
      ndarray like = test::sample({2, 3}, dtype::float32).transpose();
      check_like_numpy([&] { return zeros_like(like, t); }, "np.zeros_like(a, t)", {{"a", like.to(device::host())}, {"t", T}});
      check_like_numpy([&] { return ones_like(like, t); }, "np.ones_like(a, t)", {{"a", like.to(device::host())}, {"t", T}});
      check_like_numpy([&] { return full_like(like, 3, t); }, "np.full_like(a, 3, t)", {{"a", like.to(device::host())}, {"t", T}});
    }
    check_like_numpy([&] { return arange(10, {}, d); }, "np.arange(10)", {});
    check_like_numpy([&] { return arange(0.5, 3.0, 0.25, {}, d); }, "np.arange(0.5, 3.0, 0.25)", {});
    check_like_numpy([&] { return arange(5, 1, -1, {}, d); }, "np.arange(5, 1, -1)", {});
    check_like_numpy([&] { return arange(1, 5, 1, {}, d); }, "np.arange(1, 5, 1)", {});
    check_like_numpy([&] { return arange(0, 3, 1, dtype::bool_, d); }, "np.arange(0, 3, 1, bool)", {});
    check_like_numpy([&] { return full({2}, 1.5, {}, order::C, d); }, "np.full(2, 1.5)", {});
    check_like_numpy([&] { return full({2}, 300, dtype::int8, order::C, d); }, "np.full(2, 300, np.int8)", {});
    CHECK(empty({2, 3}, dtype::int16, order::C, d).shape() == shape_t{2, 3});
    CHECK(empty_like(zeros({4}, dtype::float32, order::C, d)).dtype() == dtype::float32);
  }

  TEST_CASE("ufuncs on every layout: F, strided, negative stride, broadcast, offset") {
    ndarray base = test::sample({6, 8}, dtype::float64);
    ndarray f = asfortranarray(base);
    struct layout_case {
      ndarray a;
      const char* py;
    };
    const layout_case layouts[] = {{f, "np.asfortranarray(a)"},
                                   {base[{slice(none, none, 2), slice(1, none, 3)}], "a[::2, 1::3]"},
                                   {base[{slice(none, none, -1), slice(none, none, -2)}], "a[::-1, ::-2]"},
                                   {base.transpose(), "a.T"},
                                   {base[{0}].broadcast_to({3, 8}), "np.broadcast_to(a[0], (3, 8))"},
                                   {base[{slice(1, 5), slice(3, 7)}], "a[1:5, 3:7]"}};
    for (const auto& l : layouts) {
      check_like_numpy([&] { return add(l.a, l.a); }, std::string("np.add(") + l.py + ", " + l.py + ")", bind(base));
      check_like_numpy([&] { return sqrt(absolute(l.a)); }, std::string("np.sqrt(np.abs(") + l.py + "))", bind(base));
      check_like_numpy([&] { return sum(l.a, 0); }, std::string("np.sum(") + l.py + ", axis=0)", bind(base), 64);
      check_like_numpy([&] { return l.a.astype(dtype::float32); }, std::string(l.py) + ".astype(np.float32)", bind(base));
      check_like_numpy([&] { return l.a.copy(order::C); }, std::string(l.py) + ".copy()", bind(base));
    }
  }
}

TEST_SUITE("large") {
  TEST_CASE("past 2^31 bytes: 64-bit indexing gives the same answers") {
    // 2^31 + 64 int8 elements: byte offsets beyond int32, so the 64-bit paths run
    std::int64_t n = (std::int64_t(1) << 31) + 64;
    device d = test::dev();
    ndarray a = full({n}, 3, dtype::int8, order::C, d);
    ndarray tail = a[{slice(n - 5, none)}];
    tail.assign(full({5}, 7, dtype::int8, order::C, d));
    ndarray b = add(a, a);
    CHECK(b[{slice(n - 8, none)}].to(device::host()).to_host<std::int8_t>() == std::vector<std::int8_t>{6, 6, 6, 14, 14, 14, 14, 14});
    ndarray strided = a[{slice(none, none, -1)}];  // strided path, negative stride
    ndarray s = sum(strided, axes(), false, dtype::int64);
    CHECK(s.item<std::int64_t>() == 3 * (n - 5) + 7 * 5);
    ndarray m = max(a);
    CHECK(m.item<std::int8_t>() == 7);
  }
}
