// Iteration plans: broadcasting to byte strides, reorder and coalesce, the 32-bit index flag.
// These are properties of cunp's own plan (not NumPy values), so expected plans are stated here.
#include "test_support.hpp"
#include "core/iteration.hpp"
#include "core/shape.hpp"

using namespace cunp;
using namespace cunp::detail;

namespace {
iteration plan_of(const ndarray& out, std::vector<ndarray> ins) {
  std::vector<iteration_operand> ops{{static_cast<char*>(out.data()), out.dtype(), out.strides()}};
  for (const auto& a : ins) ops.push_back({static_cast<char*>(a.data()), a.dtype(), broadcast_strides(a, out.shape(), "test")});
  return make_iteration(out.shape(), ops);
}
}  // namespace

TEST_SUITE("iteration") {
  TEST_CASE("dense operands coalesce to one dimension") {
    ndarray a = zeros({4, 5, 6}, dtype::float32, order::C, test::dev());
    iteration it = plan_of(a, {a});
    CHECK(it.ndim == 1);
    CHECK(it.shape[0] == 120);
    CHECK(it.contiguous());
    CHECK(it.index32);
  }

  TEST_CASE("F-ordered and transposed operands are reordered, then coalesce") {
    ndarray f = zeros({4, 5, 6}, dtype::float64, order::F, test::dev());
    iteration it = plan_of(f, {f});
    CHECK(it.ndim == 1);
    CHECK(it.contiguous());
    ndarray c = zeros({6, 5, 4}, dtype::float64, order::C, test::dev());
    ndarray out = empty_like(c.transpose());  // order K: laid out like c
    CHECK(plan_of(out, {c.transpose()}).ndim == 1);
  }

  TEST_CASE("strided slices keep the dims that cannot merge") {
    ndarray a = zeros({8, 10}, dtype::int16, order::C, test::dev());
    ndarray v = a[{slice(), slice(none, 6, 2)}];  // (8, 3): rows 20 bytes apart, 3 items 4 apart
    ndarray out = zeros({8, 3}, dtype::int16, order::C, test::dev());
    iteration it = plan_of(out, {v});
    CHECK(it.ndim == 2);
    CHECK(it.shape[0] == 3);  // innermost first
    CHECK(it.strides[1][0] == 4);
    CHECK(it.strides[1][1] == 20);
    CHECK_FALSE(it.contiguous());
  }

  TEST_CASE("a uniformly strided view coalesces to one strided dimension") {
    ndarray a = zeros({8, 10}, dtype::int16, order::C, test::dev());
    iteration it = plan_of(zeros({8, 5}, dtype::int16, order::C, test::dev()), {a[{slice(), slice(none, none, 2)}]});
    CHECK(it.ndim == 1);
    CHECK(it.strides[1][0] == 4);
    CHECK_FALSE(it.contiguous());
  }

  TEST_CASE("broadcast operands get zero strides") {
    ndarray row = zeros({1, 7}, dtype::float32, order::C, test::dev());
    ndarray col = zeros({5, 1}, dtype::float32, order::C, test::dev());
    ndarray out = zeros(broadcast_shapes({row.shape(), col.shape()}), dtype::float32, order::C, test::dev());
    CHECK(out.shape() == shape_t{5, 7});
    iteration it = plan_of(out, {row, col});
    CHECK(it.ndim == 2);
    CHECK(it.strides[1][1] == 0);  // row repeats down dim 0
    CHECK(it.strides[2][0] == 0);  // col repeats along dim 1
  }

  TEST_CASE("offsets past 2^31 bytes need 64-bit indexing") {
    // a view can describe a span larger than int32 without memory behind it: plans only count
    ndarray small = zeros({2}, dtype::float64, order::C, device::host());
    ndarray wide = small.view_as(dtype::float64, {3, 2}, {std::int64_t(1) << 30, 8}, 0);
    iteration it = plan_of(zeros({3, 2}, dtype::float64, order::C, device::host()), {wide});
    CHECK_FALSE(it.index32);
    iteration ok = plan_of(small, {small});
    CHECK(ok.index32);
  }

  TEST_CASE("reduction plans split kept and reduced dims") {
    ndarray a = zeros({4, 5, 6}, dtype::float32, order::C, test::dev());
    std::vector<char> out(4 * 6 * 4);
    reduction r = make_reduction(a, {1}, out.data(), dtype::float32);
    CHECK(r.num_out == 24);
    CHECK(r.num_red == 5);
    CHECK(r.red_ndim == 1);
    CHECK(r.in_red_strides[0] == 24);
    reduction all = make_reduction(a, {0, 1, 2}, out.data(), dtype::float32);
    CHECK(all.num_out == 1);
    CHECK(all.red_ndim == 1);
    CHECK(all.reduced_contiguous());
  }
}
