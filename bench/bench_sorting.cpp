// Sorting benchmarks (not tests): sort and argsort of n = 1e7 (or argv[1]) float32 and int32,
// stable and not, many short runs, the order statistics, partition, lexsort, flatnonzero, unique,
// bincount and histogram over sorts, scans and searches, and searchsorted of n keys into n / 10 sorted values, against
// CuPy (CUDA events, in this same process) and NumPy (host, median of 3). The inputs are the same
// pseudo-random values on every side: frac(sin(i * 12.9898) * 43758.5453) computed in float64,
// then cast.
#include <cstdio>
#include <string>

#include "cunp/counting.hpp"
#include "cunp/order_statistics.hpp"
#include "cunp/sets.hpp"
#include "workload.hpp"

using namespace cunp;
using bench::workload;

int main(int argc, char** argv) {
  device d = default_device();
  std::printf("cunp sorting benchmarks on %s (%s)\n", d.str().c_str(), device_name(d).c_str());
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 10000000;
  const workload ws[] = {
      {"sort, float32", n, dtype::float32, {n}, [](const ndarray& x) { return sort(x); }, "cp.sort(x)"},
      {"sort stable, float32", n, dtype::float32, {n}, [](const ndarray& x) { return sort(x, {.kind = "stable"}); },
       "cp.sort(x, kind=\"stable\")"},
      {"argsort, float32", n, dtype::float32, {n}, [](const ndarray& x) { return argsort(x); }, "cp.argsort(x)"},
      {"argsort stable, float32", n, dtype::float32, {n}, [](const ndarray& x) { return argsort(x, {.kind = "stable"}); },
       "cp.argsort(x, kind=\"stable\")"},
      {"sort, int32", n, dtype::int32, {n}, [](const ndarray& x) { return sort(x); }, "cp.sort(x)"},
      {"sort, float64", n, dtype::float64, {n}, [](const ndarray& x) { return sort(x); }, "cp.sort(x)"},
      {"sort axis=-1, (n / 1000, 1000) float32", n, dtype::float32, {n / 1000, 1000}, [](const ndarray& x) { return sort(x); },
       "cp.sort(x, axis=-1)"},
      {"sort axis=0, (n / 1000, 1000) float32", n, dtype::float32, {n / 1000, 1000},
       [](const ndarray& x) { return sort(x, {.axis = 0}); }, "cp.sort(x, axis=0)"},
      {"argsort axis=-1, (n / 100, 100) float32", n, dtype::float32, {n / 100, 100}, [](const ndarray& x) { return argsort(x); },
       "cp.argsort(x, axis=-1)"},
      {"median, float32", n, dtype::float32, {n}, [](const ndarray& x) { return median(x); }, "cp.median(x)"},
      {"median axis=-1, (n / 1000, 1000) float32", n, dtype::float32, {n / 1000, 1000},
       [](const ndarray& x) { return median(x, -1); }, "cp.median(x, axis=-1)"},
      {"quantile of 3 q, float32", n, dtype::float32, {n},
       [](const ndarray& x) { return quantile(x, asarray({0.25, 0.5, 0.75}, std::nullopt, x.device())); },
       "cp.quantile(x, cp.asarray([0.25, 0.5, 0.75]))"},
      {"partition kth = n / 2, float32", n, dtype::float32, {n}, [n](const ndarray& x) { return partition(x, n / 2); },
       "cp.partition(x, x.size // 2)"},
      {"lexsort of 2 keys, float32", n, dtype::float32, {n}, [](const ndarray& x) { return lexsort({x, x}); },
       "cp.lexsort(cp.stack([x, x]))"},
      {"flatnonzero of x > 0.5, float32", n, dtype::float32, {n}, [](const ndarray& x) { return flatnonzero(greater(x, 0.5)); },
       "cp.flatnonzero(x > 0.5)"},
      {"unique, int32", n, dtype::int32, {n}, [](const ndarray& x) { return unique(x).values; }, "cp.unique(x)"},
      {"unique with counts, int32", n, dtype::int32, {n},
       [](const ndarray& x) { return unique(x, {.return_counts = true}).counts; }, "cp.unique(x, return_counts=True)"},
      {"bincount of (x * 1000) as int32, float32 x", n, dtype::float32, {n},
       [](const ndarray& x) { return bincount(multiply(x, 1000).astype(dtype::int32)); }, "cp.bincount((x * 1000).astype(cp.int32))"},
      {"histogram, 100 bins, float32", n, dtype::float32, {n}, [](const ndarray& x) { return histogram(x, 100).hist; },
       "cp.histogram(x, bins=100)"},
  };
  std::printf("n = %.0e; median of 21 after 3 warm-ups (NumPy: median of 3)\n", double(n));
  std::printf("| workload | cunp ms | CuPy ms | NumPy ms |\n| --- | --- | --- | --- |\n");
  for (const workload& w : ws) (void)bench::run_row(d, w);
  // searchsorted: n keys into the sorted first n / 10 of them
  ndarray keys = bench::pseudo_random(d, n, dtype::float32);
  ndarray run = sort(keys[{slice(0, n / 10)}]);
  double t = bench::median_ms(d, [&] { (void)searchsorted(run, keys); });
  std::string input = bench::python_input(n, dtype::float32, {n}) + "a = xp.sort(x[:" + std::to_string(n / 10) + "])\n";
  std::string cp = d.kind == device_kind::cuda ? bench::cupy_median_ms(input, "cp.searchsorted(a, x)") : "-";
  std::printf("| searchsorted, n float32 keys into n / 10 sorted | %.3f | %s | %s |\n", t, cp.c_str(),
              bench::numpy_ms(input, "cp.searchsorted(a, x)").c_str());
  return 0;
}
