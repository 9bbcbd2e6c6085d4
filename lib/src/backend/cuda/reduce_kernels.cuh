// Reductions over the shared functors, in three shapes (each combined in a second pass where the
// grid splits the reduced range to fill the GPU): a block per output for long rows, a warp per
// output for short rows, and, where the reduced dims are the outer ones in memory, a block per 32
// neighbouring outputs whose lanes read neighbouring elements while its warps split the rows.
// Dense runs and dense columns of a plain load read 16 bytes per lane and load. Segmented
// reductions (reduceat) take a block per segment.
#include <cstdint>

#include <cub/block/block_reduce.cuh>
#include <cub/warp/warp_reduce.cuh>
#include <cub/device/device_reduce.cuh>

#include "backend/cuda/offset_calculator.cuh"
#include "backend/cuda/reduce.hpp"
#include "core/caching_pool.hpp"
#include "ops/reductions.hpp"

namespace cunp::detail::cuda {
namespace {

constexpr int reduce_threads = 256;
constexpr int reduce_warps = reduce_threads / 32;

// A partial result: ok false until it holds an element. Every partial starts empty, and the
// identity of ops that have one is applied once, to the total (store_result), as NumPy starts its
// reduction from it (its sum of [-0.0] is +0.0, its product of [inf+infj] is
// (1+0j)(inf+infj) = nan+nanj): threads that meet no element must not multiply an identity into
// the others' infinities.
template <class A>
struct partial {
  A v;
  bool ok;
};

template <class Op, class A>
struct combine_partials {
  __device__ partial<A> operator()(const partial<A>& x, const partial<A>& y) const {
    if (!x.ok) return y;
    if (!y.ok) return x;
    return {Op::template combine<A>(x.v, y.v), true};
  }
};

template <class Index>
struct reduce_params {
  const char* in;
  dtype in_dtype;
  char* out;
  dtype out_dtype;
  offset_calculator<1, Index> kept;  // output index -> input offset
  offset_calculator<1, Index> red;   // reduced index -> input offset
  Index num_out, num_red;
  // set only where the kernel's loads are plain and vector_loads allows: each reduced run is one
  // dense run of elements (rows), or output o's element of every reduced index sits o elements
  // after the first output's, and every row of outputs starts 16-byte aligned (columns)
  bool dense_rows = false, dense_columns = false;
};

// An input element as the accumulator of loop type T sees it (cast through T: ops/reductions.hpp).
template <class T, bool Cast>
__device__ inline ops::accumulator_t<T> load_acc(const char* p, dtype d) {
  if constexpr (Cast) return ops::load_accumulated<T>(p, d);
  else return *reinterpret_cast<const ops::accumulator_t<T>*>(p);
}

// 16-byte loads (V elements each) where the kernel reads the accumulator type itself and V >= 2:
// a warp then moves 512 bytes per load instruction rather than 32 elements.
template <class A, bool Cast>
constexpr bool vector_loads = !Cast && sizeof(A) <= 8;

template <class A>
struct alignas(16) vec16 {
  A v[16 / sizeof(A)];
};

template <class Op, class A>
__device__ inline void fold(partial<A>& acc, const A& v) {
  acc = {acc.ok ? Op::template combine<A>(acc.v, v) : v, true};
}

// Thread t of nt's share of a dense run of n elements (element-aligned): the elements before the
// first 16-byte boundary, whole vectors (U loads in flight), then the rest.
template <class Op, class A, class Index>
__device__ inline partial<A> fold_dense_run(const char* run, Index n, Index t, Index nt) {
  constexpr int V = 16 / sizeof(A), U = 4;
  const A* elems = reinterpret_cast<const A*>(run);
  partial<A> acc{Op::template identity<A>(), false};
  Index head = Index(((16 - (reinterpret_cast<std::uintptr_t>(run) & 15)) & 15) / sizeof(A));
  if (head > n) head = n;
  if (t < head) fold<Op>(acc, elems[t]);
  const auto* vecs = reinterpret_cast<const vec16<A>*>(elems + head);
  Index nv = (n - head) / V;
  for (Index i = t; i < nv; i += nt * U) {
    vec16<A> x[U];
#pragma unroll
    for (int u = 0; u < U; ++u)
      if (i + Index(u) * nt < nv) x[u] = vecs[i + Index(u) * nt];
#pragma unroll
    for (int u = 0; u < U; ++u)
      if (i + Index(u) * nt < nv)
#pragma unroll
        for (int k = 0; k < V; ++k) fold<Op>(acc, x[u].v[k]);
  }
  for (Index r = head + nv * V + t; r < n; r += nt) fold<Op>(acc, elems[r]);
  return acc;
}

template <class Op, class T, class Index, bool Cast>
__device__ inline void store_result(const reduce_params<Index>& p, Index o, partial<ops::accumulator_t<T>> acc) {
  using A = ops::accumulator_t<T>;
  A v = !acc.ok ? Op::template identity<A>()
        : Op::has_identity ? Op::template combine<A>(Op::template identity<A>(), acc.v)
                           : acc.v;
  ops::store_as<T>(p.out + std::int64_t(o) * std::int64_t(itemsize_of(p.out_dtype)), p.out_dtype, ops::convert<T>(v));
}

template <class Op, class T, class Index, bool Cast>
__global__ void __launch_bounds__(reduce_threads)
reduce_block_kernel(reduce_params<Index> p, Index chunk, partial<ops::accumulator_t<T>>* partials) {
  using A = ops::accumulator_t<T>;
  using off_t = typename offset_calculator<1, Index>::offset_t;
  using block_reduce = cub::BlockReduce<partial<A>, reduce_threads>;
  __shared__ typename block_reduce::TempStorage tmp;
  Index splits = gridDim.y, s = blockIdx.y;
  for (Index o = blockIdx.x; o < p.num_out; o += gridDim.x) {
    off_t base[1];
    p.kept.get(o, base);
    Index r0 = s * chunk, r1 = r0 + chunk < p.num_red ? r0 + chunk : p.num_red;
    partial<A> acc{Op::template identity<A>(), false};
    if constexpr (vector_loads<A, Cast>) {
      if (p.dense_rows && r0 < r1)
        acc = fold_dense_run<Op, A, Index>(p.in + base[0] + std::int64_t(r0) * std::int64_t(sizeof(A)), r1 - r0,
                                           Index(threadIdx.x), Index(reduce_threads));
    }
    if (!p.dense_rows || !vector_loads<A, Cast>)
      for (Index r = r0 + threadIdx.x; r < r1; r += reduce_threads) {
        off_t off[1];
        p.red.get(r, off);
        fold<Op>(acc, load_acc<T, Cast>(p.in + base[0] + off[0], p.in_dtype));
      }
    partial<A> total = block_reduce(tmp).Reduce(acc, combine_partials<Op, A>{});
    if (threadIdx.x == 0) {
      if (splits == 1) store_result<Op, T, Index, Cast>(p, o, total);
      else partials[std::int64_t(o) * splits + s] = total;
    }
    __syncthreads();  // tmp is reused by the next output
  }
}

// The second pass: a warp per output, its lanes reading neighbouring partials (a thread per
// output would wait on each of its partials in turn).
template <class Op, class T, class Index>
__global__ void __launch_bounds__(reduce_threads)
combine_splits_kernel(reduce_params<Index> p, const partial<ops::accumulator_t<T>>* partials, Index splits) {
  using A = ops::accumulator_t<T>;
  using warp_reduce = cub::WarpReduce<partial<A>>;
  __shared__ typename warp_reduce::TempStorage tmp[reduce_warps];
  int warp = int(threadIdx.x) / 32, lane = int(threadIdx.x) % 32;
  Index stride = Index(gridDim.x) * reduce_warps;
  for (Index o = Index(blockIdx.x) * reduce_warps + Index(warp); o < p.num_out; o += stride) {
    partial<A> acc{Op::template identity<A>(), false};
    for (Index s = Index(lane); s < splits; s += 32) acc = combine_partials<Op, A>{}(acc, partials[std::int64_t(o) * splits + s]);
    partial<A> total = warp_reduce(tmp[warp]).Reduce(acc, combine_partials<Op, A>{});
    if (lane == 0) store_result<Op, T, Index, false>(p, o, total);
    __syncwarp();  // tmp[warp] is reused by the warp's next output
  }
}

// Short rows: a warp per output, its lanes striding the row; no block-wide barrier.
template <class Op, class T, class Index, bool Cast>
__global__ void __launch_bounds__(reduce_threads) reduce_warp_kernel(reduce_params<Index> p) {
  using A = ops::accumulator_t<T>;
  using off_t = typename offset_calculator<1, Index>::offset_t;
  using warp_reduce = cub::WarpReduce<partial<A>>;
  __shared__ typename warp_reduce::TempStorage tmp[reduce_warps];
  int warp = int(threadIdx.x) / 32, lane = int(threadIdx.x) % 32;
  Index stride = Index(gridDim.x) * reduce_warps;
  for (Index o = Index(blockIdx.x) * reduce_warps + Index(warp); o < p.num_out; o += stride) {
    off_t base[1];
    p.kept.get(o, base);
    partial<A> acc{Op::template identity<A>(), false};
    if constexpr (vector_loads<A, Cast>) {
      if (p.dense_rows) acc = fold_dense_run<Op, A, Index>(p.in + base[0], p.num_red, Index(lane), Index(32));
    }
    if (!p.dense_rows || !vector_loads<A, Cast>) {
#pragma unroll 4
      for (Index r = Index(lane); r < p.num_red; r += 32) {
        off_t off[1];
        p.red.get(r, off);
        fold<Op>(acc, load_acc<T, Cast>(p.in + base[0] + off[0], p.in_dtype));
      }
    }
    partial<A> total = warp_reduce(tmp[warp]).Reduce(acc, combine_partials<Op, A>{});
    if (lane == 0) store_result<Op, T, Index, Cast>(p, o, total);
    __syncwarp();  // tmp[warp] is reused by the warp's next output
  }
}

// Outer reductions (the kept dims innermost in memory): a block per 32 lanes of neighbouring
// outputs, so a warp reads neighbouring elements; its warps take every 8th row of the block's
// share of the reduced range (blockIdx.y picks the share), then warp 0 combines them in order.
// With dense columns a lane takes V neighbouring outputs, read by one 16-byte load per row.
template <class Op, class T, class Index, bool Cast>
__global__ void __launch_bounds__(reduce_threads)
reduce_columns_kernel(reduce_params<Index> p, Index chunk, partial<ops::accumulator_t<T>>* partials) {
  using A = ops::accumulator_t<T>;
  using off_t = typename offset_calculator<1, Index>::offset_t;
  constexpr int V = vector_loads<A, Cast> ? int(16 / sizeof(A)) : 1;
  // raw storage: A may have constructors, which __shared__ variables may not run
  __shared__ alignas(16) unsigned char raw[reduce_threads * V * sizeof(partial<A>)];
  auto* rows = reinterpret_cast<partial<A>*>(raw);
  int warp = int(threadIdx.x) / 32, lane = int(threadIdx.x) % 32;
  int width = V > 1 && p.dense_columns ? V : 1;  // outputs per lane
  Index splits = gridDim.y, s = blockIdx.y, per_tile = Index(32 * width);
  Index r0 = s * chunk, r1 = r0 + chunk < p.num_red ? r0 + chunk : p.num_red;
  for (Index tile = blockIdx.x; tile < (p.num_out + per_tile - 1) / per_tile; tile += gridDim.x) {
    Index o = tile * per_tile + Index(lane * width);
    partial<A> acc[V];
#pragma unroll
    for (int k = 0; k < V; ++k) acc[k] = {Op::template identity<A>(), false};
    if constexpr (V > 1) {
      if (width > 1 && o < p.num_out) {
        const char* first = p.in + std::int64_t(o) * std::int64_t(sizeof(A));
        if (o + Index(V) <= p.num_out) {
          // U rows' loads issued before any is folded: the lane waits on memory once per U rows
          constexpr int U = 4;
          for (Index r = r0 + Index(warp); r < r1; r += reduce_warps * U) {
            vec16<A> x[U];
#pragma unroll
            for (int u = 0; u < U; ++u) {
              off_t off[1];
              Index ru = r + Index(u * reduce_warps);
              p.red.get(ru < r1 ? ru : r, off);
              if (ru < r1) x[u] = *reinterpret_cast<const vec16<A>*>(first + off[0]);
            }
#pragma unroll
            for (int u = 0; u < U; ++u)
              if (r + Index(u * reduce_warps) < r1)
#pragma unroll
                for (int k = 0; k < V; ++k) fold<Op>(acc[k], x[u].v[k]);
          }
        } else {  // the last lane of a ragged last tile
          for (Index r = r0 + Index(warp); r < r1; r += reduce_warps) {
            off_t off[1];
            p.red.get(r, off);
            for (int k = 0; o + Index(k) < p.num_out; ++k) fold<Op>(acc[k], reinterpret_cast<const A*>(first + off[0])[k]);
          }
        }
      }
    }
    if (width == 1 && o < p.num_out) {
      off_t base[1];
      p.kept.get(o, base);
#pragma unroll 4
      for (Index r = r0 + Index(warp); r < r1; r += reduce_warps) {
        off_t off[1];
        p.red.get(r, off);
        fold<Op>(acc[0], load_acc<T, Cast>(p.in + base[0] + off[0], p.in_dtype));
      }
    }
#pragma unroll
    for (int k = 0; k < V; ++k) rows[threadIdx.x * V + k] = acc[k];
    __syncthreads();
    if (warp == 0)
      for (int k = 0; k < width && o + Index(k) < p.num_out; ++k) {
        partial<A> total = rows[lane * V + k];
        for (int w = 1; w < reduce_warps; ++w) total = combine_partials<Op, A>{}(total, rows[(w * 32 + lane) * V + k]);
        if (splits == 1) store_result<Op, T, Index, Cast>(p, o + Index(k), total);
        else partials[std::int64_t(o + Index(k)) * splits + s] = total;
      }
    __syncthreads();  // rows is reused by the next tile
  }
}

// Segments (reduceat's): a block each, its threads striding the segment. Each partial starts from
// an element, and so does the total (segments are never empty): no identity joins.
template <class Op, class T, bool Cast>
__global__ void __launch_bounds__(reduce_threads) reduce_segments_kernel(segmented_reduction r) {
  using A = ops::accumulator_t<T>;
  using block_reduce = cub::BlockReduce<partial<A>, reduce_threads>;
  __shared__ typename block_reduce::TempStorage tmp;
  for (std::int64_t o = blockIdx.x; o < r.num_out; o += gridDim.x) {
    const char* base = r.in + r.begin[o];
    partial<A> acc{Op::template identity<A>(), false};
    for (std::int64_t i = threadIdx.x; i < r.length[o]; i += reduce_threads) {
      A v = load_acc<T, Cast>(base + i * r.stride, r.in_dtype);
      acc = {acc.ok ? Op::template combine<A>(acc.v, v) : v, true};
    }
    partial<A> total = block_reduce(tmp).Reduce(acc, combine_partials<Op, A>{});
    if (threadIdx.x == 0) ops::store_as<T>(r.out + o * std::int64_t(itemsize_of(r.out_dtype)), r.out_dtype, ops::convert<T>(total.v));
    __syncthreads();  // tmp is reused by the next segment
  }
}

template <class Op, class T, bool Cast>
void launch_segments(const segmented_reduction& r, const launch_context& ctx) {
  if (r.num_out == 0) return;
  unsigned blocks = unsigned(std::min<std::int64_t>(r.num_out, 65535LL * 32));
  reduce_segments_kernel<Op, T, Cast><<<blocks, reduce_threads, 0, ctx.stream>>>(r);
  check_launch(ctx.stream, Op::name);
}

template <class Op, class A>
struct combine_fn {
  __device__ A operator()(const A& a, const A& b) const { return Op::template combine<A>(a, b); }
};

// A whole dense array of the accumulator type to one value: CUB's device-wide reduction.
template <class Op, class A>
void launch_cub_full(const reduction& r, const launch_context& ctx) {
  const A* in = reinterpret_cast<const A*>(r.in);
  if (r.red_ndim == 1 && r.in_red_strides[0] < 0) in -= (r.num_red - 1);  // a reversed run: same set
  A* out = reinterpret_cast<A*>(r.out);
  std::size_t bytes = 0;
  CUNP_CUDA_CHECK(cub::DeviceReduce::Reduce(nullptr, bytes, in, out, r.num_red, combine_fn<Op, A>{},
                                            Op::template identity<A>(), ctx.stream));
  void* tmp = ctx.pool->allocate(bytes, ctx.stream);
  CUNP_CUDA_CHECK(cub::DeviceReduce::Reduce(tmp, bytes, in, out, r.num_red, combine_fn<Op, A>{},
                                            Op::template identity<A>(), ctx.stream));
  check_launch(ctx.stream, Op::name);
  ctx.pool->deallocate(tmp);
}

template <class Op, class T, class Index, bool Cast>
void launch(const reduction& r, const launch_context& ctx) {
  using A = ops::accumulator_t<T>;
  if constexpr (!Cast && std::is_same_v<A, T> && Op::has_identity) {
    bool dense_run = r.red_ndim <= 1 && (r.red_ndim == 0 || std::llabs(r.in_red_strides[0]) == std::int64_t(sizeof(A)));
    if (r.num_out == 1 && dense_run && r.out_dtype == ops::dtype_v<T>()) {
      launch_cub_full<Op, A>(r, ctx);
      return;
    }
  }
  const std::int64_t* kept_strides[1] = {r.in_out_strides.data()};
  const std::int64_t* red_strides[1] = {r.in_red_strides.data()};
  reduce_params<Index> p{r.in, r.in_dtype, r.out, r.out_dtype,
                         offset_calculator<1, Index>(r.out_ndim, r.out_shape.data(), kept_strides),
                         offset_calculator<1, Index>(r.red_ndim, r.red_shape.data(), red_strides),
                         Index(r.num_out), Index(r.num_red)};
  if constexpr (vector_loads<A, Cast>) {
    auto multiple_of = [](std::int64_t x, std::int64_t m) { return x % m == 0; };
    bool aligned = multiple_of(std::int64_t(reinterpret_cast<std::uintptr_t>(r.in)), sizeof(A));
    for (int d = 0; d < r.out_ndim; ++d) aligned = aligned && multiple_of(r.in_out_strides[d], sizeof(A));
    p.dense_rows = aligned && r.red_ndim == 1 && r.in_red_strides[0] == std::int64_t(sizeof(A));
    bool columns_aligned = multiple_of(std::int64_t(reinterpret_cast<std::uintptr_t>(r.in)), 16);
    for (int d = 0; d < r.red_ndim; ++d) columns_aligned = columns_aligned && multiple_of(r.in_red_strides[d], 16);
    p.dense_columns = columns_aligned && r.out_ndim == 1 && r.in_out_strides[0] == std::int64_t(sizeof(A));
  }
  std::int64_t target_blocks = std::int64_t(ctx.sm_count) * 8;
  bool outer_reduction = r.out_ndim > 0 && r.red_ndim > 0 &&
                         std::llabs(r.in_out_strides[0]) < std::llabs(r.in_red_strides[0]);
  // the reduced range split over `splits` blocks of each output group, so the grid fills the GPU
  auto split_for = [&](std::int64_t groups, std::int64_t per_block_min) {
    if (groups >= target_blocks) return std::int64_t(1);
    std::int64_t splits = (target_blocks + groups - 1) / groups;
    return std::min({splits, std::max<std::int64_t>(1, r.num_red / per_block_min), std::int64_t(65535)});
  };
  auto launch_split = [&](auto kernel, std::int64_t groups, std::int64_t splits) {
    std::int64_t chunk = (r.num_red + splits - 1) / splits;
    unsigned grid_x = unsigned(std::min<std::int64_t>(groups, 65535LL * 32));
    if (splits == 1) {
      kernel<<<dim3(grid_x, 1), reduce_threads, 0, ctx.stream>>>(p, Index(chunk), nullptr);
      check_launch(ctx.stream, Op::name);
      return;
    }
    std::size_t bytes = std::size_t(r.num_out * splits) * sizeof(partial<A>);
    auto* partials = static_cast<partial<A>*>(ctx.pool->allocate(bytes, ctx.stream));
    kernel<<<dim3(grid_x, unsigned(splits)), reduce_threads, 0, ctx.stream>>>(p, Index(chunk), partials);
    check_launch(ctx.stream, Op::name);
    unsigned blocks = unsigned(std::min<std::int64_t>((r.num_out + reduce_warps - 1) / reduce_warps, 65535LL * 32));
    combine_splits_kernel<Op, T, Index><<<blocks, reduce_threads, 0, ctx.stream>>>(p, partials, Index(splits));
    check_launch(ctx.stream, Op::name);
    ctx.pool->deallocate(partials);  // stream-ordered: the next user on this stream runs after the kernels
  };
  if (outer_reduction) {
    std::int64_t per_tile = 32 * (p.dense_columns ? 16 / std::int64_t(sizeof(A)) : 1);
    std::int64_t tiles = (r.num_out + per_tile - 1) / per_tile;
    // a block's share of the rows: at least 8 per warp (dense columns: two rounds of its 4 loads)
    launch_split(reduce_columns_kernel<Op, T, Index, Cast>, tiles, split_for(tiles, reduce_warps * (p.dense_columns ? 8 : 16)));
    return;
  }
  if (r.num_red <= 4096 && r.num_out >= std::int64_t(ctx.sm_count) * 16) {
    std::int64_t blocks = std::min<std::int64_t>((r.num_out + reduce_warps - 1) / reduce_warps, 65535LL * 32);
    reduce_warp_kernel<Op, T, Index, Cast><<<unsigned(blocks), reduce_threads, 0, ctx.stream>>>(p);
    check_launch(ctx.stream, Op::name);
    return;
  }
  launch_split(reduce_block_kernel<Op, T, Index, Cast>, r.num_out, split_for(r.num_out, reduce_threads * 16));
}

template <class Op, class T, bool Cast>
void launch_indexed(const reduction& r, const launch_context& ctx) {
  if (r.index32) launch<Op, T, std::uint32_t, Cast>(r, ctx);
  else launch<Op, T, std::int64_t, Cast>(r, ctx);
}

// Calls f with std::bool_constant<Cast> for the load the loop needs. The plain load reads the
// accumulator type itself: only when input, loop and accumulator types agree (a float32 input to a
// float16 loop must still round to float16 first). Only the ops with an identity (sum, prod) take
// another input dtype (dtype=, widening), so max and min instantiate one of the two loads: fewer
// kernels, a shorter build.
template <class Op, class T, class F>
void with_load(dtype in, F&& f) {
  constexpr bool plain_loop = std::is_same_v<ops::accumulator_t<T>, T>;
  bool cast = in != ops::dtype_v<T>() || !plain_loop;
  if constexpr (!plain_loop) {
    f(std::true_type{});
  } else if constexpr (!Op::has_identity) {
    if (cast) throw not_implemented(std::string(Op::name) + ": the cuda backend reduces only in the input's own dtype");
    f(std::false_type{});
  } else {
    if (cast) f(std::true_type{});
    else f(std::false_type{});
  }
}

template <class Op, class T>
void launch_reduction(const reduction& r, const launch_context& ctx) {
  with_load<Op, T>(r.in_dtype, [&](auto cast) { launch_indexed<Op, T, decltype(cast)::value>(r, ctx); });
}

template <class Op, class T>
void launch_segmented_reduction(const segmented_reduction& r, const launch_context& ctx) {
  with_load<Op, T>(r.in_dtype, [&](auto cast) { launch_segments<Op, T, decltype(cast)::value>(r, ctx); });
}

}  // namespace

// Op's kernels for every dtype, in its row of the tables.
template <class Op>
void register_reduction(ops::reduce_id id, reduce_table& t, segments_table& s) {
  for (dtype d : all_dtypes)
    ops::visit(d, [&](auto tag) {
      t[int(id)][int(d)] = &launch_reduction<Op, typename decltype(tag)::type>;
      s[int(id)][int(d)] = &launch_segmented_reduction<Op, typename decltype(tag)::type>;
    });
}

}  // namespace cunp::detail::cuda
