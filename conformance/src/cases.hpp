// The case matrix: dtypes x shapes x layouts x values, deterministic from a seed, and the host
// inputs each case describes (built in NumPy's layout model: dtype, shape, byte strides, offset).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spec.hpp"

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

enum class layout { C, F, strided, negative, transposed, broadcast, offset, misaligned };
inline constexpr layout all_layouts[] = {layout::C, layout::F, layout::strided, layout::negative,
                                         layout::transposed, layout::broadcast, layout::offset, layout::misaligned};
const char* name(layout l);
layout layout_from_name(const std::string& s);

enum class value_kind { random, special };

struct case_desc {
  std::string op;
  std::vector<dtype> dtypes;  // one per input
  std::vector<shape_t> shapes;
  std::vector<layout> layouts;
  value_kind values = value_kind::random;
  std::uint64_t seed = 0;
  call_params params;  // reductions

  std::string describe() const;
  nlohmann::json to_json() const;
  static case_desc from_json(const nlohmann::json& j);  // throws value_error naming the field
};

// The seed the suite's matrix uses unless told otherwise (replay lines name any other).
inline constexpr std::uint64_t default_matrix_seed = 20261121;

// Every case of the op's matrix, in a fixed order (index = the case's id for replay).
std::vector<case_desc> case_matrix(const op_spec& spec, std::uint64_t seed);

// The host input #i of case c: values for the op's domain, laid out as c.layouts[i] says.
ndarray make_input(const op_spec& spec, const case_desc& c, std::size_t i);

}  // namespace cunp::conformance
