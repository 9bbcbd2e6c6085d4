// The host's sort: each run's values (or positions) sorted by the shared keys (ops/sort_order.hpp),
// with std::stable_sort for the stable kinds and std::sort for the others; searches by the same
// keys.
#include <algorithm>
#include <numeric>
#include <vector>

#include "backend/host/loop_tables.hpp"
#include "ops/sort_order.hpp"

namespace cunp::detail::host {
namespace {

template <class T>
void sort_runs(const sort_request& r) {
  const T* in = static_cast<const T*>(r.in);
  auto before = [](const auto& x, const auto& y) { return ops::full_sort_key(x) < ops::full_sort_key(y); };
  auto sort_range = [&](auto first, auto last, auto less) {
    if (r.stable) std::stable_sort(first, last, less);
    else std::sort(first, last, less);
  };
  std::vector<std::int64_t> order;
  for (std::int64_t s = 0; s < r.segments; ++s) {
    const T* run = in + s * r.n;
    if (!r.indices) {
      T* out = static_cast<T*>(r.values) + s * r.n;
      std::copy(run, run + r.n, out);
      sort_range(out, out + r.n, before);
      continue;
    }
    order.resize(std::size_t(r.n));
    std::iota(order.begin(), order.end(), std::int64_t(0));
    sort_range(order.begin(), order.end(), [&](std::int64_t x, std::int64_t y) { return before(run[x], run[y]); });
    std::copy(order.begin(), order.end(), r.indices + s * r.n);
    if (r.values) {
      T* out = static_cast<T*>(r.values) + s * r.n;
      for (std::int64_t i = 0; i < r.n; ++i) out[i] = run[order[std::size_t(i)]];
    }
  }
}

template <class T>
void search_keys(const search_request& r) {
  const T* sorted = static_cast<const T*>(r.sorted);
  const T* keys = static_cast<const T*>(r.keys);
  for (std::int64_t i = 0; i < r.m; ++i) r.out[i] = ops::insertion_point(sorted, r.sorter, r.n, keys[i], r.right);
}

}  // namespace

void register_sorts(sort_table& t) {
  for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[int(d)] = &sort_runs<typename decltype(tag)::type>; });
}
void register_searches(search_table& t) {
  for (dtype d : all_dtypes) ops::visit(d, [&](auto tag) { t[int(d)] = &search_keys<typename decltype(tag)::type>; });
}

}  // namespace cunp::detail::host
