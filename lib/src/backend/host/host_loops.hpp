// The host backend's loops over the shared op functors: an N-d odometer over the outer dims and a
// tight loop over the innermost one.
#pragma once
#include <cstring>

#include "backend/host/planted_bugs.hpp"
#include "core/iteration.hpp"
#include "core/kernel_errors.hpp"
#include "ops/reductions.hpp"
#include "ops/apply.hpp"

namespace cunp::detail::host {

// Calls body(ptrs) once per innermost run, where ptrs[op] is each operand's start of the run.
template <class Body>
void for_each_run(int ndim, const std::int64_t* shape, int nops,
                  const std::array<std::array<std::int64_t, max_ndim>, max_operands>& strides,
                  std::array<char*, max_operands> ptr, Body&& body) {
  std::array<std::int64_t, max_ndim> idx{};
  for (;;) {
    body(ptr);
    int d = 1;
    for (; d < ndim; ++d) {
      for (int op = 0; op < nops; ++op) ptr[op] += strides[op][d];
      if (++idx[d] < shape[d]) break;
      for (int op = 0; op < nops; ++op) ptr[op] -= strides[op][d] * shape[d];
      idx[d] = 0;
    }
    if (d >= ndim) return;
  }
}

// Reads the inputs (operands nout..) and writes the outputs (operands 0..nout-1) of element i of
// a run; Cast: some operand's dtype differs from its signature type, so loads and stores convert.
template <class Sig, bool Cast>
struct run_access {
  const iteration& it;
  const std::array<char*, max_operands>& p;
  const std::array<std::int64_t, max_operands>& st;
  std::int64_t i;
  ops::kernel_error* error;  // the first error the loop met
  void report(ops::kernel_error e) const {
    if (*error == ops::kernel_error::none) *error = e;
  }
  template <std::size_t K, class T>
  T get() const {
    int op = it.nout + int(K);
    if (it.is_scalar[op]) return ops::load<T>(reinterpret_cast<const char*>(it.scalar_value[op].b));
    const char* at = p[op] + i * st[op];
    if constexpr (Cast) return ops::load_as<T>(at, it.dtypes[op]);
    else return ops::load<T>(at);
  }
  template <std::size_t J, class V>
  void put(V v) const {
    char* at = p[J] + i * st[J];
    if constexpr (Cast) ops::store_as<V>(at, it.dtypes[J], v);
    else ops::store<V>(at, v);
  }
};

template <class Op, class Sig, bool Cast>
void elementwise_loop(const iteration& it) {
  std::int64_t inner = it.ndim ? it.shape[0] : 1;
  std::array<std::int64_t, max_operands> st{};
  for (int op = 0; op < it.nops; ++op) st[op] = it.ndim ? it.strides[op][0] : 0;
  std::int64_t run = inner - (planted::skips_last_element<Op>(it) ? 1 : 0);
  ops::kernel_error error = ops::kernel_error::none;
  for_each_run(it.ndim, it.shape.data(), it.nops, it.strides, it.data, [&](const std::array<char*, max_operands>& p) {
    for (std::int64_t i = 0; i < run; ++i) {
      run_access<Sig, Cast> at{it, p, st, i, &error};
      planted::corrupting<Op, Sig, run_access<Sig, Cast>> out{at};
      ops::apply_element<Op, Sig>(at, out);
    }
  });
  if (error != ops::kernel_error::none) raise_kernel_error(error);
}

// Whether some operand's dtype differs from the type the signature gives it.
template <class Sig>
bool needs_cast(const iteration& it) {
  std::vector<dtype> want = ops::dtype_list(typename Sig::outputs{});
  for (dtype d : ops::dtype_list(typename Sig::inputs{})) want.push_back(d);
  for (int op = 0; op < it.nops; ++op)
    if (!it.is_scalar[op] && it.dtypes[op] != want[std::size_t(op)]) return true;
  return false;
}

template <class Op, class Sig>
void elementwise(const iteration& it) {
  if (needs_cast<Sig>(it)) elementwise_loop<Op, Sig, true>(it);
  else elementwise_loop<Op, Sig, false>(it);
}

// NumPy-style pairwise summation over a strided run: bounds the error growth to O(log n).
template <class Op, class A, class T>
A reduce_run(const char* p, std::int64_t n, std::int64_t stride, dtype in_dtype) {
  if (n <= 128) {
    A acc = ops::load_accumulated<T>(p, in_dtype);
    for (std::int64_t i = 1; i < n; ++i) acc = Op::template combine<A>(acc, ops::load_accumulated<T>(p + i * stride, in_dtype));
    return acc;
  }
  std::int64_t half = n / 2;
  return Op::template combine<A>(reduce_run<Op, A, T>(p, half, stride, in_dtype),
                                 reduce_run<Op, A, T>(p + half * stride, n - half, stride, in_dtype));
}

template <class Op, class T>
void reduce(const reduction& r) {
  using A = ops::accumulator_t<T>;
  std::size_t out_size = itemsize(r.out_dtype);
  std::array<std::array<std::int64_t, max_ndim>, max_operands> out_strides{}, red_strides{};
  for (int d = 0; d < r.out_ndim; ++d) out_strides[0][d] = r.in_out_strides[d];
  for (int d = 0; d < r.red_ndim; ++d) red_strides[0][d] = r.in_red_strides[d];
  std::int64_t o = 0;
  auto reduce_one = [&](const char* in) {
    A acc = Op::template identity<A>();
    bool seeded = Op::has_identity;
    if (r.num_red > 0) {
      std::int64_t inner = planted::reduced_run_length<T>(r, r.red_ndim ? r.red_shape[0] : 1);
      std::int64_t st = r.red_ndim ? r.in_red_strides[0] : 0;
      for_each_run(r.red_ndim, r.red_shape.data(), 1, red_strides, {const_cast<char*>(in)},
                   [&](std::array<char*, max_operands> p) {
                     A part = reduce_run<Op, A, T>(p[0], inner, st, r.in_dtype);
                     acc = seeded ? Op::template combine<A>(acc, part) : part;
                     seeded = true;
                   });
    }
    ops::store_as<T>(r.out + o * out_size, r.out_dtype, ops::convert<T>(acc));
    ++o;
  };
  if (r.out_ndim == 0) {
    reduce_one(r.in);
    return;
  }
  std::int64_t inner = r.out_shape[0], st = r.in_out_strides[0];
  for_each_run(r.out_ndim, r.out_shape.data(), 1, out_strides, {r.in}, [&](std::array<char*, max_operands> p) {
    for (std::int64_t i = 0; i < inner; ++i) reduce_one(p[0] + i * st);
  });
}

template <class Op, class T>
void reduce_segments(const segmented_reduction& r) {
  using A = ops::accumulator_t<T>;
  std::size_t out_size = itemsize(r.out_dtype);
  for (std::int64_t o = 0; o < r.num_out; ++o) {
    A acc = reduce_run<Op, A, T>(r.in + r.begin[o], r.length[o], r.stride, r.in_dtype);
    ops::store_as<T>(r.out + o * std::int64_t(out_size), r.out_dtype, ops::convert<T>(acc));
  }
}

}  // namespace cunp::detail::host
