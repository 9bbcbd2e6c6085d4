#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_logical(elementwise_table& t) { register_family<ops::ufunc_family::logical>(t); }
}  // namespace cunp::detail::host
