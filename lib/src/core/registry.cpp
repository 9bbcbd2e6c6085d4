// The op registry. Ufunc, reduction, index-reduction and scan entries derive from the op
// definitions and from what each present backend reports it has loops for; the array-API entries
// name their NumPy functions here, beside the dispatcher that serves them all (copy loops, so every
// dtype, on every backend).
#include "cunp/registry.hpp"

#include <algorithm>

#include "cunp/device.hpp"
#include "core/backend.hpp"
#include "core/reduce.hpp"
#include "core/ufunc_loops.hpp"

namespace cunp {
using namespace detail;

namespace {
std::vector<backend*> present_backends() {
  std::vector<backend*> b{&backend_for(device::host())};
  for (int i = 0; i < cuda_device_count(); ++i) b.push_back(&backend_for(device::cuda(i)));
  return b;
}
}  // namespace

const std::vector<registered_op>& op_registry() {
  static const std::vector<registered_op> reg = [] {
    std::vector<registered_op> r;
    auto backends = present_backends();
    // the ufuncs of the op list, and where (an elementwise op, but not a ufunc)
    auto add_elementwise = [&](ops::ufunc_id id, const std::string& cunp_name, const char* category) {
      const ufunc_info& u = ufunc_table(id);
      registered_op e{"numpy." + std::string(u.name), "cunp::" + cunp_name, category, {}, {}};
      for (const ufunc_loop& l : u.loops) e.loops.push_back(loop_signature(l));
      // a loop's dtype is its inputs' where they are uniform; an op without uniform loops (ldexp's
      // 'ei->e') is listed by its first input
      auto uniform = [](const ufunc_loop& l) { return std::count(l.in.begin(), l.in.end(), l.in[0]) == std::ptrdiff_t(l.in.size()); };
      bool any_uniform = std::any_of(u.loops.begin(), u.loops.end(), uniform);
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (const ufunc_loop& l : u.loops)
          if (b->has_loop(id, l.kernel) && std::find(bd.dtypes.begin(), bd.dtypes.end(), l.in[0]) == bd.dtypes.end() &&
              (uniform(l) || !any_uniform))
            bd.dtypes.push_back(l.in[0]);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    };
    // NumPy's aliases: the entry of the op they name, under the alias
    auto add_alias = [&](const std::string& alias, ops::ufunc_id id) {
      const std::string canonical = "numpy." + std::string(ufunc_table(id).name);
      auto it = std::find_if(r.begin(), r.end(), [&](const registered_op& e) { return e.numpy_name == canonical; });
      registered_op e = *it;
      e.numpy_name = "numpy." + alias;
      e.cunp_name = "cunp::" + alias;
      r.push_back(e);
    };
#define CUNP_REGISTER_UFUNC(op, nin, nout, family) add_elementwise(ops::ufunc_id::op, #op, "ufunc");
    CUNP_UFUNC_LIST(CUNP_REGISTER_UFUNC)
#undef CUNP_REGISTER_UFUNC
#define CUNP_REGISTER_ALIAS(alias, op, nin, nout) add_alias(#alias, ops::ufunc_id::op);
    CUNP_UFUNC_ALIAS_LIST(CUNP_REGISTER_ALIAS)
#undef CUNP_REGISTER_ALIAS
    add_elementwise(ops::ufunc_id::where, "where", "searching");
    r.back().loops.clear();  // where resolves by result_type, not by a loop table
    for (int i = 0; i < int(ops::reduce_id::count); ++i) {
      auto id = ops::reduce_id(i);
      const char* n = ops::visit_reduction(id, [](auto tag) { return decltype(tag)::type::name; });
      registered_op e{"numpy." + std::string(n), "cunp::" + std::string(n), "reduction", {}, {}};
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (dtype d : all_dtypes)
          if (b->has_reduction(id, d)) bd.dtypes.push_back(d);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    }
    // index reductions: every input dtype a backend has a loop for
    for (int i = 0; i < int(ops::arg_reduce_id::count); ++i) {
      auto id = ops::arg_reduce_id(i);
      const char* n = ops::visit_arg_reduction(id, [](auto tag) { return decltype(tag)::type::name; });
      registered_op e{"numpy." + std::string(n), "cunp::" + std::string(n), "searching", {}, {}};
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (dtype d : all_dtypes)
          if (b->has_arg_reduction(id, d)) bd.dtypes.push_back(d);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    }
    // scans: the input dtypes whose default result dtype (sum's rules) the backend scans in
    for (int i = 0; i < int(ops::scan_id::count); ++i) {
      auto id = ops::scan_id(i);
      const char* n = ops::visit_scan(id, [](auto tag) { return decltype(tag)::type::name; });
      registered_op e{"numpy." + std::string(n), "cunp::" + std::string(n), "scan", {}, {}};
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (dtype d : all_dtypes)
          if (b->has_scan(id, default_accumulating_dtype(d))) bd.dtypes.push_back(d);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    }
    // an entry whose dtypes are those each backend answers `has` for
    auto add_served = [&](const char* n, const char* category, bool (*has)(backend&, dtype)) {
      registered_op e{"numpy." + std::string(n), "cunp::" + std::string(n), category, {}, {}};
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (dtype d : all_dtypes)
          if (has(*b, d)) bd.dtypes.push_back(d);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    };
    for (const char* n : {"sort", "argsort", "sort_complex", "partition", "argpartition", "lexsort"})
      add_served(n, "sorting", [](backend& b, dtype d) { return b.has_sort(d); });
    add_served("searchsorted", "searching", [](backend& b, dtype d) { return b.has_search(d); });
    // nonzero and its kin: a cast to bool and the backend's select serve every dtype
    for (const char* n : {"nonzero", "flatnonzero", "argwhere", "extract"})
      add_served(n, "searching", [](backend&, dtype) { return true; });
    // unique and the set operations: sorts, searches and scans over the input's dtype
    for (const char* n : {"unique", "unique_all", "unique_counts", "unique_inverse", "unique_values", "isin", "intersect1d", "union1d",
                          "setdiff1d", "setxor1d"})
      add_served(n, "sets", [](backend& b, dtype d) { return b.has_sort(d) && b.has_search(d) && b.has_sort(dtype::int64); });
    // counting: sorted values and the searches for each bin's bounds (bincount: of integral input)
    add_served("bincount", "statistics", [](backend& b, dtype d) {
      return (is_integer(d) || d == dtype::bool_) && b.has_sort(dtype::int64) && b.has_search(dtype::int64);
    });
    for (const char* n : {"digitize", "histogram", "histogram_bin_edges"})
      add_served(n, "statistics", [](backend& b, dtype d) { return !is_complex(d) && b.has_sort(d) && b.has_search(d); });
    // order statistics: sorted rows read through a gather; the quantiles take real dtypes only
    for (const char* n : {"median", "nanmedian"})
      add_served(n, "statistics", [](backend& b, dtype d) { return b.has_sort(d); });
    for (const char* n : {"quantile", "percentile", "nanquantile", "nanpercentile"})
      add_served(n, "statistics", [](backend& b, dtype d) { return b.has_sort(d) && !is_complex(d); });
    // functions over another entry's loops: its dtypes, less bool where NumPy rejects it
    auto add_derived = [&](const std::string& from, const char* n, const char* category, bool with_bool) {
      auto it = std::find_if(r.begin(), r.end(), [&](const registered_op& e) { return e.numpy_name == "numpy." + from; });
      registered_op e = *it;
      e.numpy_name = "numpy." + std::string(n);
      e.cunp_name = "cunp::" + std::string(n);
      e.category = category;
      e.loops.clear();
      for (auto& bd : e.backends)
        if (!with_bool) bd.dtypes.erase(std::remove(bd.dtypes.begin(), bd.dtypes.end(), dtype::bool_), bd.dtypes.end());
      r.push_back(e);
    };
    add_derived("add", "trapezoid", "statistics", true);
    add_derived("max", "amax", "reduction", true);
    add_derived("min", "amin", "reduction", true);
    add_derived("max", "ptp", "statistics", false);
    add_derived("logical_and", "all", "logic", true);
    add_derived("logical_or", "any", "logic", true);
    add_derived("logical_or", "count_nonzero", "counting", true);
    add_derived("sum", "mean", "statistics", true);
    add_derived("cumsum", "cumulative_sum", "scan", true);
    add_derived("cumprod", "cumulative_prod", "scan", true);
    for (const char* n : {"var", "std", "average"}) add_derived("sum", n, "statistics", true);
    for (const char* n : {"nansum", "nanmean", "nanvar", "nanstd"}) add_derived("sum", n, "statistics", true);
    add_derived("prod", "nanprod", "statistics", true);
    add_derived("cumsum", "nancumsum", "scan", true);
    add_derived("cumprod", "nancumprod", "scan", true);
    add_derived("fmax", "nanmax", "statistics", true);
    add_derived("fmin", "nanmin", "statistics", true);
    add_derived("argmax", "nanargmax", "searching", true);
    add_derived("argmin", "nanargmin", "searching", true);
    add_derived("subtract", "ediff1d", "math", false);
    // diff: subtract's dtypes, and bool (not_equal)
    add_derived("subtract", "diff", "math", true);
    for (auto& bd : r.back().backends) bd.dtypes.insert(bd.dtypes.begin(), dtype::bool_);
    struct api { const char* numpy; const char* cunp; const char* category; };
    static const api array_api[] = {
        {"numpy.empty", "cunp::empty", "creation"}, {"numpy.zeros", "cunp::zeros", "creation"},
        {"numpy.ones", "cunp::ones", "creation"}, {"numpy.full", "cunp::full", "creation"},
        {"numpy.arange", "cunp::arange", "creation"}, {"numpy.eye", "cunp::eye", "creation"},
        {"numpy.empty_like", "cunp::empty_like", "creation"}, {"numpy.zeros_like", "cunp::zeros_like", "creation"},
        {"numpy.ones_like", "cunp::ones_like", "creation"}, {"numpy.full_like", "cunp::full_like", "creation"},
        {"numpy.asarray", "cunp::asarray", "creation"}, {"numpy.ascontiguousarray", "cunp::ascontiguousarray", "copy"},
        {"numpy.asfortranarray", "cunp::asfortranarray", "copy"}, {"numpy.broadcast_to", "cunp::broadcast_to", "view"},
        {"numpy.broadcast_shapes", "cunp::broadcast_shapes", "view"}, {"numpy.transpose", "cunp::ndarray::transpose", "view"},
        {"numpy.permute_dims", "cunp::ndarray::transpose", "view"}, {"numpy.reshape", "cunp::ndarray::reshape", "view"},
        {"numpy.squeeze", "cunp::ndarray::squeeze", "view"}, {"numpy.expand_dims", "cunp::ndarray::expand_dims", "view"},
        {"numpy.ndarray.astype", "cunp::ndarray::astype", "copy"}, {"numpy.ndarray.copy", "cunp::ndarray::copy", "copy"},
        {"numpy.result_type", "cunp::result_type", "dtype"}, {"numpy.can_cast", "cunp::can_cast", "dtype"},
        {"numpy.promote_types", "cunp::promote_types", "dtype"}, {"numpy.concatenate", "cunp::concatenate", "joining"}};
    // an entry the copy loops serve: every dtype a backend copies (less complex where NumPy
    // rejects it)
    auto add_copy_served = [&](std::string numpy, std::string cunp, const char* category, bool complex) {
      registered_op e{std::move(numpy), std::move(cunp), category, {}, {}};
      for (backend* b : backends) {
        registered_op::backend_dtypes bd{b->name(), {}};
        for (dtype d : all_dtypes)
          if ((complex || !is_complex(d)) && b->has_loop(ops::ufunc_id::copy, uniform_loop(ops::ufunc_id::copy, d)->kernel))
            bd.dtypes.push_back(d);
        e.backends.push_back(bd);
      }
      r.push_back(e);
    };
    for (const api& a : array_api) add_copy_served(a.numpy, a.cunp, a.category, true);
    // NumPy's functions over the ufuncs (cunp/numeric_functions.hpp)
    struct composite { const char* name; const char* category; bool complex; };
    static const composite composites[] = {
        {"real", "math", true},      {"imag", "math", true},          {"angle", "math", true},
        {"round", "math", true},     {"around", "math", true},        {"fix", "math", false},
        {"nan_to_num", "math", true}, {"isclose", "logic", true},     {"allclose", "logic", true},
        {"array_equal", "logic", true}, {"array_equiv", "logic", true}, {"isreal", "logic", true},
        {"iscomplex", "logic", true}, {"isrealobj", "logic", true},   {"iscomplexobj", "logic", true},
        {"isposinf", "logic", false}, {"isneginf", "logic", false}};
    for (const composite& c : composites)
      add_copy_served("numpy." + std::string(c.name), "cunp::" + std::string(c.name), c.category, c.complex);
    // ndarray's methods: the functions of their names, their dtypes
    for (const char* m : {"all", "any", "max", "min", "sum", "prod", "mean", "var", "std", "argmax", "argmin", "cumsum", "cumprod",
                          "sort", "argsort", "partition", "argpartition", "nonzero", "searchsorted"}) {
      auto it = std::find_if(r.begin(), r.end(), [&](const registered_op& e) { return e.numpy_name == "numpy." + std::string(m); });
      registered_op e = *it;
      e.numpy_name = "numpy.ndarray." + std::string(m);
      e.cunp_name = "cunp::ndarray::" + std::string(m);
      e.loops.clear();
      r.push_back(e);
    }
    return r;
  }();
  return reg;
}

}  // namespace cunp
