// A caching, stream-ordered, best-fit allocator with block splitting and merging (CuPy's arena
// is the model). It is backend-neutral: a raw allocator (cudaMalloc, aligned host memory, or a
// test double) supplies chunks, so the same pool serves both backends and is tested on the host.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "cunp/device.hpp"

namespace cunp::detail {

struct raw_allocator {
  // returns nullptr when the system has no memory for `bytes`
  std::function<void*(std::size_t bytes)> allocate;
  std::function<void(void* p, std::size_t bytes)> release;
};

class caching_pool {
 public:
  static constexpr std::size_t granularity = 512;       // every block is a multiple of this
  static constexpr std::size_t min_chunk = 2u << 20;    // small requests share 2 MiB chunks

  caching_pool(std::string device_name, raw_allocator raw) : device_name_(std::move(device_name)), raw_(std::move(raw)) {}
  ~caching_pool();
  caching_pool(const caching_pool&) = delete;
  caching_pool& operator=(const caching_pool&) = delete;

  // Stream-ordered: a block freed on stream s is reused first by requests on s. Throws
  // out_of_memory, naming the request and the pool's state, when the limit or the system
  // refuses even after releasing cached chunks.
  void* allocate(std::size_t bytes, const void* stream = nullptr);
  void deallocate(void* p);

  pool_stats stats() const;
  void set_limit(std::size_t bytes) { std::lock_guard g(mu_); limit_ = bytes; }
  void free_all_blocks();  // releases every chunk with no block in use
  std::size_t chunk_count() const { std::lock_guard g(mu_); return chunks_.size(); }

 private:
  struct block;
  using free_key = std::pair<std::size_t, char*>;  // best fit: smallest size, then address
  struct block {
    char* ptr;
    std::size_t size;
    char* chunk;  // base of the chunk it lives in
    const void* stream;
    bool in_use;
    block* prev;  // neighbours within the chunk, for merging
    block* next;
  };
  void* take(block* b, std::size_t size);
  void release_free_chunks();
  std::string state() const;

  std::string device_name_;
  raw_allocator raw_;
  mutable std::mutex mu_;
  std::unordered_map<const void*, std::set<free_key>> free_;  // per stream
  std::unordered_map<char*, block*> blocks_;                   // by address, every block
  std::map<char*, std::size_t> chunks_;                        // base -> size
  std::size_t used_ = 0, held_ = 0, limit_ = 0;
};

}  // namespace cunp::detail
