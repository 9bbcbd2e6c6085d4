// Every CUDA call checked: a failure throws cuda_error naming the call and CUDA's error string.
#pragma once
#include <cuda_runtime.h>

#include <string>

#include "cunp/errors.hpp"

namespace cunp::detail::cuda {

[[noreturn]] inline void throw_cuda(cudaError_t e, const char* what, const char* file, int line) {
  throw cuda_error(std::string(what) + " failed: " + cudaGetErrorString(e) + " (" + cudaGetErrorName(e) + ") at " +
                   file + ":" + std::to_string(line));
}
#define CUNP_CUDA_CHECK(call)                                                         \
  do {                                                                                \
    cudaError_t cunp_e_ = (call);                                                     \
    if (cunp_e_ != cudaSuccess) ::cunp::detail::cuda::throw_cuda(cunp_e_, #call, __FILE__, __LINE__); \
  } while (0)

// After a launch: the launch error, and with CUNP_SYNC=1 the kernel's own result.
void check_launch(cudaStream_t s, const char* kernel);

}  // namespace cunp::detail::cuda

namespace cunp::detail {
class caching_pool;
}
namespace cunp::detail::cuda {
// What launchers need of the device.
struct launch_context {
  cudaStream_t stream;
  int sm_count;
  caching_pool* pool;  // for temporaries, stream-ordered on `stream`
  int* error_word;     // device view of the backend's kernel-error word (0: none)
};

}  // namespace cunp::detail::cuda
