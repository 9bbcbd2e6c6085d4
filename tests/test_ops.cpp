// Spot checks of the core's ops against NumPy, computed by the oracle at test time: dtype and
// shape exactly; values exactly for integers and bools, within a few ulps for floats. (The
// conformance suite is the exhaustive check; these keep the core honest on its own.)
#include "test_support.hpp"

using namespace cunp;

namespace {

// Runs cunp beside NumPy's answer `want`: where NumPy raised, checks that cunp throws the mapped
// error and gives nothing; else gives cunp's array, its dtype and shape checked against NumPy's.
std::optional<ndarray> run_beside_numpy(const std::function<ndarray()>& run, const oracle::result& want) {
  if (want.raised()) {
    CAPTURE(want.error().type);
    CAPTURE(want.error().message);
    try {
      run();
      FAIL("numpy raised, cunp did not");
    } catch (const error& e) {
      CHECK(test::cunp_error_matches(e, want.error()));
    }
    return std::nullopt;
  }
  ndarray got;
  try {
    got = run();
  } catch (const error& e) {
    FAIL("cunp raised " << std::string(e.what()) << ", numpy did not");
    return std::nullopt;
  }
  REQUIRE(name(got.dtype()) == name(want.array().dtype()));
  REQUIRE(got.shape() == want.array().shape());
  return got;
}

// Compares cunp's result (or exception) with NumPy's evaluation of `expr`.
void check_like_numpy(const std::function<ndarray()>& run, const std::string& expr,
                      const std::map<std::string, oracle::arg>& names, double ulps = 4) {
  CAPTURE(expr);
  oracle::result want = oracle::eval(expr, names);
  std::optional<ndarray> maybe = run_beside_numpy(run, want);
  if (!maybe) return;
  const ndarray& got = *maybe;
  const ndarray& w = want.array();
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
  // A negative integer exponent is found by the kernel (DESIGN.md's error flag): the ValueError
  // comes at the next synchronization (here the copy to the host), once, and later ops run clean.
  TEST_CASE("a kernel's value error: negative integer powers") {
    for (dtype d : {dtype::int8, dtype::int32, dtype::int64}) {
      CAPTURE(name(d));
      ndarray a = test::sample({3, 4}, d), b = test::sample({3, 4}, d), e = a % 4;
      check_like_numpy([&] { return power(a, b).to(device::host()); }, "a ** b", bind(a, b));
      check_like_numpy([&] { return power(a, -1).to(device::host()); }, "a ** -1", bind(a));
      check_like_numpy([&] { return power(a, e).to(device::host()); }, "a ** b", bind(a, e));
      // where= leaves the negative exponents out: NumPy's masked loop never meets them
      check_like_numpy(
          [&] {
            ndarray out = zeros({3, 4}, d, order::C, test::dev());
            power(a, b, {.out = out, .where = b >= 0});
            return out.to(device::host());
          },
          "np.power(a, b, out=np.zeros_like(a), where=b >= 0)", bind(a, b));
    }
  }

  TEST_CASE("binary ufuncs over every pair of dtypes, with broadcasting") {
    struct binary_op {
      const char* numpy;
      ndarray (*fn)(const operand&, const operand&, const ufunc_options&);
    };
    const binary_op binaries[] = {{"add", add},         {"subtract", subtract}, {"multiply", multiply},
                                  {"true_divide", true_divide}, {"maximum", maximum}, {"minimum", minimum},
                                  {"equal", equal},     {"less", less}};
    for (dtype da : all_dtypes)
      for (dtype db : all_dtypes) {
        ndarray a = test::sample({3, 4}, da), b = test::sample({4}, db);
        for (const auto& op : binaries)
          check_like_numpy([&] { return op.fn(a, b, {}); }, std::string("np.") + op.numpy + "(a, b)", bind(a, b));
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
      check_like_numpy([&] { return 2 == a; }, "2 == a", bind(a));
      check_like_numpy([&] { return a != a; }, "a != a", bind(a));
      check_like_numpy([&] { return 1 <= a; }, "1 <= a", bind(a));
      check_like_numpy([&] { return a > 0.5; }, "a > 0.5", bind(a));
      check_like_numpy([&] { return a >= a; }, "a >= a", bind(a));
      check_like_numpy([&] { return a & 6; }, "a & 6", bind(a));
      check_like_numpy([&] { return true | a; }, "True | a", bind(a));
      check_like_numpy([&] { return a ^ a; }, "a ^ a", bind(a));
      check_like_numpy([&] { return ~a; }, "~a", bind(a));
      check_like_numpy([&] { return a << 3; }, "a << 3", bind(a));
      check_like_numpy([&] { return 100 >> a; }, "100 >> a", bind(a));
      check_like_numpy([&] { return +a; }, "+a", bind(a));
      check_like_numpy([&] { return a + std::complex<double>(0, 1); }, "a + 1j", bind(a));
      check_like_numpy([&] { return a % 3; }, "a % 3", bind(a));
      check_like_numpy([&] { return 7 % a; }, "7 % a", bind(a));
      check_like_numpy([&] { return -a; }, "-a", bind(a));
    }
  }

  TEST_CASE("compound assignment writes in place under same_kind, as NumPy's in-place operators") {
    struct compound {
      const char* python;
      std::function<void(ndarray&, const operand&)> apply;
    };
    const compound ops[] = {
        {"__iadd__", [](ndarray& x, const operand& y) { x += y; }},     {"__isub__", [](ndarray& x, const operand& y) { x -= y; }},
        {"__imul__", [](ndarray& x, const operand& y) { x *= y; }},     {"__itruediv__", [](ndarray& x, const operand& y) { x /= y; }},
        {"__imod__", [](ndarray& x, const operand& y) { x %= y; }},     {"__iand__", [](ndarray& x, const operand& y) { x &= y; }},
        {"__ior__", [](ndarray& x, const operand& y) { x |= y; }},      {"__ixor__", [](ndarray& x, const operand& y) { x ^= y; }},
        {"__ilshift__", [](ndarray& x, const operand& y) { x <<= y; }}, {"__irshift__", [](ndarray& x, const operand& y) { x >>= y; }}};
    for (dtype d : all_dtypes) {
      ndarray a = test::sample({2, 5}, d);
      ndarray b = test::sample({5}, dtype::int16);
      ndarray wide = test::sample({3, 2, 5}, d);
      for (const compound& op : ops) {
        CAPTURE(op.python);
        auto in_place = [&](const operand& y) {
          ndarray x = a.copy();
          const void* before = x.data();
          op.apply(x, y);
          CHECK(x.data() == before);  // the same array, written in place
          return x;
        };
        std::string numpy = std::string("(lambda x: x.") + op.python;
        check_like_numpy([&] { return in_place(2); }, numpy + "(2))(a.copy())", bind(a));
        check_like_numpy([&] { return in_place(2.5); }, numpy + "(2.5))(a.copy())", bind(a));
        check_like_numpy([&] { return in_place(b); }, numpy + "(b))(a.copy())", bind(a, b));
        check_like_numpy([&] { return in_place(wide); }, numpy + "(b))(a.copy())", bind(a, wide));
        // through a view: the row it names changes, the other stays
        check_like_numpy(
            [&] {
              ndarray x = a.copy();
              ndarray row = x[0];
              op.apply(row, 1);
              return x;
            },
            std::string("(lambda x: (x[0].") + op.python + "(1), x)[1])(a.copy())", bind(a));
      }
    }
  }

  TEST_CASE("numeric functions: complex parts are views, nan_to_num(copy=false) and round(int) as NumPy's") {
    ndarray z = test::sample({3, 4}, dtype::complex64), f = test::sample({3, 4}, dtype::float16);
    // writing through real() and imag() changes the complex array, as through NumPy's z.real
    check_like_numpy(
        [&] {
          ndarray x = z.copy();
          real(x).assign(full({}, 2.5));
          imag(x[1]).assign(full({}, -1.0));
          return x;
        },
        "(lambda x: (x.real.__setitem__(Ellipsis, 2.5), x[1].imag.__setitem__(Ellipsis, -1.0), x)[2])(a.copy())", bind(z));
    CHECK(real(f).shares_buffer_with(f));     // np.real of a real array is the array
    CHECK(!imag(f).shares_buffer_with(f));    // its imag is new zeros
    ndarray i = test::sample({5}, dtype::int32);
    CHECK(round(i, 2).shares_buffer_with(i));  // integers to decimals >= 0: the array itself
    check_like_numpy([&] { return round(i, -1); }, "np.round(a, -1)", bind(i));
    // nan_to_num without a copy replaces in the array it is given, and returns it
    ndarray special = asarray(std::vector<double>{NAN, INFINITY, -INFINITY, 1.0}).astype(dtype::float32);
    check_like_numpy(
        [&] {
          ndarray x = special.copy();
          ndarray r = nan_to_num(x, {.copy = false, .nan = 7, .neginf = -3});
          CHECK(r.shares_buffer_with(x));
          return x;
        },
        "(lambda x: (np.nan_to_num(x, copy=False, nan=7, neginf=-3), x)[1])(a.copy())", bind(special));
    CHECK(!nan_to_num(special).shares_buffer_with(special));
    check_like_numpy([&] { return isposinf(z); }, "np.isposinf(a)", bind(z));  // complex: NumPy's TypeError
    auto numpy_says = [](const std::string& expr) { return oracle::eval_text(expr) == "True"; };
    CHECK(allclose(zeros({0}), ones({0})) == numpy_says("np.allclose(np.zeros(0), np.ones(0))"));  // all() of nothing
    CHECK(array_equal(zeros({2, 1}), zeros({2})) == numpy_says("np.array_equal(np.zeros((2, 1)), np.zeros(2))"));
    CHECK(array_equiv(zeros({2, 1}), zeros({2})) == numpy_says("np.array_equiv(np.zeros((2, 1)), np.zeros(2))"));
  }

  TEST_CASE("isclose of an array and a Python scalar stays on the array's device, the host's too with a GPU present") {
    ndarray special = asarray(std::vector<double>{NAN, INFINITY, 1.0, 1.0 + 1e-9});
    for (device d : {test::dev(), device::host()}) {
      ndarray x = special.to(d);
      ndarray r = isclose(x, 1.0, {.equal_nan = true});
      CHECK(r.device() == d);
      check_like_numpy([&] { return r; }, "np.isclose(a, 1.0, equal_nan=True)", bind(special));
      check_like_numpy([&] { return isclose(NAN, x, {.equal_nan = true}); }, "np.isclose(float('nan'), a, equal_nan=True)",
                       bind(special));
      CHECK(isclose(NAN, x, {.equal_nan = true}).device() == d);
      CHECK(allclose(x, 1.0, {.equal_nan = true}) == (oracle::eval_text("np.allclose(a, 1.0, equal_nan=True)", bind(special)) == "True"));
    }
  }

  TEST_CASE("ufunc keywords in C++: out= is returned and written, a tuple for two outputs") {
    ndarray a = test::sample({3, 4}, dtype::float64), b = test::sample({3, 4}, dtype::float64);
    // a temporary view takes compound assignment too
    check_like_numpy(
        [&] {
          ndarray x = a.copy();
          x[1] *= 3;
          return x;
        },
        "(lambda x: (x[1].__imul__(3), x)[1])(a.copy())", bind(a));
    ndarray c = zeros({3, 4}, dtype::float32);
    ndarray r = add(a, b, {.out = c});
    CHECK(r.shares_buffer_with(c));
    check_like_numpy([&] { return c; }, "(a + b).astype(np.float32)", bind(a, b));
    ndarray q = zeros({3, 4}), m = zeros({3, 4});
    auto [q2, m2] = divmod(a, 3, {.out = {q, m}});
    CHECK(q2.shares_buffer_with(q));
    CHECK(m2.shares_buffer_with(m));
    check_like_numpy([&] { return m; }, "np.divmod(a, 3)[1]", bind(a));
    ndarray mask = greater(a, 0.0);
    ndarray kept = full({3, 4}, -7.0);
    sqrt(a, {.out = kept, .where = mask});
    check_like_numpy([&] { return kept; }, "np.sqrt(a, out=np.full((3, 4), -7.0), where=a > 0)", bind(a));
    check_like_numpy([&] { return multiply(a, 2, {.dtype = dtype::float32, .casting = casting::same_kind}); },
                     "np.multiply(a, 2, dtype=np.float32)", bind(a));
    check_like_numpy([&] { return multiply(a, 2, {.dtype = dtype::float32, .casting = casting::safe}); },
                     "np.multiply(a, 2, dtype=np.float32, casting='safe')", bind(a));
  }

  TEST_CASE("unary ufuncs over every dtype") {
    struct unary_op {
      const char* numpy;
      ndarray (*fn)(const operand&, const ufunc_options&);
    };
    const unary_op unaries[] = {{"negative", negative}, {"absolute", absolute}, {"sqrt", sqrt}, {"sin", sin},
                                {"cos", cos},           {"exp", exp},           {"log", log}};
    for (dtype d : all_dtypes) {
      ndarray a = test::sample({5, 3}, d);
      for (const auto& op : unaries)
        check_like_numpy([&] { return op.fn(a, {}); }, std::string("np.") + op.numpy + "(a)", bind(a));
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

  // Views whose rows are dense but start off a 16-byte boundary, and column blocks of a width no
  // 16-byte load divides (the CUDA kernels read 16 bytes at a time where runs are dense, and take
  // the ragged ends element by element). The sample's quarter steps sum exactly in any order.
  TEST_CASE("reductions over sliced views: dense runs with ragged starts and ends") {
    for (dtype d : {dtype::float32, dtype::float64, dtype::int64, dtype::int8, dtype::complex64, dtype::uint16}) {
      ndarray base = test::sample({300, 40}, d);
      struct view_case {
        ndarray a;
        const char* py;
      };
      const view_case views[] = {{base[{slice(none, none), slice(none, 38)}], "a[:, :38]"},
                                 {base[{slice(none, none), slice(1, 38)}], "a[:, 1:38]"},
                                 {base[{slice(2, none), slice(3, 40)}], "a[2:, 3:]"},
                                 {base[{slice(none, none), slice(none, 32)}], "a[:, :32]"}};
      for (const auto& v : views)
        for (int axis : {0, 1}) {
          std::string kw = std::string(", axis=") + std::to_string(axis) + ")";
          check_like_numpy([&] { return sum(v.a, axis); }, std::string("np.sum(") + v.py + kw, bind(base), 0);
          check_like_numpy([&] { return max(v.a, axis); }, std::string("np.max(") + v.py + kw, bind(base), 0);
          check_like_numpy([&] { return min(v.a, axis); }, std::string("np.min(") + v.py + kw, bind(base), 0);
        }
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

// ---- argmax/argmin, cumsum, concatenate ----
namespace {

const char* py_bool(bool b) { return b ? "True" : "False"; }
std::string py_axis(std::optional<std::int64_t> axis) { return axis ? std::to_string(*axis) : "None"; }

// Host data of dtype `dt` on the device under test, from doubles (NaN and infinities allowed).
ndarray values(const std::vector<double>& v, dtype dt, const shape_t& shape) {
  ndarray f = asarray(v, shape_t{std::int64_t(v.size())}, device::host()).reshape(shape);
  return f.astype(dt).to(test::dev());
}
ndarray complex_values(const std::vector<std::complex<double>>& v, dtype dt, const shape_t& shape) {
  ndarray f = asarray(v, shape_t{std::int64_t(v.size())}, device::host()).reshape(shape);
  return f.astype(dt).to(test::dev());
}

// A long float sequence whose running sums round at almost every step (x/10 is inexact).
ndarray tenths(const shape_t& shape, dtype dt) {
  return true_divide(test::sample(shape, dtype::float64, device::host()), 10.0).astype(dt).to(test::dev());
}

// argmax and argmin of `a` (bound as `py`, a NumPy expression over the names) against NumPy's.
void check_arg_reductions(const ndarray& a, const std::string& py, const std::map<std::string, oracle::arg>& names,
                          std::optional<std::int64_t> axis, bool keepdims) {
  std::string kw = ", axis=" + py_axis(axis) + ", keepdims=" + py_bool(keepdims) + ")";
  check_like_numpy([&] { return argmax(a, {.axis = axis, .keepdims = keepdims}); }, "np.argmax(" + py + kw, names);
  check_like_numpy([&] { return argmin(a, {.axis = axis, .keepdims = keepdims}); }, "np.argmin(" + py + kw, names);
}

// cumsum against NumPy. The host backend must match bit for bit: NumPy's accumulate is sequential
// and rounds each step in the result dtype, and so is the host loop. The CUDA backend scans in
// parallel (float16 in float32): integers and bools must still be exact; floats are bounded per
// element by 2 * len * eps * cumsum(|x|), where len is the scanned extent (NaN meets NaN, an
// infinity the same infinity).
void check_cumsum(const std::function<ndarray()>& run, const std::string& py, std::optional<std::int64_t> axis,
                  const std::string& dtype_kw, const std::map<std::string, oracle::arg>& names, std::int64_t len) {
  std::string expr = "np.cumsum(" + py + ", axis=" + py_axis(axis) + dtype_kw + ")";
  CAPTURE(expr);
  oracle::result want = oracle::eval(expr, names);
  std::optional<ndarray> maybe = run_beside_numpy(run, want);
  if (!maybe) return;
  const ndarray& got = *maybe;
  const ndarray& w = want.array();
  if (test::dev().kind == device_kind::host || !is_inexact(w.dtype())) {
    CHECK(test::same_values(got, w));
    return;
  }
  std::string bound_expr =
      "np.cumsum(np.abs(np.asarray(" + py + ").astype(np.complex128)), axis=" + py_axis(axis) + ")";
  ndarray bound = oracle::eval(bound_expr, names).array();
  auto g = got.to(device::host()).astype(dtype::complex128).to_host<std::complex<double>>();
  auto wv = w.astype(dtype::complex128).to_host<std::complex<double>>();
  auto s = bound.astype(dtype::float64).to_host<double>();
  REQUIRE(g.size() == s.size());
  double k = 2.0 * double(std::max<std::int64_t>(len, 1)) * test::eps_of(w.dtype());
  std::size_t bad = 0, first_bad = 0;
  for (std::size_t i = 0; i < g.size(); ++i)
    for (auto [x, y] : {std::pair{g[i].real(), wv[i].real()}, std::pair{g[i].imag(), wv[i].imag()}}) {
      bool ok = x == y || (std::isnan(y) ? std::isnan(x) : !std::isinf(y) && std::abs(x - y) <= k * s[i]);
      if (!ok && bad++ == 0) first_bad = i;
    }
  CHECK_MESSAGE(bad == 0, bad << " elements out of bounds; the first at flat index " << first_bad << ": got "
                                  << (g.empty() ? 0.0 : g[first_bad].real()) << ", numpy "
                                  << (g.empty() ? 0.0 : wv[first_bad].real()) << ", bound "
                                  << (g.empty() ? 0.0 : k * s[first_bad]));
}

}  // namespace

TEST_SUITE("ops") {
  TEST_CASE("argmax/argmin: every dtype, axis none/int/negative, keepdims") {
    // the sample's values repeat (period 23, and bool is mostly ties): the first occurrence must win
    const std::optional<std::int64_t> axis_cases[] = {std::nullopt, 0, 1, 2, -1, -3};
    for (dtype d : all_dtypes) {
      CAPTURE(name(d));
      ndarray a = test::sample({3, 4, 5}, d);
      for (auto axis : axis_cases)
        for (bool keep : {false, true}) check_arg_reductions(a, "a", bind(a), axis, keep);
      ndarray v = test::sample({7}, d);
      check_arg_reductions(v, "a", bind(v), std::nullopt, false);
      check_arg_reductions(v, "a", bind(v), 0, true);
    }
  }

  TEST_CASE("argmax/argmin: indices are logical (C order of the view), on every layout") {
    for (dtype d : {dtype::float64, dtype::float16, dtype::int8, dtype::complex64, dtype::bool_, dtype::uint16}) {
      CAPTURE(name(d));
      ndarray base = test::sample({6, 8}, d);
      ndarray cube = test::sample({4, 5, 6}, d);
      struct layout_case {
        ndarray a;
        const char* py;
        const ndarray* of;
      };
      const layout_case layouts[] = {{asfortranarray(base), "np.asfortranarray(a)", &base},
                                     {base.transpose(), "a.T", &base},
                                     {base[{slice(none, none, -1), slice(none, none, -2)}], "a[::-1, ::-2]", &base},
                                     {base[{slice(none, none, 2), slice(1, none, 3)}], "a[::2, 1::3]", &base},
                                     {base[{slice(1, 5), slice(3, 7)}], "a[1:5, 3:7]", &base},
                                     {base[{0}].broadcast_to({3, 8}), "np.broadcast_to(a[0], (3, 8))", &base},
                                     {cube.transpose({2, 0, 1}), "a.transpose(2, 0, 1)", &cube},
                                     {asfortranarray(cube)[{slice(none, none, -1), ellipsis}], "np.asfortranarray(a)[::-1]", &cube},
                                     {cube[{ellipsis, slice(none, none, -1)}].transpose({1, 2, 0}),
                                      "a[..., ::-1].transpose(1, 2, 0)", &cube}};
      for (const auto& l : layouts) {
        std::string layout = l.py;
        CAPTURE(layout);
        for (std::optional<std::int64_t> axis : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0},
                                                 std::optional<std::int64_t>{1}, std::optional<std::int64_t>{-1}})
          check_arg_reductions(l.a, l.py, bind(*l.of), axis, false);
      }
    }
  }

  TEST_CASE("argmax/argmin: NaN placement, infinities, signed zeros, complex order") {
    const double nan = NAN, inf = INFINITY;
    // rows: no NaN; NaN first; two NaNs in the middle; NaN last; all NaN; signed zeros and infinities
    std::vector<double> rows = {3,   -1,  7,   7,   -2,  0,     //
                                nan, 5,   9,   -9,  1,   2,     //
                                4,   -4,  nan, 8,   nan, 8,     //
                                inf, -inf, 1,  -inf, inf, nan,  //
                                nan, nan, nan, nan, nan, nan,   //
                                -0.0, 0.0, 0.0, -0.0, -inf, inf};
    for (dtype d : {dtype::float16, dtype::float32, dtype::float64}) {
      CAPTURE(name(d));
      ndarray a = values(rows, d, {6, 6});
      for (auto axis : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0}, std::optional<std::int64_t>{1}})
        for (bool keep : {false, true}) check_arg_reductions(a, "a", bind(a), axis, keep);
      ndarray zeros_first = values({-0.0, 0.0, -0.0}, d, {3}), zeros_last = values({0.0, -0.0, 0.0}, d, {3});
      check_arg_reductions(zeros_first, "a", bind(zeros_first), std::nullopt, false);
      check_arg_reductions(zeros_last, "a", bind(zeros_last), std::nullopt, false);
    }
    // complex: lexicographic (real, then imaginary); NaN in either part is NaN, and the first wins
    using c = std::complex<double>;
    std::vector<c> z = {c(1, 2),   c(1, 3),   c(1, 3),   c(0, 9),   c(2, -1),  c(2, -1),  c(-5, 0), c(2, -2),  //
                        c(1, nan), c(2, 0),   c(nan, 0), c(3, 3),   c(-1, 0),  c(0, 0),   c(0, -0.0), c(4, 1),  //
                        c(0, 0),   c(0, -0.0), c(-0.0, 0), c(0, 1), c(0, -1), c(inf, 0), c(inf, -1), c(-inf, 5),  //
                        c(3, 1),   c(3, nan), c(nan, nan), c(9, 9), c(nan, 1), c(-9, 0),  c(3, 1),   c(0, 0)};
    for (dtype d : {dtype::complex64, dtype::complex128}) {
      CAPTURE(name(d));
      ndarray a = complex_values(z, d, {4, 8});
      for (auto axis : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0}, std::optional<std::int64_t>{1}})
        check_arg_reductions(a, "a", bind(a), axis, false);
      for (std::int64_t row = 0; row < 4; ++row) {
        ndarray r = a[{row}];
        check_arg_reductions(r, "a[" + std::to_string(row) + "]", bind(a), std::nullopt, false);
      }
    }
    // bool: True > False; all False picks index 0 for argmax
    ndarray b = values({0, 0, 0, 0}, dtype::bool_, {4});
    check_arg_reductions(b, "a", bind(b), std::nullopt, false);
  }

