// A binary ufunc's methods: reduce, accumulate, reduceat and outer, as NumPy defines them, built
// from the ufunc's own elementwise loop, so both backends run them with the kernels they have.
// A reorderable ufunc (add, maximum, bitwise_or, ...) reduces as a tree of halvings and accumulates
// as a Hillis-Steele scan: O(log n) steps along the axis. The others (subtract, power, ...) keep
// NumPy's order, out = op(out, a[i]), one step per element of the axis. add, multiply, maximum and
// minimum reductions, and add's accumulation, go to the dedicated reduction and scan kernels.
#include <algorithm>
#include <limits>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/reduce.hpp"
#include "core/shape.hpp"
#include "core/ufunc_call.hpp"

namespace cunp {
using namespace detail;

namespace {

// NumPy's identity as the Python scalar np.<ufunc>.identity is
std::optional<weak_scalar> identity_value(ops::ufunc_identity id) {
  switch (id) {
    case ops::ufunc_identity::none: return std::nullopt;
    case ops::ufunc_identity::zero: return weak_scalar(0);
    case ops::ufunc_identity::one: return weak_scalar(1);
    case ops::ufunc_identity::minus_one: return weak_scalar(-1);
    case ops::ufunc_identity::minus_inf: return weak_scalar(-std::numeric_limits<double>::infinity());
    case ops::ufunc_identity::true_: return weak_scalar(true);
    case ops::ufunc_identity::false_: return weak_scalar(false);
  }
  return std::nullopt;
}

// a with b's dims appended as unit dims: the operand outer broadcasts against b
ndarray outer_operand(const ndarray& a, const ndarray& b) {
  shape_t s = a.shape();
  s.insert(s.end(), std::size_t(b.ndim()), 1);
  return a.reshape(s);
}

// The method's ufunc, its loop and how it runs one step of it.
class method {
 public:
  method(ufunc_op op, const char* method_name) : id_(ops::ufunc_id(op)), u_(ufunc_table(id_)), name_(method_name) {}
  const ufunc_info& info() const { return u_; }
  std::string qualified() const { return std::string(u_.name) + "." + name_; }

  // NumPy's reduce-like type resolution: the loop of (out or a, a) with dtype= as the first input
  // and the output; add and multiply widen bool and narrow integers to the platform integer
  // unless dtype= or out= says otherwise; a logical ufunc reduces in its bool loop. The loop's
  // first input and output must agree (and, for accumulate and reduceat, its second input too).
  // A reduction by add, subtract, multiply or divide in float16 works in float32 and rounds once,
  // as NumPy's half loops do when they reduce.
  void resolve(dtype in, const std::optional<ndarray>& out, std::optional<dtype> dt, bool uniform, bool reduction) {
    if (!dt && !out && (id_ == ops::ufunc_id::add || id_ == ops::ufunc_id::multiply) &&
        (in == dtype::bool_ || is_integer(in)) && itemsize(in) < 8)
      dt = kind(in) == dtype_kind::unsigned_int ? dtype::uint64 : dtype::int64;
    dtype first = out ? out->dtype() : in;
    // dtype= fixes the first input and the output: that dtype's own loop, where it has one
    const ufunc_loop* own = dt ? uniform_loop(id_, *dt) : nullptr;
    loop_ = own && own->out[0] == *dt ? own : &resolve_loop(id_, {dt ? *dt : first, in}, dt);
    if (loop_->compute[0] != loop_->out[0] || (uniform && loop_->compute[1] != loop_->out[0]))
      throw type_error("the resolved dtypes are not compatible with " + qualified() + ". Resolved (dtypes: " +
                       loop_signature(*loop_) + ")");
    work_ = loop_;
    bool arithmetic = id_ == ops::ufunc_id::add || id_ == ops::ufunc_id::subtract || id_ == ops::ufunc_id::multiply ||
                      id_ == ops::ufunc_id::divide;
    if (reduction && arithmetic && loop_dtype() == dtype::float16) work_ = uniform_loop(id_, dtype::float32);
  }
  dtype loop_dtype() const { return loop_->out[0]; }
  dtype work_dtype() const { return work_->out[0]; }

