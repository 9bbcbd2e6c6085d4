// Ufunc benchmarks (not tests): the seed's sin(x) + cos(x) + sqrt(abs(x)) over float64, unfused,
// against NumPy and CuPy timed in this same process; and every unary ufunc in float32 and
// float64, as effective GB/s (bytes read + written) and a percentage of a device copy measured
// in the same run; and the ufunc methods against CuPy's.
#include <cstdio>
#include <functional>
#include <string>

#include "cunp/cunp.hpp"
#include "cunp/oracle.hpp"
#include "cupy_timing.hpp"
#include "timer.hpp"

using namespace cunp;

namespace {

void seed_workload(const device& d, std::int64_t n) {
  ndarray x = arange(0, n, 1, dtype::float64, d) * (1.0 / double(n)) - 0.5;
  double t = bench::median_ms(d, [&] { (void)(sin(x) + cos(x) + sqrt(abs(x))); });
  std::printf("sin(x) + cos(x) + sqrt(abs(x)), %.0e float64, unfused (median of 21 after 3 warm-ups):\n", double(n));
  std::printf("  cunp (%s): %.3f ms\n", d.str().c_str(), t);
  const std::string setup = "n = " + std::to_string(n) + "\n";
  std::string np_ms = oracle::exec_text(setup + R"(
import time
x = np.arange(n, dtype=np.float64) * (1.0 / n) - 0.5
ts = []
for rep in range(3):
    t = time.perf_counter()
    np.sin(x) + np.cos(x) + np.sqrt(np.abs(x))
    ts.append((time.perf_counter() - t) * 1e3)
ts.sort()
result = '%.1f ms (median of 3)' % ts[1]
)");
  std::printf("  NumPy %s: %s\n", oracle::info().numpy_version.c_str(), np_ms.c_str());
  std::string cp_ms = oracle::exec_text(setup + R"(
try:
    import cupy as cp
    x = cp.arange(n, dtype=cp.float64) * (1.0 / n) - 0.5
    start, stop = cp.cuda.Event(), cp.cuda.Event()
    ts = []
    for rep in range(24):
        start.record()
        cp.sin(x) + cp.cos(x) + cp.sqrt(cp.abs(x))
        stop.record()
        stop.synchronize()
        if rep >= 3:
            ts.append(cp.cuda.get_elapsed_time(start, stop))
    ts.sort()
    result = '%.3f ms (CuPy %s, median of 21 after 3 warm-ups)' % (ts[10], cp.__version__)
except Exception as e:
    result = 'not run (%s: %s)' % (type(e).__name__, e)
)");
  std::printf("  CuPy: %s\n", cp_ms.c_str());
}

using unary_fn = ndarray (*)(const operand&, const ufunc_options&);
struct named_unary {
  const char* name;
  unary_fn fn;
};
// the op list's one-input, one-output ufuncs
#define CUNP_BENCH_UNARY(op, nin, nout, family) CUNP_BENCH_UNARY_##nin##_##nout(op)
#define CUNP_BENCH_UNARY_1_1(op) {#op, &op},
#define CUNP_BENCH_UNARY_1_2(op)
#define CUNP_BENCH_UNARY_2_1(op)
#define CUNP_BENCH_UNARY_2_2(op)
#define CUNP_BENCH_UNARY_3_1(op)
const named_unary unaries[] = {CUNP_UFUNC_LIST(CUNP_BENCH_UNARY)};

void unary_bandwidth(const device& d, dtype dt, std::int64_t n) {
  double isz = double(itemsize(dt));
  // values in (0.5, 1.5): every op's domain (log, arccos...), no denormals or overflow
  ndarray x = (arange(0, n, 1, dtype::float64, d) * (1.0 / double(n)) + 0.5).astype(dt);
  ndarray dst = empty({n}, dt, order::C, d);
  double t_copy = bench::median_ms(d, [&] { dst.assign(x); });
  double copy_gbs = 2 * n * isz / t_copy / 1e6;
  std::printf("\n%s, %.0e elements: copy %.3f ms, %.0f GB/s\n", std::string(name(dt)).c_str(), double(n), t_copy, copy_gbs);
  std::printf("| op | ms | GB/s | %% of copy |\n| --- | --- | --- | --- |\n");
  for (const named_unary& u : unaries) {
    ndarray probe;
    try {
      probe = u.fn(x[{slice(0, 1)}], {});
    } catch (const type_error&) {
      continue;  // no loop for this dtype
    }
    double out_isz = double(itemsize(probe.dtype()));
    double t = bench::median_ms(d, [&] { (void)u.fn(x, {}); });
    double gbs = n * (isz + out_isz) / t / 1e6;
    std::printf("| %s | %.3f | %.0f | %.0f%% |\n", u.name, t, gbs, 100 * gbs / copy_gbs);
  }
}

// The ufunc methods on a 4096 x 4096 float32 array (a 4096-vector for outer) against CuPy's, in
// this same process: the reductions and scans that take dedicated kernels (add, maximum), a
// scan in NumPy's order (subtract.accumulate: one launch per row of the axis), reduceat and outer.
void method_workloads(const device& d) {
  const std::int64_t n = 4096;
  ndarray x = (arange(0, n * n, 1, dtype::float64, d) * (1.0 / double(n * n)) + 0.5).astype(dtype::float32).reshape({n, n});
  ndarray v = x[{0}];
  ndarray at = arange(0, n, 64, dtype::int64, d);
  struct workload {
    const char* label;
    std::function<void()> cunp;
    const char* cupy;  // the same call in CuPy, over x, v and at
  };
  namespace u = cunp::ufuncs;
  const workload ws[] = {
      {"add.reduce(x, axis=1)", [&] { (void)u::add.reduce(x, {.axis = 1}); }, "cp.add.reduce(x, axis=1)"},
      {"add.reduce(x, axis=0)", [&] { (void)u::add.reduce(x, {.axis = 0}); }, "cp.add.reduce(x, axis=0)"},
      {"maximum.reduce(x, axis=None)", [&] { (void)u::maximum.reduce(x, {.axis = std::nullopt}); }, "cp.maximum.reduce(x, axis=None)"},
      {"add.accumulate(x, axis=1)", [&] { (void)u::add.accumulate(x, {.axis = 1}); }, "cp.add.accumulate(x, axis=1)"},
      {"maximum.accumulate(x, axis=0)", [&] { (void)u::maximum.accumulate(x, {.axis = 0}); }, "cp.maximum.accumulate(x, axis=0)"},
      {"subtract.accumulate(x, axis=0)", [&] { (void)u::subtract.accumulate(x, {.axis = 0}); }, "cp.subtract.accumulate(x, axis=0)"},
      {"add.reduceat(x, at, axis=1)", [&] { (void)u::add.reduceat(x, at, {.axis = 1}); }, "cp.add.reduceat(x, at, axis=1)"},
      {"multiply.outer(v, v)", [&] { (void)u::multiply.outer(v, v); }, "cp.multiply.outer(v, v)"},
  };
  std::printf("\nufunc methods, float32 x of 4096 x 4096 (v: 4096, at: every 64th index), median of 21 after 3 warm-ups:\n");
  std::printf("| call | cunp ms | CuPy ms |\n| --- | --- | --- |\n");
  for (const workload& w : ws) {
    double t = bench::median_ms(d, w.cunp);
    std::string cp_ms = bench::cupy_median_ms("n = " + std::to_string(n) + R"(
x = ((cp.arange(n * n, dtype=cp.float64) * (1.0 / (n * n)) + 0.5).astype(cp.float32)).reshape(n, n)
v = x[0]
at = cp.arange(0, n, 64))", w.cupy);
    std::printf("| %s | %.3f | %s |\n", w.label, t, cp_ms.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  device d = default_device();
  std::int64_t n = d.kind == device_kind::cuda ? 100000000 : 10000000;
  if (argc > 1) n = std::stoll(argv[1]);
  std::printf("cunp ufunc benchmarks on %s (%s)\n", d.str().c_str(), device_name(d).c_str());
  seed_workload(d, n);
  if (d.kind == device_kind::cuda) method_workloads(d);
  unary_bandwidth(d, dtype::float32, n);
  unary_bandwidth(d, dtype::float64, n);
  return 0;
}
