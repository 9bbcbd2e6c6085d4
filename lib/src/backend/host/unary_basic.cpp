#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_unary_basic(elementwise_table& t) { register_family<ops::ufunc_family::unary_basic>(t); }
}  // namespace cunp::detail::host
