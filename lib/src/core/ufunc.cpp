// Elementwise calls: NEP 50 operand dtypes, loop selection, broadcasting, output allocation,
// dispatch. Every op of the op list goes through call_elementwise; the public functions are
// derived from the list.
#include <algorithm>
#include <cstring>
#include <type_traits>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/scalar.hpp"
#include "core/shape.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp {
using namespace detail;

namespace {

bool is_comparison(ops::ufunc_id id) {
  return ops::visit_ufunc(id, [](auto tag) { return std::is_base_of_v<ops::comparison_base, typename decltype(tag)::type>; });
}

std::string dtypes_str(const std::vector<dtype>& ds) {
  std::string s;
  for (std::size_t i = 0; i < ds.size(); ++i) s += (i ? ", " : "") + std::string(name(ds[i]));
  return s;
}

// A Python scalar that took an array's dtype, meeting a loop of mixed input dtypes (ldexp's
// 'ei->e'): NumPy accepts a loop input of the scalar's kind or a higher one (its value is checked
// against the chosen loop afterwards).
bool weak_kind_fits(const weak_scalar& s, dtype d) {
  switch (s.kind) {
    case weak_scalar::kind_t::boolean: return true;
    case weak_scalar::kind_t::integer: return d != dtype::bool_;
    case weak_scalar::kind_t::floating: return is_floating(d) || is_complex(d);
    case weak_scalar::kind_t::complex: return is_complex(d);
  }
  return false;
}

// Whether a Python scalar takes the arrays' dtype (NEP 50: their kind is at least its own), rather
// than its default dtype.
bool took_array_kind(const weak_scalar& s, const std::vector<dtype>& strong) {
  if (strong.empty()) return false;
  std::vector<dtype_operand> ops(strong.begin(), strong.end());
  return weak_kind_fits(s, result_type(ops));
}

// The loop NumPy's type resolution picks: the first whose inputs every operand casts to safely
// (weak[i]: the Python scalar given for input i of an op with mixed loops only, else null).
const ufunc_loop& select_loop(const ufunc_info& u, const std::vector<dtype>& in_dtypes,
                              const std::vector<const weak_scalar*>& weak) {
  if (u.bool_error) {
    bool all_bool = true;
    for (dtype d : in_dtypes) all_bool &= d == dtype::bool_;
    if (all_bool) throw type_error(u.bool_error);
  }
  bool all_integer = true;
  for (dtype d : in_dtypes) all_integer &= d == dtype::bool_ || is_integer(d);
  std::vector<dtype> want = in_dtypes;
  if (u.integers_as_float64 && all_integer) want.assign(in_dtypes.size(), dtype::float64);
  for (const ufunc_loop& l : u.loops) {
    bool ok = true;
    for (std::size_t i = 0; i < want.size(); ++i)
      ok &= weak[i] ? weak_kind_fits(*weak[i], l.in[i]) : can_cast(want[i], l.in[i], casting::safe);
    if (ok) return l;
  }
  throw type_error("ufunc '" + std::string(u.name) + "' not supported for the input types (" + dtypes_str(in_dtypes) +
                   "), and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
}

// NumPy's logical promoter (logical_and, logical_or, logical_xor): unless every input is an array
// of one dtype, the inputs are read as bools in the bool loop. A Python int converts through
// int64 (C long) on its way, so one beyond int64's range raises.
const ufunc_loop* logical_bool_loop(const ufunc_info& u, const std::vector<const operand*>& args) {
  if (!u.mixed_inputs_as_bool || args.size() < 2) return nullptr;
  auto same_array_dtype = [&](const operand* a) { return a->is_array() && a->array().dtype() == args[0]->array().dtype(); };
  if (args[0]->is_array() && std::all_of(args.begin(), args.end(), same_array_dtype)) return nullptr;
  for (const operand* a : args)
    if (!a->is_array() && !a->scalar().fits(dtype::int64)) throw overflow_error("Python int too large to convert to C long");
  return uniform_loop(u.id, dtype::bool_);
}

// A comparison of integer arrays with a Python int beyond their range has one answer for every
// element (NumPy 2 compares exactly): the in-range side orders as 0 against the int's sign. (A
// bool array meets the int as int64, which raises as for any other ufunc.)
std::optional<bool> out_of_range_comparison(ops::ufunc_id id, const std::vector<const operand*>& args,
                                            const std::vector<dtype>& strong) {
  if (!is_comparison(id) || strong.empty()) return std::nullopt;
  for (dtype d : strong)
    if (!is_integer(d)) return std::nullopt;
  std::int64_t side[2] = {0, 0};
  bool outside = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_array()) continue;
    const weak_scalar& s = args[i]->scalar();
    if (s.fits(weak_scalar_dtype(s, strong))) continue;
    outside = true;
    side[i] = s.negative ? -1 : 1;
  }
  if (!outside) return std::nullopt;
  return ops::visit_ufunc(id, [&](auto tag) -> bool {
    using Op = typename decltype(tag)::type;
    if constexpr (std::is_base_of_v<ops::comparison_base, Op>) return Op::apply(side[0], side[1]);
    else return false;
  });
}

