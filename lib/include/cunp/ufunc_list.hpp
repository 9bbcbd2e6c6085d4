// The one list of elementwise ops. Each line: X(name, nin, nout, family) — the cunp function name,
// its numbers of inputs and outputs, and the op family whose translation unit compiles its CUDA
// kernels. The public declarations, the op ids, the dispatch, the loop tables, the registry and
// both backends' registrations are all derived from this list; a new ufunc is its functor in
// lib/src/ops/ufuncs.hpp plus one line here.
#pragma once

#define CUNP_UFUNC_LIST(X)        \
  X(add, 2, 1, arith)             \
  X(subtract, 2, 1, arith)        \
  X(multiply, 2, 1, arith)        \
  X(true_divide, 2, 1, arith)     \
  X(divmod, 2, 2, arith)          \
  X(fmax, 2, 1, arith)            \
  X(fmin, 2, 1, arith)            \
  X(copysign, 2, 1, arith)        \
  X(heaviside, 2, 1, arith)       \
  X(maximum, 2, 1, compare)       \
  X(minimum, 2, 1, compare)       \
  X(equal, 2, 1, compare)         \
  X(not_equal, 2, 1, compare)     \
  X(less, 2, 1, compare)          \
  X(less_equal, 2, 1, compare)    \
  X(greater, 2, 1, compare)       \
  X(greater_equal, 2, 1, compare) \
  X(logical_and, 2, 1, logical)   \
  X(logical_or, 2, 1, logical)    \
  X(logical_xor, 2, 1, logical)   \
  X(logical_not, 1, 1, logical)   \
  X(bitwise_and, 2, 1, bitwise)   \
  X(bitwise_or, 2, 1, bitwise)    \
  X(bitwise_xor, 2, 1, bitwise)   \
  X(invert, 1, 1, bitwise)        \
  X(left_shift, 2, 1, bitwise)    \
  X(right_shift, 2, 1, bitwise)   \
  X(negative, 1, 1, math)         \
  X(positive, 1, 1, unary_basic)  \
  X(absolute, 1, 1, math)         \
  X(fabs, 1, 1, unary_basic)      \
  X(sign, 1, 1, unary_basic)      \
  X(conjugate, 1, 1, unary_basic) \
  X(square, 1, 1, unary_basic)    \
  X(sqrt, 1, 1, math)             \
  X(sin, 1, 1, math)              \
  X(cos, 1, 1, math)              \
  X(exp, 1, 1, math)              \
  X(log, 1, 1, math)              \
  X(floor, 1, 1, unary_basic)     \
  X(ceil, 1, 1, unary_basic)      \
  X(trunc, 1, 1, unary_basic)     \
  X(rint, 1, 1, unary_basic)      \
  X(isnan, 1, 1, predicate)       \
  X(isinf, 1, 1, predicate)       \
  X(isfinite, 1, 1, predicate)    \
  X(signbit, 1, 1, predicate)

// Elementwise ops that are not NumPy ufuncs but run on the same machinery (their public functions
// resolve types their own way): the casting copy behind astype/assign, and where(cond, x, y).
#define CUNP_ELEMENTWISE_EXTRA_LIST(X) \
  X(copy, 1, 1, copy)                  \
  X(where, 3, 1, copy)
