#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_float_parts(elementwise_table& t) { register_family<ops::ufunc_family::float_parts>(t); }
}  // namespace cunp::detail::host
