#include "core/ufunc_loops.hpp"

#include <algorithm>
#include <array>

namespace cunp::detail {
namespace {

template <class Op>
ufunc_info build(ops::ufunc_id id) {
  ufunc_info u{id, Op::name, Op::nin, Op::nout, Op::bool_error, Op::integers_as_float64, Op::mixed_inputs_as_bool, {}};
  std::vector<std::vector<dtype>> kernels;
  ops::for_each_loop<Op>([&](const std::vector<dtype>& in, auto sig_tag) {
    using S = typename decltype(sig_tag)::type;
    ufunc_loop l{in, ops::dtype_list(typename S::inputs{}), ops::dtype_list(typename S::outputs{}), 0};
    std::vector<dtype> key = l.compute;
    key.insert(key.end(), l.out.begin(), l.out.end());
    std::size_t k = 0;
    while (k < kernels.size() && kernels[k] != key) ++k;
    if (k == kernels.size()) kernels.push_back(key);
    l.kernel = int(k);
    u.loops.push_back(std::move(l));
  });
  u.clip_wrapper = Op::clip_wrapper;
  u.identity = Op::identity;
  u.reorderable = Op::reorderable;
  u.masked_zero_input = Op::checks_inputs ? Op::masked_zero_input : -1;
  u.uniform_loops = std::any_of(u.loops.begin(), u.loops.end(), [](const ufunc_loop& l) {
    return std::count(l.in.begin(), l.in.end(), l.in[0]) == std::ptrdiff_t(l.in.size());
  });
  if (int(kernels.size()) > max_kernels) throw std::logic_error(std::string(Op::name) + ": more kernels than max_kernels");
  return u;
}

}  // namespace

const ufunc_info& ufunc_table(ops::ufunc_id id) {
  static const auto tables = [] {
    std::array<ufunc_info, std::size_t(ops::ufunc_id::count)> t;
    for (int i = 0; i < int(ops::ufunc_id::count); ++i) {
      auto uid = ops::ufunc_id(i);
      t[std::size_t(i)] = ops::visit_ufunc(uid, [&](auto tag) { return build<typename decltype(tag)::type>(uid); });
    }
    return t;
  }();
  return tables[std::size_t(id)];
}

std::string loop_signature(const ufunc_loop& l) {
  std::string s;
  for (dtype d : l.in) s += type_char(d);
  s += "->";
  for (dtype d : l.out) s += type_char(d);
  return s;
}

const ufunc_loop* uniform_loop(ops::ufunc_id id, dtype d) {
  for (const ufunc_loop& l : ufunc_table(id).loops) {
    bool all = true;
    for (dtype x : l.in) all &= x == d;
    if (all) return &l;
  }
  return nullptr;
}

}  // namespace cunp::detail
