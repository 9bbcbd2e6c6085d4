// The bytes a case describes: values (random in an op's domain, special, named generators,
// literals) laid out on the host in NumPy's layout model (dtype, shape, byte strides, offset).
#pragma once
#include <cstdint>
#include <string>

#include "case.hpp"

namespace cunp::conformance {

// splitmix64: a small, well-mixed, reproducible generator
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
  std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
};

// What "random" draws for an input: anything (magnitudes 1e-3..1e3, both signs), positive only,
// or near one (1 + u/256, either sign: products of a million stay representable, so overflow and
// underflow are left to the special values).
// any: wide magnitudes, either sign; positive; near_one: magnitudes near 1, either sign;
// exponent: small powers and shifts (integers 0..8, floats in [-8, 8)), random values only
enum class value_domain { any, positive, near_one, exponent };

// The seed of array #index (depth first) of a case with seed `case_seed`.
inline std::uint64_t array_seed(std::uint64_t case_seed, std::size_t index) { return case_seed * 4 + index; }

// The host array an array argument describes. Named generators: "uniform" {low, high,
// random_sign}, "indices" {low, high} (integers in [low, high): in and out of an axis' range),
// "mask" {p}, "sorted" {special} (NumPy's sort of random or special values, along the last axis),
// "duplicates" {distinct}, "arange" {descending}, "spd" and "ill_conditioned" {cond}
// (square matrices over the last two axes, from NumPy's generator seeded alike).
ndarray make_array(const array_arg& a, std::uint64_t seed, value_domain domain);

// A weak scalar argument as cunp's C++ scalar, and as the Python literal NumPy gets.
weak_scalar scalar_value(const scalar_arg& s);
std::string python_literal(const scalar_arg& s);

}  // namespace cunp::conformance
