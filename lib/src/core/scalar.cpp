#include "core/scalar.hpp"

#include <cstring>

#include "ops/types.hpp"

namespace cunp::detail {

void weak_scalar_bytes(const weak_scalar& s, dtype d, unsigned char* bytes) {
  ops::visit(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T v{};
    switch (s.kind) {
      case weak_scalar::kind_t::boolean: v = ops::convert<T>(s.b); break;
      case weak_scalar::kind_t::integer:
        v = s.negative ? ops::convert<T>(std::int64_t(std::uint64_t(0) - s.magnitude)) : ops::convert<T>(s.magnitude);
        break;
      case weak_scalar::kind_t::floating: v = ops::convert<T>(s.re); break;
      case weak_scalar::kind_t::complex: v = ops::convert<T>(ops::complex<double>{s.re, s.im}); break;
    }
    std::memcpy(bytes, &v, sizeof(T));
  });
}

}  // namespace cunp::detail
