// What the backend class sees of the host loops: its launcher tables, filled by one translation
// unit per op family (as the CUDA backend's .cu files), so that a family compiles in parallel with
// the others and the planted library recompiles only the families a planted bug lives in.
#pragma once
#include "core/backend.hpp"
#include "core/iteration.hpp"
#include "core/ufunc_loops.hpp"
#include "ops/arg_reductions.hpp"
#include "ops/reductions.hpp"
#include "ops/scans.hpp"

namespace cunp::detail::host {
using elementwise_fn = void (*)(const iteration&);
using reduce_fn = void (*)(const reduction&);
using segments_fn = void (*)(const segmented_reduction&);
using scan_fn = void (*)(const accumulation&);
using elementwise_table = elementwise_fn[int(ops::ufunc_id::count)][max_kernels];
using reduce_table = reduce_fn[int(ops::reduce_id::count)][dtype_count];
using segments_table = segments_fn[int(ops::reduce_id::count)][dtype_count];
using arg_reduce_table = reduce_fn[int(ops::arg_reduce_id::count)][dtype_count];
using scan_table = scan_fn[int(ops::scan_id::count)][dtype_count];
using sort_fn = void (*)(const sort_request&);
using sort_table = sort_fn[dtype_count];
using search_fn = void (*)(const search_request&);
using search_table = search_fn[dtype_count];

// One per op family (the last column of the op list), each in its own .cpp file.
#define CUNP_DECLARE_REGISTER(family) void register_##family(elementwise_table& t);
CUNP_UFUNC_FAMILY_LIST(CUNP_DECLARE_REGISTER)
#undef CUNP_DECLARE_REGISTER
void register_reductions(reduce_table& t, segments_table& s);
void register_arg_reductions(arg_reduce_table& t);
void register_scans(scan_table& t);
void register_sorts(sort_table& t);
void register_searches(search_table& t);

}  // namespace cunp::detail::host
