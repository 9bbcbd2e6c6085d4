#include "backend/host/loop_tables.hpp"
#include "backend/host/scan_loops.hpp"

namespace cunp::detail::host {
void register_scans(scan_table& t) {
  for (int i = 0; i < int(ops::scan_id::count); ++i)
    ops::visit_scan(ops::scan_id(i), [&](auto op_tag) {
      using Op = typename decltype(op_tag)::type;
      for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[i][int(d)] = &scan<Op, typename decltype(tag)::type>; });
    });
}
}  // namespace cunp::detail::host
