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
#include "core/ufunc_call.hpp"
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

// dtype=: the loop NumPy's type resolution gives for that output dtype. The loop the inputs pick
// on their own where its outputs are of it; else the first loop with such outputs whose inputs
// they cast to safely; else the loop of that dtype throughout (its inputs cast by the casting rule).
const ufunc_loop& select_loop_for_output(const ufunc_info& u, const ufunc_loop* own, const std::vector<dtype>& in_dtypes,
                                         const std::vector<const weak_scalar*>& weak, dtype d) {
  auto outputs_are = [d](const ufunc_loop& l) { return std::all_of(l.out.begin(), l.out.end(), [d](dtype o) { return o == d; }); };
  if (own && outputs_are(*own)) return *own;
  for (const ufunc_loop& l : u.loops) {
    if (!outputs_are(l)) continue;
    bool ok = true;
    for (std::size_t i = 0; i < in_dtypes.size(); ++i)
      ok &= weak[i] ? weak_kind_fits(*weak[i], l.in[i]) : can_cast(in_dtypes[i], l.in[i], casting::safe);
    if (ok) return l;
  }
  for (const ufunc_loop& l : u.loops)
    if (outputs_are(l) && std::all_of(l.in.begin(), l.in.end(), [d](dtype i) { return i == d; })) return l;
  throw type_error("No loop matching the specified signature and casting was found for ufunc " + std::string(u.name));
}

std::string dtype_repr(dtype d) { return "dtype('" + std::string(name(d)) + "')"; }

// The casting= rule over the loop NumPy chose: each array input (and a Python bool, which NumPy
// reads as a bool array) to the type its loop computes in, each loop output to its out array.
void check_casting(const ufunc_info& u, const ufunc_loop& loop, const std::vector<const operand*>& args,
                   const std::vector<dtype>& strong, const std::vector<ndarray>& outs, casting rule) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    dtype from;
    if (args[i]->is_array()) {
      from = args[i]->array().dtype();
    } else if (args[i]->scalar().kind == weak_scalar::kind_t::boolean) {
      from = dtype::bool_;
    } else if (weak_kind_fits(args[i]->scalar(), loop.compute[i])) {
      continue;  // a Python int, float or complex meets a loop type of its kind or above as it is
    } else {
      from = weak_scalar_dtype(args[i]->scalar(), strong);  // else as the dtype it takes beside the arrays
    }
    if (!can_cast(from, loop.compute[i], rule))
      throw type_error("Cannot cast ufunc '" + std::string(u.name) + "' input " + (u.nin > 1 ? std::to_string(i) + " " : "") +
                       "from " + dtype_repr(from) + " to " + dtype_repr(loop.compute[i]) + " with casting rule '" +
                       std::string(name(rule)) + "'");
  }
  for (std::size_t k = 0; k < outs.size(); ++k)
    if (outs[k].valid() && !can_cast(loop.out[k], outs[k].dtype(), rule))
      throw type_error("Cannot cast ufunc '" + std::string(u.name) + "' output " +
                       (u.nout > 1 ? std::to_string(u.nin + int(k)) + " " : "") + "from " + dtype_repr(loop.out[k]) + " to " +
                       dtype_repr(outs[k].dtype()) + " with casting rule '" + std::string(name(rule)) + "'");
}

// Whether input `a`, read with strides `st` over out's shape, visits out's elements one for one
// (extent-1 dims aside, whose strides never move).
bool same_elements(const ndarray& out, const ndarray& a, const strides_t& st) {
  if (out.data() != a.data() || out.itemsize() != a.itemsize()) return false;
  for (int d = 0; d < out.ndim(); ++d)
    if (out.shape()[d] > 1 && out.strides()[d] != st[std::size_t(d)]) return false;
  return true;
}

// NumPy's 'equiv' takes a Python scalar only as its default dtype: an int as int64, a float as
// float64, a complex as complex128 (checked before the values, unlike the other casts).
// (Comparisons promote Python ints on their own, untouched by it.)
void check_python_scalars_equiv(ops::ufunc_id id, const ufunc_loop& loop, const std::vector<const operand*>& args, casting rule) {
  if (rule != casting::equiv) return;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_array() || args[i]->scalar().kind == weak_scalar::kind_t::boolean) continue;
    if (is_comparison(id) && args[i]->scalar().kind == weak_scalar::kind_t::integer && is_integer(loop.compute[i])) continue;
    const weak_scalar& s = args[i]->scalar();
    dtype to = loop.compute[i];
    // each passes as its own default dtype only (a Python int's is C long, int64)
    if ((s.kind == weak_scalar::kind_t::integer && to == dtype::int64) || (s.kind == weak_scalar::kind_t::floating && to == dtype::float64) ||
        (s.kind == weak_scalar::kind_t::complex && to == dtype::complex128))
      continue;
    const char* py = s.kind == weak_scalar::kind_t::integer ? "int" : s.kind == weak_scalar::kind_t::floating ? "float" : "complex";
    throw type_error(std::string("cannot cast Python ") + py + " to " + std::string(name(to)) + " under the casting rule 'equiv'");
  }
}

