// Ufunc calls: NEP 50 operand dtypes, loop selection, broadcasting, output allocation, dispatch.
#include <cstring>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "core/array_access.hpp"
#include "core/scalar.hpp"
#include "core/shape.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp {
using namespace detail;

namespace {

bool is_comparison(ops::ufunc_id id) { return id == ops::ufunc_id::equal || id == ops::ufunc_id::less; }

// The dtype a weak scalar operand takes. NumPy 2 compares Python ints of any size exactly, so an
// out-of-range int in a comparison widens instead of raising.
dtype scalar_operand_dtype(ops::ufunc_id id, const weak_scalar& s, const std::vector<dtype>& strong) {
  dtype d = weak_scalar_dtype(s, strong);
  if (s.fits(d)) return d;
  if (is_comparison(id)) return s.fits(dtype::int64) ? dtype::int64 : dtype::uint64;
  throw overflow_error("Python integer " + s.repr() + " out of bounds for " + std::string(name(d)));
}

std::string dtypes_str(const std::vector<dtype>& ds) {
  std::string s;
  for (std::size_t i = 0; i < ds.size(); ++i) s += (i ? ", " : "") + std::string(name(ds[i]));
  return s;
}

ndarray call_ufunc(ops::ufunc_id id, const std::vector<const operand*>& args) {
  const ufunc_info& u = ufunc_table(id);
  // device and shapes of the array operands
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
  std::vector<dtype> in_dtypes;
  for (const operand* a : args)
    in_dtypes.push_back(a->is_array() ? a->array().dtype() : scalar_operand_dtype(id, a->scalar(), strong));

  if (u.bool_error) {
    bool all_bool = true;
    for (dtype d : in_dtypes) all_bool &= d == dtype::bool_;
    if (all_bool) throw type_error(u.bool_error);
  }
  const ufunc_loop* loop = nullptr;
  for (const ufunc_loop& l : u.loops) {
    bool ok = true;
    for (dtype d : in_dtypes) ok &= can_cast(d, l.in, casting::safe);
    if (ok) {
      loop = &l;
      break;
    }
  }
  if (!loop)
    throw type_error("ufunc '" + std::string(u.name) + "' not supported for the input types (" + dtypes_str(in_dtypes) +
                     "), and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");

  shape_t shape = shapes.empty() ? shape_t{} : broadcast_shapes(shapes, u.name);
  // order K: follow the layout of the first input that spans the whole output
  ndarray out;
  const ndarray* layout_from = nullptr;
  for (const operand* a : args)
    if (a->is_array() && a->array().shape() == shape) {
      layout_from = &a->array();
      break;
    }
  out = layout_from ? new_array_like(*layout_from, loop->out, order::K) : new_array(shape, loop->out, order::C, dev);
  if (out.size() == 0) return out;

  std::vector<iteration_operand> ops_;
  ops_.push_back({static_cast<char*>(out.data()), out.dtype(), out.strides()});
  std::vector<std::array<unsigned char, 16>> scalars(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_array()) {
      const ndarray& a = args[i]->array();
      ops_.push_back({static_cast<char*>(a.data()), a.dtype(), broadcast_strides(a, shape, u.name)});
    } else {
      // carried by value, already converted to the compute type
      weak_scalar_bytes(args[i]->scalar(), loop->compute, scalars[i].data());
      ops_.push_back({nullptr, loop->compute, strides_t(shape.size(), 0), scalars[i].data()});
    }
  }
  iteration it = make_iteration(shape, ops_);
  backend& be = backend_for(dev);
  if (!be.has_loop(id, loop->compute))
    throw not_implemented(std::string(u.name) + ": the " + be.name() + " backend has no " + std::string(name(loop->compute)) + " loop");
  be.elementwise(id, loop->compute, it);
  return out;
}

ndarray binary(ops::ufunc_id id, const operand& a, const operand& b) { return call_ufunc(id, {&a, &b}); }
ndarray unary(ops::ufunc_id id, const operand& a) { return call_ufunc(id, {&a}); }

}  // namespace

ndarray add(const operand& a, const operand& b) { return binary(ops::ufunc_id::add, a, b); }
ndarray subtract(const operand& a, const operand& b) { return binary(ops::ufunc_id::subtract, a, b); }
ndarray multiply(const operand& a, const operand& b) { return binary(ops::ufunc_id::multiply, a, b); }
ndarray true_divide(const operand& a, const operand& b) { return binary(ops::ufunc_id::true_divide, a, b); }
ndarray maximum(const operand& a, const operand& b) { return binary(ops::ufunc_id::maximum, a, b); }
ndarray minimum(const operand& a, const operand& b) { return binary(ops::ufunc_id::minimum, a, b); }
ndarray equal(const operand& a, const operand& b) { return binary(ops::ufunc_id::equal, a, b); }
ndarray less(const operand& a, const operand& b) { return binary(ops::ufunc_id::less, a, b); }
ndarray negative(const operand& a) { return unary(ops::ufunc_id::negative, a); }
ndarray absolute(const operand& a) { return unary(ops::ufunc_id::absolute, a); }
ndarray sqrt(const operand& a) { return unary(ops::ufunc_id::sqrt, a); }
ndarray sin(const operand& a) { return unary(ops::ufunc_id::sin, a); }
ndarray cos(const operand& a) { return unary(ops::ufunc_id::cos, a); }
ndarray exp(const operand& a) { return unary(ops::ufunc_id::exp, a); }
ndarray log(const operand& a) { return unary(ops::ufunc_id::log, a); }

}  // namespace cunp
