// prod's reduction kernels, every dtype.
#include "backend/cuda/reduce_kernels.cuh"

namespace cunp::detail::cuda {
void register_prod_reductions(reduce_table& t, segments_table& s) { register_reduction<ops::prod_op>(ops::reduce_id::prod, t, s); }
}  // namespace cunp::detail::cuda
