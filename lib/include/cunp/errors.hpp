// The cunp error family. Each type mirrors the NumPy exception a user would see for the same
// mistake, so the conformance comparator can map NumPy's exception to ours one-to-one.
#pragma once
#include <stdexcept>
#include <string>

namespace cunp {

// Virtual inheritance from `error` lets axis_error be both a value_error and an index_error, as
// numpy.exceptions.AxisError is both a ValueError and an IndexError.
struct error : std::runtime_error {
  explicit error(const std::string& what) : std::runtime_error(what) {}
};
struct value_error : virtual error {
  explicit value_error(const std::string& what) : error(what) {}
};
struct type_error : virtual error {
  explicit type_error(const std::string& what) : error(what) {}
};
struct index_error : virtual error {
  explicit index_error(const std::string& what) : error(what) {}
};
struct axis_error : value_error, index_error {
  explicit axis_error(const std::string& what) : error(what), value_error(what), index_error(what) {}
};
// numpy.linalg.LinAlgError is a ValueError.
struct linalg_error : value_error {
  explicit linalg_error(const std::string& what) : error(what), value_error(what) {}
};
// Python's OverflowError: NEP 50 raises it for a Python int out of the array dtype's range.
struct overflow_error : virtual error {
  explicit overflow_error(const std::string& what) : error(what) {}
};
// Python's RuntimeError (isin's kind='table' over a range its dtype cannot hold).
struct runtime_error : virtual error {
  explicit runtime_error(const std::string& what) : error(what) {}
};
// An op that a backend lacks; never answered by silently running another backend. Python's
// NotImplementedError is a RuntimeError.
struct not_implemented : runtime_error {
  explicit not_implemented(const std::string& what) : error(what), runtime_error(what) {}
};
// numpy's _ArrayMemoryError (a MemoryError). The message names bytes asked and the pool's state.
struct out_of_memory : virtual error {
  explicit out_of_memory(const std::string& what) : error(what) {}
};
// A failing CUDA runtime/library call; the message names the call and the CUDA error string.
struct cuda_error : virtual error {
  explicit cuda_error(const std::string& what) : error(what) {}
};

}  // namespace cunp