// Runs `loop` over `shape` into `outs` (allocated to `shape`). An input that overlaps an output
// other than element for element is read from a copy (NumPy's rule: as if read before any write).
void run_loop(ops::ufunc_id id, const ufunc_info& u, const ufunc_loop& loop, const shape_t& shape,
              const std::vector<const operand*>& args, const std::vector<ndarray>& outs, const device& dev) {
  if (shape_size(shape) == 0) return;
  std::vector<iteration_operand> operands;
  for (const ndarray& o : outs) operands.push_back({static_cast<char*>(o.data()), o.dtype(), o.strides()});
  std::vector<std::array<unsigned char, 16>> scalars(args.size());
  std::vector<ndarray> copies;
  copies.reserve(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_array()) {
      const ndarray* a = &args[i]->array();
      strides_t st = broadcast_strides(*a, shape, u.name);
      for (const ndarray& o : outs) {
        if (!same_elements(o, *a, st) && may_share_memory(o, *a)) {
          copies.push_back(a->copy());
          a = &copies.back();
          st = broadcast_strides(*a, shape, u.name);
          break;
        }
      }
      operands.push_back({static_cast<char*>(a->data()), a->dtype(), st});
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
}

// dst = where(mask, src, dst): src (an array, or a value carried as a scalar) converted to dst's
// dtype, where the mask is true; everywhere without a mask.
void assign_where(const ndarray& dst, const operand& src, const std::optional<ndarray>& mask) {
  operand m = mask ? operand(*mask) : operand(weak_scalar(true)), d(dst);
  const ufunc_info& w = ufunc_table(ops::ufunc_id::where);
  run_loop(ops::ufunc_id::where, w, *uniform_loop(ops::ufunc_id::where, dst.dtype()), dst.shape(), {&m, &src, &d}, {dst},
           dst.device());
}

const ufunc_options no_options;

}  // namespace

