// cunp::half: IEEE binary16 storage with round-to-nearest-even conversions, usable in host and
// device code alike (no CUDA header needed), so one functor serves both backends.
#pragma once
#include <cstdint>
#include <cstring>

#if defined(__CUDACC__)
#define CUNP_HD __host__ __device__
#else
#define CUNP_HD
#endif

namespace cunp {

namespace detail {
CUNP_HD inline std::uint32_t float_bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
CUNP_HD inline float bits_float(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
}  // namespace detail

struct half {
  std::uint16_t bits = 0;

  half() = default;
  CUNP_HD static half from_bits(std::uint16_t b) {
    half h;
    h.bits = b;
    return h;
  }
  CUNP_HD explicit half(float f) : bits(from_float(f)) {}
  CUNP_HD explicit half(double d) : bits(from_double(d)) {}
  CUNP_HD operator float() const { return to_float(bits); }

  CUNP_HD static float to_float(std::uint16_t h) {
    std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    std::uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu;
    if (exp == 0x1f) return detail::bits_float(sign | 0x7f800000u | (mant << 13));  // inf/nan
    if (exp == 0) {
      if (mant == 0) return detail::bits_float(sign);
      // subnormal: value = mant * 2^-24, exact in float
      float v = float(mant) * 5.9604644775390625e-08f;
      return sign ? -v : v;
    }
    return detail::bits_float(sign | ((exp + 112u) << 23) | (mant << 13));
  }

  CUNP_HD static std::uint16_t from_float(float f) {
    std::uint32_t u = detail::float_bits(f);
    std::uint16_t sign = std::uint16_t((u >> 16) & 0x8000u);
    std::uint32_t a = u & 0x7fffffffu;
    if (a >= 0x7f800000u)  // inf or nan (keep nan quiet, keep payload's top bits)
      return std::uint16_t(sign | 0x7c00u | (a > 0x7f800000u ? (0x200u | ((a >> 13) & 0x3ffu)) : 0u));
    if (a >= 0x477ff000u) return std::uint16_t(sign | 0x7c00u);  // rounds to >= 65520: inf
    if (a < 0x38800000u) {  // below the smallest normal half (2^-14): subnormal or zero
      if (a < 0x33000000u) return sign;  // < 2^-25: rounds to zero (ties-to-even at 2^-25 too)
      std::uint32_t e = a >> 23, m = (a & 0x7fffffu) | 0x800000u;
      std::uint32_t shift = 126u - e;  // brings m to units of 2^-24 (shift in 14..24)
      std::uint32_t q = m >> shift, rem = m & ((1u << shift) - 1u), halfway = 1u << (shift - 1u);
      if (rem > halfway || (rem == halfway && (q & 1u))) ++q;
      return std::uint16_t(sign | q);
    }
    // normal: rebias the exponent, round 13 dropped mantissa bits to nearest even
    std::uint32_t r = a - 0x38000000u;
    std::uint32_t q = r >> 13, rem = r & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (q & 1u))) ++q;
    return std::uint16_t(sign | q);
  }

  // Direct double->half rounding (not via float, which would round twice).
  CUNP_HD static std::uint16_t from_double(double d) {
    float f = float(d);
    // float(d) rounds once; if it landed exactly on a half-way point of the half grid, the
    // direction it came from decides, so nudge f toward d by one float ulp in that case.
    std::uint32_t u = detail::float_bits(f);
    std::uint32_t a = u & 0x7fffffffu;
    if (a < 0x7f800000u && double(f) != d) {
      bool normal = a >= 0x38800000u;
      std::uint32_t low_mask = normal ? 0x1fffu : 0u;
      if (normal && (a & low_mask) == 0x1000u) {
        bool away = (d > double(f)) == (f > 0);
        u = away ? u + 1 : u - 1;
        f = detail::bits_float(u);
      } else if (!normal && a >= 0x33000000u) {
        std::uint32_t e = a >> 23, shift = 126u - e;
        std::uint32_t m = (a & 0x7fffffu) | 0x800000u;
        if ((m & ((1u << shift) - 1u)) == (1u << (shift - 1u))) {
          bool away = (d > double(f)) == (f > 0);
          u = away ? u + 1 : u - 1;
          f = detail::bits_float(u);
        }
      } else if (a == 0x33000000u) {  // exactly 2^-25 after rounding: tie between 0 and 2^-24
        bool away = (d > double(f)) == (f > 0);
        u = away ? u + 1 : u - 1;
        f = detail::bits_float(u);
      }
    }
    return from_float(f);
  }
};

}  // namespace cunp
