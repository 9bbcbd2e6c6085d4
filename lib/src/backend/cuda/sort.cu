// Sorting by CUB's radix sort; every path is stable, which serves every kind.
//   Values of one run (real dtypes) sort as CUB's own keys, whose bit twiddling already holds
//     -0.0 equal to +0.0, once NaNs have lost their sign bit (CUB puts negative NaNs first, NumPy
//     every NaN last) and bools are 0 or 1.
//   Everything else sorts int32 positions by the shared keys (ops/sort_order.hpp, 1 to 8 bytes
//     wide) and gathers the result through them. A complex key is three passes (imaginary part,
//     real part, then NaN class: radix sort is stable, so the last pass orders first); several
//     runs take one more pass by run number, which keeps each run's order, so one device-wide
//     sort serves every run whatever their lengths.
// searchsorted: a thread per key, each a binary search by the shared keys.
// Runs longer than 2^31 - 1 elements are refused (positions are int32); more runs than that in
// all are sorted in batches.
#include <cub/device/device_radix_sort.cuh>
#include <cuda_fp16.h>

#include <algorithm>
#include <climits>
#include <string>

#include "backend/cuda/sort.hpp"
#include "core/caching_pool.hpp"
#include "ops/sort_order.hpp"

namespace cunp::detail::cuda {
namespace {

constexpr int sort_threads = 256;

unsigned blocks_for(std::int64_t n) { return unsigned(std::max<std::int64_t>(1, (n + sort_threads - 1) / sort_threads)); }

// A pool allocation of `count` T, released (stream-ordered) at the end of the scope.
template <class T>
class scratch {
 public:
  scratch(const launch_context& ctx, std::int64_t count)
      : pool_(ctx.pool), p_(static_cast<T*>(ctx.pool->allocate(std::size_t(std::max<std::int64_t>(count, 1)) * sizeof(T), ctx.stream))) {}
  ~scratch() { pool_->deallocate(p_); }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  T* get() const { return p_; }