std::vector<ndarray> call_elementwise(ops::ufunc_id id, std::vector<const operand*> args,
                                      const ufunc_loop* forced_loop = nullptr) {
  const ufunc_info& u = ufunc_table(id);
  std::optional<operand> first_as_array;
  if (u.clip_wrapper) {
    // np.clip passes its first argument through asanyarray: a Python scalar there is a strong 0-d
    // array of its own dtype, on the other operands' device
    if (!args[0]->is_array()) {
      std::optional<device> at;
      for (const operand* a : args)
        if (a->is_array() && a->array().valid()) {
          at = a->array().device();
          break;
        }
      first_as_array.emplace(full({}, args[0]->scalar(), std::nullopt, order::C, at));
      args[0] = &*first_as_array;
    }
    // and, for an integer array, drops a Python int bound at or beyond the dtype's extreme on its
    // own side: clip is then maximum, minimum or positive (whose dtypes the other bound decides)
    dtype d = args[0]->array().dtype();
    if (is_integer(d)) {
      int bits = int(itemsize(d)) * 8;
      bool is_signed = kind(d) == dtype_kind::signed_int;
      std::uint64_t top = is_signed ? (std::uint64_t(1) << (bits - 1)) - 1 : (bits == 64 ? UINT64_MAX : (std::uint64_t(1) << bits) - 1);
      std::uint64_t bottom = is_signed ? std::uint64_t(1) << (bits - 1) : 0;  // magnitude of the minimum
      auto dropped = [&](std::size_t i, bool low) {
        if (args[i]->is_array() || args[i]->scalar().kind != weak_scalar::kind_t::integer) return false;
        const weak_scalar& s = args[i]->scalar();
        if (low) return s.negative ? s.magnitude >= bottom : s.magnitude == 0 && bottom == 0;
        return !s.negative && s.magnitude >= top;
      };
      bool drop_low = dropped(1, true), drop_high = dropped(2, false);
      if (drop_low && drop_high) return call_elementwise(ops::ufunc_id::positive, {args[0]});
      if (drop_high) return call_elementwise(ops::ufunc_id::maximum, {args[0], args[1]});
      if (drop_low) return call_elementwise(ops::ufunc_id::minimum, {args[0], args[2]});
    }
  }
  std::vector<dtype> strong;
  std::vector<shape_t> shapes;
  const ndarray* first = nullptr;
  for (const operand* a : args) {
    if (!a->is_array()) continue;
    if (!a->array().valid()) throw value_error(std::string(u.name) + ": an operand is a null ndarray");
    if (first) require_same_device(u.name, *first, a->array());
    else first = &a->array();
    strong.push_back(a->array().dtype());
    shapes.push_back(a->array().shape());
  }
  device dev = first ? first->device() : default_device();
  auto broadcast = [&] { return shapes.empty() ? shape_t{} : broadcast_shapes(shapes, u.name); };

  if (auto constant = out_of_range_comparison(id, args, strong)) return {full(broadcast(), *constant, dtype::bool_, order::C, dev)};
  auto resolve = [&]() -> const ufunc_loop& {
    if (forced_loop) return *forced_loop;
    if (const ufunc_loop* l = logical_bool_loop(u, args)) return *l;
    std::vector<dtype> in_dtypes;
    std::vector<const weak_scalar*> weak;
    for (const operand* a : args) {
      if (a->is_array()) {
        in_dtypes.push_back(a->array().dtype());
        weak.push_back(nullptr);
        continue;
      }
      // a Python scalar meets loops as the dtype it promotes to with the arrays (NEP 50); where it
      // took an array's dtype, mixed loops match it by its kind instead
      in_dtypes.push_back(weak_scalar_dtype(a->scalar(), strong));
      weak.push_back(!u.uniform_loops && took_array_kind(a->scalar(), strong) ? &a->scalar() : nullptr);
    }
    const ufunc_loop& l = select_loop(u, in_dtypes, weak);
    // a Python int becomes an element of the type its loop input computes in (NEP 50):
    // int8_array + 300 overflows, int8_array / 300 divides in float64
    for (std::size_t i = 0; i < args.size(); ++i)
      if (!args[i]->is_array() && !args[i]->scalar().fits(l.compute[i]))
        throw overflow_error("Python integer " + args[i]->scalar().repr() + " out of bounds for " + std::string(name(l.compute[i])));
    return l;
  };
  const ufunc_loop& loop = resolve();
  // after the loop, as NumPy: inputs of no loop raise TypeError even where they do not broadcast
  shape_t shape = broadcast();

  // order K: follow the layout of the first input that spans the whole output
  const ndarray* layout_from = nullptr;
  for (const operand* a : args)
    if (a->is_array() && a->array().shape() == shape) {
      layout_from = &a->array();
      break;
    }
  std::vector<ndarray> outs;
  for (dtype d : loop.out)
    outs.push_back(layout_from ? new_array_like(*layout_from, d, order::K) : new_array(shape, d, order::C, dev));
  if (outs[0].size() == 0) return outs;

  std::vector<iteration_operand> operands;
  for (const ndarray& o : outs) operands.push_back({static_cast<char*>(o.data()), o.dtype(), o.strides()});
  std::vector<std::array<unsigned char, 16>> scalars(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_array()) {
      const ndarray& a = args[i]->array();
      operands.push_back({static_cast<char*>(a.data()), a.dtype(), broadcast_strides(a, shape, u.name)});
    } else {
      // carried by value, already converted to the type this input computes in
      weak_scalar_bytes(args[i]->scalar(), loop.compute[i], scalars[i].data());
      operands.push_back({nullptr, loop.compute[i], strides_t(shape.size(), 0), scalars[i].data()});
    }
  }
  iteration it = make_iteration(shape, operands, u.nout);
  backend& be = backend_for(dev);
  if (!be.has_loop(id, loop.kernel))
    throw not_implemented(std::string(u.name) + ": the " + be.name() + " backend has no " + loop_signature(loop) + " loop");
  be.elementwise(id, loop.kernel, it);
  return outs;
}

