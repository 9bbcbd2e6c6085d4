// The op families whose records live in files of their own (records_<family>.cpp), which
// records.cpp adds to the table, and the expectations they share with it.
#pragma once
#include <vector>

#include "record.hpp"

namespace cunp::conformance {

// The same dtype claims on the host and CUDA backends.
std::map<std::string, std::vector<dtype>> on_both(std::vector<dtype> d);

// Casting NaN, an infinity or a float beyond the integer range to an integer dtype (a reduction's
// dtype=int8 over special floats) is undefined: NumPy warns "invalid value encountered in cast"
// and the value is whatever its CPU's conversion instruction gives. A skip for such cases.
expectation undefined_integer_cast();

void add_sorting(std::vector<op_record>& v);      // sort, argsort, sort_complex, searchsorted
void add_differences(std::vector<op_record>& v);  // cumulative_sum, diff, ediff1d

}  // namespace cunp::conformance
