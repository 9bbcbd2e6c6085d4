// CuPy's time for the same work, measured in this process through the oracle's interpreter: CUDA
// events around the call, the median of 21 runs after 3 warm-ups (as bench::median_ms).
#pragma once
#include <string>

#include "cunp/oracle.hpp"

namespace cunp::bench {

// `setup`: Python statements run first (cp is cupy, xp too); `call`: a Python expression over
// what setup defines. The milliseconds as text, or "not run (why)" where CuPy cannot run.
inline std::string cupy_median_ms(const std::string& setup, const std::string& call) {
  std::string body = "import cupy as cp\nxp = cp\n" + setup + "\nf = eval('lambda: ' + call)\n" + R"(start, stop = cp.cuda.Event(), cp.cuda.Event()
ts = []
for rep in range(24):
    start.record()
    f()
    stop.record()
    stop.synchronize()
    if rep >= 3:
        ts.append(cp.cuda.get_elapsed_time(start, stop))
ts.sort()
result = '%.3f' % ts[10]
)";
  std::string indented = "    ";
  for (char c : body) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  return oracle::exec_text("call = '" + call + "'\ntry:\n" + indented + "\nexcept Exception as e:\n    result = 'not run (%s)' % type(e).__name__\n");
}

}  // namespace cunp::bench
