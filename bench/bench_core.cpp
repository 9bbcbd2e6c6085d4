// Core benchmarks (not tests): bandwidth of a*b+c and sum beside a device-to-device copy measured
// in the same run, and the launch-bound loop x = x*2.5 + 1.0, against NumPy (and CuPy where
// importable) timed in this same process through the embedded interpreter.
#include <cstdio>
#include <string>

#include "cunp/cunp.hpp"
#include "cunp/oracle.hpp"
#include "timer.hpp"

using namespace cunp;

namespace {

void bandwidth(const device& d, dtype dt, std::int64_t n) {
  double isz = double(itemsize(dt));
  ndarray a = arange(0, n, 1, dt, d), b = ones({n}, dt, order::C, d), c = full({n}, 0.5, dt, order::C, d);
  ndarray dst = empty({n}, dt, order::C, d);
  double t_copy = bench::median_ms(d, [&] { dst.assign(a); });
  double copy_gbs = 2 * n * isz / t_copy / 1e6;  // read + write
  double t_fma = bench::median_ms(d, [&] { (void)(a * b + c); });
  // two kernels: a*b reads 2, writes 1; +c reads 2, writes 1
  double fma_gbs = 6 * n * isz / t_fma / 1e6;
  double t_sum = bench::median_ms(d, [&] { (void)sum(a); });
  double sum_gbs = n * isz / t_sum / 1e6;
  std::printf("| %-7s | %.0e | copy %7.3f ms %6.0f GB/s | a*b+c %7.3f ms %6.0f GB/s (%3.0f%%) | sum %7.3f ms %6.0f GB/s (%3.0f%%) |\n",
              std::string(name(dt)).c_str(), double(n), t_copy, copy_gbs, t_fma, fma_gbs, 100 * fma_gbs / copy_gbs,
              t_sum, sum_gbs, 100 * sum_gbs / copy_gbs);
}

void launch_bound(const device& d) {
  const int iters = 10000;
  ndarray x0 = full({100, 100}, 1.0, dtype::float64, order::C, d);
  double t_cunp = bench::median_ms(d, [&] {
    ndarray x = x0;
    for (int i = 0; i < iters; ++i) x = x * 2.5 + 1.0;
  }, 1, 5);
  std::printf("launch-bound x = x*2.5 + 1.0, 100x100 float64, %d iterations (median of 5):\n", iters);
  std::printf("  cunp (%s): %.1f ms\n", d.str().c_str(), t_cunp);
  std::string np_ms = oracle::exec_text(R"(
import time
x0 = np.ones((100, 100))
ts = []
for rep in range(5):
    x = x0
    t = time.perf_counter()
    for i in range(10000):
        x = x * 2.5 + 1.0
    ts.append((time.perf_counter() - t) * 1e3)
ts.sort()
result = '%.1f' % ts[2]
)");
  std::printf("  NumPy %s: %s ms\n", oracle::info().numpy_version.c_str(), np_ms.c_str());
  std::string cp_ms = oracle::exec_text(R"(
try:
    import cupy as cp, time
    x0 = cp.ones((100, 100))
    ts = []
    for rep in range(5):
        x = x0
        cp.cuda.Device().synchronize()
        t = time.perf_counter()
        for i in range(10000):
            x = x * 2.5 + 1.0
        cp.cuda.Device().synchronize()
        ts.append((time.perf_counter() - t) * 1e3)
    ts.sort()
    result = '%.1f ms (CuPy %s)' % (ts[2], cp.__version__)
except Exception as e:
    result = 'not run (%s: %s)' % (type(e).__name__, e)
)");
  std::printf("  CuPy: %s\n", cp_ms.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  device d = default_device();
  std::int64_t n = d.kind == device_kind::cuda ? 100000000 : 10000000;
  if (argc > 1) n = std::stoll(argv[1]);
  std::printf("cunp core benchmarks on %s (%s)\n", d.str().c_str(), device_name(d).c_str());
  std::printf("bandwidth: GB/s counts bytes read + written; %% is of the copy's GB/s (median of 21 after 3 warm-ups)\n");
  bandwidth(d, dtype::float32, n);
  bandwidth(d, dtype::float64, n);
  launch_bound(d);
  return 0;
}
