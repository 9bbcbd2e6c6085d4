// The host backend: the shared functors run by plain loops; memory from a caching pool over
// aligned host allocations.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "cunp/errors.hpp"
#include "backend/host/loop_tables.hpp"
#include "backend/host/planted_bugs.hpp"
#include "core/backend.hpp"
#include "core/caching_pool.hpp"
#include "core/debug_switches.hpp"
#include "core/kernel_errors.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp::detail {
namespace {

class host_backend final : public backend {
 public:
  host_backend()
      : pool_("host", raw_allocator{[](std::size_t n) { return std::aligned_alloc(64, (n + 63) / 64 * 64); },
                                    [](void* p, std::size_t) { std::free(p); }}) {
#define CUNP_REGISTER(family) host::register_##family(elementwise_);
    CUNP_UFUNC_FAMILY_LIST(CUNP_REGISTER)
#undef CUNP_REGISTER
    host::register_reductions(reduce_, segments_);
    host::register_arg_reductions(arg_reduce_);
    host::register_scans(scan_);
    host::register_sorts(sort_);
    host::register_searches(search_);
  }

  std::string name() const override { return "host"; }
  cunp::device dev() const override { return cunp::device::host(); }

  void* allocate(std::size_t bytes) override {
    void* p = pool_.allocate(bytes);
    if (host::planted::enabled || poison_allocations()) std::memset(p, poison_byte, bytes);
    return p;
  }
  void deallocate(void* p, std::size_t) override { pool_.deallocate(p); }
  pool_stats memory_stats() override { return pool_.stats(); }
  void set_memory_limit(std::size_t bytes) override { pool_.set_limit(bytes); }
  void free_all_blocks() override { pool_.free_all_blocks(); }

  void copy_from_host(void* dst, const void* src, std::size_t n) override { std::memmove(dst, src, n); }
  void copy_to_host(void* dst, const void* src, std::size_t n) override { std::memmove(dst, src, n); }
  void copy_within(void* dst, const void* src, std::size_t n) override { std::memmove(dst, src, n); }
  void fill(void* dst, std::int64_t n, const void* pattern, std::size_t isz) override {
    if (n <= 0) return;
    // write one element, then keep doubling the filled prefix
    char* p = static_cast<char*>(dst);
    std::size_t total = std::size_t(n) * isz, done = isz;
    std::memcpy(p, pattern, isz);
    while (done < total) {
      std::size_t chunk = std::min(done, total - done);
      std::memcpy(p + done, p, chunk);
      done += chunk;
    }
  }

  bool has_loop(ops::ufunc_id op, int kernel) const override {
    return kernel >= 0 && kernel < max_kernels && elementwise_[int(op)][kernel] != nullptr;
  }
  void elementwise(ops::ufunc_id op, int kernel, const iteration& it) override {
    if (!has_loop(op, kernel))
      throw not_implemented("host backend: no " + std::string(name_of(op)) + " kernel #" + std::to_string(kernel));
    elementwise_[int(op)][kernel](it);
  }
  bool has_reduction(ops::reduce_id op, dtype loop) const override { return reduce_[int(op)][int(loop)] != nullptr; }
  void reduce(ops::reduce_id op, dtype loop, const reduction& r) override { reduce_[int(op)][int(loop)](r); }
  void reduce_segments(ops::reduce_id op, dtype loop, const segmented_reduction& r) override { segments_[int(op)][int(loop)](r); }
  bool has_arg_reduction(ops::arg_reduce_id op, dtype in) const override {
    return arg_reduce_[int(op)][int(in)] != nullptr;
  }
  void arg_reduce(ops::arg_reduce_id op, dtype in, const reduction& r) override {
    if (!has_arg_reduction(op, in))
      throw not_implemented(std::string(ops::visit_arg_reduction(op, [](auto t) { return decltype(t)::type::name; })) +
                            ": the host backend has no " + std::string(cunp::name(in)) + " loop");
    arg_reduce_[int(op)][int(in)](r);
  }
  bool has_scan(ops::scan_id op, dtype loop) const override { return scan_[int(op)][int(loop)] != nullptr; }
  void scan(ops::scan_id op, dtype loop, const accumulation& a) override {
    if (!has_scan(op, loop))
      throw not_implemented(std::string(ops::visit_scan(op, [](auto t) { return decltype(t)::type::name; })) +
                            ": the host backend has no " + std::string(cunp::name(loop)) + " loop");
    scan_[int(op)][int(loop)](a);
  }
  bool has_sort(dtype dt) const override { return sort_[int(dt)] != nullptr; }
  void sort(const sort_request& r) override {
    if (!has_sort(r.dt)) throw not_implemented("sort: the host backend has no " + std::string(cunp::name(r.dt)) + " sort");
    sort_[int(r.dt)](r);
  }
  bool has_search(dtype dt) const override { return search_[int(dt)] != nullptr; }
  void search(const search_request& r) override {
    if (!has_search(r.dt))
      throw not_implemented("searchsorted: the host backend has no " + std::string(cunp::name(r.dt)) + " search");
    search_[int(r.dt)](r);
  }
  void gather(const gather_request& r) override {
    auto* out = static_cast<char*>(r.out);
    const auto* src = static_cast<const char*>(r.src);
    bool out_of_bounds = false;
    for (std::int64_t i = 0; i < r.n; ++i) {
      std::int64_t k = r.index[i];
      if (k < 0 || k >= r.src_n) {
        out_of_bounds = true;
        continue;
      }
      std::memcpy(out + i * r.itemsize, src + k * r.itemsize, r.itemsize);
    }
    if (out_of_bounds) raise_kernel_error(ops::kernel_error::index_out_of_bounds);
  }
  std::int64_t select_true(const bool* flags, std::int64_t n, std::int64_t* out) override {
    std::int64_t k = 0;
    for (std::int64_t i = 0; i < n; ++i)
      if (flags[i]) out[k++] = i;
    return k;
  }
  void arange(void* out, dtype dt, std::int64_t n, const void* start, const void* delta) override {
    ops::visit(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      T s = ops::load<T>(static_cast<const char*>(start)), d = ops::load<T>(static_cast<const char*>(delta));
      for (std::int64_t i = 0; i < n; ++i) ops::store<T>(static_cast<char*>(out) + i * sizeof(T), ops::arange_value<T>(s, d, i));
    });
  }

  void synchronize() override {}
  stream current_stream() override { return stream::external(dev(), nullptr); }
  void set_current_stream(const stream&) override {}
  stream create_stream() override { return stream::external(dev(), nullptr); }
  void synchronize_stream(const stream&) override {}
  std::string device_name() const override {
    return "CPU, " + std::to_string(std::thread::hardware_concurrency()) + " hardware threads";
  }

 private:
  static const char* name_of(ops::ufunc_id op) {
    return ops::visit_ufunc(op, [](auto tag) { return decltype(tag)::type::name; });
  }
  caching_pool pool_;
  host::elementwise_table elementwise_ = {};
  host::reduce_table reduce_ = {};
  host::segments_table segments_ = {};
  host::arg_reduce_table arg_reduce_ = {};
  host::scan_table scan_ = {};
  host::sort_table sort_ = {};
  host::search_table search_ = {};
};

}  // namespace

std::unique_ptr<backend> make_host_backend() { return std::make_unique<host_backend>(); }

}  // namespace cunp::detail
