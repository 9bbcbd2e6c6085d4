// The CUDA backend: device memory through the caching pool, streams, transfers, and the launcher
// tables filled by the .cu files of each op family.
#include <cuda_runtime.h>

#include "backend/cuda/arg_reduce.hpp"
#include "backend/cuda/check.hpp"
#include "backend/cuda/copy_fill.hpp"
#include "backend/cuda/elementwise.hpp"
#include "backend/cuda/planted_bugs.hpp"
#include "backend/cuda/reduce.hpp"
#include "backend/cuda/scan.hpp"
#include "backend/cuda/select.hpp"
#include "backend/cuda/sort.hpp"
#include "core/backend.hpp"
#include "core/caching_pool.hpp"
#include "core/debug_switches.hpp"
#include "core/kernel_errors.hpp"

namespace cunp::detail {

namespace cuda {
namespace {
bool sync_every_launch() {
  static const bool on = env_flag("CUNP_SYNC");
  return on;
}
}  // namespace

void check_launch(cudaStream_t s, const char* kernel) {
  cudaError_t e = cudaGetLastError();
  if (e != cudaSuccess) throw_cuda(e, (std::string("launch of ") + kernel).c_str(), __FILE__, __LINE__);
  if (sync_every_launch()) {
    e = cudaStreamSynchronize(s);
    if (e != cudaSuccess) throw_cuda(e, (std::string("kernel ") + kernel + " (CUNP_SYNC=1)").c_str(), __FILE__, __LINE__);
  }
}
}  // namespace cuda

int cuda_runtime_device_count(std::string* why_none) {
  int n = 0;
  cudaError_t e = cudaGetDeviceCount(&n);
  if (e != cudaSuccess) {
    cudaGetLastError();  // clear the sticky-free error so later calls start clean
    if (why_none) *why_none = std::string("no CUDA device visible (cudaGetDeviceCount: ") + cudaGetErrorString(e) + ")";
    return 0;
  }
  if (n == 0 && why_none) *why_none = "no CUDA device visible (cudaGetDeviceCount returned 0)";
  return n;
}

namespace {

class device_guard {  // makes `index` current for a scope
 public:
  explicit device_guard(int index) {
    CUNP_CUDA_CHECK(cudaGetDevice(&previous_));
    if (previous_ != index) CUNP_CUDA_CHECK(cudaSetDevice(index));
  }
  ~device_guard() { cudaSetDevice(previous_); }

 private:
  int previous_ = 0;
};

class cuda_backend final : public backend {
 public:
  explicit cuda_backend(int index)
      : index_(index),
        pool_("cuda:" + std::to_string(index),
              raw_allocator{[index](std::size_t n) -> void* {
                              device_guard g(index);
                              void* p = nullptr;
                              cudaError_t e = cudaMalloc(&p, n);
                              if (e == cudaErrorMemoryAllocation) {
                                cudaGetLastError();
                                return nullptr;
                              }
                              CUNP_CUDA_CHECK(e);
                              return p;
                            },
                            [index](void* p, std::size_t) {
                              device_guard g(index);
                              cudaFree(p);
                            }}) {
    device_guard g(index_);
    cudaDeviceProp prop{};
    CUNP_CUDA_CHECK(cudaGetDeviceProperties(&prop, index_));
    name_ = prop.name;
    sm_count_ = prop.multiProcessorCount;
    // mapped host memory: kernels write it only on an error, the host reads it after a sync
    CUNP_CUDA_CHECK(cudaHostAlloc(reinterpret_cast<void**>(&error_word_), sizeof(int), cudaHostAllocMapped));
    *error_word_ = 0;
    CUNP_CUDA_CHECK(cudaHostGetDevicePointer(reinterpret_cast<void**>(&error_word_device_), error_word_, 0));
#define CUNP_REGISTER(family) cuda::register_##family(elementwise_);
    CUNP_UFUNC_FAMILY_LIST(CUNP_REGISTER)
#undef CUNP_REGISTER
    cuda::register_reductions(reduce_, segments_);
    cuda::register_arg_reductions(arg_reduce_);
    cuda::register_scans(scan_);
    cuda::register_sorts(sort_);
    cuda::register_searches(search_);
  }