  // dest = op(x, y) in the working loop (dest may be x or y itself), where the mask allows
  void step(const ndarray& x, const ndarray& y, const ndarray& dest, const std::optional<ndarray>& where = {}) const {
    operand a(x), b(y);
    call_elementwise(id_, {&a, &b}, {.out = dest, .where = where}, work_);
  }

  // The value a reduction starts from: initial= (a Python scalar in the loop dtype) or the
  // identity, cast into the loop dtype as NumPy casts it (bitwise_and's -1 sets every bit of an
  // unsigned dtype), as a 0-d array on `dev`; nothing for a ufunc without identity and no initial=.
  std::optional<ndarray> start(const std::optional<weak_scalar>& initial, const device& dev) const {
    if (initial) return full({}, *initial, loop_dtype(), order::C, dev);
    if (std::optional<weak_scalar> id = identity_value(u_.identity)) return full({}, *id, std::nullopt, order::C, dev).astype(loop_dtype());
    return std::nullopt;
  }

  // Whether a reduction's order is free: the ufunc reorders and its result does not depend on
  // the order (integers, bools, and the selections maximum, minimum, fmax, fmin of real floats);
  // the others keep NumPy's order, one element after another (which of several complex NaNs a
  // selection returns depends on it too).
  bool tree() const {
    bool selection = id_ == ops::ufunc_id::maximum || id_ == ops::ufunc_id::minimum || id_ == ops::ufunc_id::fmax ||
                     id_ == ops::ufunc_id::fmin;
    return u_.reorderable && (!is_inexact(work_dtype()) || (selection && !is_complex(work_dtype())));
  }

  // The reduction of v along `axis` into dest (v's shape without that extent; v's extent >= 1).
  void reduce_axis(ndarray v, int axis, const ndarray& dest) const {
    std::int64_t m = v.shape()[std::size_t(axis)];
    if (!tree()) {
      ndarray acc = dest.dtype() == work_dtype() ? dest : new_array(dest.shape(), work_dtype(), order::C, dest.device());
      acc.assign(along(v, axis, 0, 1).squeeze(axes{axis}));
      for (std::int64_t i = 1; i < m; ++i) step(acc, along(v, axis, i, i + 1).squeeze(axes{axis}), acc);
      if (!acc.shares_buffer_with(dest)) dest.assign(acc);
      return;
    }
    // halvings: v[:h] op v[h:2h] into scratch of the loop dtype, an odd last element into its first
    bool scratch = false;
    while (m > 1) {
      std::int64_t h = m / 2;
      ndarray lo = along(v, axis, 0, h);
      ndarray into = scratch ? lo : new_array(lo.shape(), work_dtype(), order::C, v.device());
      step(lo, along(v, axis, h, 2 * h), into);
      if (m % 2) step(along(into, axis, 0, 1), along(v, axis, m - 1, m), along(into, axis, 0, 1));
      v = into;
      scratch = true;
      m = h;
    }
    dest.assign(v.squeeze(axes{axis}));
  }

  // out[i] = op(out[i-1], out[i]) along `axis`, in place (out holds the input in the loop dtype)
  void scan_axis(const ndarray& out, int axis) const {
    std::int64_t m = out.shape()[std::size_t(axis)];
    if (!tree()) {
      for (std::int64_t i = 1; i < m; ++i) step(along(out, axis, i - 1, i), along(out, axis, i, i + 1), along(out, axis, i, i + 1));
      return;
    }
    // Hillis-Steele: each step combines every element with the one k before it (the overlapping
    // input is read as if copied first, the ufunc's rule)
    for (std::int64_t k = 1; k < m; k *= 2) step(along(out, axis, 0, m - k), along(out, axis, k, m), along(out, axis, k, m));
  }

