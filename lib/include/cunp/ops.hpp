// Array creation, ufuncs and reductions: the NumPy functions cunp implements.
#pragma once
#include <complex>
#include <initializer_list>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "cunp/ndarray.hpp"
#include "cunp/ufunc_list.hpp"

namespace cunp {

// An argument of a ufunc: an array (strong) or a C++ scalar (weak, as a Python scalar is under
// NEP 50: `int8_array + 1` stays int8, `int8_array + 1000` is an overflow_error).
class operand {
 public:
  operand(const ndarray& a) : v_(a) {}
  template <class S, std::enable_if_t<std::is_arithmetic_v<S>, int> = 0>
  operand(S s) : v_(weak_scalar(s)) {}
  template <class F>
  operand(std::complex<F> s) : v_(weak_scalar(s)) {}
  operand(const weak_scalar& s) : v_(s) {}
  bool is_array() const { return v_.index() == 0; }
  const ndarray& array() const { return std::get<0>(v_); }
  const weak_scalar& scalar() const { return std::get<1>(v_); }

 private:
  std::variant<ndarray, weak_scalar> v_;
};

// ---- creation (device defaults to default_device()) ----
ndarray empty(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
              std::optional<device> dev = {});
ndarray zeros(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
              std::optional<device> dev = {});
ndarray ones(const shape_t& shape, dtype dt = dtype::float64, order ord = order::C,
             std::optional<device> dev = {});
// dtype defaults to the fill value's own (NumPy: full(shape, 1.5) is float64)
ndarray full(const shape_t& shape, const weak_scalar& value, std::optional<dtype> dt = {},
             order ord = order::C, std::optional<device> dev = {});
// arange(stop) / arange(start, stop, step); dtype from the arguments as NumPy does
ndarray arange(const weak_scalar& stop, std::optional<dtype> dt = {}, std::optional<device> dev = {});
ndarray arange(const weak_scalar& start, const weak_scalar& stop, const weak_scalar& step = 1,
               std::optional<dtype> dt = {}, std::optional<device> dev = {});
ndarray eye(std::int64_t n, std::optional<std::int64_t> m = {}, std::int64_t k = 0,
            dtype dt = dtype::float64, order ord = order::C, std::optional<device> dev = {});
// _like: dtype/shape/device of `a`, its layout when order K
ndarray empty_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray zeros_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray ones_like(const ndarray& a, std::optional<dtype> dt = {}, order ord = order::K);
ndarray full_like(const ndarray& a, const weak_scalar& value, std::optional<dtype> dt = {},
                  order ord = order::K);

// From host data (copied), C order. strides in bytes may be given for a strided source.
ndarray asarray(const void* host_data, dtype dt, const shape_t& shape, std::optional<device> dev = {});
template <class T>
ndarray asarray(const T* host_data, const shape_t& shape, std::optional<device> dev = {}) {
  return asarray(static_cast<const void*>(host_data), dtype_of<T>, shape, dev);
}
template <class T>
ndarray asarray(const std::vector<T>& v, std::optional<shape_t> shape = {}, std::optional<device> dev = {}) {
  static_assert(!std::is_same_v<T, bool>, "std::vector<bool> is packed: pass a bool array");
  return asarray(static_cast<const void*>(v.data()), dtype_of<T>,
                 shape ? *shape : shape_t{std::int64_t(v.size())}, dev);
}
template <class T>
ndarray asarray(std::initializer_list<T> v, std::optional<shape_t> shape = {}, std::optional<device> dev = {}) {
  return asarray(static_cast<const void*>(v.begin()), dtype_of<T>,
                 shape ? *shape : shape_t{std::int64_t(v.size())}, dev);
}
// as NumPy's, at least 1-d: a 0-d input gives shape (1,)
ndarray ascontiguousarray(const ndarray& a, std::optional<dtype> dt = {});
ndarray asfortranarray(const ndarray& a, std::optional<dtype> dt = {});
ndarray broadcast_to(const ndarray& a, const shape_t& shape);
shape_t broadcast_shapes(const std::vector<shape_t>& shapes);

// ---- ufuncs (broadcasting, NEP 50 promotion, NumPy's loop tables), one per line of the op list
// (cunp/ufunc_list.hpp), named as NumPy's; NumPy's aliases below. Each takes NumPy's keywords:
// cunp::add(a, b, {.out = c, .where = mask}), cunp::divmod(a, b, {.out = {q, r}}). ----

// Where a ufunc writes: new arrays (nothing given), an array, or one per output ({q, r} for
// divmod); a null ndarray in the list leaves that output new, as NumPy's None does.
struct ufunc_out {
  ufunc_out() = default;
  ufunc_out(const ndarray& a) : arrays{a} {}
  ufunc_out(std::initializer_list<ndarray> a) : arrays(a) {}
  std::vector<ndarray> arrays;
};
struct ufunc_options {
  // outputs written in place (returned too); inputs that overlap them are read as if copied first
  ufunc_out out;
  // a bool mask broadcast with the inputs: where it is false, out keeps its values (without out,
  // those elements are unspecified, as NumPy leaves them uninitialized)
  std::optional<ndarray> where{};
  // the outputs' dtype: the loop NumPy's type resolution picks for it (dtype= of np.ufunc)
  std::optional<cunp::dtype> dtype{};
  // the rule every input's cast to its loop type, and every output's cast to out, must satisfy
  cunp::casting casting = cunp::casting::same_kind;
};

// The keywords of a binary ufunc's methods, NumPy's names and defaults.
struct reduce_options {
  axes axis = 0;  // NumPy's default is the first axis; std::nullopt: all of them
  std::optional<cunp::dtype> dtype{};  // the loop's dtype (add and multiply widen narrow integers without it)
  std::optional<ndarray> out{};  // written in place (cast unsafe, as NumPy's reduce casts)
  bool keepdims = false;
  // the value the reduction starts from; without it, the ufunc's identity (an empty reduction of
  // a ufunc without one is a value_error, and so is where= without initial)
  std::optional<weak_scalar> initial{};
  std::optional<ndarray> where{};  // a bool mask broadcast against the input: the elements reduced
};
struct accumulate_options {
  std::int64_t axis = 0;
  std::optional<cunp::dtype> dtype{};
  std::optional<ndarray> out{};
};
using reduceat_options = accumulate_options;

// A NumPy ufunc as a C++ object (cunp::ufuncs::add): called as the function of its name is, and a
// binary one has NumPy's methods: cunp::ufuncs::add.reduce(a, {.axis = 1}),
// cunp::ufuncs::maximum.accumulate(a), cunp::ufuncs::multiply.outer(a, b),
// cunp::ufuncs::add.reduceat(a, indices).
enum class ufunc_op : std::uint8_t {
#define CUNP_UFUNC_ENUMERATOR(op, nin, nout, family) op,
  CUNP_UFUNC_LIST(CUNP_UFUNC_ENUMERATOR)
#undef CUNP_UFUNC_ENUMERATOR
};
class ufunc {
 public:
  constexpr explicit ufunc(ufunc_op op) : op_(op) {}
  ufunc_op op() const { return op_; }
  const char* name() const;  // NumPy's name (abs.name() is "absolute", as np.abs.__name__)
  int nin() const;
  int nout() const;
  // NumPy's identity (np.add.identity), or nothing (np.maximum.identity is None)
  std::optional<weak_scalar> identity() const;

