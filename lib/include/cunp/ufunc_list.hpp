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
  X(divide, 2, 1, arith)          \
  X(divmod, 2, 2, arith)          \
  X(fmax, 2, 1, arith)            \
  X(fmin, 2, 1, arith)            \
  X(copysign, 2, 1, arith)        \
  X(heaviside, 2, 1, arith)       \
  X(floor_divide, 2, 1, division) \
  X(remainder, 2, 1, division)    \
  X(fmod, 2, 1, division)         \
  X(power, 2, 1, division)        \
  X(float_power, 2, 1, division)  \
  X(reciprocal, 1, 1, division)   \
  X(maximum, 2, 1, compare)       \
  X(minimum, 2, 1, compare)       \
  X(equal, 2, 1, compare)         \
  X(not_equal, 2, 1, compare)     \
  X(less, 2, 1, compare)          \
  X(less_equal, 2, 1, compare)    \
  X(greater, 2, 1, compare)       \
  X(greater_equal, 2, 1, compare) \
  X(clip, 3, 1, compare)          \
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
  X(bitwise_count, 1, 1, bitwise) \
  X(gcd, 2, 1, bitwise)           \
  X(lcm, 2, 1, bitwise)           \
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
  X(tan, 1, 1, trig)              \
  X(arcsin, 1, 1, trig)           \
  X(arccos, 1, 1, trig)           \
  X(arctan, 1, 1, trig)           \
  X(sinh, 1, 1, trig)             \
  X(cosh, 1, 1, trig)             \
  X(tanh, 1, 1, trig)             \
  X(arcsinh, 1, 1, trig)          \
  X(arccosh, 1, 1, trig)          \
  X(arctanh, 1, 1, trig)          \
  X(exp2, 1, 1, exp_log)          \
  X(expm1, 1, 1, exp_log)         \
  X(log2, 1, 1, exp_log)          \
  X(log10, 1, 1, exp_log)         \
  X(log1p, 1, 1, exp_log)         \
  X(logaddexp, 2, 1, exp_log)     \
  X(logaddexp2, 2, 1, exp_log)    \
  X(cbrt, 1, 1, float_parts)      \
  X(deg2rad, 1, 1, float_parts)   \
  X(radians, 1, 1, float_parts)   \
  X(rad2deg, 1, 1, float_parts)   \
  X(degrees, 1, 1, float_parts)   \
  X(arctan2, 2, 1, float_parts)   \
  X(hypot, 2, 1, float_parts)     \
  X(spacing, 1, 1, float_parts)   \
  X(nextafter, 2, 1, float_parts) \
  X(ldexp, 2, 1, float_parts)     \
  X(frexp, 1, 2, float_parts)     \
  X(modf, 1, 2, float_parts)      \
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

// NumPy's other names for ufuncs of the list: X(alias, op, nin, nout). cunp has each as a function
// forwarding to the op, registered under NumPy's alias.
#define CUNP_UFUNC_ALIAS_LIST(X)                       \
  X(abs, absolute, 1, 1)                               \
  X(acos, arccos, 1, 1)                                \
  X(acosh, arccosh, 1, 1)                              \
  X(asin, arcsin, 1, 1)                                \
  X(asinh, arcsinh, 1, 1)                              \
  X(atan, arctan, 1, 1)                                \
  X(atanh, arctanh, 1, 1)                              \
  X(atan2, arctan2, 2, 1)                              \
  X(bitwise_not, invert, 1, 1)                         \
  X(bitwise_invert, invert, 1, 1)                      \
  X(bitwise_left_shift, left_shift, 2, 1)              \
  X(bitwise_right_shift, right_shift, 2, 1)            \
  X(conj, conjugate, 1, 1)                             \
  X(mod, remainder, 2, 1)                              \
  X(pow, power, 2, 1)                                  \
  X(true_divide, divide, 2, 1)
