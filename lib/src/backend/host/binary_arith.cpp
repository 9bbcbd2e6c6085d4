#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_arith(elementwise_table& t) { register_family<ops::ufunc_family::arith>(t); }
}  // namespace cunp::detail::host
