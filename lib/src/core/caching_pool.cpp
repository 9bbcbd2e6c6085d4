#include "core/caching_pool.hpp"

#include "cunp/errors.hpp"

namespace cunp::detail {
namespace {
std::size_t round_up(std::size_t n, std::size_t g) { return (n + g - 1) / g * g; }
std::string mib(std::size_t b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f MiB", double(b) / (1 << 20));
  return buf;
}
}  // namespace

caching_pool::~caching_pool() {
  for (auto& [p, b] : blocks_) delete b;
  for (auto& [base, size] : chunks_) raw_.release(base, size);
}

std::string caching_pool::state() const {
  std::string s = "pool on " + device_name_ + ": " + mib(used_) + " in use, " + mib(held_ - used_) +
                  " cached free, " + mib(held_) + " held";
  if (limit_) s += ", limit " + mib(limit_);
  return s;
}

void* caching_pool::take(block* b, std::size_t size) {
  free_[b->stream].erase({b->size, b->ptr});
  if (b->size - size >= granularity) {  // split: the tail stays free
    auto* tail = new block{b->ptr + size, b->size - size, b->chunk, b->stream, false, b, b->next};
    if (b->next) b->next->prev = tail;
    b->next = tail;
    b->size = size;
    blocks_[tail->ptr] = tail;
    free_[tail->stream].insert({tail->size, tail->ptr});
  }
  b->in_use = true;
  used_ += b->size;
  return b->ptr;
}

void* caching_pool::allocate(std::size_t bytes, const void* stream) {
  std::size_t size = round_up(bytes == 0 ? 1 : bytes, granularity);
  std::lock_guard g(mu_);
  auto best_fit = [&](const void* s) -> block* {
    auto it = free_.find(s);
    if (it == free_.end()) return nullptr;
    auto f = it->second.lower_bound({size, nullptr});
    return f == it->second.end() ? nullptr : blocks_.at(f->second);
  };
  if (block* b = best_fit(stream)) return take(b, size);

  std::size_t chunk = size < min_chunk ? min_chunk : size;
  auto over_limit = [&] { return limit_ && held_ + chunk > limit_; };
  char* base = nullptr;
  for (int attempt = 0; attempt < 2 && !base; ++attempt) {
    if (attempt == 1) release_free_chunks();  // give cached chunks back, then retry once
    if (over_limit() && chunk > size && !(limit_ && held_ + size > limit_)) chunk = size;
    if (over_limit()) continue;
    base = static_cast<char*>(raw_.allocate(chunk));
    if (!base && chunk > size) {
      chunk = size;
      base = static_cast<char*>(raw_.allocate(chunk));
    }
  }
  if (!base)
    throw out_of_memory("cunp: out of memory allocating " + std::to_string(bytes) + " bytes (" + mib(bytes) +
                        ") on " + state() + (limit_ && held_ + size > limit_ ? " (the limit refused it)" : ""));
  chunks_[base] = chunk;
  held_ += chunk;
  auto* b = new block{base, chunk, base, stream, false, nullptr, nullptr};
  blocks_[base] = b;
  free_[stream].insert({chunk, base});
  return take(b, size);
}

void caching_pool::deallocate(void* p) {
  std::lock_guard g(mu_);
  auto it = blocks_.find(static_cast<char*>(p));
  if (it == blocks_.end() || !it->second->in_use) throw value_error("cunp: pool deallocate of an unknown pointer");
  block* b = it->second;
  b->in_use = false;
  used_ -= b->size;
  auto absorb = [&](block* left, block* right) {  // right merges into left
    free_[right->stream].erase({right->size, right->ptr});
    left->size += right->size;
    left->next = right->next;
    if (right->next) right->next->prev = left;
    blocks_.erase(right->ptr);
    delete right;
  };
  if (b->next && !b->next->in_use && b->next->stream == b->stream) absorb(b, b->next);
  if (b->prev && !b->prev->in_use && b->prev->stream == b->stream) {
    block* left = b->prev;
    free_[left->stream].erase({left->size, left->ptr});
    absorb(left, b);
    b = left;
  }
  free_[b->stream].insert({b->size, b->ptr});
}

void caching_pool::release_free_chunks() {
  for (auto it = chunks_.begin(); it != chunks_.end();) {
    block* b = blocks_.at(it->first);
    if (!b->in_use && b->size == it->second) {  // the whole chunk is one free block
      free_[b->stream].erase({b->size, b->ptr});
      blocks_.erase(b->ptr);
      delete b;
      raw_.release(it->first, it->second);
      held_ -= it->second;
      it = chunks_.erase(it);
    } else {
      ++it;
    }
  }
}

void caching_pool::free_all_blocks() {
  std::lock_guard g(mu_);
  release_free_chunks();
}

pool_stats caching_pool::stats() const {
  std::lock_guard g(mu_);
  return {used_, held_ - used_, held_, limit_};
}

}  // namespace cunp::detail