  TEST_CASE("argmax/argmin: long reductions and many outputs (every kernel shape)") {
    // one long reduction (split over blocks on CUDA), with the extreme value repeated across it
    // and a NaN late, then the same data as many short and many long reductions
    for (dtype d : {dtype::float32, dtype::int16, dtype::float16, dtype::complex128}) {
      CAPTURE(name(d));
      ndarray long_row = test::sample({1, 100003}, d);
      check_arg_reductions(long_row, "a", bind(long_row), 1, false);
      check_arg_reductions(long_row, "a", bind(long_row), std::nullopt, false);
      ndarray many = test::sample({40000, 20}, d);
      check_arg_reductions(many, "a", bind(many), 1, false);
      check_arg_reductions(many, "a", bind(many), 0, false);
      ndarray mid = test::sample({2000, 50}, d);
      check_arg_reductions(mid, "a", bind(mid), 1, false);
      check_arg_reductions(mid, "a", bind(mid), 0, false);
      check_arg_reductions(mid.transpose(), "a.T", bind(mid), 1, false);
    }
    std::vector<double> v(200001);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = double((i * 7919) % 1000);
    v[150000] = NAN;
    v[190000] = NAN;
    ndarray with_nan = values(v, dtype::float64, {200001});
    check_arg_reductions(with_nan, "a", bind(with_nan), std::nullopt, false);
    ndarray reversed = with_nan[{slice(none, none, -1)}];
    check_arg_reductions(reversed, "a[::-1]", bind(with_nan), 0, false);
  }

