// The element copy (with casting) behind astype/copy/assign, the gather through int64 positions,
// and the fill and arange generators.
#include "backend/cuda/copy_fill.hpp"
#include "backend/cuda/elementwise.cuh"
#include "ops/reductions.hpp"

namespace cunp::detail::cuda {

// the casting copy and where
void register_copy(elementwise_table& t) { register_family<ops::ufunc_family::copy>(t); }

template <class W>
__global__ void fill_kernel(W* out, W value, std::int64_t n) {
  std::int64_t stride = std::int64_t(gridDim.x) * blockDim.x;
  for (std::int64_t i = std::int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) out[i] = value;
}

void fill(void* dst, std::int64_t n, const void* pattern, std::size_t itemsize, const launch_context& ctx) {
  auto launch = [&](auto word) {
    using W = decltype(word);
    W value;
    std::memcpy(&value, pattern, sizeof(W));
    fill_kernel<W><<<grid_for(n), block_threads, 0, ctx.stream>>>(static_cast<W*>(dst), value, n);
  };
  switch (itemsize) {
    case 1: launch(std::uint8_t{}); break;
    case 2: launch(std::uint16_t{}); break;
    case 4: launch(std::uint32_t{}); break;
    case 8: launch(std::uint64_t{}); break;
    case 16: launch(ops::complex<double>{}); break;
    default: throw value_error("fill: no " + std::to_string(itemsize) + "-byte element type");
  }
  check_launch(ctx.stream, "fill");
}

template <class W>
__global__ void gather_kernel(W* out, const W* src, std::int64_t src_n, const std::int64_t* index, std::int64_t n,
                              int* error_word) {
  std::int64_t stride = std::int64_t(gridDim.x) * blockDim.x;
  for (std::int64_t i = std::int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    std::int64_t k = index[i];
    if (k < 0 || k >= src_n) report_error(error_word, ops::kernel_error::index_out_of_bounds);
    else out[i] = src[k];
  }
}

void gather(const gather_request& r, const launch_context& ctx) {
  if (r.n == 0) return;
  auto launch = [&](auto word) {
    using W = decltype(word);
    gather_kernel<W><<<grid_for(r.n), block_threads, 0, ctx.stream>>>(static_cast<W*>(r.out), static_cast<const W*>(r.src),
                                                                      r.src_n, r.index, r.n, ctx.error_word);
  };
  switch (r.itemsize) {
    case 1: launch(std::uint8_t{}); break;
    case 2: launch(std::uint16_t{}); break;
    case 4: launch(std::uint32_t{}); break;
    case 8: launch(std::uint64_t{}); break;
    case 16: launch(ops::complex<double>{}); break;
    default: throw value_error("gather: no " + std::to_string(r.itemsize) + "-byte element type");
  }
  check_launch(ctx.stream, "gather");
}

template <class T>
__global__ void arange_kernel(T* out, T start, T delta, std::int64_t n) {
  std::int64_t stride = std::int64_t(gridDim.x) * blockDim.x;
  for (std::int64_t i = std::int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
    out[i] = ops::arange_value<T>(start, delta, i);
}

void arange(void* out, dtype dt, std::int64_t n, const void* start, const void* delta, const launch_context& ctx) {
  ops::visit(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T s = ops::load<T>(static_cast<const char*>(start)), d = ops::load<T>(static_cast<const char*>(delta));
    arange_kernel<T><<<grid_for(n), block_threads, 0, ctx.stream>>>(static_cast<T*>(out), s, d, n);
  });
  check_launch(ctx.stream, "arange");
}

}  // namespace cunp::detail::cuda