  ~cuda_backend() override { cudaFreeHost(error_word_); }

  std::string name() const override { return "cuda"; }
  cunp::device dev() const override { return cunp::device::cuda(index_); }

  void* allocate(std::size_t bytes) override {
    void* p = pool_.allocate(bytes, stream_);
    if (cuda::planted::enabled || poison_allocations()) {
      device_guard g(index_);
      CUNP_CUDA_CHECK(cudaMemsetAsync(p, poison_byte, bytes, stream_));
    }
    return p;
  }
  void deallocate(void* p, std::size_t) override { pool_.deallocate(p); }
  pool_stats memory_stats() override { return pool_.stats(); }
  void set_memory_limit(std::size_t bytes) override { pool_.set_limit(bytes); }
  void free_all_blocks() override {
    synchronize();
    pool_.free_all_blocks();
  }

  void copy_from_host(void* dst, const void* host, std::size_t n) override {
    device_guard g(index_);
    CUNP_CUDA_CHECK(cudaMemcpyAsync(dst, host, n, cudaMemcpyHostToDevice, stream_));
    // the host buffer may be freed as soon as we return
    CUNP_CUDA_CHECK(cudaStreamSynchronize(stream_));
    raise_reported_error();
  }
  void copy_to_host(void* host, const void* src, std::size_t n) override {
    device_guard g(index_);
    CUNP_CUDA_CHECK(cudaMemcpyAsync(host, src, n, cudaMemcpyDeviceToHost, stream_));
    CUNP_CUDA_CHECK(cudaStreamSynchronize(stream_));
    raise_reported_error();
  }
  void copy_within(void* dst, const void* src, std::size_t n) override {
    device_guard g(index_);
    CUNP_CUDA_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyDeviceToDevice, stream_));
  }
  void fill(void* dst, std::int64_t n, const void* pattern, std::size_t isz) override {
    device_guard g(index_);
    bool zero = true;
    for (std::size_t i = 0; i < isz; ++i) zero &= static_cast<const unsigned char*>(pattern)[i] == 0;
    if (zero) CUNP_CUDA_CHECK(cudaMemsetAsync(dst, 0, std::size_t(n) * isz, stream_));
    else cuda::fill(dst, n, pattern, isz, ctx());
  }

