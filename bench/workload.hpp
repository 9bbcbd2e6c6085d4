// What the family benchmarks share: the same pseudo-random input built by cunp and by Python
// (frac(sin(i * 12.9898) * 43758.5453) computed in float64, then cast; int32 spread over its whole
// range), NumPy's time for a call (median of 3, in this process) and one table row per workload:
// cunp (bench::median_ms), CuPy (CUDA events, cupy_timing.hpp) and NumPy.
#pragma once
#include <cstdio>
#include <functional>
#include <string>

#include "cunp/cunp.hpp"
#include "cunp/oracle.hpp"
#include "cupy_timing.hpp"
#include "timer.hpp"

namespace cunp::bench {

inline ndarray pseudo_random(const device& d, std::int64_t n, dtype dt) {
  ndarray s = sin(arange(0, n, 1, dtype::float64, d) * 12.9898) * 43758.5453;
  ndarray f = s - floor(s);
  return dt == dtype::int32 ? ((f - 0.5) * 4.0e9).astype(dt) : f.astype(dt);
}

inline std::string python_shape(const shape_t& shape) {
  std::string s = "(";
  for (auto e : shape) s += std::to_string(e) + ",";
  return s + ")";
}

// The same values in Python (`xp` is np or cp), as the statements defining x of `shape`.
inline std::string python_input(std::int64_t n, dtype dt, const shape_t& shape) {
  std::string x = "s = xp.sin(xp.arange(" + std::to_string(n) + ", dtype=xp.float64) * 12.9898) * 43758.5453\nf = s - xp.floor(s)\n";
  if (dt == dtype::int32) x += "x = ((f - 0.5) * 4.0e9).astype(xp.int32)";
  else x += "x = f.astype(xp." + std::string(name(dt)) + ")";
  return x + ".reshape(" + python_shape(shape) + ")\n";
}

// NumPy's median of 3 for `call` (written with cp., run with np.) after `input`.
inline std::string numpy_ms(const std::string& input, const std::string& call) {
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

// One row: | label | cunp ms | CuPy ms | NumPy ms |, and cunp's milliseconds.
inline double run_row(const device& d, const workload& w) {
  ndarray x = pseudo_random(d, w.n, w.dt).reshape(w.shape);
  double t = median_ms(d, [&] { (void)w.cunp(x); });
  std::string input = python_input(w.n, w.dt, w.shape);
  std::string cp = d.kind == device_kind::cuda ? cupy_median_ms(input, w.call) : "-";
  std::printf("| %s | %.3f | %s | %s |\n", w.label, t, cp.c_str(), numpy_ms(input, w.call).c_str());
  std::fflush(stdout);
  return t;
}

}  // namespace cunp::bench
