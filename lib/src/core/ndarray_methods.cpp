// ndarray's methods of the reductions, scans, sorting and searching: the functions of their names
// (qualified: inside the class, the method names hide them).
#include "cunp/errors.hpp"
#include "cunp/ops.hpp"
#include "cunp/sorting.hpp"

namespace cunp {

ndarray ndarray::all(const axes& axis, bool keepdims) const { return cunp::all(*this, axis, keepdims); }
ndarray ndarray::any(const axes& axis, bool keepdims) const { return cunp::any(*this, axis, keepdims); }
ndarray ndarray::max(const axes& axis, bool keepdims) const { return cunp::max(*this, axis, keepdims); }
ndarray ndarray::min(const axes& axis, bool keepdims) const { return cunp::min(*this, axis, keepdims); }
ndarray ndarray::sum(const axes& axis, std::optional<cunp::dtype> dt, bool keepdims) const {
  return cunp::sum(*this, axis, keepdims, dt);
}
ndarray ndarray::prod(const axes& axis, std::optional<cunp::dtype> dt, bool keepdims) const {
  return cunp::prod(*this, axis, keepdims, dt);
}
ndarray ndarray::mean(const axes& axis, std::optional<cunp::dtype> dt, bool keepdims) const {
  return cunp::mean(*this, axis, keepdims, dt);
}
namespace {
// NumPy's methods take ddof only (np.var's correction= is the function's alone)
const var_options& method_var_options(const var_options& o, const char* name) {
  if (o.correction) throw type_error(std::string("_") + name + "() got an unexpected keyword argument 'correction'");
  return o;
}
}  // namespace
ndarray ndarray::var() const { return cunp::var(*this); }
ndarray ndarray::var(const var_options& o) const { return cunp::var(*this, method_var_options(o, "var")); }
ndarray ndarray::std() const { return cunp::std(*this); }
ndarray ndarray::std(const var_options& o) const { return cunp::std(*this, method_var_options(o, "std")); }
ndarray ndarray::argmax() const { return cunp::argmax(*this); }
ndarray ndarray::argmax(const arg_reduce_options& o) const { return cunp::argmax(*this, o); }
ndarray ndarray::argmin() const { return cunp::argmin(*this); }
ndarray ndarray::argmin(const arg_reduce_options& o) const { return cunp::argmin(*this, o); }
ndarray ndarray::cumsum() const { return cunp::cumsum(*this); }
ndarray ndarray::cumsum(const cumsum_options& o) const { return cunp::cumsum(*this, o); }
ndarray ndarray::cumprod() const { return cunp::cumprod(*this); }
ndarray ndarray::cumprod(const cumsum_options& o) const { return cunp::cumprod(*this, o); }

void ndarray::sort() const { sort(sort_options{}); }
void ndarray::sort(const sort_options& o) const {
  if (!o.axis) throw type_error("'NoneType' object cannot be interpreted as an integer");
  assign(cunp::sort(*this, o));
}
ndarray ndarray::argsort() const { return cunp::argsort(*this); }
ndarray ndarray::argsort(const sort_options& o) const { return cunp::argsort(*this, o); }
void ndarray::partition(const operand& kth) const { partition(kth, partition_options{}); }
void ndarray::partition(const operand& kth, const partition_options& o) const {
  if (!o.axis) throw type_error("'NoneType' object cannot be interpreted as an integer");
  assign(cunp::partition(*this, kth, o));
}
ndarray ndarray::argpartition(const operand& kth) const { return cunp::argpartition(*this, kth); }
ndarray ndarray::argpartition(const operand& kth, const partition_options& o) const { return cunp::argpartition(*this, kth, o); }
std::vector<ndarray> ndarray::nonzero() const { return cunp::nonzero(*this); }
ndarray ndarray::searchsorted(const operand& v) const { return cunp::searchsorted(*this, v); }
ndarray ndarray::searchsorted(const operand& v, const searchsorted_options& o) const { return cunp::searchsorted(*this, v, o); }

}  // namespace cunp
