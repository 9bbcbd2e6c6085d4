// What the backend class sees of the sort and search launchers.
#pragma once
#include "backend/cuda/check.hpp"
#include "core/backend.hpp"

namespace cunp::detail::cuda {
using sort_launcher = void (*)(const sort_request&, const launch_context&);
using sort_table = sort_launcher[dtype_count];
void register_sorts(sort_table& t);
using search_launcher = void (*)(const search_request&, const launch_context&);
using search_table = search_launcher[dtype_count];
void register_searches(search_table& t);
}  // namespace cunp::detail::cuda
