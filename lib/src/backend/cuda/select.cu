// The positions of true flags (flatnonzero and all built on it: nonzero, argwhere, extract,
// unique's run starts) by CUB's flagged select over a counting sequence: one pass, where a
// scan and a search took three.
#include <cub/device/device_select.cuh>
#include <thrust/iterator/counting_iterator.h>

#include <algorithm>

#include "backend/cuda/select.hpp"
#include "core/caching_pool.hpp"

namespace cunp::detail::cuda {

std::int64_t select_true(const bool* flags, std::int64_t n, std::int64_t* out, const launch_context& ctx) {
  thrust::counting_iterator<std::int64_t> positions(0);
  auto* count = static_cast<std::int64_t*>(ctx.pool->allocate(sizeof(std::int64_t), ctx.stream));
  std::size_t bytes = 0;
  CUNP_CUDA_CHECK(cub::DeviceSelect::Flagged(nullptr, bytes, positions, flags, out, count, n, ctx.stream));
  void* tmp = ctx.pool->allocate(std::max<std::size_t>(bytes, 1), ctx.stream);
  cudaError_t launched = cub::DeviceSelect::Flagged(tmp, bytes, positions, flags, out, count, n, ctx.stream);
  std::int64_t selected = 0;
  cudaError_t copied = launched == cudaSuccess ? cudaMemcpyAsync(&selected, count, sizeof(selected), cudaMemcpyDeviceToHost, ctx.stream)
                                              : launched;
  cudaError_t synced = copied == cudaSuccess ? cudaStreamSynchronize(ctx.stream) : copied;
  ctx.pool->deallocate(tmp);
  ctx.pool->deallocate(count);
  CUNP_CUDA_CHECK(synced);
  return selected;
}

}  // namespace cunp::detail::cuda
