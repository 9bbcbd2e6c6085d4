// cunp_conformance: runs an op's case matrix on a backend against NumPy or xtensor, prints
// progress and failures (each with a one-line replay command), and writes a results JSON.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>

#include "cunp/oracle.hpp"
#include "runner.hpp"

using namespace cunp;
using namespace cunp::conformance;

namespace {

struct tally {
  int passed = 0, failed = 0, skipped = 0;
  double max_ulp = -1;
  std::map<std::string, int> skip_reasons;
  std::vector<nlohmann::json> failures;  // the first few, in full
  std::vector<std::int64_t> failed_cases;  // every failing case's index in the matrix
};

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cunp conformance: an op's case matrix against NumPy (or xtensor)"};
  std::string op_name, backend = "host", ref_name = "numpy", results_dir, case_file, ctest_file;
  std::int64_t case_index = -1;
  std::uint64_t seed = default_matrix_seed;
  bool list = false, quiet = false;
  app.add_option("--op", op_name, "op name (see --list), or all");
  app.add_option("--backend", backend, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  app.add_option("--reference", ref_name, "numpy or xtensor")->check(CLI::IsMember({"numpy", "xtensor"}));
  app.add_option("--results", results_dir, "folder for the results JSON");
  app.add_option("--case", case_index, "run only this case of the matrix (from a replay line)");
  app.add_option("--case-file", case_file, "run one case from a JSON case file");
  app.add_option("--seed", seed, "the matrix's seed");
  app.add_flag("--list", list, "list the ops and their case counts");
  app.add_flag("--quiet", quiet, "print only failures and the summary");
  app.add_option("--ctest-file", ctest_file, "write ctest registrations for every op (build step)");
  CLI11_PARSE(app, argc, argv);

  if (!ctest_file.empty()) {
    std::ofstream f(ctest_file);
    std::string exe = std::filesystem::absolute(argv[0]).string();
    for (const auto& s : core_specs())
      for (std::string be : {"host", "cuda"})
        for (std::string r : {"numpy", "xtensor"}) {
          std::string tn = "conformance." + s.name + "." + be + (r == "numpy" ? "" : ".xtensor");
          f << "add_test(" << tn << " \"" << exe << "\" --op " << s.name << " --backend " << be << " --reference " << r
            << " --quiet --results \"${CUNP_RESULTS_DIR}\")\n";
          f << "set_tests_properties(" << tn << " PROPERTIES SKIP_RETURN_CODE 77 LABELS \"conformance;" << be
            << (r == "xtensor" ? ";xtensor" : "") << "\")\n";
        }
    return 0;
  }
  if (list) {
    for (const auto& s : core_specs())
      std::printf("%-10s %5zu cases  tolerance %s\n", s.name.c_str(), case_matrix(s, seed).size(), name(s.tolerance));
    return 0;
  }

  std::optional<device> maybe_dev = backend_device(backend);
  if (!maybe_dev) return 77;
  const device dev = *maybe_dev;
  reference ref = ref_name == "numpy" ? reference::numpy : reference::xtensor;

  std::vector<std::pair<const op_spec*, std::vector<std::pair<std::int64_t, case_desc>>>> work;
  if (!case_file.empty()) {
    std::ifstream f(case_file);
    if (!f) {
      std::fprintf(stderr, "cannot open case file %s\n", case_file.c_str());
      return 2;
    }
    case_desc c = case_desc::from_json(nlohmann::json::parse(f));
    const op_spec* s = find_spec(c.op);
    if (!s) {
      std::fprintf(stderr, "case file %s: unknown op '%s'\n", case_file.c_str(), c.op.c_str());
      return 2;
    }
    work.push_back({s, {{-1, c}}});
  } else {
    if (op_name.empty()) {
      std::fprintf(stderr, "--op is required (see --list)\n");
      return 2;
    }
    for (const auto& s : core_specs()) {
      if (op_name != "all" && s.name != op_name) continue;
      auto cases = case_matrix(s, seed);
      std::vector<std::pair<std::int64_t, case_desc>> sel;
      for (std::size_t i = 0; i < cases.size(); ++i)
        if (case_index < 0 || std::int64_t(i) == case_index) sel.push_back({std::int64_t(i), cases[i]});
      work.push_back({&s, sel});
    }
    if (work.empty()) {
      std::fprintf(stderr, "unknown op '%s' (see --list)\n", op_name.c_str());
      return 2;
    }
  }

  oracle::ensure_started();
  int total_failed = 0, total_passed = 0, total_skipped = 0;
  nlohmann::json results = nlohmann::json::array();
  auto t0 = std::chrono::steady_clock::now();
  for (auto& [spec, cases] : work) {
    std::map<std::string, tally> by_dtype;
    for (auto& [index, c] : cases) {
      verdict v;
      try {
        v = run_case(*spec, c, dev, ref);
      } catch (const std::exception& e) {
        v = {verdict::fail, std::string("harness error: ") + e.what()};
      }
      tally& t = by_dtype[std::string(name(c.dtypes[0]))];
      std::string replay = case_file.empty()
                               ? "cunp_conformance --op " + spec->name + " --backend " + backend + " --reference " +
                                     ref_name + " --case " + std::to_string(index) +
                                     (seed != default_matrix_seed ? " --seed " + std::to_string(seed) : "")
                               : "cunp_conformance --case-file " + case_file + " --backend " + backend;
      if (v.status == verdict::pass) ++t.passed;
      if (v.status == verdict::skip) {
        ++t.skipped;
        ++t.skip_reasons[v.reason];
      }
      if (v.status == verdict::fail) {
        ++t.failed;
        t.failed_cases.push_back(index);
        std::printf("FAIL %s\n     %s\n     replay: %s\n", c.describe().c_str(), v.reason.c_str(), replay.c_str());
        if (t.failures.size() < 5) t.failures.push_back({{"case", c.describe()}, {"reason", v.reason}, {"replay", replay}});
      }
      t.max_ulp = std::max(t.max_ulp, v.max_ulp);
    }
    int op_pass = 0, op_fail = 0, op_skip = 0;
    for (auto& [dt, t] : by_dtype) {
      op_pass += t.passed;
      op_fail += t.failed;
      op_skip += t.skipped;
      nlohmann::json r = {{"op", spec->name}, {"backend", backend}, {"reference", ref_name}, {"dtype", dt},
                          {"passed", t.passed}, {"failed", t.failed}, {"skipped", t.skipped},
                          {"skip_reasons", t.skip_reasons}, {"failures", t.failures},
                          {"failed_cases", t.failed_cases}};
      r["max_ulp"] = t.max_ulp < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.max_ulp);
      results.push_back(r);
      if (!quiet) std::printf("  %s %s %s %-10s %4d passed %3d failed %3d skipped\n", spec->name.c_str(), backend.c_str(),
                              ref_name.c_str(), dt.c_str(), t.passed, t.failed, t.skipped);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s on %s vs %s: %d passed, %d failed, %d skipped (%.1f s)\n", spec->name.c_str(), backend.c_str(),
                ref_name.c_str(), op_pass, op_fail, op_skip, secs);
    total_passed += op_pass;
    total_failed += op_fail;
    total_skipped += op_skip;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int total = total_passed + total_failed + total_skipped;
  std::printf("%d cases in %.1f s (%.0f cases/s)\n", total, secs, total / std::max(secs, 1e-9));
  if (!results_dir.empty()) {
    std::filesystem::create_directories(results_dir);
    nlohmann::json doc = {{"schema", "cunp-conformance-results/1"},
                          {"numpy_version", oracle::info().numpy_version},
                          {"python_version", oracle::info().python_version},
                          {"generated", now_utc()},
                          {"devices", {{dev.str(), device_name(dev)}}},
                          {"results", results}};
    std::string file = results_dir + "/" + (case_file.empty() ? op_name : "case") + "." + backend + "." + ref_name + ".json";
    std::ofstream(file) << doc.dump(1) << "\n";
  }
  if (total_passed + total_failed == 0 && total_skipped > 0) {
    std::printf("SKIPPED: every case skipped (see the reasons in the results)\n");
    return 77;
  }
  return total_failed ? 1 : 0;
}
