#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_trig(elementwise_table& t) { register_family<ops::ufunc_family::trig>(t); }
}  // namespace cunp::detail::host