  bool has_loop(ops::ufunc_id op, int kernel) const override {
    return kernel >= 0 && kernel < max_kernels && elementwise_[int(op)][kernel] != nullptr;
  }
  void elementwise(ops::ufunc_id op, int kernel, const iteration& it) override {
    if (!has_loop(op, kernel)) throw not_implemented("cuda backend: no kernel #" + std::to_string(kernel) + " for this op");
    device_guard g(index_);
    elementwise_[int(op)][kernel](it, ctx());
  }
  bool has_reduction(ops::reduce_id op, dtype loop) const override { return reduce_[int(op)][int(loop)] != nullptr; }
  void reduce(ops::reduce_id op, dtype loop, const reduction& r) override {
    device_guard g(index_);
    reduce_[int(op)][int(loop)](r, ctx());
  }
  void reduce_segments(ops::reduce_id op, dtype loop, const segmented_reduction& r) override {
    device_guard g(index_);
    segments_[int(op)][int(loop)](r, ctx());
  }
  bool has_arg_reduction(ops::arg_reduce_id op, dtype in) const override {
    return arg_reduce_[int(op)][int(in)] != nullptr;
  }
  void arg_reduce(ops::arg_reduce_id op, dtype in, const reduction& r) override {
    if (!has_arg_reduction(op, in))
      throw not_implemented(std::string(ops::visit_arg_reduction(op, [](auto t) { return decltype(t)::type::name; })) +
                            ": the cuda backend has no " + std::string(cunp::name(in)) + " loop");
    device_guard g(index_);
    arg_reduce_[int(op)][int(in)](r, ctx());
  }
  bool has_scan(ops::scan_id op, dtype loop) const override { return scan_[int(op)][int(loop)] != nullptr; }
  void scan(ops::scan_id op, dtype loop, const accumulation& a) override {
    if (!has_scan(op, loop))
      throw not_implemented(std::string(ops::visit_scan(op, [](auto t) { return decltype(t)::type::name; })) +
                            ": the cuda backend has no " + std::string(cunp::name(loop)) + " loop");
    device_guard g(index_);
    scan_[int(op)][int(loop)](a, ctx());
  }
  bool has_sort(dtype dt) const override { return sort_[int(dt)] != nullptr; }
  void sort(const sort_request& r) override {
    if (!has_sort(r.dt)) throw not_implemented("sort: the cuda backend has no " + std::string(cunp::name(r.dt)) + " sort");
    device_guard g(index_);
    sort_[int(r.dt)](r, ctx());
  }
  bool has_search(dtype dt) const override { return search_[int(dt)] != nullptr; }
  void search(const search_request& r) override {
    if (!has_search(r.dt))
      throw not_implemented("searchsorted: the cuda backend has no " + std::string(cunp::name(r.dt)) + " search");
    device_guard g(index_);
    search_[int(r.dt)](r, ctx());
  }
  void gather(const gather_request& r) override {
    device_guard g(index_);
    cuda::gather(r, ctx());
  }
  std::int64_t select_true(const bool* flags, std::int64_t n, std::int64_t* out) override {
    device_guard g(index_);
    std::int64_t k = cuda::select_true(flags, n, out, ctx());
    raise_reported_error();
    return k;
  }
  void arange(void* out, dtype dt, std::int64_t n, const void* start, const void* delta) override {
    device_guard g(index_);
    cuda::arange(out, dt, n, start, delta, ctx());
  }

  void synchronize() override {
    device_guard g(index_);
    CUNP_CUDA_CHECK(cudaDeviceSynchronize());
    raise_reported_error();
  }
  stream current_stream() override { return stream::external(dev(), stream_); }
  void set_current_stream(const stream& s) override { stream_ = static_cast<cudaStream_t>(s.handle()); }
  stream create_stream() override {
    device_guard g(index_);
    cudaStream_t s;
    CUNP_CUDA_CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
    return stream::external(dev(), s);
  }
  void synchronize_stream(const stream& s) override {
    device_guard g(index_);
    CUNP_CUDA_CHECK(cudaStreamSynchronize(static_cast<cudaStream_t>(s.handle())));
    raise_reported_error();
  }
  std::string device_name() const override { return name_; }

 private:
  cuda::launch_context ctx() { return {stream_, sm_count_, &pool_, error_word_device_}; }
  // After a synchronization: the first error a kernel reported since the last one, raised once.
  void raise_reported_error() {
    int e = *static_cast<volatile int*>(error_word_);
    if (e == 0) return;
    *error_word_ = 0;
    raise_kernel_error(ops::kernel_error(e));
  }

  int index_;
  std::string name_;
  int sm_count_ = 1;
  int* error_word_ = nullptr;         // host view
  int* error_word_device_ = nullptr;  // what kernels write
  cudaStream_t stream_ = nullptr;  // the legacy default stream until set
  caching_pool pool_;
  cuda::elementwise_table elementwise_ = {};
  cuda::reduce_table reduce_ = {};
  cuda::segments_table segments_ = {};
  cuda::arg_reduce_table arg_reduce_ = {};
  cuda::scan_table scan_ = {};
  cuda::sort_table sort_ = {};
  cuda::search_table search_ = {};
};

}  // namespace

std::unique_ptr<backend> make_cuda_backend(int index) { return std::make_unique<cuda_backend>(index); }

}  // namespace cunp::detail
