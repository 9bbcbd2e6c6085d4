// The N-d iteration a backend runs: operands broadcast to byte strides, dims reordered by stride
// and coalesced (PyTorch TensorIterator's reorder -> coalesce), with a flag for 32-bit indexing.
#pragma once
#include <array>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp::detail {

inline constexpr int max_operands = 3;

struct iteration {
  int ndim = 0;  // after coalescing; dim 0 is the innermost
  int nops = 0;  // operand 0 is the output
  std::int64_t numel = 0;
  std::array<std::int64_t, max_ndim> shape{};
  std::array<std::array<std::int64_t, max_ndim>, max_operands> strides{};  // bytes
  std::array<char*, max_operands> data{};
  std::array<dtype, max_operands> dtypes{};
  bool index32 = true;  // numel and every byte offset fit in int32
  // An input may be a scalar carried by value (stride 0 everywhere, no device memory): its
  // bytes, already of the operand's dtype, sit in scalar_value.
  std::array<bool, max_operands> is_scalar{};
  struct alignas(16) scalar_bytes {
    unsigned char b[16];
  };
  std::array<scalar_bytes, max_operands> scalar_value{};

  // One dense run: ndim <= 1 and every array operand's stride is its itemsize.
  bool contiguous() const;
};

struct iteration_operand {
  char* data;  // element 0; nullptr for a by-value scalar
  dtype dt;
  strides_t strides;  // already broadcast to the iteration shape (all 0 for a scalar)
  const void* scalar = nullptr;  // the scalar's bytes (of dtype dt), when data is nullptr
};
// Operand 0 must be the output. Reorders by the output's strides, drops extent-1 dims, coalesces.
iteration make_iteration(const shape_t& shape, const std::vector<iteration_operand>& ops);

// A reduction: out[o] = combine over r of in[o, r], with the kept (o) and reduced (r) dims each
// reordered and coalesced on their own.
struct reduction {
  char* in = nullptr;
  dtype in_dtype{};
  char* out = nullptr;  // contiguous, num_out elements
  dtype out_dtype{};
  int out_ndim = 0, red_ndim = 0;  // dim 0 innermost
  std::array<std::int64_t, max_ndim> out_shape{}, in_out_strides{};
  std::array<std::int64_t, max_ndim> red_shape{}, in_red_strides{};
  std::int64_t num_out = 1, num_red = 1;
  bool index32 = true;
  // true when the reduced dims are one dense run (stride == itemsize) of the input
  bool reduced_contiguous() const;
};
reduction make_reduction(const ndarray& in, const std::vector<int>& reduced_axes, char* out, dtype out_dtype);

}  // namespace cunp::detail
