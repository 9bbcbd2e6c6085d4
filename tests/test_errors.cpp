// Bad input raises the cunp error that mirrors NumPy's exception, with a message naming the op,
// shapes and dtypes; NumPy's exception for the same input comes from the oracle.
#include "test_support.hpp"

using namespace cunp;

namespace {
// Runs `run`, expects it to throw; checks the type against NumPy's for `expr`, and that the
// message contains each of `mentions`.
void check_raises_like_numpy(const std::function<void()>& run, const std::string& expr,
                             const std::map<std::string, oracle::arg>& names, std::vector<std::string> mentions = {}) {
  CAPTURE(expr);
  oracle::result want = oracle::eval(expr, names);
  REQUIRE(want.raised());
  CAPTURE(want.error().type);
  try {
    run();
    FAIL("numpy raised " << want.error().type << ", cunp did not");
  } catch (const error& e) {
    CAPTURE(e.what());
    CHECK(test::cunp_error_matches(e, want.error()));
    for (const auto& m : mentions) CHECK(std::string(e.what()).find(m) != std::string::npos);
  }
}
}  // namespace

TEST_SUITE("errors") {
  TEST_CASE("shapes that do not broadcast") {
    ndarray a = test::sample({3, 4}, dtype::float32), b = test::sample({5}, dtype::float32);
    check_raises_like_numpy([&] { add(a, b); }, "np.add(a, b)", {{"a", a.to(device::host())}, {"b", b.to(device::host())}},
                            {"add", "(3, 4)", "(5,)"});
    check_raises_like_numpy([&] { a.broadcast_to({2, 3}); }, "np.broadcast_to(a, (2, 3))", {{"a", a.to(device::host())}});
  }

  TEST_CASE("axes out of range, repeated or mismatched") {
    ndarray a = test::sample({3, 4}, dtype::int32);
    auto A = std::map<std::string, oracle::arg>{{"a", a.to(device::host())}};
    check_raises_like_numpy([&] { sum(a, 2); }, "np.sum(a, axis=2)", A, {"axis 2", "dimension 2"});
    check_raises_like_numpy([&] { max(a, -3); }, "np.max(a, axis=-3)", A);
    check_raises_like_numpy([&] { sum(a, axes{0, 0}); }, "np.sum(a, axis=(0, 0))", A);
    check_raises_like_numpy([&] { a.transpose({0, 0}); }, "a.transpose(0, 0)", A);
    check_raises_like_numpy([&] { a.transpose({0}); }, "a.transpose(0)", A);
    check_raises_like_numpy([&] { a.squeeze(0); }, "a.squeeze(0)", A);
    check_raises_like_numpy([&] { a.expand_dims(5); }, "np.expand_dims(a, 5)", A);
  }

  TEST_CASE("indexing out of range") {
    ndarray a = test::sample({3, 4}, dtype::int32);
    auto A = std::map<std::string, oracle::arg>{{"a", a.to(device::host())}};
    check_raises_like_numpy([&] { a[{3}]; }, "a[3]", A, {"index 3", "axis 0", "size 3"});
    check_raises_like_numpy([&] { a[{0, -5}]; }, "a[0, -5]", A);
    check_raises_like_numpy([&] { a[{0, 0, 0}]; }, "a[0, 0, 0]", A);
    check_raises_like_numpy([&] { a[{ellipsis, ellipsis}]; }, "a[..., ...]", A);
    check_raises_like_numpy([&] { a[{slice(none, none, 0)}]; }, "a[::0]", A);
  }

  TEST_CASE("casts the casting rule forbids") {
    ndarray a = test::sample({4}, dtype::float64);
    auto A = std::map<std::string, oracle::arg>{{"a", a.to(device::host())}};
    check_raises_like_numpy([&] { a.astype(dtype::int32, casting::safe); }, "a.astype(np.int32, casting='safe')", A,
                            {"float64", "int32", "safe"});
    check_raises_like_numpy([&] { a.astype(dtype::float32, casting::same_kind).astype(dtype::bool_, casting::same_kind); },
                            "a.astype(np.float32, casting='same_kind').astype(bool, casting='same_kind')", A);
  }

  TEST_CASE("ops numpy refuses for bool, empty reductions, bad reshape") {
    ndarray b = test::sample({4}, dtype::bool_);
    auto B = std::map<std::string, oracle::arg>{{"a", b.to(device::host())}};
    check_raises_like_numpy([&] { subtract(b, b); }, "np.subtract(a, a)", B, {"subtract"});
    check_raises_like_numpy([&] { negative(b); }, "np.negative(a)", B, {"negative"});
    ndarray e = zeros({0}, dtype::float32, order::C, test::dev());
    check_raises_like_numpy([&] { max(e); }, "np.max(a)", {{"a", e.to(device::host())}}, {"maximum", "identity"});
    check_raises_like_numpy([&] { b.reshape({3}); }, "a.reshape(3)", B, {"size 4", "(3,)"});
    check_raises_like_numpy([&] { arange(0, 5, 0); }, "np.arange(0, 5, 0)", {});
    check_raises_like_numpy([&] { arange(0, 3, 1, dtype::bool_).size(); }, "np.arange(0, 3, 1, bool)", {});
  }

  TEST_CASE("operands on different devices are refused, naming both") {
    if (test::dev().kind == device_kind::host) {
      CHECK(cunp::device::parse("cuda:3") == device::cuda(3));
      CHECK_THROWS_AS(device::parse("gpu"), value_error);
      if (cuda_device_count() == 0) CHECK_THROWS_AS(zeros({2}, dtype::float32, order::C, device::cuda(0)), value_error);
      return;
    }
    ndarray on_gpu = zeros({2}, dtype::float32, order::C, test::dev());
    ndarray on_host = zeros({2}, dtype::float32, order::C, device::host());
    try {
      add(on_gpu, on_host);
      FAIL("expected value_error");
    } catch (const value_error& e) {
      std::string msg = e.what();
      CHECK(msg.find("add") != std::string::npos);
      CHECK(msg.find("cuda:0") != std::string::npos);
      CHECK(msg.find("host") != std::string::npos);
    }
  }
}
