// An op's suite (its record's matrix and error inputs), and the checks of the records' claims:
// dtypes against the registry, ufunc loop tables against NumPy's `ufunc.types`.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "record.hpp"

namespace cunp::conformance {

struct suite_case {
  test_case c;
  std::string expected_error;  // for an error input: the NumPy exception it must raise
};
std::vector<suite_case> suite_of(const op_record& r);

// Whether the record's op is a ufunc in cunp's registry.
bool is_ufunc(const op_record& r);
// Exit codes: 0 when every record's claims equal the registry's dtypes on this backend, else 1.
int check_claims(const std::string& backend);
// 0 when the ufunc's loops, in order, equal NumPy's numeric loops (ufunc.types), else 1.
int check_loops(const std::string& op);

// The registry as the coverage report reads it (schema cunp-registry/1, reports/README.md): every
// registered API with its dtypes per backend, its loops, the records (specs) that test it, and
// which backends this machine can run.
nlohmann::json registry_document();

}  // namespace cunp::conformance
