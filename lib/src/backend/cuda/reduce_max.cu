// max's reduction kernels, every dtype.
#include "backend/cuda/reduce_kernels.cuh"

namespace cunp::detail::cuda {
void register_max_reductions(reduce_table& t, segments_table& s) { register_reduction<ops::max_op>(ops::reduce_id::max, t, s); }
}  // namespace cunp::detail::cuda
