#pragma once
#include <cstdint>

#include "backend/cuda/check.hpp"
#include "core/backend.hpp"
#include "cunp/dtype.hpp"

namespace cunp::detail::cuda {
void fill(void* dst, std::int64_t n, const void* pattern, std::size_t itemsize, const launch_context& ctx);
void gather(const gather_request& r, const launch_context& ctx);
void arange(void* out, dtype dt, std::int64_t n, const void* start, const void* delta, const launch_context& ctx);
}  // namespace cunp::detail::cuda
