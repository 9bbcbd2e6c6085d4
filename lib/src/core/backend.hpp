// The narrow interface each backend implements (DESIGN.md): memory, copies, and the op families
// run over iteration plans. Ops name their functor by id; a backend lacking a loop throws
// not_implemented naming the op and itself.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

#include "cunp/device.hpp"
#include "core/iteration.hpp"
#include "ops/arg_reductions.hpp"
#include "ops/reductions.hpp"
#include "ops/scans.hpp"
#include "ops/ufuncs.hpp"

namespace cunp::detail {

// Sorts each of `segments` runs of `n` contiguous elements of `in` (dtype dt) in NumPy's order
// (ops/sort_order.hpp), writing the sorted runs to `values` and each run's sorting permutation
// (int64 positions within the run) to `indices`; either output may be null. stable: equal
// elements keep their order; otherwise any order of them will do.
struct sort_request {
  dtype dt;
  const void* in;
  void* values;
  std::int64_t* indices;
  std::int64_t segments, n;
  bool stable;
};

// For each of `m` contiguous keys (dtype dt), its insertion point (ops::insertion_point) in the
// `n` contiguous ascending values of `sorted`, read through `sorter` (in-range int64 positions)
// where it is not null, into out[i].
struct search_request {
  dtype dt;
  const void* sorted;
  const std::int64_t* sorter;
  std::int64_t n;
  const void* keys;
  std::int64_t m;
  std::int64_t* out;
  bool right;
};

// out[i] = src[index[i]] for i < n, elements of `itemsize` bytes (1, 2, 4, 8 or 16), src holding
// src_n of them, all contiguous. An index outside [0, src_n) writes nothing and is reported as
// kernel_error::index_out_of_bounds (the host at once, CUDA at the next synchronization).
struct gather_request {
  void* out;
  const void* src;
  std::int64_t src_n;
  const std::int64_t* index;
  std::int64_t n;
  std::size_t itemsize;
};

class backend {
 public:
  virtual ~backend() = default;
  virtual std::string name() const = 0;  // "host", "cuda"
  virtual cunp::device dev() const = 0;

  // memory (through the device's caching pool)
  virtual void* allocate(std::size_t bytes) = 0;
  virtual void deallocate(void* p, std::size_t bytes) = 0;
  virtual pool_stats memory_stats() = 0;
  virtual void set_memory_limit(std::size_t bytes) = 0;
  virtual void free_all_blocks() = 0;

  // dense byte copies; `host` is ordinary host memory
  virtual void copy_from_host(void* dst, const void* host, std::size_t bytes) = 0;
  virtual void copy_to_host(void* host, const void* src, std::size_t bytes) = 0;
  virtual void copy_within(void* dst, const void* src, std::size_t bytes) = 0;
  virtual void fill(void* dst, std::int64_t n, const void* pattern, std::size_t itemsize) = 0;

  // compute: `kernel` numbers the op's distinct loop kernels (core/ufunc_loops.hpp); operands
  // whose dtype differs from the kernel's types are converted as they load and store
  virtual bool has_loop(ops::ufunc_id op, int kernel) const = 0;
  virtual void elementwise(ops::ufunc_id op, int kernel, const iteration& it) = 0;
  virtual bool has_reduction(ops::reduce_id op, dtype loop) const = 0;
  virtual void reduce(ops::reduce_id op, dtype loop, const reduction& r) = 0;
  // has_reduction's loops, segment by segment; the input's dtype may differ from the loop's for
  // the ops with an identity (sum, prod) only
  virtual void reduce_segments(ops::reduce_id op, dtype loop, const segmented_reduction& r) = 0;
  // index reductions: r's reduced dims are in logical order (reduced_order::logical), r.out gets
  // int64 positions; the input is read in its own dtype `in`
  virtual bool has_arg_reduction(ops::arg_reduce_id op, dtype in) const = 0;
  virtual void arg_reduce(ops::arg_reduce_id op, dtype in, const reduction& r) = 0;
  // inclusive scans along one axis, computed in `loop` (the output's dtype; the input converts
  // as it loads)
  virtual bool has_scan(ops::scan_id op, dtype loop) const = 0;
  virtual void scan(ops::scan_id op, dtype loop, const accumulation& a) = 0;
  virtual bool has_sort(dtype dt) const = 0;
  virtual void sort(const sort_request& r) = 0;
  virtual bool has_search(dtype dt) const = 0;
  virtual void search(const search_request& r) = 0;
  virtual void gather(const gather_request& r) = 0;
  // The positions (ascending) of the true bools among flags[0, n), contiguous, into out (room for
  // as many as there are); returns their count (CUDA: synchronizing, which raises a kernel error
  // reported before).
  virtual std::int64_t select_true(const bool* flags, std::int64_t n, std::int64_t* out) = 0;
  // out[i] = start + i*delta (ops::arange_value); start/delta are elements of dtype dt
  virtual void arange(void* out, dtype dt, std::int64_t n, const void* start, const void* delta) = 0;

  virtual void synchronize() = 0;
  virtual stream current_stream() = 0;
  virtual void set_current_stream(const stream& s) = 0;
  virtual stream create_stream() = 0;
  virtual void synchronize_stream(const stream& s) = 0;
  virtual std::string device_name() const = 0;
};

backend& backend_for(const cunp::device& d);  // throws value_error for a device not present

// Memory a view lives in. `owner` frees it; external memory has no owner and a keepalive.
struct buffer {
  cunp::device dev;
  void* ptr = nullptr;
  std::size_t nbytes = 0;
  backend* owner = nullptr;
  std::shared_ptr<void> keepalive;
  buffer(cunp::device d, void* p, std::size_t n, backend* o, std::shared_ptr<void> k = nullptr)
      : dev(d), ptr(p), nbytes(n), owner(o), keepalive(std::move(k)) {}
  ~buffer() {
    if (owner) owner->deallocate(ptr, nbytes);
  }
  buffer(const buffer&) = delete;
  buffer& operator=(const buffer&) = delete;
};
std::shared_ptr<buffer> allocate_buffer(const cunp::device& d, std::size_t nbytes);

// Factories of the backends (defined in src/backend/*). make_cuda_backend is absent from a
// CUNP_CUDA=OFF build; cuda_runtime_device_count() then answers 0.
std::unique_ptr<backend> make_host_backend();
#if CUNP_WITH_CUDA
std::unique_ptr<backend> make_cuda_backend(int index);
int cuda_runtime_device_count(std::string* why_none);
#endif

}  // namespace cunp::detail
