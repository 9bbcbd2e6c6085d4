#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_bitwise(elementwise_table& t) { register_family<ops::ufunc_family::bitwise>(t); }
}  // namespace cunp::detail::host