namespace detail {

const ufunc_loop& resolve_loop(ops::ufunc_id id, const std::vector<dtype>& in_dtypes, std::optional<dtype> dt) {
  const ufunc_info& u = ufunc_table(id);
  std::vector<const weak_scalar*> none(in_dtypes.size(), nullptr);
  const ufunc_loop* own = nullptr;
  if (u.mixed_inputs_as_bool) own = uniform_loop(id, dtype::bool_);
  if (dt && !own) try {
      own = &select_loop(u, in_dtypes, none);
    } catch (const type_error&) {
    }
  if (dt) return select_loop_for_output(u, own, in_dtypes, none, *dt);
  return own ? *own : select_loop(u, in_dtypes, none);
}

std::vector<ndarray> call_elementwise(ops::ufunc_id id, std::vector<const operand*> args, const ufunc_options& opt,
                                      const ufunc_loop* forced_loop) {
  const ufunc_info& u = ufunc_table(id);
  const std::vector<ndarray>& out_given = opt.out.arrays;
  if (!out_given.empty() && int(out_given.size()) != u.nout)
    throw value_error("The 'out' tuple must have exactly one entry per ufunc output");
  if (opt.where && opt.where->valid() && opt.where->dtype() != dtype::bool_)
    throw type_error("Cannot cast array data from " + dtype_repr(opt.where->dtype()) + " to dtype('bool') according to the rule 'safe'");
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
      if (drop_low && drop_high) return call_elementwise(ops::ufunc_id::positive, {args[0]}, opt);
      if (drop_high) return call_elementwise(ops::ufunc_id::maximum, {args[0], args[1]}, opt);
      if (drop_low) return call_elementwise(ops::ufunc_id::minimum, {args[0], args[2]}, opt);
    }
  }
  // with no array among them, Python scalars are arrays of their default dtypes (int64, float64,
  // complex128; uint64 past int64), as NumPy converts them
  std::vector<operand> as_arrays;
  if (std::none_of(args.begin(), args.end(), [](const operand* a) { return a->is_array(); })) {
    std::optional<device> at;
    for (const ndarray& o : out_given)
      if (o.valid()) at = o.device();
    as_arrays.reserve(args.size());
    for (const operand*& a : args) {
      as_arrays.emplace_back(full({}, a->scalar(), std::nullopt, order::C, at));
      a = &as_arrays.back();
    }
  }
  std::vector<dtype> strong;
  std::vector<shape_t> shapes;  // inputs, outputs, then where: NumPy's order in its messages
  const ndarray* first = nullptr;
  auto take = [&](const ndarray& a, const char* what) {
    if (!a.valid()) throw value_error(std::string(u.name) + ": " + what + " is a null ndarray");
    if (first) require_same_device(u.name, *first, a);
    else first = &a;
    shapes.push_back(a.shape());
  };
  for (const operand* a : args) {
    if (!a->is_array()) continue;
    take(a->array(), "an operand");
    strong.push_back(a->array().dtype());
  }
  for (const ndarray& o : out_given)
    if (o.valid()) take(o, "out");
  if (opt.where) take(*opt.where, "where");
  device dev = first ? first->device() : default_device();
  auto broadcast = [&] { return shapes.empty() ? shape_t{} : broadcast_shapes(shapes, u.name); };

  std::vector<ndarray> outs(std::size_t(u.nout));
  std::optional<bool> constant =
      opt.dtype && *opt.dtype != dtype::bool_ ? std::nullopt : out_of_range_comparison(id, args, strong);
  const ufunc_loop* loop = nullptr;
  if (!constant) {
    bool logical = false;
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
    // (dtype= other than bool leaves the logical ops no loop: NumPy's TypeError comes first)
    if (forced_loop) loop = forced_loop;
    else if ((!opt.dtype || *opt.dtype == dtype::bool_) && (loop = logical_bool_loop(u, args))) logical = true;
    if (opt.dtype && !logical) {
      const ufunc_loop* own = loop;
      if (!own) try {
          own = &select_loop(u, in_dtypes, weak);
        } catch (const type_error&) {
        }
      loop = &select_loop_for_output(u, own, in_dtypes, weak, *opt.dtype);
    } else if (!loop) {
      loop = &select_loop(u, in_dtypes, weak);
    }
    // NumPy's logical promoter casts any input to bool inside its loop, under any rule; np.where
    // (the forced loop) reads its condition as bool and casts x and y to their result_type
    std::vector<const operand*> checked = logical || forced_loop ? std::vector<const operand*>{} : args;
    check_python_scalars_equiv(id, *loop, checked, opt.casting);
    // a Python int becomes an element of the type its loop input computes in (NEP 50):
    // int8_array + 300 overflows, int8_array / 300 divides in float64
    // (a bool loop takes a Python int through int64, C's long, and casts that)
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (args[i]->is_array()) continue;
      const weak_scalar& s = args[i]->scalar();
      if (loop->compute[i] == dtype::bool_ && s.kind == weak_scalar::kind_t::integer && !s.fits(dtype::int64))
        throw overflow_error("Python int too large to convert to C long");
      if (!s.fits(loop->compute[i]))
        throw overflow_error("Python integer " + s.repr() + " out of bounds for " + std::string(name(loop->compute[i])));
    }
    check_casting(u, *loop, checked, strong, out_given, opt.casting);
  } else {
    check_casting(u, *uniform_loop(id, dtype::bool_), {}, strong, out_given, opt.casting);  // the bool answer into out
  }
  // after the loop, as NumPy: inputs of no loop raise TypeError even where they do not broadcast
  shape_t shape = broadcast();
  for (const ndarray& o : out_given)
    if (o.valid() && o.shape() != shape) {
      std::string b = shape_str(shape);
      b.erase(std::remove(b.begin(), b.end(), ' '), b.end());
      throw value_error("non-broadcastable output operand with shape " + shape_str(o.shape()) +
                        " doesn't match the broadcast shape " + b);
    }

  // new outputs, order K: the layout of the first input that spans the whole output
  const ndarray* layout_from = nullptr;
  for (const operand* a : args)
    if (a->is_array() && a->array().shape() == shape) {
      layout_from = &a->array();
      break;
    }
  auto fresh = [&](dtype d) { return layout_from ? new_array_like(*layout_from, d, order::K) : new_array(shape, d, order::C, dev); };
  auto given = [&](std::size_t k) { return k < out_given.size() && out_given[k].valid(); };
  for (std::size_t k = 0; k < outs.size(); ++k) outs[k] = given(k) ? out_given[k] : fresh(constant ? dtype::bool_ : loop->out[k]);
  if (constant) {
    // a fresh output is filled whole: where= picks only which elements of a given out change
    for (std::size_t k = 0; k < outs.size(); ++k) assign_where(outs[k], weak_scalar(*constant), given(k) ? opt.where : std::nullopt);
    return outs;
  }
  // the loop writes into out directly, unless a mask picks what reaches it
  std::vector<ndarray> targets = outs;
  if (opt.where)
    for (std::size_t k = 0; k < outs.size(); ++k)
      if (given(k)) targets[k] = fresh(loop->out[k]);
  // a kernel's input check must not meet an element the mask leaves out, which NumPy's masked loop
  // never reads: there the checked input is 0 (x ** 0 for power), a result no output keeps
  std::optional<operand> unmasked;
  if (opt.where && u.masked_zero_input >= 0 && args[std::size_t(u.masked_zero_input)]->is_array()) {
    const ndarray& x = args[std::size_t(u.masked_zero_input)]->array();
    unmasked.emplace(where(*opt.where, x, full({}, 0, x.dtype(), order::C, x.device())));
    args[std::size_t(u.masked_zero_input)] = &*unmasked;
  }
  run_loop(id, u, *loop, shape, args, targets, dev);
  for (std::size_t k = 0; k < outs.size(); ++k)
    if (!targets[k].shares_buffer_with(outs[k])) assign_where(outs[k], targets[k], opt.where);
  return outs;
}

}  // namespace detail

