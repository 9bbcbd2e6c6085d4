// The op families whose records live in files of their own (records_<family>.cpp); records.cpp
// adds each to the table.
#pragma once
#include <vector>

#include "record.hpp"

namespace cunp::conformance {

void add_sorting(std::vector<op_record>& v);  // sort, argsort, sort_complex, searchsorted

}  // namespace cunp::conformance
