// Runs one case: the same host bytes to cunp (on a backend, strides kept), to NumPy (the oracle)
// or xtensor, then the comparator's verdict.
#pragma once
#include <optional>
#include <string>

#include "cases.hpp"

namespace cunp::conformance {

enum class reference { numpy, xtensor };
const char* name(reference r);

struct verdict {
  enum status_t { pass, fail, skip } status = pass;
  std::string reason;   // why it failed or was skipped
  double max_ulp = -1;  // largest float error in ulps of the expected value; -1: exact compare
};

// The device a --backend option names ("host" or "cuda"); nothing where it cannot run here, after
// printing "SKIPPED: <reason>" for the caller to exit 77 (ctest's skip).
std::optional<device> backend_device(const std::string& backend);

verdict run_case(const op_spec& spec, const case_desc& c, const device& dev, reference ref);

}  // namespace cunp::conformance
