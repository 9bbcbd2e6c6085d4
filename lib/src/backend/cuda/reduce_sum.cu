// sum's reduction kernels, every dtype.
#include "backend/cuda/reduce_kernels.cuh"

namespace cunp::detail::cuda {
void register_sum_reductions(reduce_table& t, segments_table& s) { register_reduction<ops::sum_op>(ops::reduce_id::sum, t, s); }
}  // namespace cunp::detail::cuda
