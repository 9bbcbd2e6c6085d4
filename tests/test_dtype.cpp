// Promotion and casting, checked against NumPy (the oracle) at test time.
#include "test_support.hpp"

using namespace cunp;

namespace {
oracle::arg np_dtype(dtype d) { return oracle::arg::of_dtype(d); }
}  // namespace

TEST_SUITE("dtype") {
  TEST_CASE("dtype facts match numpy") {
    for (dtype d : all_dtypes) {
      CAPTURE(name(d));
      CHECK(oracle::eval_text("np.dtype(d).name", {{"d", np_dtype(d)}}) == name(d));
      CHECK(oracle::eval_text("np.dtype(d).itemsize", {{"d", np_dtype(d)}}) == std::to_string(itemsize(d)));
      CHECK(oracle::eval_text("np.dtype(d).kind", {{"d", np_dtype(d)}}) == std::string(1, char(kind(d))));
      CHECK(dtype_from_name(oracle::eval_text("np.dtype(d).str", {{"d", np_dtype(d)}})) == d);
    }
    CHECK_THROWS_AS(dtype_from_name("float128"), type_error);
  }

  TEST_CASE("promote_types matches numpy for every pair") {
    for (dtype a : all_dtypes)
      for (dtype b : all_dtypes) {
        CAPTURE(name(a));
        CAPTURE(name(b));
        CHECK(name(promote_types(a, b)) ==
              oracle::eval_text("np.promote_types(a, b).name", {{"a", np_dtype(a)}, {"b", np_dtype(b)}}));
      }
  }

  TEST_CASE("can_cast matches numpy for every pair and rule") {
    for (casting rule : {casting::no, casting::equiv, casting::safe, casting::same_kind, casting::unsafe})
      for (dtype a : all_dtypes)
        for (dtype b : all_dtypes) {
          CAPTURE(name(rule));
          CAPTURE(name(a));
          CAPTURE(name(b));
          std::string want = oracle::eval_text("np.can_cast(a, b, casting='" + std::string(name(rule)) + "')",
                                               {{"a", np_dtype(a)}, {"b", np_dtype(b)}});
          CHECK((can_cast(a, b, rule) ? "True" : "False") == want);
        }
  }

  TEST_CASE("result_type of three dtypes matches numpy for every triple (promotion is not a left fold)") {
    for (dtype a : all_dtypes)
      for (dtype b : all_dtypes)
        for (dtype c : all_dtypes) {
          CAPTURE(name(a));
          CAPTURE(name(b));
          CAPTURE(name(c));
          CHECK(name(result_type({a, b, c})) == oracle::eval_text("np.result_type(a, b, c).name",
                                                                  {{"a", np_dtype(a)}, {"b", np_dtype(b)}, {"c", np_dtype(c)}}));
        }
  }

  TEST_CASE("weak scalars follow NEP 50, as numpy.result_type with Python scalars") {
    struct weak_case {
      weak_scalar s;
      const char* python;
    };
    const weak_case scalars[] = {{true, "True"}, {1, "1"}, {-3, "-3"}, {2.5, "2.5"}, {std::complex<double>(1, 2), "(1+2j)"}};
    for (dtype d : all_dtypes)
      for (const auto& w : scalars) {
        CAPTURE(name(d));
        CAPTURE(w.python);
        // out of the dtype's range too: result_type gives the dtype, the ufuncs raise (below)
        std::string want = oracle::eval_text(std::string("np.result_type(d, ") + w.python + ").name", {{"d", np_dtype(d)}});
        CHECK(name(result_type({d, w.s})) == want);
      }
    // scalars alone take their default dtypes
    CHECK(name(result_type({weak_scalar(1), weak_scalar(2.0)})) == oracle::eval_text("np.result_type(1, 2.0).name"));
    CHECK(name(result_type({weak_scalar(true), weak_scalar(1)})) == oracle::eval_text("np.result_type(True, 1).name"));
  }

  TEST_CASE("a weak integer out of the array dtype's range is an OverflowError, as in numpy") {
    auto a = zeros({3}, dtype::int8, order::C, test::dev());
    auto np_err = oracle::eval("np.zeros(3, np.int8) + 300");
    REQUIRE(np_err.raised());
    CHECK(np_err.error().is("OverflowError"));
    CHECK_THROWS_AS(add(a, 300), overflow_error);
    auto u = zeros({3}, dtype::uint8, order::C, test::dev());
    CHECK(oracle::eval("np.zeros(3, np.uint8) - (-1)").raised());
    CHECK_THROWS_AS(subtract(u, -1), overflow_error);
    // NumPy 2 compares Python ints of any size exactly instead of raising
    auto want = oracle::eval("np.zeros(3, np.uint8) < 300");
    REQUIRE_FALSE(want.raised());
    CHECK(test::same_values(less(u, 300), want.array()));
  }
}
