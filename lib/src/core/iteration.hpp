// The N-d iteration a backend runs: operands broadcast to byte strides, dims reordered by stride
// and coalesced (PyTorch TensorIterator's reorder -> coalesce), with a flag for 32-bit indexing.
#pragma once
#include <array>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp::detail {

// outputs and inputs together: up to 2 outputs (divmod) and 4 inputs (clip with where=)
inline constexpr int max_operands = 6;

struct iteration {
  int ndim = 0;  // after coalescing; dim 0 is the innermost
  int nops = 0;  // outputs first, then inputs
  int nout = 1;
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
// The first `nout` operands are the outputs. Reorders by the first output's strides, drops
// extent-1 dims, coalesces.
iteration make_iteration(const shape_t& shape, const std::vector<iteration_operand>& ops, int nout = 1);

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
// Segments reduced one each: out[o] = combine over i in [0, length[o]) of the element at
// in + begin[o] + i * stride (bytes), in order, every length >= 1 and no identity joining (a ufunc's
// reduceat: a segment of one element is that element). begin and length hold num_out int64 each,
// where the backend reads them (device memory on CUDA).
struct segmented_reduction {
  const char* in = nullptr;
  dtype in_dtype{};
  char* out = nullptr;  // contiguous, num_out elements of the loop dtype
  dtype out_dtype{};
  const std::int64_t* begin = nullptr;
  const std::int64_t* length = nullptr;
  std::int64_t stride = 0, num_out = 0;
};
// reduced_order::logical keeps the reduced dims in the array's C order (dim 0 = the last axis),
// coalescing only where that order is kept, so the reduced index r is the element's position in
// the C-order flattening of the reduced dims (argmax/argmin report it). By stride (the default)
// reorders them for memory order, for reductions whose result does not depend on the order.
enum class reduced_order { by_stride, logical };
reduction make_reduction(const ndarray& in, const std::vector<int>& reduced_axes, char* out, dtype out_dtype,
                         reduced_order ord = reduced_order::by_stride);

// A scan along one axis: out[o, i] = combine(out[o, i-1], in[o, i]) for i in [0, len), for every
// position o of the other (outer) dims, which are reordered and coalesced like an iteration's.
// The output has its own strides (a new array); the input's dtype may differ from the output's,
// and converts as it loads.
struct accumulation {
  char* in = nullptr;
  dtype in_dtype{};
  char* out = nullptr;
  dtype out_dtype{};
  std::int64_t len = 0, in_stride = 0, out_stride = 0;  // the scanned axis (strides in bytes)
  int outer_ndim = 0;  // dim 0 innermost
  std::array<std::int64_t, max_ndim> outer_shape{}, in_outer_strides{}, out_outer_strides{};
  std::int64_t num_outer = 1;
};
accumulation make_accumulation(const ndarray& in, int axis, const ndarray& out);

}  // namespace cunp::detail
