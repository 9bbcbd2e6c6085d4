// The op registry: every public op registers its NumPy name and, per backend, the dtypes it has
// loops for. Coverage reports read it; nobody keeps a list by hand.
#pragma once
#include <string>
#include <vector>

#include "cunp/dtype.hpp"

namespace cunp {

struct registered_op {
  std::string numpy_name;  // "numpy.add", "numpy.ndarray.sum"
  std::string cunp_name;   // "cunp::add"
  std::string category;    // "ufunc", "reduction", "searching", "scan", "joining", "creation", "view", "copy", "sorting", "statistics", "sets"
  struct backend_dtypes {
    std::string backend;   // "host", "cuda"
    std::vector<dtype> dtypes;
  };
  std::vector<backend_dtypes> backends;
  // ufuncs: NumPy-style loop signatures, e.g. "bb->b", "ee->e", "FF->?"
  std::vector<std::string> loops;
};

const std::vector<registered_op>& op_registry();

}  // namespace cunp
