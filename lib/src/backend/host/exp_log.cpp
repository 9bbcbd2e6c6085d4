#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_exp_log(elementwise_table& t) { register_family<ops::ufunc_family::exp_log>(t); }
}  // namespace cunp::detail::host
