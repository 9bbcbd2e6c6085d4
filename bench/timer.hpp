// Timing for benchmarks: CUDA events around GPU work (on the device's current stream), a steady
// clock on the host; warm-up first, then the median of many runs.
#pragma once
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

#include "cunp/device.hpp"
#if CUNP_WITH_CUDA
#include <cuda_runtime.h>
#endif

namespace cunp::bench {

// Median milliseconds of `runs` timed calls of `work`, after `warmup` untimed ones.
inline double median_ms(const device& d, const std::function<void()>& work, int warmup = 3, int runs = 21) {
  for (int i = 0; i < warmup; ++i) work();
  synchronize(d);
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
#if CUNP_WITH_CUDA
    if (d.kind == device_kind::cuda) {
      auto s = static_cast<cudaStream_t>(current_stream(d).handle());
      cudaEvent_t start, stop;
      cudaEventCreate(&start);
      cudaEventCreate(&stop);
      cudaEventRecord(start, s);
      work();
      cudaEventRecord(stop, s);
      cudaEventSynchronize(stop);
      float t = 0;
      cudaEventElapsedTime(&t, start, stop);
      cudaEventDestroy(start);
      cudaEventDestroy(stop);
      ms.push_back(t);
      continue;
    }
#endif
    auto t0 = std::chrono::steady_clock::now();
    work();
    synchronize(d);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace cunp::bench
