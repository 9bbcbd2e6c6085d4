// The harness proves it can fail: runs the conformance suite built against cunp_planted (host
// library with the bugs of lib/src/backend/host/planted_bugs.hpp) over the ops the bugs are in,
// and checks that the suite reports exactly the cases those bugs break as failures: none missed,
// none extra.
//   cunp_planted_check --conformance <cunp_conformance_planted> --results <dir>
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <algorithm>
#include <set>

#include "cunp/oracle.hpp"
#include "runner.hpp"
#include "suite.hpp"

using namespace cunp;
using namespace cunp::conformance;

namespace {

std::int64_t numel(const shape_t& s) {
  std::int64_t n = 1;
  for (auto e : s) n *= e;
  return n;
}

// The add bug: add's int16 loop is off by one, so every non-empty add whose result NumPy gives as
// int16 differs everywhere (asked of NumPy on the case's own arguments, weak scalars included).
bool broken_by_add_int16(const op_record& r, const test_case& c) {
  if (r.name != "add") return false;
  std::optional<dtype> rt = numpy_result_dtype(r, c);
  if (!rt || *rt != dtype::int16) return false;
  for (const array_arg* a : arrays_of(c))
    if (numel(a->shape) == 0) return false;
  return true;
}

// The strided bug: negative skips the last element of a strided input run. Of the layouts only
// `strided` (every other element) gives a run of non-unit stride: the others are contiguous
// after reordering, unit-stride reversed, or broadcast. NumPy rejects bool before any loop runs.
bool broken_by_strided_negative(const op_record& r, const test_case& c) {
  if (r.name != "negative") return false;
  const auto* a = std::get_if<array_arg>(&c.args.at(0).v);
  return a && a->layout == layout::strided && numel(a->shape) > 0 && a->dt != dtype::bool_;
}

// The complex bug: complex128 negative keeps the imaginary part's sign (a complex Python scalar
// runs the complex128 loop too).
bool broken_by_complex_negative(const op_record& r, const test_case& c) {
  if (r.name != "negative") return false;
  if (const auto* s = std::get_if<scalar_arg>(&c.args.at(0).v))
    return s->value.is_array() && s->value[1] != "nan";
  return oracle::call_text("cunp_planted", "complex_negative", {case_arrays(r, c).at(0)}) == "True";
}

// The reduction bug: an integer axis reduction over one run drops its last element.
bool broken_by_reduction(const op_record& r, const test_case& c) {
  if (r.name != "sum" && r.name != "prod" && r.name != "max" && r.name != "min") return false;
  auto lit = [&](const char* k) -> std::string {
    if (!c.kwargs.contains(k) || c.kwargs[k].is_null()) return "None";
    const auto& v = c.kwargs[k];
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    if (v.is_string()) return "np." + v.get<std::string>();
    if (v.is_array()) {
      std::string t = "(";
      for (const auto& e : v) t += e.dump() + ",";
      return t + ")";
    }
    return v.dump();
  };
  if (!numpy_result_dtype(r, c)) return false;  // NumPy raises: no reduction runs
  return oracle::call_text("cunp_planted", "reduction_drops_last",
                           {"'" + r.numpy + "'", case_arrays(r, c).at(0), lit("axis"), c.kwargs.value("keepdims", false) ? "True" : "False",
                            lit("dtype")}) == "True";
}

// The CUDA bug: absolute's strided kernel skips its last element (abs, NumPy's alias, runs it too).
bool broken_by_cuda_strided_absolute(const op_record& r, const test_case& c) {
  if ((r.name != "absolute" && r.name != "abs") || !std::holds_alternative<array_arg>(c.args.at(0).v)) return false;
  return oracle::call_text("cunp_planted", "strided_kernel_skips_last", {case_arrays(r, c).at(0)}) == "True";
}

// A ufunc case with NumPy's keywords (out=, where=, dtype=, casting=): the predicates above model
// the planted bugs on plain calls, so these cases are left out of the comparison on both sides
// (a keyword case that catches a planted bug is welcome, not a surprise).
bool ufunc_keyword_case(const op_record& r, const test_case& c) {
  if (!r.kwargs.count("out")) return false;
  for (const char* k : {"out", "where", "dtype", "casting"})
    if (c.kwargs.contains(k) && !c.kwargs[k].is_null()) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"checks that the conformance suite reports exactly the planted bugs"};
  std::string conformance_exe, results_dir, backend = "host";
  app.add_option("--conformance", conformance_exe, "cunp_conformance built against cunp_planted")->required();
  app.add_option("--results", results_dir, "folder for its results JSON")->required();
  app.add_option("--backend", backend, "host (the host bugs) or cuda (the CUDA bug)")->check(CLI::IsMember({"host", "cuda"}));
  CLI11_PARSE(app, argc, argv);
  if (!backend_device(backend)) return 77;

