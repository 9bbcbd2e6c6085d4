// A kernel with a planted out-of-bounds write (one thread past the end of its buffer), in a
// test-only target: memcheck must report it, which proves a sanitizer run is armed. Run alone it
// completes quietly (the write lands inside the allocation's page), as real bugs of this kind do.
// Exits 77 where no GPU is visible.
#include <cuda_runtime.h>

#include <cstdio>

namespace {

__global__ void write_one_past_the_end(float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i <= n) out[i] = float(i);  // the planted bug: <= where < was meant
}

}  // namespace

int main() {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess || count == 0) {
    std::printf("SKIPPED: no CUDA device visible\n");
    return 77;
  }
  constexpr int n = 256;
  float* buf = nullptr;
  if (cudaMalloc(&buf, n * sizeof(float)) != cudaSuccess) {
    std::printf("cudaMalloc failed\n");
    return 1;
  }
  write_one_past_the_end<<<1, n + 32>>>(buf, n);
  cudaError_t e = cudaDeviceSynchronize();
  std::printf("planted out-of-bounds kernel ran: %s\n", cudaGetErrorString(e));
  cudaFree(buf);
  return 0;
}