 private:
  ops::ufunc_id id_;
  const ufunc_info& u_;
  const char* name_;
  const ufunc_loop* loop_ = nullptr;
  const ufunc_loop* work_ = nullptr;  // the loop the steps run: loop_, or float32's for float16
};

void check_out(const std::string& what, const ndarray& out, const shape_t& want, const ndarray& a) {
  if (!out.valid()) throw value_error(what + ": out is a null ndarray");
  require_same_device(what.c_str(), a, out);
  if (out.shape() != want)
    throw value_error(what + ": output parameter has shape " + shape_str(out.shape()) + ", expected " + shape_str(want));
}

// The result into out= (cast unsafe, as NumPy's reduce-likes write it), or itself.
ndarray deliver(const ndarray& result, const std::optional<ndarray>& out) {
  if (!out) return result;
  out->assign(result);
  return *out;
}

// The end of reduceat's segment j along an axis of length len: at[j + 1] (the axis' end for the
// last), or one past at[j] where that is not beyond it (NumPy's one-element segment).
std::int64_t segment_end(const std::vector<std::int64_t>& at, std::size_t j, std::int64_t len) {
  std::int64_t stop = j + 1 < at.size() ? at[j + 1] : len;
  return stop > at[j] ? stop : at[j] + 1;
}

// The reduction kernel that folds reduceat's segments of this ufunc, where the backend has one
// for the loop: add and multiply (any input dtype), maximum and minimum (in the input's own, not
// complex: which complex NaN they keep depends on the order, which a kernel's tree does not keep).
std::optional<ops::reduce_id> segment_kernel(ufunc_op op, dtype in, dtype loop, const device& dev) {
  std::optional<ops::reduce_id> id;
  if (op == ufunc_op::add) id = ops::reduce_id::sum;
  else if (op == ufunc_op::multiply) id = ops::reduce_id::prod;
  else if (op == ufunc_op::maximum && in == loop && !is_complex(loop)) id = ops::reduce_id::max;
  else if (op == ufunc_op::minimum && in == loop && !is_complex(loop)) id = ops::reduce_id::min;
  if (id && !backend_for(dev).has_reduction(*id, loop)) id.reset();
  return id;
}

// reduceat's segments in one launch: each output's segment of a along `axis` as the byte offset
// of its first element and its length (segment_end's), for every position of the other axes.
void reduce_segments(ops::reduce_id kernel, const ndarray& a, int axis, const std::vector<std::int64_t>& at, const ndarray& result) {
  std::int64_t len = a.shape()[std::size_t(axis)], stride = a.strides()[std::size_t(axis)];
  std::vector<std::int64_t> first(at.size()), count(at.size());
  std::int64_t m = std::int64_t(at.size());
  for (std::size_t j = 0; j < at.size(); ++j) {
    first[j] = at[j] * stride;
    count[j] = segment_end(at, j, len) - at[j];
  }
  const shape_t& s = result.shape();
  auto along_axis = [&](const ndarray& v, int d) {
    shape_t one(s.size(), 1);
    one[std::size_t(d)] = s[std::size_t(d)];
    return v.reshape(one);
  };
  ndarray begin = along_axis(asarray(first, shape_t{m}, a.device()), axis);
  for (int d = 0; d < int(s.size()); ++d)
    if (d != axis) begin = add(begin, along_axis(multiply(arange(s[std::size_t(d)], dtype::int64, a.device()), a.strides()[std::size_t(d)]), d));
  begin = ascontiguousarray(begin.broadcast_to(s));
  ndarray length = ascontiguousarray(along_axis(asarray(count, shape_t{m}, a.device()), axis).broadcast_to(s));
  segmented_reduction r{static_cast<const char*>(a.data()), a.dtype(), static_cast<char*>(result.data()), result.dtype(),
                        static_cast<const std::int64_t*>(begin.data()), static_cast<const std::int64_t*>(length.data()), stride, result.size()};
  backend_for(a.device()).reduce_segments(kernel, result.dtype(), r);
}

}  // namespace

ndarray binary_ufunc::reduce(const ndarray& a, const reduce_options& o) const {
  method m(op_, "reduce");
  const char* name = m.info().name;
  if (!a.valid()) throw value_error(m.qualified() + ": null ndarray");
  // a 0-d array reduces over nothing, whatever axis (NumPy's leniency for axis=0 and -1 too)
  std::vector<int> red;
  if (a.ndim() > 0 || !o.axis.list) red = normalize_axes(o.axis, a.ndim());
  else
    for (std::int64_t ax : *o.axis.list) normalize_axis(ax, 1);
  m.resolve(a.dtype(), o.out, o.dtype, false, true);
  if (!m.info().reorderable && red.size() > 1)
    throw value_error(std::string("reduction operation '") + name + "' is not reorderable, so at most one axis may be specified");
  shape_t kept, kept_keepdims;
  std::int64_t count = 1;
  for (int d = 0; d < a.ndim(); ++d) {
    bool reduced = std::binary_search(red.begin(), red.end(), d);
    if (!reduced) kept.push_back(a.shape()[std::size_t(d)]);
    else count *= a.shape()[std::size_t(d)];
    kept_keepdims.push_back(reduced ? 1 : a.shape()[std::size_t(d)]);
  }
  const shape_t& result_shape = o.keepdims ? kept_keepdims : kept;
  if (o.out) check_out(m.qualified(), *o.out, result_shape, a);
  if (o.where) {
    if (!o.where->valid()) throw value_error(m.qualified() + ": where is a null ndarray");
    if (o.where->dtype() != dtype::bool_)
      throw type_error("Cannot cast array data from dtype('" + std::string(cunp::name(o.where->dtype())) +
                       "') to dtype('bool') according to the rule 'safe'");
    require_same_device(name, a, *o.where);
  }
  std::optional<ndarray> seed = m.start(o.initial, a.device());
  if (!seed && o.where)
    throw value_error(std::string("reduction operation '") + name +
                      "' does not have an identity, so to use a where mask one has to specify 'initial'");
  if (!seed && count == 0)
    throw value_error(std::string("zero-size array to reduction operation ") + name + " which has no identity");
  dtype t = m.loop_dtype();

  // the dedicated reduction kernels: NumPy's sum, prod, max and min are these reductions
  if (!o.where && !o.initial && count > 0) {
    std::optional<ndarray> r;
    axes ax(std::vector<std::int64_t>(red.begin(), red.end()));
    if (op_ == ufunc_op::add) r = sum(a, ax, o.keepdims, t);
    else if (op_ == ufunc_op::multiply) r = prod(a, ax, o.keepdims, t);
    else if (op_ == ufunc_op::maximum && t == a.dtype()) r = cunp::max(a, ax, o.keepdims);
    else if (op_ == ufunc_op::minimum && t == a.dtype()) r = cunp::min(a, ax, o.keepdims);
    if (r) return deliver(*r, o.out);
  }

  ndarray result = new_array(kept, t, order::C, a.device());
  dtype w = m.work_dtype();
  ndarray acc = w == t ? result : new_array(kept, w, order::C, a.device());
  if (result.size() > 0) {
    if (count == 0) {
      acc.assign(*seed);
    } else if (!m.info().reorderable || (!m.tree() && red.size() <= 1)) {
      // one axis (or none) in NumPy's order, from the start value where there is one
      int axis = red.empty() ? -1 : red[0];
      ndarray v = a;
      std::optional<ndarray> mask;
      if (o.where) mask = o.where->broadcast_to(a.shape());
      if (axis < 0) {
        // nothing reduced: each element meets the start value alone
        if (seed) {
          acc.assign(*seed);
          m.step(acc, v, acc, mask);
        } else {
          acc.assign(v);
        }
      } else {
        std::int64_t first = 0;
        if (seed) {
          acc.assign(*seed);
        } else {
          acc.assign(along(v, axis, 0, 1).squeeze(axes{axis}));
          first = 1;
        }
        for (std::int64_t i = first; i < v.shape()[std::size_t(axis)]; ++i) {
          std::optional<ndarray> mi;
          if (mask) mi = along(*mask, axis, i, i + 1).squeeze(axes{axis});
          m.step(acc, along(v, axis, i, i + 1).squeeze(axes{axis}), acc, mi);
        }
      }
    } else {
      // masked-out elements become the identity, or initial= where there is none (a ufunc
      // without identity that reorders is idempotent: maximum, minimum, fmax, fmin); initial=
      // itself joins once, at the end
      ndarray v = a;
      if (o.where) {
        v = new_array(a.shape(), w, order::C, a.device());
        v.assign(m.start(std::nullopt, a.device()).value_or(*seed));
        operand cond(o.where->broadcast_to(a.shape())), x(a), y(v);
        call_elementwise(ops::ufunc_id::where, {&cond, &x, &y}, {.out = v}, uniform_loop(ops::ufunc_id::where, w));
      }
      // the reduced axes one at a time, the last first (the others keep their numbers)
      for (auto d = red.rbegin(); d != red.rend(); ++d) {
        shape_t s = v.shape();
        s.erase(s.begin() + *d);
        ndarray next = new_array(s, w, order::C, a.device());
        m.reduce_axis(v, *d, next);
        v = next;
      }
      if (seed) m.step(*seed, v, acc);
      else acc.assign(v);
    }
    if (!acc.shares_buffer_with(result)) result.assign(acc);
  }
  return deliver(o.keepdims ? result.reshape(kept_keepdims) : result, o.out);
}

ndarray binary_ufunc::accumulate(const ndarray& a, const accumulate_options& o) const {
  method m(op_, "accumulate");
  if (!a.valid()) throw value_error(m.qualified() + ": null ndarray");
  if (a.ndim() == 0) throw type_error("cannot accumulate on a scalar");
  int axis = int(normalize_axis(o.axis, a.ndim()));
  if (o.out) check_out(m.qualified(), *o.out, a.shape(), a);
  m.resolve(a.dtype(), o.out, o.dtype, true, false);
  dtype t = m.loop_dtype();
  if (op_ == ufunc_op::add) return deliver(cumsum(a, {.axis = axis, .dtype = t}), o.out);
  ndarray result = a.astype(t);
  if (result.size() > 0) m.scan_axis(result, axis);
  return deliver(result, o.out);
}

ndarray binary_ufunc::reduceat(const ndarray& a, const ndarray& indices, const reduceat_options& o) const {
  method m(op_, "reduceat");
  if (!a.valid() || !indices.valid()) throw value_error(m.qualified() + ": null ndarray");
  if (a.ndim() == 0) throw type_error("cannot reduceat on a scalar");
  if (indices.ndim() != 1) throw value_error(m.qualified() + ": indices must be 1-d");
  if (!is_integer(indices.dtype()))
    throw type_error("Cannot cast array data from dtype('" + std::string(cunp::name(indices.dtype())) +
                     "') to dtype('int64') according to the rule 'safe'");
  int axis = int(normalize_axis(o.axis, a.ndim()));
  std::int64_t len = a.shape()[std::size_t(axis)];
  std::vector<std::int64_t> at = indices.to(device::host()).astype(dtype::int64).to_host<std::int64_t>();
  for (std::int64_t i : at)
    if (i < 0 || i >= len)
      throw index_error("index " + std::to_string(i) + " out-of-bounds in " + m.qualified() + " [0, " + std::to_string(len) + ")");
  shape_t s = a.shape();
  s[std::size_t(axis)] = std::int64_t(at.size());
  if (o.out) check_out(m.qualified(), *o.out, s, a);
  m.resolve(a.dtype(), o.out, o.dtype, true, true);
  ndarray result = new_array(s, m.loop_dtype(), order::C, a.device());
  std::optional<ops::reduce_id> kernel = segment_kernel(op_, a.dtype(), m.loop_dtype(), a.device());
  if (result.size() > 0 && kernel) reduce_segments(*kernel, a, axis, at, result);
  else if (result.size() > 0)
    for (std::size_t j = 0; j < at.size(); ++j) {
      std::int64_t start = at[j], stop = segment_end(at, j, len);
      m.reduce_axis(along(a, axis, start, stop), axis, along(result, axis, std::int64_t(j), std::int64_t(j) + 1).squeeze(axes{axis}));
    }
  return deliver(result, o.out);
}

ndarray binary_ufunc::outer(const ndarray& a, const ndarray& b, const ufunc_options& o) const {
  if (!a.valid() || !b.valid()) throw value_error(std::string(name()) + ".outer: null ndarray");
  return (*this)(outer_operand(a, b), b, o);
}

std::pair<ndarray, ndarray> binary_ufunc2::outer(const ndarray& a, const ndarray& b, const ufunc_options& o) const {
  if (!a.valid() || !b.valid()) throw value_error(std::string(name()) + ".outer: null ndarray");
  return (*this)(outer_operand(a, b), b, o);
}

std::optional<weak_scalar> ufunc::identity() const { return identity_value(ufunc_table(ops::ufunc_id(op_)).identity); }

}  // namespace cunp