template <class... A>
std::vector<ndarray> call(ops::ufunc_id id, const A&... a) {
  return call_elementwise(id, {&a...});
}

}  // namespace

// The public ufuncs, one definition per line of the op list.
#define CUNP_DEFINE_UFUNC(op, nin, nout, family) CUNP_UFUNC_DEFINITION_##nin##_##nout(op)
#define CUNP_UFUNC_DEFINITION_1_1(op) \
  ndarray op(const operand& x) { return call(ops::ufunc_id::op, x)[0]; }
#define CUNP_UFUNC_DEFINITION_2_1(op) \
  ndarray op(const operand& x1, const operand& x2) { return call(ops::ufunc_id::op, x1, x2)[0]; }
#define CUNP_UFUNC_DEFINITION_2_2(op)                                         \
  std::pair<ndarray, ndarray> op(const operand& x1, const operand& x2) {      \
    auto r = call(ops::ufunc_id::op, x1, x2);                                \
    return {r[0], r[1]};                                                      \
  }
#define CUNP_UFUNC_DEFINITION_1_2(op)                    \
  std::pair<ndarray, ndarray> op(const operand& x) {       \
    auto r = call(ops::ufunc_id::op, x);                  \
    return {r[0], r[1]};                                   \
  }
#define CUNP_UFUNC_DEFINITION_3_1(op)                                                   \
  ndarray op(const operand& x1, const operand& x2, const operand& x3) {                 \
    return call(ops::ufunc_id::op, x1, x2, x3)[0];                                      \
  }
CUNP_UFUNC_LIST(CUNP_DEFINE_UFUNC)
#undef CUNP_DEFINE_UFUNC

// numpy.where(condition, x, y): x and y promote together (NEP 50; a Python int beyond the result
// dtype raises OverflowError, as NumPy 2.5's where does); the condition is read as bool.
ndarray where(const operand& condition, const operand& x, const operand& y) {
  std::vector<dtype_operand> xy;
  for (const operand* o : {&x, &y}) xy.push_back(o->is_array() ? dtype_operand(o->array().dtype()) : dtype_operand(o->scalar()));
  dtype t = result_type(xy);
  for (const operand* o : {&x, &y})
    if (!o->is_array() && !o->scalar().fits(t))
      throw overflow_error("Python integer " + o->scalar().repr() + " out of bounds for " + std::string(name(t)));
  return call_elementwise(ops::ufunc_id::where, {&condition, &x, &y}, uniform_loop(ops::ufunc_id::where, t))[0];
}

}  // namespace cunp
