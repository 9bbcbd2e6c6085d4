// The harness proves it can fail: runs the conformance suite built against cunp_planted (host
// library with the bugs of lib/src/backend/host/planted_bugs.hpp) and checks that the suite
// reports exactly the cases those bugs break as failures: none missed, none extra.
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

using namespace cunp;
using namespace cunp::conformance;

namespace {

std::int64_t numel(const shape_t& s) {
  std::int64_t n = 1;
  for (auto e : s) n *= e;
  return n;
}

// Bug 1: add's int16 loop is off by one, so every non-empty add whose loop NumPy picks as int16
// differs everywhere. The loop is NumPy's result type of the two dtypes, asked of NumPy.
bool broken_by_add_int16(const op_spec& spec, const case_desc& c) {
  if (spec.name != "add" || numel(c.shapes[0]) == 0 || numel(c.shapes[1]) == 0) return false;
  std::string rt = oracle::eval_text("np.result_type(np." + std::string(name(c.dtypes[0])) + ", np." +
                                     std::string(name(c.dtypes[1])) + ").name");
  return rt == "int16";
}

// Bug 2: negative skips the last element of a strided input run. Of the matrix's layouts only
// `strided` (every other element) gives a run of non-unit stride: the others are contiguous after
// reordering, unit-stride reversed, or broadcast. Rejected dtypes raise before any loop.
bool broken_by_strided_negative(const op_spec& spec, const case_desc& c) {
  if (spec.name != "negative" || c.layouts[0] != layout::strided || numel(c.shapes[0]) == 0) return false;
  return std::find(spec.dtypes.begin(), spec.dtypes.end(), c.dtypes[0]) != spec.dtypes.end();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"checks that the conformance suite reports exactly the planted bugs"};
  std::string conformance_exe, results_dir;
  app.add_option("--conformance", conformance_exe, "cunp_conformance built against cunp_planted")->required();
  app.add_option("--results", results_dir, "folder for its results JSON")->required();
  CLI11_PARSE(app, argc, argv);

  std::filesystem::remove_all(results_dir);
  std::string cmd = "\"" + conformance_exe + "\" --op all --backend host --reference numpy --quiet --results \"" +
                    results_dir + "\" > \"" + results_dir + ".log\" 2>&1";
  std::printf("running the suite on the planted library: %s\n", cmd.c_str());
  std::fflush(stdout);
  int rc = std::system(cmd.c_str());
  if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 1) {
    std::printf("FAIL: the suite should exit 1 (cases failed); it gave status %d (log: %s.log)\n", rc,
                results_dir.c_str());
    return 1;
  }
  std::ifstream f(results_dir + "/all.host.numpy.json");
  if (!f) {
    std::printf("FAIL: no results JSON in %s\n", results_dir.c_str());
    return 1;
  }
  std::map<std::string, std::set<std::int64_t>> reported;
  nlohmann::json doc = nlohmann::json::parse(f);
  for (const auto& r : doc.at("results"))
    for (auto i : r.at("failed_cases")) reported[r.at("op").get<std::string>()].insert(i.get<std::int64_t>());

  int missed = 0, extra = 0, expected_total = 0;
  for (const auto& spec : core_specs()) {
    auto cases = case_matrix(spec, default_matrix_seed);
    std::set<std::int64_t> expected;
    for (std::size_t i = 0; i < cases.size(); ++i)
      if (broken_by_add_int16(spec, cases[i]) || broken_by_strided_negative(spec, cases[i])) expected.insert(std::int64_t(i));
    const auto& got = reported[spec.name];
    for (auto i : expected)
      if (!got.count(i)) {
        ++missed;
        std::printf("MISSED (planted, not reported): #%lld %s\n", (long long)i, cases[std::size_t(i)].describe().c_str());
      }
    for (auto i : got)
      if (!expected.count(i)) {
        ++extra;
        std::printf("EXTRA (reported, not planted): #%lld %s\n", (long long)i,
                    i >= 0 && std::size_t(i) < cases.size() ? cases[std::size_t(i)].describe().c_str() : "?");
      }
    expected_total += int(expected.size());
    if (!expected.empty())
      std::printf("%-10s %3zu planted cases, %3zu reported\n", spec.name.c_str(), expected.size(), got.size());
  }
  if (expected_total == 0) {
    std::printf("FAIL: no case of the matrix exercises the planted bugs\n");
    return 1;
  }
  std::printf("%d planted failures: %d missed, %d extra\n", expected_total, missed, extra);
  return missed || extra ? 1 : 0;
}
