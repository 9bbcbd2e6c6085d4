// The op families whose records live in files of their own (records_<family>.cpp), which
// records.cpp adds to the table, and the expectations they share with it.
#pragma once
#include <vector>

#include "cunp/sorting.hpp"
#include "record.hpp"

namespace cunp::conformance {

// The same dtype claims on the host and CUDA backends.
std::map<std::string, std::vector<dtype>> on_both(std::vector<dtype> d);

// Casting NaN, an infinity or a float beyond the integer range to an integer dtype (a reduction's
// dtype=int8 over special floats) is undefined: NumPy warns "invalid value encountered in cast"
// and the value is whatever its CPU's conversion instruction gives. A skip for such cases.
expectation undefined_integer_cast();

// mean (and nanmean of integers) with an integer dtype=: the float quotient, NaN for an empty
// mean, cast back beyond the integer range is undefined in NumPy. A skip for such cases.
expectation mean_integer_dtype_cast();

// An op xtensor has no call for with NumPy's semantics: no xtensor test, and the record says why.
void without_xtensor(op_record& r, std::string why);

// A reduction over axis (None, an int or a tuple) with keepdims, and dtype= where with_dtype: the
// reduction matrix on every dtype, axis errors, an xtensor reducer of the same name.
op_record reduction(const std::string& n, cunp_call call, tolerance_class tol, bool with_dtype);

// A scan along axis (an int or None) with dtype=: the scan matrix on every dtype, an AxisError,
// zero signs free, and products (cumulative_product) over values near one.
op_record scan_record(const std::string& n, ndarray (*fn)(const ndarray&, const cumsum_options&), tolerance_class tol);

// sort's and partition's keywords as a case gives them (axis null: None)
sort_options sort_keywords(const bound_call& c);
partition_options partition_keywords(const bound_call& c);

void add_sorting(std::vector<op_record>& v);      // sort, argsort, sort_complex, searchsorted
void add_differences(std::vector<op_record>& v);  // cumulative_sum/prod, cumprod, diff, ediff1d
void add_statistics(std::vector<op_record>& v);   // var, std, average and the nan-functions
void add_order_statistics(std::vector<op_record>& v);  // median, quantile, percentile and nan-variants
void add_sets(std::vector<op_record>& v);
void add_counting(std::vector<op_record>& v);  // bincount, digitize, histogram, histogram_bin_edges
// ndarray's methods (ndarray.sum, ndarray.sort...) from the records of their functions, which v holds
void add_methods(std::vector<op_record>& v);  // unique and its forms, isin, intersect1d, union1d, setdiff1d, setxor1d

}  // namespace cunp::conformance
