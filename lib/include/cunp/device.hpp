// Devices, streams and the memory pool's public controls.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cunp {

enum class device_kind : std::uint8_t { host, cuda };

struct device {
  device_kind kind = device_kind::host;
  int index = 0;

  static device host() { return {device_kind::host, 0}; }
  static device cuda(int i = 0) { return {device_kind::cuda, i}; }
  // "host", "cpu", "cuda", "cuda:1"; throws value_error otherwise.
  static device parse(std::string_view text);
  std::string str() const;
  bool operator==(const device&) const = default;
};

// cuda:0 when a GPU is visible, else host; CUNP_DEVICE=host|cuda[:N] overrides.
device default_device();
bool cuda_compiled();        // built with CUNP_CUDA=ON
int cuda_device_count();     // 0 without CUDA or without a visible GPU
std::string cuda_unavailable_reason();  // why cuda_device_count() is 0 ("" when it is not)
std::string device_name(device d);      // "NVIDIA H100 80GB HBM3", "host (x86_64, 2 threads)"
void synchronize(device d);

// A stream of work on a device. Ops run on the device's current stream (the default stream until
// set); the host backend runs eagerly and its streams are inert.
class stream {
 public:
  stream() = default;
  static stream create(device d);  // a new non-blocking stream, owned by cunp until process exit
  // Wraps a stream cunp did not create (a cudaStream_t from other code); cunp never destroys it.
  static stream external(device d, void* handle) { return stream(d, handle); }
  device dev() const { return dev_; }
  void* handle() const { return handle_; }  // cudaStream_t on cuda
  void synchronize() const;
  bool operator==(const stream&) const = default;

 private:
  stream(device d, void* h) : dev_(d), handle_(h) {}
  device dev_{};
  void* handle_ = nullptr;
};
stream current_stream(device d);
void set_current_stream(const stream& s);
// RAII: makes `s` current for its device, restores the previous one on exit.
class stream_guard {
 public:
  explicit stream_guard(const stream& s) : previous_(current_stream(s.dev())) { set_current_stream(s); }
  ~stream_guard() { set_current_stream(previous_); }
  stream_guard(const stream_guard&) = delete;
  stream_guard& operator=(const stream_guard&) = delete;

 private:
  stream previous_;
};

// The caching pool of a device (host and cuda alike).
struct pool_stats {
  std::size_t used_bytes = 0;   // handed out to arrays
  std::size_t free_bytes = 0;   // cached, ready for reuse
  std::size_t total_bytes = 0;  // held from the system (used + free)
  std::size_t limit_bytes = 0;  // 0: no limit
};
pool_stats memory_stats(device d);
void set_memory_limit(device d, std::size_t bytes);  // 0 removes the limit
void free_all_blocks(device d);                       // returns every cached block to the system

}  // namespace cunp
