// A conformance case as data (case JSON v2): {"op", "args": [...], "kwargs": {...}, "seed"}.
// fuzz/README.md documents the format; every error names the offending field.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cunp/cunp.hpp"

namespace cunp::conformance {

enum class layout { C, F, strided, negative, transposed, broadcast, offset, misaligned };
inline constexpr layout all_layouts[] = {layout::C, layout::F, layout::strided, layout::negative,
                                         layout::transposed, layout::broadcast, layout::offset, layout::misaligned};
const char* name(layout l);
layout layout_from_name(const std::string& s);

// An array argument: its values are "random", "special", a named generator
// ({"gen": "indices", "low": -3, "high": 10}), or literal nested lists matching the shape.
struct array_arg {
  dtype dt = dtype::float64;
  shape_t shape;
  conformance::layout layout = layout::C;
  nlohmann::json values = "random";
};
// A weak scalar (a Python scalar under NEP 50): an integer, a float ("nan", "inf", "-inf",
// "-0.0" as strings), a complex [re, im], or a bool.
struct scalar_arg {
  nlohmann::json value;
};
struct arg_desc;
// A list argument (concatenate's sequence).
struct list_arg {
  std::vector<arg_desc> items;
};
// A tuple of Python ints: a shape or axes given positionally (reshape's shape, broadcast_shapes'
// shapes). NumPy gets a tuple; cunp a shape_t. Negative entries are kept: -1 infers an extent,
// and other negatives are inputs NumPy must reject.
struct tuple_arg {
  std::vector<std::int64_t> items;
};
struct arg_desc {
  std::variant<array_arg, scalar_arg, list_arg, tuple_arg> v;
};

// An array keyword's value (out=, where=): an array given as an argument is; {"alias": i}, the
// i-th argument itself (an array), or with "flip": true that array reversed on its first axis (an
// output overlapping its input other than element for element); for several outputs, a list of
// these and nulls (NumPy's None), passed as a tuple.
struct array_kwarg {
  std::optional<array_arg> array;  // given; else the alias
  int alias = -1;
  bool flip = false;
};
struct array_kwarg_value {
  std::vector<std::optional<array_kwarg>> items;  // nullopt: None
  bool tuple = false;
};
// Throws value_error naming the field, as from_json does.
array_kwarg_value parse_array_kwarg(const nlohmann::json& v, const std::string& where);

struct test_case {
  std::string op;
  std::vector<arg_desc> args;
  nlohmann::json kwargs = nlohmann::json::object();  // checked against the op's record
  std::uint64_t seed = 0;

  nlohmann::json to_json() const;
  std::string line() const;  // compact one-line JSON, for replay lines
  // A short human label for dashboards: "add(int8[3,4] C, 2, int8[4] strided; axis=1)".
  std::string label() const;
  // Throws value_error naming the field ("args[1].shape: ...") for unknown keys, bad dtype or
  // layout names, literal values that do not match the shape, and wrong types.
  static test_case from_json(const nlohmann::json& j);
};

// A tuple of ints in Python syntax: "(2, 3)", "(5,)", "()".
std::string python_tuple(const std::vector<std::int64_t>& items);

// Every array of a case, depth first through lists (their order seeds their values).
std::vector<const array_arg*> arrays_of(const test_case& c);
std::vector<array_arg*> arrays_of(test_case& c);

}  // namespace cunp::conformance
