#pragma once
#include <cstdint>

#include "backend/cuda/check.hpp"

namespace cunp::detail::cuda {
// The positions of the true bools among flags[0, n), ascending, into out (room for as many as
// there are); returns their count (the stream synchronized to read it).
std::int64_t select_true(const bool* flags, std::int64_t n, std::int64_t* out, const launch_context& ctx);
}  // namespace cunp::detail::cuda
