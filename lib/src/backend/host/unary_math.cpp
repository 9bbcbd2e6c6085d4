#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_math(elementwise_table& t) { register_family<ops::ufunc_family::math>(t); }
}  // namespace cunp::detail::host
