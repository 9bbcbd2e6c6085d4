#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_compare(elementwise_table& t) { register_family<ops::ufunc_family::compare>(t); }
}  // namespace cunp::detail::host
