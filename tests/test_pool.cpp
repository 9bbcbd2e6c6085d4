// The caching pool: reuse, split, merge, limit, out-of-memory and recovery. The pool is
// backend-neutral, so it is tested over a raw allocator with a fixed capacity; then the device
// under test's own pool through the public API.
#include <map>

#include "test_support.hpp"
#include "core/caching_pool.hpp"

using namespace cunp;
using namespace cunp::detail;

namespace {
constexpr std::size_t MiB = 1 << 20;

// A raw allocator of `capacity` bytes that counts its calls.
struct fake_system {
  std::size_t capacity, in_use = 0;
  int allocations = 0, releases = 0;
  std::map<void*, std::size_t> live;
  raw_allocator raw() {
    return {[this](std::size_t n) -> void* {
              if (in_use + n > capacity) return nullptr;
              void* p = std::aligned_alloc(512, n);
              in_use += n;
              ++allocations;
              live[p] = n;
              return p;
            },
            [this](void* p, std::size_t n) {
              in_use -= n;
              ++releases;
              live.erase(p);
              std::free(p);
            }};
  }
};
}  // namespace

TEST_SUITE("pool") {
  TEST_CASE("a freed block is reused without asking the system again") {
    fake_system sys{64 * MiB};
    caching_pool pool("test", sys.raw());
    void* a = pool.allocate(1000);
    pool.deallocate(a);
    void* b = pool.allocate(1000);
    CHECK(a == b);
    CHECK(sys.allocations == 1);
    pool.deallocate(b);
  }

  TEST_CASE("small requests split one chunk; freeing merges the pieces back") {
    fake_system sys{64 * MiB};
    caching_pool pool("test", sys.raw());
    void* a = pool.allocate(4096);
    void* b = pool.allocate(4096);
    CHECK(sys.allocations == 1);  // both carved from one 2 MiB chunk
    CHECK(static_cast<char*>(b) - static_cast<char*>(a) == 4096);
    CHECK(pool.stats().used_bytes == 8192);
    CHECK(pool.stats().total_bytes == caching_pool::min_chunk);
    pool.deallocate(a);
    pool.deallocate(b);
    CHECK(pool.stats().used_bytes == 0);
    CHECK(pool.stats().free_bytes == caching_pool::min_chunk);
    // merged: the whole chunk is one block again, so a chunk-sized request fits without a new chunk
    void* whole = pool.allocate(caching_pool::min_chunk);
    CHECK(whole == a);
    CHECK(sys.allocations == 1);
    pool.deallocate(whole);
  }

  TEST_CASE("best fit picks the smallest free block that holds the request") {
    fake_system sys{64 * MiB};
    caching_pool pool("test", sys.raw());
    void* big = pool.allocate(8 * MiB);
    void* mid = pool.allocate(3 * MiB);
    pool.deallocate(big);
    pool.deallocate(mid);
    void* p = pool.allocate(3 * MiB);
    CHECK(p == mid);
    pool.deallocate(p);
  }

  TEST_CASE("blocks are reused per stream") {
    fake_system sys{64 * MiB};
    caching_pool pool("test", sys.raw());
    int s1 = 0, s2 = 0;
    void* a = pool.allocate(4 * MiB, &s1);
    pool.deallocate(a);
    void* b = pool.allocate(4 * MiB, &s2);  // a's block belongs to stream s1's order
    CHECK(a != b);
    void* c = pool.allocate(4 * MiB, &s1);
    CHECK(c == a);
    pool.deallocate(b);
    pool.deallocate(c);
  }

  TEST_CASE("the limit refuses with out_of_memory naming the request and the pool's state") {
    fake_system sys{64 * MiB};
    caching_pool pool("test", sys.raw());
    pool.set_limit(5 * MiB);
    void* a = pool.allocate(4 * MiB);
    try {
      pool.allocate(2 * MiB);
      FAIL("expected out_of_memory");
    } catch (const out_of_memory& e) {
      std::string msg = e.what();
      CHECK(msg.find(std::to_string(2 * MiB) + " bytes") != std::string::npos);
      CHECK(msg.find("in use") != std::string::npos);
      CHECK(msg.find("limit") != std::string::npos);
    }
    pool.deallocate(a);
    void* b = pool.allocate(2 * MiB);  // recovers: the cached 4 MiB block serves it
    CHECK(b != nullptr);
    pool.deallocate(b);
    CHECK(pool.stats().limit_bytes == 5 * MiB);
  }

  TEST_CASE("when the system runs out, cached blocks are released and the request retried") {
    fake_system sys{10 * MiB};
    caching_pool pool("test", sys.raw());
    void* a = pool.allocate(6 * MiB);
    pool.deallocate(a);  // cached: 6 MiB held, none used
    void* b = pool.allocate(8 * MiB);  // does not fit the cache, nor the system beside it
    CHECK(b != nullptr);
    CHECK(sys.releases == 1);
    CHECK(pool.stats().total_bytes == 8 * MiB);
    CHECK_THROWS_AS(pool.allocate(4 * MiB), out_of_memory);  // genuinely full
    pool.deallocate(b);
    pool.free_all_blocks();
    CHECK(pool.stats().total_bytes == 0);
    CHECK(sys.in_use == 0);
  }

  TEST_CASE("the device's own pool: stats, limit, out_of_memory and recovery") {
    device d = test::dev();
    free_all_blocks(d);
    pool_stats before = memory_stats(d);
    {
      ndarray a = zeros({1 << 20}, dtype::float64, order::C, d);  // 8 MiB
      CHECK(memory_stats(d).used_bytes >= before.used_bytes + (8u << 20));
    }
    CHECK(memory_stats(d).free_bytes >= (8u << 20));  // cached for reuse
    free_all_blocks(d);
    set_memory_limit(d, memory_stats(d).total_bytes + (1u << 20));
    CHECK_THROWS_AS(zeros({1 << 21}, dtype::float64, order::C, d), out_of_memory);
    set_memory_limit(d, 0);
    ndarray ok = zeros({1 << 21}, dtype::float64, order::C, d);
    CHECK(ok.size() == (1 << 21));
  }
}
