// Fills the host launcher table of one op family; included by that family's .cpp file only.
#pragma once
#include "backend/host/host_loops.hpp"
#include "backend/host/loop_tables.hpp"

namespace cunp::detail::host {

template <ops::ufunc_family F>
void register_family(elementwise_table& t) {
  ops::for_each_in_family<F>([&](auto op_tag, ops::ufunc_id id) {
    using Op = typename decltype(op_tag)::type;
    for_each_kernel<Op>([&](int k, auto sig_tag) { t[int(id)][k] = &elementwise<Op, typename decltype(sig_tag)::type>; });
  });
}

}  // namespace cunp::detail::host