  TEST_CASE("argmax/argmin: empty extents, 0-d arrays and bad axes raise as NumPy does") {
    struct empty_case {
      shape_t shape;
      const char* py_shape;
      std::optional<std::int64_t> axis;
    };
    const empty_case cases[] = {{{0, 3}, "(0, 3)", 0},           {{0, 3}, "(0, 3)", 1},   {{3, 0}, "(3, 0)", 0},
                                {{3, 0}, "(3, 0)", 1},           {{0, 0}, "(0, 0)", 0},   {{0}, "(0,)", std::nullopt},
                                {{0, 3}, "(0, 3)", std::nullopt}, {{2, 3}, "(2, 3)", 2},   {{2, 3}, "(2, 3)", -3},
                                {{4}, "(4,)", 1}};
    for (dtype d : {dtype::float32, dtype::int64, dtype::bool_}) {
      oracle::arg T = oracle::arg::of_dtype(d);
      for (const auto& c : cases)
        for (bool keep : {false, true}) {
          ndarray a = zeros(c.shape, d, order::C, test::dev());
          std::string kw = std::string(", axis=") + py_axis(c.axis) + ", keepdims=" + py_bool(keep) + ")";
          std::string arr = std::string("np.zeros(") + c.py_shape + ", t)";
          check_like_numpy([&] { return argmax(a, {.axis = c.axis, .keepdims = keep}); }, "np.argmax(" + arr + kw, {{"t", T}});
          check_like_numpy([&] { return argmin(a, {.axis = c.axis, .keepdims = keep}); }, "np.argmin(" + arr + kw, {{"t", T}});
        }
      // 0-d: treated as 1-d for the axis check, a 0-d result
      ndarray s = full({}, 5, d, order::C, test::dev());
      for (auto axis : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0}, std::optional<std::int64_t>{-1},
                        std::optional<std::int64_t>{1}, std::optional<std::int64_t>{-2}})
        for (bool keep : {false, true}) check_arg_reductions(s, "a", bind(s), axis, keep);
    }
    CHECK_THROWS_AS(argmax(ndarray()), value_error);
  }

  TEST_CASE("cumsum: every dtype, axis none/int/negative, NumPy's result dtype and dtype=") {
    const std::optional<std::int64_t> axis_cases[] = {std::nullopt, 0, 1, 2, -1, -2};
    for (dtype d : all_dtypes) {
      CAPTURE(name(d));
      ndarray a = test::sample({3, 4, 5}, d);
      for (auto axis : axis_cases) {
        std::int64_t len = axis ? a.shape()[std::size_t(*axis < 0 ? *axis + 3 : *axis)] : a.size();
        check_cumsum([&] { return cumsum(a, {.axis = axis}); }, "a", axis, "", bind(a), len);
      }
      for (dtype to : {dtype::int8, dtype::uint8, dtype::bool_, dtype::float16, dtype::float32, dtype::complex64,
                       dtype::uint64}) {
        std::string kw = ", dtype=np." + std::string(name(to));
        check_cumsum([&] { return cumsum(a, {.axis = 1, .dtype = to}); }, "a", 1, kw, bind(a), 4);
        check_cumsum([&] { return cumsum(a, {.dtype = to}); }, "a", std::nullopt, kw, bind(a), a.size());
      }
    }
    // integers wrap in the result dtype
    ndarray big = full({300}, 100, dtype::int8, order::C, test::dev());
    check_cumsum([&] { return cumsum(big, {.dtype = dtype::int8}); }, "a", std::nullopt, ", dtype=np.int8", bind(big), 300);
    check_cumsum([&] { return cumsum(big); }, "a", std::nullopt, "", bind(big), 300);
    ndarray huge = full({5}, std::int64_t(1) << 62, dtype::int64, order::C, test::dev());
    check_cumsum([&] { return cumsum(huge); }, "a", std::nullopt, "", bind(huge), 5);
    ndarray uhuge = full({5}, std::uint32_t(3) << 30, dtype::uint32, order::C, test::dev());
    check_cumsum([&] { return cumsum(uhuge, {.dtype = dtype::uint32}); }, "a", std::nullopt, ", dtype=np.uint32",
                 bind(uhuge), 5);
    // NaN and infinities propagate
    ndarray special = values({1, INFINITY, -INFINITY, 2, NAN, 3, 1e308, 1e308}, dtype::float64, {8});
    check_cumsum([&] { return cumsum(special); }, "a", std::nullopt, "", bind(special), 8);
    check_cumsum([&] { return cumsum(special, {.dtype = dtype::float16}); }, "a", std::nullopt, ", dtype=np.float16",
                 bind(special), 8);
  }

  TEST_CASE("cumsum: rounding of every step in the result dtype (float16, float32, complex64)") {
    // long rows of inexact tenths: a pairwise or wider-precision accumulation differs from NumPy's
    // in the last bits, which the host check (bit for bit) sees
    for (dtype d : {dtype::float16, dtype::float32, dtype::complex64, dtype::float64}) {
      CAPTURE(name(d));
      ndarray a = tenths({5000}, d);
      check_cumsum([&] { return cumsum(a); }, "a", std::nullopt, "", bind(a), 5000);
      ndarray m = tenths({40, 300}, d);
      check_cumsum([&] { return cumsum(m, {.axis = 1}); }, "a", 1, "", bind(m), 300);
      check_cumsum([&] { return cumsum(m, {.axis = 0}); }, "a", 0, "", bind(m), 40);
    }
    ndarray a = tenths({3000}, dtype::float64);
    check_cumsum([&] { return cumsum(a, {.dtype = dtype::float16}); }, "a", std::nullopt, ", dtype=np.float16", bind(a), 3000);
  }

  TEST_CASE("cumsum: layouts (F, transposed, negative and other strides, broadcast)") {
    for (dtype d : {dtype::float64, dtype::int32, dtype::float16, dtype::complex128, dtype::bool_}) {
      CAPTURE(name(d));
      ndarray base = test::sample({6, 8}, d);
      ndarray cube = test::sample({4, 5, 6}, d);
      struct layout_case {
        ndarray a;
        const char* py;
        const ndarray* of;
      };
      const layout_case layouts[] = {{asfortranarray(base), "np.asfortranarray(a)", &base},
                                     {base.transpose(), "a.T", &base},
                                     {base[{slice(none, none, -1), slice(none, none, -2)}], "a[::-1, ::-2]", &base},
                                     {base[{slice(none, none, 2), slice(1, none, 3)}], "a[::2, 1::3]", &base},
                                     {base[{0}].broadcast_to({3, 8}), "np.broadcast_to(a[0], (3, 8))", &base},
                                     {cube.transpose({2, 0, 1}), "a.transpose(2, 0, 1)", &cube},
                                     {asfortranarray(cube)[{slice(none, none, -1), ellipsis}], "np.asfortranarray(a)[::-1]", &cube}};
      for (const auto& l : layouts) {
        std::string layout = l.py;
        CAPTURE(layout);
        for (std::optional<std::int64_t> axis : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0},
                                                 std::optional<std::int64_t>{1}, std::optional<std::int64_t>{-1}}) {
          std::int64_t len = axis ? l.a.shape()[std::size_t(*axis < 0 ? *axis + l.a.ndim() : *axis)] : l.a.size();
          check_cumsum([&] { return cumsum(l.a, {.axis = axis}); }, l.py, axis, "", bind(*l.of), len);
        }
      }
    }
  }

  TEST_CASE("cumsum: long rows and many rows (every kernel shape)") {
    struct shape_case {
      shape_t shape;
      std::int64_t axis;
    };
    const shape_case shapes[] = {{{1, 100003}, 1}, {{100003}, 0}, {{20, 5000}, 1}, {{5000, 20}, 1},
                                 {{5000, 20}, 0},  {{300, 700}, 0}, {{300, 700}, 1}, {{3, 2, 70000}, 2}};
    for (dtype d : {dtype::int32, dtype::int64, dtype::float32, dtype::complex128, dtype::float16, dtype::uint8}) {
      CAPTURE(name(d));
      for (const auto& s : shapes) {
        CAPTURE(s.axis);
        ndarray a = is_inexact(d) ? tenths(s.shape, d) : test::sample(s.shape, d);
        std::int64_t len = a.shape()[std::size_t(s.axis)];
        check_cumsum([&] { return cumsum(a, {.axis = s.axis}); }, "a", s.axis, "", bind(a), len);
      }
    }
    ndarray wrap = test::sample({100003}, dtype::int8);
    check_cumsum([&] { return cumsum(wrap, {.dtype = dtype::int8}); }, "a", std::nullopt, ", dtype=np.int8", bind(wrap),
                 100003);
    ndarray rev = test::sample({2, 100003}, dtype::float64)[{slice(none, none, -1), slice(none, none, -1)}];
    check_cumsum([&] { return cumsum(rev); }, "a[::-1, ::-1]", std::nullopt, "",
                 bind(test::sample({2, 100003}, dtype::float64)), 2 * 100003);
  }

  TEST_CASE("cumsum: empty arrays, 0-d arrays and bad axes as NumPy") {
    struct case_t {
      shape_t shape;
      const char* py_shape;
      std::optional<std::int64_t> axis;
    };
    const case_t cases[] = {{{0, 3}, "(0, 3)", std::nullopt}, {{0, 3}, "(0, 3)", 0}, {{0, 3}, "(0, 3)", 1},
                            {{3, 0}, "(3, 0)", 1},            {{0}, "(0,)", 0},        {{}, "()", std::nullopt},
                            {{}, "()", 0},                    {{}, "()", -1},          {{}, "()", 1},
                            {{2, 3}, "(2, 3)", 2},            {{2, 3}, "(2, 3)", -3}};
    for (dtype d : {dtype::float32, dtype::int8, dtype::bool_, dtype::complex64}) {
      oracle::arg T = oracle::arg::of_dtype(d);
      for (const auto& c : cases) {
        ndarray a = full(c.shape, 2, d, order::C, test::dev());
        std::string arr = std::string("np.full(") + c.py_shape + ", 2, t)";
        check_cumsum([&] { return cumsum(a, {.axis = c.axis}); }, arr, c.axis, "", {{"t", T}}, 1);
      }
    }
    CHECK_THROWS_AS(cumsum(ndarray()), value_error);
  }

  TEST_CASE("concatenate: dtypes (result_type), axes, layouts, several inputs") {
    const dtype dts[] = {dtype::bool_,   dtype::int8,      dtype::uint8,     dtype::int64,     dtype::uint64,
                         dtype::float16, dtype::float32,   dtype::complex64, dtype::complex128};
    for (dtype da : dts)
      for (dtype db : dts) {
        ndarray a = test::sample({2, 3}, da), b = test::sample({2, 4}, db), c = test::sample({5, 3}, db);
        check_like_numpy([&] { return concatenate({a, b}, {.axis = 1}); }, "np.concatenate([a, b], axis=1)", bind(a, b));
        check_like_numpy([&] { return concatenate({a, c}); }, "np.concatenate([a, b])", bind(a, c));
        check_like_numpy([&] { return concatenate({a, b}, {.axis = none}); }, "np.concatenate([a, b], axis=None)",
                         bind(a, b));
      }
    ndarray base = test::sample({6, 8}, dtype::float32);
    ndarray cube = test::sample({4, 6, 8}, dtype::int16);
    ndarray f = asfortranarray(base), t = base.transpose(), neg = base[{slice(none, none, -1), slice(none, none, -2)}];
    ndarray strided = base[{slice(none, none, 2), slice(1, none, 2)}];
    auto names = std::map<std::string, oracle::arg>{{"a", base.to(device::host())}, {"c", cube.to(device::host())}};
    check_like_numpy([&] { return concatenate({f, base, neg[{slice(0, 2)}].broadcast_to({2, 4}).transpose()}, {.axis = 1}); },
                     "np.concatenate([np.asfortranarray(a), a, np.broadcast_to(a[::-1, ::-2][0:2], (2, 4)).T], axis=1)",
                     names);
    check_like_numpy([&] { return concatenate({t, strided.transpose(), cube[{0}].transpose()}, {.axis = -1}); },
                     "np.concatenate([a.T, a[::2, 1::2].T, c[0].T], axis=-1)", names);
    check_like_numpy([&] { return concatenate({neg, strided, f}, {.axis = 0}); },
                     "np.concatenate([a[::-1, ::-2], a[::2, 1::2], np.asfortranarray(a)], axis=0)", names);
    check_like_numpy([&] { return concatenate({t, cube, neg, full({}, 7, dtype::uint8, order::C, test::dev())}, {.axis = none}); },
                     "np.concatenate([a.T, c, a[::-1, ::-2], np.uint8(7)], axis=None)", names);
    check_like_numpy([&] { return concatenate({cube.transpose({2, 0, 1}), cube[{slice(none, none, -1)}].transpose({2, 0, 1})}, {.axis = 2}); },
                     "np.concatenate([c.transpose(2, 0, 1), c[::-1].transpose(2, 0, 1)], axis=2)", names);
    // empty inputs take no room; an all-empty result is empty
    ndarray e = zeros({0, 8}, dtype::float64, order::C, test::dev());
    check_like_numpy([&] { return concatenate({e, base, e}); }, "np.concatenate([np.zeros((0, 8)), a, np.zeros((0, 8))])",
                     names);
    check_like_numpy([&] { return concatenate({e, e}, {.axis = 1}); }, "np.concatenate([np.zeros((0, 8))] * 2, axis=1)", {});
    check_like_numpy([&] { return concatenate({base}); }, "np.concatenate([a])", names);
    // an input that is a view of another
    check_like_numpy([&] { return concatenate({base, base[{slice(1, 3)}], base}); }, "np.concatenate([a, a[1:3], a])", names);
  }

  TEST_CASE("concatenate: dtype= and casting=, and NumPy's errors") {
    ndarray i8 = test::sample({2, 3}, dtype::int8), i16 = test::sample({2, 3}, dtype::int16);
    ndarray f32 = test::sample({2, 2}, dtype::float32), c64 = test::sample({2, 3}, dtype::complex64);
    auto names = std::map<std::string, oracle::arg>{{"i8", i8.to(device::host())}, {"i16", i16.to(device::host())},
                                                    {"f32", f32.to(device::host())}, {"c64", c64.to(device::host())}};
    struct dtype_case {
      std::vector<ndarray> arrays;
      const char* py;
      std::optional<std::int64_t> axis;
      std::optional<dtype> dt;
      casting rule;
    };
    const dtype_case cases[] = {
        {{i8, i16}, "[i8, i16]", 0, dtype::int8, casting::same_kind},
        {{i8, f32}, "[i8, f32]", 1, dtype::int8, casting::same_kind},  // TypeError: float32 -> int8
        {{i8, f32}, "[i8, f32]", 1, dtype::int8, casting::unsafe},
        {{i8, c64}, "[i8, c64]", 0, dtype::float64, casting::same_kind},  // TypeError: complex -> float
        {{i8, c64}, "[i8, c64]", 0, dtype::float64, casting::unsafe},
        {{i8, i16}, "[i8, i16]", 0, std::nullopt, casting::no},  // TypeError: int8 -> int16 result
        {{i8, i16}, "[i8, i16]", 0, std::nullopt, casting::equiv},
        {{i8, i8}, "[i8, i8]", 0, std::nullopt, casting::no},
        {{i8, i16}, "[i8, i16]", 0, dtype::int16, casting::safe},
        {{i16, i8}, "[i16, i8]", 0, dtype::int8, casting::safe},
        {{i8, f32, c64}, "[i8, f32, c64]", std::nullopt, dtype::float16, casting::same_kind},
        {{i8, f32}, "[i8, f32]", std::nullopt, dtype::float16, casting::same_kind},
        {{i8, f32}, "[i8, f32]", std::nullopt, dtype::bool_, casting::unsafe},
        {{i8, f32}, "[i8, f32]", 0, dtype::int8, casting::same_kind}};  // ValueError first: extents
    for (const auto& c : cases) {
      std::string expr = std::string("np.concatenate(") + c.py + ", axis=" + py_axis(c.axis) +
                         (c.dt ? ", dtype=np." + std::string(name(*c.dt)) : std::string()) + ", casting='" +
                         std::string(name(c.rule)) + "')";
      check_like_numpy([&] { return concatenate(c.arrays, {.axis = c.axis, .dtype = c.dt, .casting = c.rule}); }, expr,
                       names);
    }
    // errors: no arrays, 0-d arrays, rank and extent mismatches, bad axes
    ndarray s = full({}, 1, dtype::int8, order::C, test::dev());
    ndarray v = test::sample({3}, dtype::int8);
    names.emplace("s", s.to(device::host()));
    names.emplace("v", v.to(device::host()));
    check_like_numpy([&] { return concatenate({}); }, "np.concatenate([])", {});
    check_like_numpy([&] { return concatenate({}, {.axis = none}); }, "np.concatenate([], axis=None)", {});
    check_like_numpy([&] { return concatenate({s, s}); }, "np.concatenate([s, s])", names);
    check_like_numpy([&] { return concatenate({s}, {.axis = -1}); }, "np.concatenate([s], axis=-1)", names);
    check_like_numpy([&] { return concatenate({s, s}, {.axis = none}); }, "np.concatenate([s, s], axis=None)", names);
    check_like_numpy([&] { return concatenate({v, s}); }, "np.concatenate([v, s])", names);
    check_like_numpy([&] { return concatenate({i8, v}); }, "np.concatenate([i8, v])", names);
    check_like_numpy([&] { return concatenate({v, i8}, {.axis = 1}); }, "np.concatenate([v, i8], axis=1)", names);
    check_like_numpy([&] { return concatenate({i8, f32}); }, "np.concatenate([i8, f32])", names);
    check_like_numpy([&] { return concatenate({i8, f32}, {.axis = -2}); }, "np.concatenate([i8, f32], axis=-2)", names);
    check_like_numpy([&] { return concatenate({i8, f32}, {.axis = none}); }, "np.concatenate([i8, f32], axis=None)", names);
    check_like_numpy([&] { return concatenate({i8, i16}, {.axis = 2}); }, "np.concatenate([i8, i16], axis=2)", names);
    check_like_numpy([&] { return concatenate({i8, i16}, {.axis = -3}); }, "np.concatenate([i8, i16], axis=-3)", names);
    check_like_numpy([&] { return concatenate({v}, {.axis = 1}); }, "np.concatenate([v], axis=1)", names);
    CHECK_THROWS_AS(concatenate({i8, ndarray()}), value_error);
    // arrays on different devices (NumPy has no devices): a value_error, never a silent transfer
    if (test::dev().kind != device_kind::host) {
      ndarray on_host = i8.to(device::host());
      CHECK_THROWS_AS(concatenate({i8, on_host}), value_error);
      CHECK_THROWS_AS(concatenate({on_host, i8}, {.axis = none}), value_error);
    }
  }

  TEST_CASE("registry: argmax, argmin, cumsum and concatenate on this backend, every dtype") {
    std::string backend = test::dev().kind == device_kind::host ? "host" : "cuda";
    for (const char* op : {"numpy.argmax", "numpy.argmin", "numpy.cumsum", "numpy.concatenate"}) {
      CAPTURE(op);
      const registered_op* found = nullptr;
      for (const auto& e : op_registry())
        if (e.numpy_name == op) found = &e;
      REQUIRE(found != nullptr);
      bool listed = false;
      for (const auto& b : found->backends)
        if (b.backend == backend) {
          listed = true;
          CHECK(b.dtypes.size() == std::size_t(dtype_count));
        }
      CHECK(listed);
    }
  }
}
