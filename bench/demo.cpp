// The main job until the conformance suite lands: finds the best device, runs a few ops, checks
// them against NumPy, and prints timings.
#include <cstdio>

#include "cunp/cunp.hpp"
#include "cunp/oracle.hpp"
#include "timer.hpp"

using namespace cunp;

int main() {
  device d = default_device();
  std::printf("cunp demo\n  device: %s (%s)\n", d.str().c_str(), device_name(d).c_str());
  if (d.kind == device_kind::host) std::printf("  (no GPU: %s)\n", cuda_unavailable_reason().c_str());
  std::printf("  NumPy oracle: %s\n", oracle::info().numpy_version.c_str());

  ndarray x = arange(0, 1 << 20, 1, dtype::float32, d).reshape({1024, 1024});
  ndarray y = sqrt(x) * 2.0f + sin(x.transpose());
  ndarray s = sum(y, 0);
  ndarray want = oracle::eval("(np.sqrt(x) * 2.0 + np.sin(x.T)).sum(axis=0)", {{"x", x.to(device::host())}}).array();
  auto got_v = s.to_host<float>();
  auto want_v = want.to_host<float>();
  double worst = 0;
  for (std::size_t i = 0; i < got_v.size(); ++i)
    worst = std::max(worst, std::abs(double(got_v[i]) - want_v[i]) / std::max(1.0, std::abs(double(want_v[i]))));
  std::printf("  sqrt(x)*2 + sin(x.T), summed over axis 0 (1024x1024 float32): max rel. diff from NumPy %.2e\n", worst);

  double t_add = bench::median_ms(d, [&] { (void)add(x, x); });
  double t_sum = bench::median_ms(d, [&] { (void)sum(x); });
  std::printf("  add 1M float32: %.3f ms    sum 1M float32: %.3f ms (median of 21)\n", t_add, t_sum);
  pool_stats ps = memory_stats(d);
  std::printf("  pool: %zu bytes in use, %zu cached, %zu held\n", ps.used_bytes, ps.free_bytes, ps.total_bytes);
  return worst < 1e-4 ? 0 : 1;
}