namespace {

template <class... A>
std::vector<ndarray> call(ufunc_op op, const ufunc_options& opt, const A&... a) {
  return call_elementwise(ops::ufunc_id(op), {&a...}, opt);
}

}  // namespace

// The public ufunc objects: their ids are the op list's first entries, in its order.
#define CUNP_SAME_ID(op, nin, nout, family) static_assert(int(ufunc_op::op) == int(ops::ufunc_id::op));
CUNP_UFUNC_LIST(CUNP_SAME_ID)
#undef CUNP_SAME_ID

const char* ufunc::name() const { return ufunc_table(ops::ufunc_id(op_)).name; }
int ufunc::nin() const { return ufunc_table(ops::ufunc_id(op_)).nin; }
int ufunc::nout() const { return ufunc_table(ops::ufunc_id(op_)).nout; }

ndarray unary_ufunc::operator()(const operand& x, const ufunc_options& o) const { return call(op_, o, x)[0]; }
std::pair<ndarray, ndarray> unary_ufunc2::operator()(const operand& x, const ufunc_options& o) const {
  auto r = call(op_, o, x);
  return {r[0], r[1]};
}
ndarray binary_ufunc::operator()(const operand& x1, const operand& x2, const ufunc_options& o) const {
  return call(op_, o, x1, x2)[0];
}
std::pair<ndarray, ndarray> binary_ufunc2::operator()(const operand& x1, const operand& x2, const ufunc_options& o) const {
  auto r = call(op_, o, x1, x2);
  return {r[0], r[1]};
}
ndarray ternary_ufunc::operator()(const operand& x1, const operand& x2, const operand& x3, const ufunc_options& o) const {
  return call(op_, o, x1, x2, x3)[0];
}

// The functions of the op list's names: the objects' calls.
#define CUNP_DEFINE_UFUNC(op, nin, nout, family) CUNP_UFUNC_DEFINITION_##nin(op)
#define CUNP_UFUNC_DEFINITION_1(op) \
  decltype(ufuncs::op(0)) op(const operand& x, const ufunc_options& o) { return ufuncs::op(x, o); }
#define CUNP_UFUNC_DEFINITION_2(op) \
  decltype(ufuncs::op(0, 0)) op(const operand& x1, const operand& x2, const ufunc_options& o) { return ufuncs::op(x1, x2, o); }
#define CUNP_UFUNC_DEFINITION_3(op)                                                                         \
  ndarray op(const operand& x1, const operand& x2, const operand& x3, const ufunc_options& o) {             \
    return ufuncs::op(x1, x2, x3, o);                                                                       \
  }
CUNP_UFUNC_LIST(CUNP_DEFINE_UFUNC)
#undef CUNP_DEFINE_UFUNC
#undef CUNP_UFUNC_DEFINITION_1
#undef CUNP_UFUNC_DEFINITION_2
#undef CUNP_UFUNC_DEFINITION_3

// numpy.where(condition, x, y): x and y promote together (NEP 50; a Python int beyond the result
// dtype raises OverflowError, as NumPy 2.5's where does); the condition is read as bool.
ndarray where(const operand& condition, const operand& x, const operand& y) {
  std::vector<dtype_operand> xy;
  for (const operand* o : {&x, &y}) xy.push_back(o->is_array() ? dtype_operand(o->array().dtype()) : dtype_operand(o->scalar()));
  dtype t = result_type(xy);
  for (const operand* o : {&x, &y})
    if (!o->is_array() && !o->scalar().fits(t))
      throw overflow_error("Python integer " + o->scalar().repr() + " out of bounds for " + std::string(name(t)));
  return call_elementwise(ops::ufunc_id::where, {&condition, &x, &y}, no_options, uniform_loop(ops::ufunc_id::where, t))[0];
}

}  // namespace cunp
