#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_division(elementwise_table& t) { register_family<ops::ufunc_family::division>(t); }
}  // namespace cunp::detail::host
