// Sorting benchmarks (not tests): sort and argsort of n = 1e7 (or argv[1]) float32 and int32,
// stable and not, many short runs, and searchsorted of n keys into n / 10 sorted values, against
// CuPy (CUDA events, in this same process) and NumPy (host, median of 3). The inputs are the same
// pseudo-random values on every side: frac(sin(i * 12.9898) * 43758.5453) computed in float64,
// then cast.
#include <cstdio>
#include <functional>
#include <string>

#include "cunp/cunp.hpp"
#include "cunp/oracle.hpp"
#include "cupy_timing.hpp"
#include "timer.hpp"

using namespace cunp;

namespace {

ndarray pseudo_random(const device& d, std::int64_t n, dtype dt) {
  ndarray s = sin(arange(0, n, 1, dtype::float64, d) * 12.9898) * 43758.5453;
  ndarray f = s - floor(s);
  // int32: spread over the whole range, so the radix sort sees every bit vary
  return dt == dtype::int32 ? ((f - 0.5) * 4.0e9).astype(dt) : f.astype(dt);
}

// The same values in Python (`xp` is np or cp), as the statements defining x.
std::string python_input(std::int64_t n, dtype dt, const std::string& shape) {
  std::string x = "s = xp.sin(xp.arange(" + std::to_string(n) + ", dtype=xp.float64) * 12.9898) * 43758.5453\nf = s - xp.floor(s)\n";
  if (dt == dtype::int32) x += "x = ((f - 0.5) * 4.0e9).astype(xp.int32)";
  else x += "x = f.astype(xp." + std::string(name(dt)) + ")";
  return x + ".reshape(" + shape + ")\n";
}

std::string numpy_ms(const std::string& input, const std::string& call) {
  return oracle::exec_text("import time\nxp = np\n" + input + "call = '" + call + "'\n" + R"(
f = eval('lambda: ' + call.replace('cp.', 'np.'))
ts = []
for rep in range(3):
    t = time.perf_counter()
    f()
    ts.append((time.perf_counter() - t) * 1e3)
ts.sort()
result = '%.1f' % ts[1]
)");
}

struct workload {
  const char* label;
  std::int64_t n;
  dtype dt;
  shape_t shape;
  std::function<ndarray(const ndarray&)> cunp;
  const char* call;  // the same call in CuPy (and NumPy, np for cp) over x
};

}  // namespace

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
  };
  std::printf("n = %.0e; median of 21 after 3 warm-ups (NumPy: median of 3)\n", double(n));
  std::printf("| workload | cunp ms | CuPy ms | NumPy ms |\n| --- | --- | --- | --- |\n");
  for (const workload& w : ws) {
    ndarray x = pseudo_random(d, w.n, w.dt).reshape(w.shape);
    double t = bench::median_ms(d, [&] { (void)w.cunp(x); });
    std::string shape = "(";
    for (auto e : w.shape) shape += std::to_string(e) + ",";
    shape += ")";
    std::string input = python_input(w.n, w.dt, shape);
    std::string cp = d.kind == device_kind::cuda ? bench::cupy_median_ms(input, w.call) : "-";
    std::printf("| %s | %.3f | %s | %s |\n", w.label, t, cp.c_str(), numpy_ms(input, w.call).c_str());
    std::fflush(stdout);
  }
  // searchsorted: n keys into the sorted first n / 10 of them
  ndarray keys = pseudo_random(d, n, dtype::float32);
  ndarray run = sort(keys[{slice(0, n / 10)}]);
  double t = bench::median_ms(d, [&] { (void)searchsorted(run, keys); });
  std::string input = python_input(n, dtype::float32, "(" + std::to_string(n) + ",)") + "a = xp.sort(x[:" + std::to_string(n / 10) + "])\n";
  std::string cp = d.kind == device_kind::cuda ? bench::cupy_median_ms(input, "cp.searchsorted(a, x)") : "-";
  std::printf("| searchsorted, n float32 keys into n / 10 sorted | %.3f | %s | %s |\n", t, cp.c_str(),
              numpy_ms(input, "cp.searchsorted(a, x)").c_str());
  return 0;
}
