#include "core/ufunc_loops.hpp"

#include <array>

namespace cunp::detail {
namespace {

template <class Op>
ufunc_info build(ops::ufunc_id id) {
  ufunc_info u{id, Op::name, Op::nin, Op::bool_error, {}};
  for (dtype d : all_dtypes) {
    ops::visit(d, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (Op::template supports<T>) {
        using C = typename Op::template compute<T>;
        using R = typename Op::template result<C>;
        u.loops.push_back({d, ops::dtype_v<C>(), ops::dtype_v<R>()});
      }
    });
  }
  return u;
}

}  // namespace

const ufunc_info& ufunc_table(ops::ufunc_id id) {
  static const auto tables = [] {
    std::array<ufunc_info, std::size_t(ops::ufunc_id::count)> t;
    for (int i = 0; i < int(ops::ufunc_id::count); ++i) {
      auto uid = ops::ufunc_id(i);
      t[i] = ops::visit_ufunc(uid, [&](auto tag) { return build<typename decltype(tag)::type>(uid); });
    }
    return t;
  }();
  return tables[std::size_t(id)];
}

std::string loop_signature(const ufunc_info& u, const ufunc_loop& l) {
  return std::string(std::size_t(u.nin), type_char(l.in)) + "->" + type_char(l.out);
}

}  // namespace cunp::detail
