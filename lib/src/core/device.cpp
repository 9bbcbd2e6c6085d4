// Device discovery and the per-device backend instances.
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cunp/device.hpp"
#include "cunp/errors.hpp"
#include "core/backend.hpp"

namespace cunp {

device device::parse(std::string_view text) {
  if (text == "host" || text == "cpu") return host();
  if (text.substr(0, 4) == "cuda") {
    if (text.size() == 4) return cuda(0);
    if (text[4] == ':' && text.size() > 5) {
      int idx = 0;
      for (char c : text.substr(5)) {
        if (c < '0' || c > '9') throw value_error("invalid device '" + std::string(text) + "': expected host, cuda or cuda:N");
        idx = idx * 10 + (c - '0');
      }
      return cuda(idx);
    }
  }
  throw value_error("invalid device '" + std::string(text) + "': expected host, cuda or cuda:N");
}

std::string device::str() const { return kind == device_kind::host ? "host" : "cuda:" + std::to_string(index); }

bool cuda_compiled() { return CUNP_WITH_CUDA != 0; }

namespace {
struct cuda_probe {
  int count = 0;
  std::string why;
};
const cuda_probe& probe() {
  static const cuda_probe p = [] {
    cuda_probe r;
#if CUNP_WITH_CUDA
    r.count = detail::cuda_runtime_device_count(&r.why);
#else
    r.why = "cunp was built with CUNP_CUDA=OFF";
#endif
    return r;
  }();
  return p;
}
}  // namespace

int cuda_device_count() { return probe().count; }
std::string cuda_unavailable_reason() { return probe().count ? "" : probe().why; }

device default_device() {
  if (const char* env = std::getenv("CUNP_DEVICE"); env && *env) return device::parse(env);
  return cuda_device_count() > 0 ? device::cuda(0) : device::host();
}

namespace detail {

backend& backend_for(const cunp::device& d) {
  static std::mutex mu;
  static std::unique_ptr<backend> host;
  static std::vector<std::unique_ptr<backend>> cudas;
  std::lock_guard g(mu);
  if (d.kind == device_kind::host) {
    if (!host) host = make_host_backend();
    return *host;
  }
  int n = cuda_device_count();
  if (d.index < 0 || d.index >= n)
    throw value_error("device " + d.str() + " is not available: " +
                      (n == 0 ? cuda_unavailable_reason() : std::to_string(n) + " CUDA device(s) visible"));
#if CUNP_WITH_CUDA
  if (cudas.empty()) cudas.resize(n);
  if (!cudas[d.index]) cudas[d.index] = make_cuda_backend(d.index);
  return *cudas[d.index];
#else
  throw value_error("unreachable");
#endif
}

std::shared_ptr<buffer> allocate_buffer(const cunp::device& d, std::size_t nbytes) {
  backend& b = backend_for(d);
  void* p = b.allocate(nbytes);
  return std::make_shared<buffer>(d, p, nbytes, &b);
}

}  // namespace detail

std::string device_name(device d) { return detail::backend_for(d).device_name(); }
void synchronize(device d) { detail::backend_for(d).synchronize(); }
pool_stats memory_stats(device d) { return detail::backend_for(d).memory_stats(); }
void set_memory_limit(device d, std::size_t bytes) { detail::backend_for(d).set_memory_limit(bytes); }
void free_all_blocks(device d) { detail::backend_for(d).free_all_blocks(); }

stream stream::create(device d) { return detail::backend_for(d).create_stream(); }
void stream::synchronize() const { detail::backend_for(dev_).synchronize_stream(*this); }
stream current_stream(device d) { return detail::backend_for(d).current_stream(); }
void set_current_stream(const stream& s) { detail::backend_for(s.dev()).set_current_stream(s); }

}  // namespace cunp