 protected:
  ufunc_op op_;
};
class unary_ufunc : public ufunc {
 public:
  using ufunc::ufunc;
  ndarray operator()(const operand& x, const ufunc_options& options = {}) const;
};
class unary_ufunc2 : public ufunc {  // frexp, modf
 public:
  using ufunc::ufunc;
  std::pair<ndarray, ndarray> operator()(const operand& x, const ufunc_options& options = {}) const;
};
class binary_ufunc : public ufunc {
 public:
  using ufunc::ufunc;
  ndarray operator()(const operand& x1, const operand& x2, const ufunc_options& options = {}) const;
  // numpy.ufunc.reduce: a reorderable ufunc (add, maximum, ...) takes several axes; the others
  // reduce one axis, in order, as NumPy does
  ndarray reduce(const ndarray& a, const reduce_options& options = {}) const;
  // numpy.ufunc.accumulate: out[i] = op(out[i-1], a[i]) along an axis
  ndarray accumulate(const ndarray& a, const accumulate_options& options = {}) const;
  // numpy.ufunc.reduceat: the reductions of a[indices[i]:indices[i+1]] along an axis (a[indices[i]]
  // where indices[i] >= indices[i+1]; the last runs to the end)
  ndarray reduceat(const ndarray& a, const ndarray& indices, const reduceat_options& options = {}) const;
  // numpy.ufunc.outer: op over every pair, of shape a.shape + b.shape
  ndarray outer(const ndarray& a, const ndarray& b, const ufunc_options& options = {}) const;
};
class binary_ufunc2 : public ufunc {  // divmod
 public:
  using ufunc::ufunc;
  std::pair<ndarray, ndarray> operator()(const operand& x1, const operand& x2, const ufunc_options& options = {}) const;
  std::pair<ndarray, ndarray> outer(const ndarray& a, const ndarray& b, const ufunc_options& options = {}) const;
};
class ternary_ufunc : public ufunc {  // clip
 public:
  using ufunc::ufunc;
  ndarray operator()(const operand& x1, const operand& x2, const operand& x3, const ufunc_options& options = {}) const;
};
#define CUNP_UFUNC_CLASS_1_1 unary_ufunc
#define CUNP_UFUNC_CLASS_1_2 unary_ufunc2
#define CUNP_UFUNC_CLASS_2_1 binary_ufunc
#define CUNP_UFUNC_CLASS_2_2 binary_ufunc2
#define CUNP_UFUNC_CLASS_3_1 ternary_ufunc
// The ufunc objects live in their own namespace: the functions below stay functions, so that
// `using namespace cunp; sqrt(x)` still overloads with <cmath>'s sqrt.
namespace ufuncs {
#define CUNP_DECLARE_UFUNC_OBJECT(op, nin, nout, family) \
  inline constexpr CUNP_UFUNC_CLASS_##nin##_##nout op{ufunc_op::op};
CUNP_UFUNC_LIST(CUNP_DECLARE_UFUNC_OBJECT)
#undef CUNP_DECLARE_UFUNC_OBJECT
#define CUNP_UFUNC_OBJECT_ALIAS(alias, op, nin, nout) inline constexpr const CUNP_UFUNC_CLASS_##nin##_1& alias = op;
CUNP_UFUNC_ALIAS_LIST(CUNP_UFUNC_OBJECT_ALIAS)
#undef CUNP_UFUNC_OBJECT_ALIAS
}  // namespace ufuncs
#undef CUNP_UFUNC_CLASS_1_1
#undef CUNP_UFUNC_CLASS_1_2
#undef CUNP_UFUNC_CLASS_2_1
#undef CUNP_UFUNC_CLASS_2_2
#undef CUNP_UFUNC_CLASS_3_1

// The ufuncs as functions (the same calls as the objects'), and NumPy's aliases of them.
#define CUNP_DECLARE_UFUNC(op, nin, nout, family) CUNP_UFUNC_DECLARATION_##nin##_##nout(op)
#define CUNP_UFUNC_DECLARATION_1_1(op) ndarray op(const operand& x, const ufunc_options& options = {});
#define CUNP_UFUNC_DECLARATION_2_1(op) \
  ndarray op(const operand& x1, const operand& x2, const ufunc_options& options = {});
#define CUNP_UFUNC_DECLARATION_2_2(op) \
  std::pair<ndarray, ndarray> op(const operand& x1, const operand& x2, const ufunc_options& options = {});
#define CUNP_UFUNC_DECLARATION_1_2(op) std::pair<ndarray, ndarray> op(const operand& x, const ufunc_options& options = {});
#define CUNP_UFUNC_DECLARATION_3_1(op) \
  ndarray op(const operand& x1, const operand& x2, const operand& x3, const ufunc_options& options = {});
CUNP_UFUNC_LIST(CUNP_DECLARE_UFUNC)
#undef CUNP_DECLARE_UFUNC
#define CUNP_DEFINE_ALIAS(alias, op, nin, nout) CUNP_ALIAS_DEFINITION_##nin(alias, op)
#define CUNP_ALIAS_DEFINITION_1(alias, op) \
  inline ndarray alias(const operand& x, const ufunc_options& options = {}) { return op(x, options); }
#define CUNP_ALIAS_DEFINITION_2(alias, op)                                                        \
  inline ndarray alias(const operand& x1, const operand& x2, const ufunc_options& options = {}) { \
    return op(x1, x2, options);                                                                   \
  }
CUNP_UFUNC_ALIAS_LIST(CUNP_DEFINE_ALIAS)
#undef CUNP_DEFINE_ALIAS

// numpy.where(condition, x, y): elements of x where condition is true, else of y; x and y
// promote together (NEP 50), the condition is read as bool, all three broadcast.
ndarray where(const operand& condition, const operand& x, const operand& y);

// ---- reductions: axis None/int/tuple, keepdims, dtype (NumPy's accumulator rules) ----
ndarray sum(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
ndarray prod(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
ndarray max(const ndarray& a, const axes& axis = {}, bool keepdims = false);
ndarray min(const ndarray& a, const axes& axis = {}, bool keepdims = false);
// numpy.amax / numpy.amin: max and min under their other names.
inline ndarray amax(const ndarray& a, const axes& axis = {}, bool keepdims = false) { return max(a, axis, keepdims); }
inline ndarray amin(const ndarray& a, const axes& axis = {}, bool keepdims = false) { return min(a, axis, keepdims); }
// numpy.all / numpy.any: logical_and / logical_or reduced in their bool loop (NaN counts as
// true); an empty reduction is true / false.
ndarray all(const ndarray& a, const axes& axis = {}, bool keepdims = false);
ndarray any(const ndarray& a, const axes& axis = {}, bool keepdims = false);
// numpy.mean: the sum over the axes divided by their count, NumPy's way: integers and bool sum
// in float64, float16 in float32 (the result back in float16), the others in their own dtype;
// with dtype, summed and divided in it (an integer dtype truncates). An empty mean is NaN.
ndarray mean(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
// numpy.var / numpy.std: NumPy's two passes, the mean (summed in dtype=, in float64 for integers
// and bool) and the sum of squared deviations (a complex deviation's parts squared and added, so
// complex input gives a real result), divided by max(n - ddof, 0) in float64 and cast back: ddof
// >= n gives inf, or NaN where the squares sum to zero. std is var's square root.
struct var_options {
  axes axis = std::nullopt;  // NumPy's default: every axis
  std::optional<cunp::dtype> dtype{};
  double ddof = 0;
  std::optional<double> correction{};  // the array API's name for ddof (both given: value_error)
  bool keepdims = false;
};
ndarray var(const ndarray& a, const var_options& options = {});
ndarray std(const ndarray& a, const var_options& options = {});
// numpy.average: mean without weights; with them sum(a * w) / sum(w) over the axes, in a and w's
// promoted dtype (at least float64 for integer or bool a). Weights of another shape than a's must
// match a's shape along the axes named (in their order): type_error without axis, value_error
// otherwise; weights summing to zero are a value_error (NumPy's ZeroDivisionError).
struct average_options {
  axes axis = std::nullopt;
  std::optional<ndarray> weights{};
  bool keepdims = false;
};
// NumPy's returned=True pair: the average and the sum of weights broadcast to its shape (without
// weights, the count of elements averaged, in the average's dtype).
struct average_result {
  ndarray average, sum_of_weights;
};
average_result average(const ndarray& a, const average_options& options = {});
// numpy.count_nonzero: the int64 count of nonzero elements (NaN counts) over the axes.
ndarray count_nonzero(const ndarray& a, const axes& axis = {}, bool keepdims = false);
// numpy.ptp: max minus min over the axes, by NumPy's subtract (bool input is a type_error).
ndarray ptp(const ndarray& a, const axes& axis = {}, bool keepdims = false);

// ---- index reductions: cunp::argmax(a, {.axis = 1, .keepdims = true}) ----
struct arg_reduce_options {
  std::optional<std::int64_t> axis;  // none: an index into the C-order flattened array
  bool keepdims = false;
};
using argmax_options = arg_reduce_options;
using argmin_options = arg_reduce_options;
// numpy.argmax: int64 position (C order of the view) of the first maximum; the first NaN wins.
ndarray argmax(const ndarray& a, const arg_reduce_options& options = {});
// numpy.argmin: int64 position (C order of the view) of the first minimum; the first NaN wins.
ndarray argmin(const ndarray& a, const arg_reduce_options& options = {});

// ---- scans: cunp::cumsum(a, {.axis = 0}) ----
struct cumsum_options {
  std::optional<std::int64_t> axis;  // none: scans the C-order flattening (a 1-d result)
  std::optional<cunp::dtype> dtype{};  // none: sum's rules (narrow ints widen to int64/uint64)
};
// numpy.cumsum: running sums along an axis, accumulated in the result dtype.
ndarray cumsum(const ndarray& a, const cumsum_options& options = {});
// numpy.cumprod: running products, by cumsum's rules (narrow integers widen, and wrap as NumPy's).
ndarray cumprod(const ndarray& a, const cumsum_options& options = {});
struct cumulative_sum_options {
  std::optional<std::int64_t> axis;  // none: only for 0-d and 1-d input (value_error otherwise)
  std::optional<cunp::dtype> dtype{};
  bool include_initial = false;  // a leading zero along the axis (the sum of nothing)
};
// numpy.cumulative_sum (NumPy 2's array-API scan): cumsum, a 0-d input read as 1-d.
ndarray cumulative_sum(const ndarray& x, const cumulative_sum_options& options = {});
// numpy.cumulative_prod: cumprod by cumulative_sum's rules (include_initial puts a one first).
ndarray cumulative_prod(const ndarray& x, const cumulative_sum_options& options = {});

// ---- the NaN-skipping functions (NumPy's nanfunctions): integer and bool input goes to the
// plain op; for floats NaN is replaced by the op's neutral value first ----
// numpy.nansum / numpy.nanprod: NaN counts as 0 / 1.
ndarray nansum(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
ndarray nanprod(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
// numpy.nanmax / numpy.nanmin: fmax / fmin reduced (an all-NaN slice gives NaN; an empty one is a
// value_error).
ndarray nanmax(const ndarray& a, const axes& axis = {}, bool keepdims = false);
ndarray nanmin(const ndarray& a, const axes& axis = {}, bool keepdims = false);
// numpy.nanargmax / numpy.nanargmin: NaN read as -inf / +inf; an all-NaN slice is a value_error.
ndarray nanargmax(const ndarray& a, const arg_reduce_options& options = {});
ndarray nanargmin(const ndarray& a, const arg_reduce_options& options = {});
// numpy.nancumsum / numpy.nancumprod: NaN counts as 0 / 1.
ndarray nancumsum(const ndarray& a, const cumsum_options& options = {});
ndarray nancumprod(const ndarray& a, const cumsum_options& options = {});
// numpy.nanmean: the sum of the non-NaN elements over their int64 count, through NumPy's float64
// loop (float16 sums in float16, unlike mean); an all-NaN slice gives NaN. dtype must be inexact
// for float input (type_error).
ndarray nanmean(const ndarray& a, const axes& axis = {}, bool keepdims = false, std::optional<dtype> dt = {});
// numpy.nanvar / numpy.nanstd: var over the non-NaN elements; NaN where count - ddof <= 0.
ndarray nanvar(const ndarray& a, const var_options& options = {});
ndarray nanstd(const ndarray& a, const var_options& options = {});

// ---- differences: cunp::diff(a, {.n = 2, .axis = 0, .prepend = 0}) ----
struct diff_options {
  std::int64_t n = 1;  // times differenced (0: a itself; negative: value_error)
  std::int64_t axis = -1;
  // joined before / after a along the axis first (a scalar broadcast to one slice), as NumPy's
  std::optional<operand> prepend{}, append{};
};
// numpy.diff: out[i] = a[i+1] - a[i] along the axis, n times (bool: not_equal).
ndarray diff(const ndarray& a, const diff_options& options = {});
// numpy.ediff1d: the differences of the flattened array, in its dtype, between to_begin and
// to_end (flattened; each must cast to it under same_kind, type_error otherwise).
ndarray ediff1d(const ndarray& ary, const std::optional<operand>& to_end = {}, const std::optional<operand>& to_begin = {});

struct trapezoid_options {
  std::optional<ndarray> x{};  // the sample points: 1-d along the axis, or broadcasting with y
  weak_scalar dx = 1.0;        // their spacing where x is none (a Python number)
  std::int64_t axis = -1;
};
// numpy.trapezoid: the sum over the axis of d * (y[1:] + y[:-1]) / 2.0, d the differences of x
// (or dx), as NumPy forms the terms (an integer y gives float64; bool adds as logical or).
ndarray trapezoid(const ndarray& y, const trapezoid_options& options = {});

// ---- joining: cunp::concatenate({a, b}, {.axis = 1}) ----
struct concatenate_options {
  std::optional<std::int64_t> axis = 0;  // none: flattens each array (C order) first
  std::optional<cunp::dtype> dtype{};      // none: result_type of the arrays
  cunp::casting casting = cunp::casting::same_kind;  // checked for each array's cast to dtype
};
// numpy.concatenate: the arrays joined along an existing axis, in a new C-order array.
ndarray concatenate(const std::vector<ndarray>& arrays, const concatenate_options& options = {});

// ---- operators, as NumPy's: each binary one takes an array on either side (or both), the other
// side may be a C++ scalar ----
#define CUNP_BINARY_OPERATOR(sym, fn)                                                     \
  inline ndarray operator sym(const operand& a, const ndarray& b) { return fn(a, b); } \
  inline ndarray operator sym(const ndarray& a, const operand& b) { return fn(a, b); } \
  inline ndarray operator sym(const ndarray& a, const ndarray& b) { return fn(a, b); }
CUNP_BINARY_OPERATOR(+, add)
CUNP_BINARY_OPERATOR(-, subtract)
CUNP_BINARY_OPERATOR(*, multiply)
CUNP_BINARY_OPERATOR(/, divide)
CUNP_BINARY_OPERATOR(%, remainder)
CUNP_BINARY_OPERATOR(==, equal)
CUNP_BINARY_OPERATOR(!=, not_equal)
CUNP_BINARY_OPERATOR(<, less)
CUNP_BINARY_OPERATOR(<=, less_equal)
CUNP_BINARY_OPERATOR(>, greater)
CUNP_BINARY_OPERATOR(>=, greater_equal)
CUNP_BINARY_OPERATOR(&, bitwise_and)
CUNP_BINARY_OPERATOR(|, bitwise_or)
CUNP_BINARY_OPERATOR(^, bitwise_xor)
CUNP_BINARY_OPERATOR(<<, left_shift)
CUNP_BINARY_OPERATOR(>>, right_shift)
#undef CUNP_BINARY_OPERATOR
// compound assignment writes into the left array, as NumPy's in-place operators: a += b is
// add(a, b, {.out = a}), so the result must cast to a's dtype under same_kind (int += 1.5 throws
// type_error) and b must broadcast to a's shape. Views (temporaries) take them too.
#define CUNP_COMPOUND_ASSIGNMENT(sym, fn)                                              \
  inline ndarray& operator sym(ndarray& a, const operand& b) {                         \
    fn(a, b, {.out = a});                                                              \
    return a;                                                                          \
  }                                                                                    \
  inline ndarray operator sym(ndarray&& a, const operand& b) { return fn(a, b, {.out = a}); }
CUNP_COMPOUND_ASSIGNMENT(+=, add)
CUNP_COMPOUND_ASSIGNMENT(-=, subtract)
CUNP_COMPOUND_ASSIGNMENT(*=, multiply)
CUNP_COMPOUND_ASSIGNMENT(/=, divide)
CUNP_COMPOUND_ASSIGNMENT(%=, remainder)
CUNP_COMPOUND_ASSIGNMENT(&=, bitwise_and)
CUNP_COMPOUND_ASSIGNMENT(|=, bitwise_or)
CUNP_COMPOUND_ASSIGNMENT(^=, bitwise_xor)
CUNP_COMPOUND_ASSIGNMENT(<<=, left_shift)
CUNP_COMPOUND_ASSIGNMENT(>>=, right_shift)
#undef CUNP_COMPOUND_ASSIGNMENT
inline ndarray operator-(const ndarray& a) { return negative(a); }
inline ndarray operator+(const ndarray& a) { return positive(a); }
inline ndarray operator~(const ndarray& a) { return invert(a); }

}  // namespace cunp
