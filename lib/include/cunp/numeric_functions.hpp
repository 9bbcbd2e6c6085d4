// NumPy's functions built on its ufuncs, which users reach for beside them: complex parts,
// rounding to decimals, NaN replacement, tolerant comparison and the type predicates. Each follows
// the Python (or C) algorithm NumPy runs, step by step through cunp's ufuncs, so dtypes, casts
// and special values come out as NumPy's do.
#pragma once
#include <optional>

#include "cunp/ops.hpp"

namespace cunp {

// numpy.real: a view of a complex array's real parts; any other array itself.
ndarray real(const ndarray& val);
// numpy.imag: a view of a complex array's imaginary parts; for any other array, new zeros of its
// dtype and shape.
ndarray imag(const ndarray& val);
// numpy.angle: arctan2(imag, real) (a real input's imaginary part is the Python int 0), in degrees
// with deg. An integer array gives its own float loop's dtype: int8 gives float16, bool float64.
ndarray angle(const operand& z, bool deg = false);

// numpy.round / numpy.around, NumPy's algorithm: for floats, multiply by 10**decimals (divide,
// for negative decimals), rint, and undo, in the input's dtype (or out's); complex parts
// separately; integers with decimals >= 0 come back unchanged (the array itself without out),
// and with negative decimals round in float64 and cast back (wrapping where that leaves the dtype,
// which NumPy leaves undefined). decimals == 0 is rint, so bool gives float16. out must have a's
// size (value_error otherwise), and a must broadcast to its shape.
ndarray round(const ndarray& a, int decimals = 0, const ndarray& out = {});
inline ndarray around(const ndarray& a, int decimals = 0, const ndarray& out = {}) { return round(a, decimals, out); }

// numpy.fix: rounds toward zero, which is trunc (NumPy 2.5 deprecates fix for trunc).
ndarray fix(const operand& x, const ndarray& out = {});

struct nan_to_num_options {
  bool copy = true;  // false: replace in x itself (an inexact x), and return it
  double nan = 0.0;
  std::optional<double> posinf;  // none: the dtype's largest finite value
  std::optional<double> neginf;  // none: the dtype's most negative finite value
};
// numpy.nan_to_num: NaN and the infinities replaced in a float array (in each part of a complex
// one), the replacements cast to its dtype as NumPy casts them (1e10 into float16 is inf); other
// dtypes come back as they are (a copy, with copy).
ndarray nan_to_num(const ndarray& x, const nan_to_num_options& options = {});

struct isclose_options {
  double rtol = 1e-05;
  double atol = 1e-08;
  bool equal_nan = false;  // NaN against NaN counts as close
};
// numpy.isclose: |a - b| <= atol + rtol * |b| where b is finite, or a == b; b first converted to
// result_type(b, 1.0) (NumPy's asymmetry: b is the reference).
ndarray isclose(const operand& a, const operand& b, const isclose_options& options = {});
// numpy.allclose: every element isclose (true for empty inputs).
bool allclose(const operand& a, const operand& b, const isclose_options& options = {});
// numpy.array_equal: same shape and equal elements (NaN equal to NaN with equal_nan).
bool array_equal(const operand& a1, const operand& a2, bool equal_nan = false);
// numpy.array_equiv: shapes that broadcast together and equal elements.
bool array_equiv(const operand& a1, const operand& a2);

// numpy.isreal / numpy.iscomplex: elementwise, by the imaginary part (every element of a real
// array is real).
ndarray isreal(const ndarray& x);
ndarray iscomplex(const ndarray& x);
// numpy.isrealobj / numpy.iscomplexobj: by the dtype alone.
bool isrealobj(const ndarray& x);
bool iscomplexobj(const ndarray& x);

// numpy.isposinf / numpy.isneginf: +inf (-inf) elements, into out if given. Complex input throws
// type_error, as NumPy's (which sign an infinity of a complex number has is ambiguous).
ndarray isposinf(const operand& x, const ndarray& out = {});
ndarray isneginf(const operand& x, const ndarray& out = {});

}  // namespace cunp
