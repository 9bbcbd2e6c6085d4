#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_copy(elementwise_table& t) { register_family<ops::ufunc_family::copy>(t); }
}  // namespace cunp::detail::host
