// min's reduction kernels, every dtype.
#include "backend/cuda/reduce_kernels.cuh"

namespace cunp::detail::cuda {
void register_min_reductions(reduce_table& t, segments_table& s) { register_reduction<ops::min_op>(ops::reduce_id::min, t, s); }
}  // namespace cunp::detail::cuda
