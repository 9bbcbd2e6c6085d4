#include "backend/host/register_family.hpp"

namespace cunp::detail::host {
void register_predicate(elementwise_table& t) { register_family<ops::ufunc_family::predicate>(t); }
}  // namespace cunp::detail::host
