#include "backend/host/host_loops.hpp"
#include "backend/host/loop_tables.hpp"

namespace cunp::detail::host {
void register_reductions(reduce_table& t, segments_table& s) {
  for (int i = 0; i < int(ops::reduce_id::count); ++i)
    ops::visit_reduction(ops::reduce_id(i), [&](auto op_tag) {
      using Op = typename decltype(op_tag)::type;
      for (dtype d : all_dtypes)
        ops::visit(d, [&](auto tag) {
          t[i][int(d)] = &reduce<Op, typename decltype(tag)::type>;
          s[i][int(d)] = &reduce_segments<Op, typename decltype(tag)::type>;
        });
    });
}
}  // namespace cunp::detail::host
