// One element of an elementwise loop, shared by the host loops and the CUDA kernels: fetch each
// input as its signature type, call the op's functor, hand each output to the writer.
#pragma once
#include <algorithm>
#include <utility>

#include "ops/ufuncs.hpp"

namespace cunp::ops {

// Op's value for one element; an op that checks its inputs reports what it finds to src.report
// (which only such ops' readers need to have).
template <class Op, class Src, class... A>
CUNP_HD auto checked_apply(const Src& src, A... a) {
  if constexpr (Op::checks_inputs) {
    kernel_error e = Op::check(a...);
    if (e != kernel_error::none) src.report(e);
  }
  return Op::apply(a...);
}

// src.template get<K, T>() yields input K as T; dst.template put<J>(v) takes output J.
template <class Op, class Sig, class Src, std::size_t... K>
CUNP_HD auto apply_inputs(const Src& src, std::index_sequence<K...>) {
  return checked_apply<Op>(src, src.template get<K, type_at_t<K, typename Sig::inputs>>()...);
}

template <class Op, class Sig, class Src, class Dst>
CUNP_HD void apply_element(const Src& src, Dst& dst) {
  auto r = apply_inputs<Op, Sig>(src, std::make_index_sequence<std::size_t(Sig::nin)>{});
  if constexpr (Sig::nout == 1) {
    dst.template put<0>(type_at_t<0, typename Sig::outputs>(r));
  } else {
    dst.template put<0>(r.first);
    dst.template put<1>(r.second);
  }
}

// The widest element a signature moves: its vector width is 16 bytes over it.
template <class Sig> struct widest;
template <class... I, class... O> struct widest<signature<type_list<I...>, type_list<O...>>> {
  static constexpr std::size_t value = std::max({sizeof(I)..., sizeof(O)...});
};

}  // namespace cunp::ops