  start_oracle();
  oracle::add_module_path(CUNP_PLANTED_PYTHON_DIR);
  std::filesystem::remove_all(results_dir);
  // the ops the predicates below name: the other ops run their own suites on the plain library,
  // which poisons fresh allocations in its tests as the planted one does always
  const std::set<std::string> planted_ops = backend == "host" ? std::set<std::string>{"add", "negative", "sum", "prod", "max", "min"}
                                                             : std::set<std::string>{"absolute", "abs"};
  std::string ops;
  for (const auto& op : planted_ops) ops += (ops.empty() ? "" : ",") + op;
  std::string cmd = "\"" + conformance_exe + "\" --op " + ops + " --backend " + backend + " --reference numpy --quiet --results \"" +
                    results_dir + "\" > \"" + results_dir + ".log\" 2>&1";
  std::printf("running the suite on the planted library: %s\n", cmd.c_str());
  std::fflush(stdout);
  int rc = std::system(cmd.c_str());
  if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 1) {
    std::printf("FAIL: the suite should exit 1 (cases failed); it gave status %d (log: %s.log)\n", rc,
                results_dir.c_str());
    return 1;
  }
  std::ifstream f(results_dir + "/selected_ops." + backend + ".numpy.json");
  if (!f) {
    std::printf("FAIL: no results JSON in %s\n", results_dir.c_str());
    return 1;
  }
  std::map<std::string, std::set<std::string>> reported;
  nlohmann::json doc = nlohmann::json::parse(f);
  for (const auto& r : doc.at("results"))
    for (const auto& c : r.at("failed_cases")) reported[r.at("op").get<std::string>()].insert(c.get<std::string>());

  int missed = 0, extra = 0, expected_total = 0;
  for (const auto& rec : op_records()) {
    // composites: the bugs of the ops under them reach them unmodelled (record.hpp)
    if (rec.composite || !planted_ops.count(rec.name)) continue;
    std::set<std::string> expected, got;
    for (const auto& sc : suite_of(rec))
      if (!ufunc_keyword_case(rec, sc.c) &&
          (backend == "host" ? broken_by_add_int16(rec, sc.c) || broken_by_strided_negative(rec, sc.c) ||
                                   broken_by_complex_negative(rec, sc.c) || broken_by_reduction(rec, sc.c)
                             : broken_by_cuda_strided_absolute(rec, sc.c)))
        expected.insert(sc.c.line());
    for (const auto& line : reported[rec.name])
      if (!ufunc_keyword_case(rec, test_case::from_json(nlohmann::json::parse(line)))) got.insert(line);
    for (const auto& c : expected)
      if (!got.count(c)) {
        ++missed;
        std::printf("MISSED (planted, not reported): %s\n", c.c_str());
      }
    for (const auto& c : got)
      if (!expected.count(c)) {
        ++extra;
        std::printf("EXTRA (reported, not planted): %s\n", c.c_str());
      }
    expected_total += int(expected.size());
    if (!expected.empty())
      std::printf("%-10s %3zu planted cases, %3zu reported\n", rec.name.c_str(), expected.size(), got.size());
  }
  if (expected_total == 0) {
    std::printf("FAIL: no case of the matrix exercises the planted bugs\n");
    return 1;
  }
  std::printf("%d planted failures: %d missed, %d extra\n", expected_total, missed, extra);
  return missed || extra ? 1 : 0;
}
