// Reduction and scan benchmarks (not tests): sum over either axis of a (10000, 1000) float32 batch,
// as bandwidth beside a copy of the same array measured in this run, cumsum of 1e8 float32, mean
// and var of 1e8 float64, against CuPy (CUDA events, this process) and NumPy (median of 3). argv[1] scales
// every size (1.0 by default; the host backend runs a tenth).
#include <cstdio>
#include <string>

#include "workload.hpp"

using namespace cunp;
using bench::workload;

int main(int argc, char** argv) {
  device d = default_device();
  std::printf("cunp reduction benchmarks on %s (%s)\n", d.str().c_str(), device_name(d).c_str());
  double scale = argc > 1 ? std::stod(argv[1]) : d.kind == device_kind::cuda ? 1.0 : 0.1;
  auto sized = [&](double n) { return std::int64_t(n * scale); };
  const std::int64_t rows = sized(10000), big = sized(1e8);
  const workload batch[] = {
      {"sum axis=1, (10000, 1000) float32", rows * 1000, dtype::float32, {rows, 1000},
       [](const ndarray& x) { return sum(x, 1); }, "cp.sum(x, axis=1)"},
      {"sum axis=0, (10000, 1000) float32", rows * 1000, dtype::float32, {rows, 1000},
       [](const ndarray& x) { return sum(x, 0); }, "cp.sum(x, axis=0)"},
  };
  const workload flat[] = {
      {"cumsum, 1e8 float32", big, dtype::float32, {big}, [](const ndarray& x) { return cumsum(x); }, "cp.cumsum(x)"},
      {"mean, 1e8 float64", big, dtype::float64, {big}, [](const ndarray& x) { return mean(x, std::nullopt); }, "cp.mean(x)"},
      {"var, 1e8 float64", big, dtype::float64, {big}, [](const ndarray& x) { return var(x); }, "cp.var(x)"},
  };
  std::printf("scale %.2f; median of 21 after 3 warm-ups (NumPy: median of 3)\n", scale);
  std::printf("| workload | cunp ms | CuPy ms | NumPy ms |\n| --- | --- | --- | --- |\n");
  ndarray x = bench::pseudo_random(d, rows * 1000, dtype::float32).reshape({rows, 1000});
  ndarray dst = empty_like(x);
  double t_copy = bench::median_ms(d, [&] { dst.assign(x); });
  double bytes = double(x.nbytes());
  double t_sum[2];
  for (int i = 0; i < 2; ++i) t_sum[i] = bench::run_row(d, batch[i]);
  for (const workload& w : flat) (void)bench::run_row(d, w);
  double copy_gbs = 2 * bytes / t_copy / 1e6;
  std::printf("copy of the (10000, 1000) float32 batch: %.3f ms, %.0f GB/s (read + write)\n", t_copy, copy_gbs);
  for (int i = 0; i < 2; ++i)
    std::printf("sum axis=%d reads %.0f GB/s: %.0f%% of the copy's\n", 1 - i, bytes / t_sum[i] / 1e6,
                100 * bytes / t_sum[i] / 1e6 / copy_gbs);
  return 0;
}