 private:
  caching_pool* pool_;
  T* p_;
};

#define CUNP_FOR_EACH_ITEM(i, n)                                                            \
  for (std::int64_t i = blockIdx.x * std::int64_t(blockDim.x) + threadIdx.x; i < (n); \
       i += std::int64_t(gridDim.x) * blockDim.x)

// The type CUB sorts a dtype's values as.
template <class T> struct native_key { using type = T; };
template <> struct native_key<half> { using type = __half; };
template <> struct native_key<bool> { using type = std::uint8_t; };

// values[i] = in[i], ready for CUB: a NaN's sign bit cleared, a bool's byte 0 or 1
template <class T>
__global__ void native_keys_kernel(const T* in, T* values, std::int64_t n) {
  CUNP_FOR_EACH_ITEM(i, n) {
    if constexpr (ops::is_bool_v<T>) {
      values[i] = ops::load<bool>(reinterpret_cast<const char*>(in + i));
    } else {
      using K = ops::sort_key_t<T>;
      constexpr K sign = K(K(1) << (sizeof(T) * 8 - 1));
      K u = ops::bits_of(in[i]);
      if (ops::is_nan_bits<T>(u)) u = K(u & K(~sign));
      std::memcpy(values + i, &u, sizeof(T));
    }
  }
}

__global__ void iota_kernel(std::int32_t* pos, std::int64_t n) {
  CUNP_FOR_EACH_ITEM(i, n) pos[i] = std::int32_t(i);
}

// The keys of one radix pass: of the real value, or of a complex value's imaginary part, real
// part or NaN class.
struct real_keyer {
  template <class T> CUNP_HD ops::sort_key_t<T> operator()(T v) const { return ops::sort_key(v); }
};
struct imag_keyer {
  template <class R> CUNP_HD ops::sort_key_t<R> operator()(ops::complex<R> v) const { return ops::sort_key(v.im); }
};
struct real_part_keyer {
  template <class R> CUNP_HD ops::sort_key_t<R> operator()(ops::complex<R> v) const { return ops::sort_key(v.re); }
};
struct class_keyer {
  template <class R> CUNP_HD std::uint8_t operator()(ops::complex<R> v) const { return ops::complex_sort_class(v); }
};

template <class T, class K, class Keyer>
__global__ void gathered_keys_kernel(const T* in, const std::int32_t* pos, K* keys, std::int64_t n) {
  CUNP_FOR_EACH_ITEM(i, n) keys[i] = Keyer{}(in[pos[i]]);
}

__global__ void run_numbers_kernel(const std::int32_t* pos, std::uint32_t* run_of, std::int64_t n, std::int64_t run) {
  CUNP_FOR_EACH_ITEM(i, n) run_of[i] = std::uint32_t(pos[i] / run);
}

template <class T>
__global__ void gather_kernel(const T* in, const std::int32_t* pos, T* values, std::int64_t* indices, std::int64_t n,
                              std::int64_t run) {
  CUNP_FOR_EACH_ITEM(i, n) {
    std::int32_t p = pos[i];
    if (values) values[i] = in[p];
    if (indices) indices[i] = p % run;
  }
}

template <class K>
void radix_sort_keys(cub::DoubleBuffer<K>& keys, int n, const launch_context& ctx) {
  std::size_t bytes = 0;
  CUNP_CUDA_CHECK(cub::DeviceRadixSort::SortKeys(nullptr, bytes, keys, n, 0, int(sizeof(K) * 8), ctx.stream));
  scratch<char> tmp(ctx, std::int64_t(bytes));
  CUNP_CUDA_CHECK(cub::DeviceRadixSort::SortKeys(tmp.get(), bytes, keys, n, 0, int(sizeof(K) * 8), ctx.stream));
}

template <class K>
void radix_sort_pairs(cub::DoubleBuffer<K>& keys, cub::DoubleBuffer<std::int32_t>& pos, int n, int end_bit,
                      const launch_context& ctx) {
  std::size_t bytes = 0;
  CUNP_CUDA_CHECK(cub::DeviceRadixSort::SortPairs(nullptr, bytes, keys, pos, n, 0, end_bit, ctx.stream));
  scratch<char> tmp(ctx, std::int64_t(bytes));
  CUNP_CUDA_CHECK(cub::DeviceRadixSort::SortPairs(tmp.get(), bytes, keys, pos, n, 0, end_bit, ctx.stream));
}

// One stable pass: the positions reordered by the keys Keyer gives the elements they point at.
template <class K, class Keyer, class T>
void sort_pass(const T* in, cub::DoubleBuffer<std::int32_t>& pos, int n, int end_bit, const launch_context& ctx) {
  scratch<K> a(ctx, n), b(ctx, n);
  gathered_keys_kernel<T, K, Keyer><<<blocks_for(n), sort_threads, 0, ctx.stream>>>(in, pos.Current(), a.get(), n);
  check_launch(ctx.stream, "sort keys");
  cub::DoubleBuffer<K> keys(a.get(), b.get());
  radix_sort_pairs(keys, pos, n, end_bit, ctx);
}

int bits_for(std::int64_t largest) {
  int bits = 1;
  while (bits < 32 && (largest >> bits) != 0) ++bits;
  return bits;
}

template <class T>
void sort_batch(const T* in, T* values, std::int64_t* indices, std::int64_t runs, std::int64_t run,
                const launch_context& ctx) {
  int n = int(runs * run);
  unsigned blocks = blocks_for(n);
  if constexpr (!ops::is_complex_v<T>) {
    if (!indices && runs == 1) {
      using K = typename native_key<T>::type;
      if constexpr (ops::is_int_v<T>) {
        CUNP_CUDA_CHECK(cudaMemcpyAsync(values, in, std::size_t(n) * sizeof(T), cudaMemcpyDeviceToDevice, ctx.stream));
      } else {
        native_keys_kernel<T><<<blocks, sort_threads, 0, ctx.stream>>>(in, values, n);
        check_launch(ctx.stream, "sort copy");
      }
      scratch<K> alternate(ctx, n);
      cub::DoubleBuffer<K> keys(reinterpret_cast<K*>(values), alternate.get());
      radix_sort_keys(keys, n, ctx);
      if (keys.Current() != reinterpret_cast<K*>(values))
        CUNP_CUDA_CHECK(cudaMemcpyAsync(values, keys.Current(), std::size_t(n) * sizeof(T), cudaMemcpyDeviceToDevice, ctx.stream));
      return;
    }
  }
  scratch<std::int32_t> pos_a(ctx, n), pos_b(ctx, n);
  iota_kernel<<<blocks, sort_threads, 0, ctx.stream>>>(pos_a.get(), n);
  check_launch(ctx.stream, "sort positions");
  cub::DoubleBuffer<std::int32_t> pos(pos_a.get(), pos_b.get());
  if constexpr (ops::is_complex_v<T>) {
    using K = ops::sort_key_t<ops::real_t<T>>;
    sort_pass<K, imag_keyer>(in, pos, n, int(sizeof(K) * 8), ctx);
    sort_pass<K, real_part_keyer>(in, pos, n, int(sizeof(K) * 8), ctx);
    sort_pass<std::uint8_t, class_keyer>(in, pos, n, 2, ctx);
  } else {
    using K = ops::sort_key_t<T>;
    sort_pass<K, real_keyer>(in, pos, n, ops::is_bool_v<T> ? 1 : int(sizeof(K) * 8), ctx);
  }
  if (runs > 1) {
    scratch<std::uint32_t> a(ctx, n), b(ctx, n);
    run_numbers_kernel<<<blocks, sort_threads, 0, ctx.stream>>>(pos.Current(), a.get(), n, run);
    check_launch(ctx.stream, "sort runs");
    cub::DoubleBuffer<std::uint32_t> run_of(a.get(), b.get());
    radix_sort_pairs(run_of, pos, n, bits_for(runs - 1), ctx);
  }
  gather_kernel<T><<<blocks, sort_threads, 0, ctx.stream>>>(in, pos.Current(), values, indices, n, run);
  check_launch(ctx.stream, "sort gather");
}

template <class T>
void launch_sort(const sort_request& r, const launch_context& ctx) {
  if (r.n > INT_MAX)
    throw not_implemented("sort: the cuda backend sorts runs of at most 2^31 - 1 elements; this one has " +
                          std::to_string(r.n));
  const std::int64_t per_batch = std::max<std::int64_t>(1, INT_MAX / r.n);
  const T* in = static_cast<const T*>(r.in);
  T* values = static_cast<T*>(r.values);
  for (std::int64_t first = 0; first < r.segments; first += per_batch) {
    std::int64_t runs = std::min(per_batch, r.segments - first), at = first * r.n;
    sort_batch<T>(in + at, values ? values + at : nullptr, r.indices ? r.indices + at : nullptr, runs, r.n, ctx);
  }
}

template <class T>
__global__ void search_kernel(const T* sorted, const std::int64_t* sorter, std::int64_t n, const T* keys, std::int64_t m,
                              std::int64_t* out, bool right) {
  CUNP_FOR_EACH_ITEM(i, m) out[i] = ops::insertion_point(sorted, sorter, n, keys[i], right);
}

template <class T>
void launch_search(const search_request& r, const launch_context& ctx) {
  search_kernel<T><<<blocks_for(r.m), sort_threads, 0, ctx.stream>>>(static_cast<const T*>(r.sorted), r.sorter, r.n,
                                                                     static_cast<const T*>(r.keys), r.m, r.out, r.right);
  check_launch(ctx.stream, "searchsorted");
}

}  // namespace

void register_sorts(sort_table& t) {
  for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[int(d)] = &launch_sort<typename decltype(tag)::type>; });
}
void register_searches(search_table& t) {
  for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[int(d)] = &launch_search<typename decltype(tag)::type>; });
}

}  // namespace cunp::detail::cuda
