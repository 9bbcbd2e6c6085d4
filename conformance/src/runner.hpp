// Runs one case: the same host bytes to cunp (on a backend, strides kept) and to NumPy (the
// oracle) or xtensor, then the record's comparator, then its expectations (skip, xfail).
#pragma once
#include <optional>
#include <string>

#include "compare.hpp"

namespace cunp::conformance {

enum class reference { numpy, xtensor };
const char* name(reference r);

// The device a --backend option names ("host" or "cuda"); nothing where it cannot run here, after
// printing "SKIPPED: <reason>" for the caller to exit 77 (ctest's skip).
std::optional<device> backend_device(const std::string& backend);

// Makes the harness's Python helpers (conformance/python) importable by the oracle.
void start_oracle();

// The case's arrays as built on the host (depth first), the bytes both sides get.
std::vector<ndarray> case_arrays(const op_record& r, const test_case& c);

// The dtype of NumPy's first output for the case, or nothing where NumPy raises.
std::optional<dtype> numpy_result_dtype(const op_record& r, const test_case& c);

// `expected_error`: for an error case, the NumPy exception the input must raise.
verdict run_case(const op_record& r, const test_case& c, const device& dev, reference ref,
                 const std::string& expected_error = "");

}  // namespace cunp::conformance
