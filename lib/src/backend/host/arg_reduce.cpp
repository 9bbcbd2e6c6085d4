#include "backend/host/arg_reduce_loops.hpp"
#include "backend/host/loop_tables.hpp"

namespace cunp::detail::host {
void register_arg_reductions(arg_reduce_table& t) {
  for (int i = 0; i < int(ops::arg_reduce_id::count); ++i)
    ops::visit_arg_reduction(ops::arg_reduce_id(i), [&](auto op_tag) {
      using Op = typename decltype(op_tag)::type;
      for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[i][int(d)] = &arg_reduce<Op, typename decltype(tag)::type>; });
    });
}
}  // namespace cunp::detail::host
