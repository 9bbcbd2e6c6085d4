// Elementwise kernels over the shared functors: a vectorized path for dense same-dtype operands
// (16-byte loads when aligned) and a strided path with the offset calculator, 32- or 64-bit.
#pragma once
#include "backend/cuda/elementwise.hpp"
#include "backend/cuda/offset_calculator.cuh"
#include "ops/ufuncs.hpp"

namespace cunp::detail::cuda {

inline constexpr int block_threads = 256;

template <class T, int N>
struct alignas(sizeof(T) * N) vec {
  T v[N];
};

template <class Op, class T, int VEC>
__global__ void dense_kernel(typename Op::template result<T>* __restrict__ out, const T* __restrict__ a,
                             const T* __restrict__ b, T a_scalar, T b_scalar, bool a_is_scalar, bool b_is_scalar,
                             std::int64_t n) {
  using R = typename Op::template result<T>;
  std::int64_t nvec = n / VEC;
  std::int64_t stride = std::int64_t(gridDim.x) * blockDim.x;
  std::int64_t tid = std::int64_t(blockIdx.x) * blockDim.x + threadIdx.x;
  for (std::int64_t i = tid; i < nvec; i += stride) {
    vec<T, VEC> va, vb;
    if (!a_is_scalar) va = reinterpret_cast<const vec<T, VEC>*>(a)[i];
    if constexpr (Op::nin == 2)
      if (!b_is_scalar) vb = reinterpret_cast<const vec<T, VEC>*>(b)[i];
    vec<R, VEC> vr;
#pragma unroll
    for (int k = 0; k < VEC; ++k) {
      T x = a_is_scalar ? a_scalar : va.v[k];
      if constexpr (Op::nin == 2) vr.v[k] = Op::template apply<T>(x, b_is_scalar ? b_scalar : vb.v[k]);
      else vr.v[k] = Op::template apply<T>(x);
    }
    reinterpret_cast<vec<R, VEC>*>(out)[i] = vr;
  }
  for (std::int64_t i = nvec * VEC + tid; i < n; i += stride) {  // the tail
    T x = a_is_scalar ? a_scalar : a[i];
    if constexpr (Op::nin == 2) out[i] = Op::template apply<T>(x, b_is_scalar ? b_scalar : b[i]);
    else out[i] = Op::template apply<T>(x);
  }
}

template <class Op, class Index>
struct strided_params {
  char* out;
  const char* in[2];
  dtype in_dtype[2];
  bool is_scalar[2];
  iteration::scalar_bytes scalar[2];
  offset_calculator<Op::nin + 1, Index> calc;
};

template <class T, bool Cast>
__device__ inline T load_input(const char* p, dtype d) {
  if constexpr (Cast) return ops::load_as<T>(p, d);
  else return *reinterpret_cast<const T*>(p);
}

template <class Op, class T, bool Cast, class Index>
__global__ void strided_kernel(strided_params<Op, Index> p, Index n) {
  using R = typename Op::template result<T>;
  Index stride = Index(gridDim.x) * blockDim.x;
  T s0 = ops::load<T>(reinterpret_cast<const char*>(p.scalar[0].b));
  T s1 = ops::load<T>(reinterpret_cast<const char*>(p.scalar[1].b));
  for (Index i = Index(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
    typename offset_calculator<Op::nin + 1, Index>::offset_t off[Op::nin + 1];
    p.calc.get(i, off);
    T a = p.is_scalar[0] ? s0 : load_input<T, Cast>(p.in[0] + off[1], p.in_dtype[0]);
    R r;
    if constexpr (Op::nin == 2) {
      T b = p.is_scalar[1] ? s1 : load_input<T, Cast>(p.in[1] + off[2], p.in_dtype[1]);
      r = Op::template apply<T>(a, b);
    } else {
      r = Op::template apply<T>(a);
    }
    ops::store<R>(p.out + off[0], r);
  }
}

inline unsigned grid_for(std::int64_t work, const launch_context& ctx) {
  std::int64_t blocks = (work + block_threads - 1) / block_threads;
  std::int64_t cap = std::int64_t(ctx.sm_count) * 32;  // enough resident blocks; grid-stride beyond
  return unsigned(blocks < 1 ? 1 : (blocks > cap ? cap : blocks));
}

template <class Op, class T, bool Cast, class Index>
void launch_strided(const iteration& it, const launch_context& ctx) {
  const std::int64_t* op_strides[max_operands];
  for (int op = 0; op < max_operands; ++op) op_strides[op] = it.strides[op].data();
  strided_params<Op, Index> p{
      it.data[0], {it.data[1], Op::nin == 2 ? it.data[2] : nullptr}, {it.dtypes[1], it.dtypes[Op::nin]},
      {it.is_scalar[1], Op::nin == 2 && it.is_scalar[2]}, {it.scalar_value[1], it.scalar_value[Op::nin]},
      offset_calculator<Op::nin + 1, Index>(it.ndim, it.shape.data(), op_strides)};
  strided_kernel<Op, T, Cast, Index><<<grid_for(it.numel, ctx), block_threads, 0, ctx.stream>>>(p, Index(it.numel));
  check_launch(ctx.stream, Op::name);
}

template <class Op, class T>
void launch_elementwise(const iteration& it, const launch_context& ctx) {
  using R = typename Op::template result<T>;
  bool cast = false;
  for (int op = 1; op < it.nops; ++op) cast |= !it.is_scalar[op] && it.dtypes[op] != ops::dtype_v<T>();
  if (!cast && it.contiguous()) {
    constexpr int VEC = sizeof(T) >= 16 ? 1 : int(16 / sizeof(T));
    auto aligned = [](const void* p, std::size_t a) { return reinterpret_cast<std::uintptr_t>(p) % a == 0; };
    bool vec_ok = aligned(it.data[0], sizeof(R) * VEC);
    for (int op = 1; op < it.nops; ++op) vec_ok &= it.is_scalar[op] || aligned(it.data[op], sizeof(T) * VEC);
    T s[2]{};
    for (int i = 0; i < Op::nin; ++i)
      if (it.is_scalar[i + 1]) s[i] = ops::load<T>(reinterpret_cast<const char*>(it.scalar_value[i + 1].b));
    auto* out = reinterpret_cast<R*>(it.data[0]);
    auto* a = reinterpret_cast<const T*>(it.data[1]);
    auto* b = Op::nin == 2 ? reinterpret_cast<const T*>(it.data[2]) : nullptr;
    bool b_scalar = Op::nin == 2 && it.is_scalar[2];
    if (vec_ok) {
      dense_kernel<Op, T, VEC><<<grid_for((it.numel + VEC - 1) / VEC, ctx), block_threads, 0, ctx.stream>>>(
          out, a, b, s[0], s[1], it.is_scalar[1], b_scalar, it.numel);
    } else {
      dense_kernel<Op, T, 1><<<grid_for(it.numel, ctx), block_threads, 0, ctx.stream>>>(
          out, a, b, s[0], s[1], it.is_scalar[1], b_scalar, it.numel);
    }
    check_launch(ctx.stream, Op::name);
    return;
  }
  if (it.index32) {
    if (cast) launch_strided<Op, T, true, std::uint32_t>(it, ctx);
    else launch_strided<Op, T, false, std::uint32_t>(it, ctx);
  } else {
    if (cast) launch_strided<Op, T, true, std::int64_t>(it, ctx);
    else launch_strided<Op, T, false, std::int64_t>(it, ctx);
  }
}

// Fills table[compute dtype] with the launchers of Op, for every type a loop of Op computes in.
template <class Op>
void register_elementwise(elementwise_launcher (&table)[dtype_count]) {
  for (dtype d : all_dtypes)
    ops::visit(d, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (Op::template supports<T>) {
        using C = typename Op::template compute<T>;
        table[int(ops::dtype_v<C>())] = &launch_elementwise<Op, C>;
      }
    });
}

}  // namespace cunp::detail::cuda
