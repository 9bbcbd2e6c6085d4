// cunp_conformance: runs an op's cases (its record's matrix and error inputs) on a backend against
// NumPy or xtensor, prints progress and failures (each with a one-line replay), and writes a
// results JSON. Also checks the records' claimed dtypes against the registry and each ufunc's loop
// table against NumPy's `ufunc.types`.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "runner.hpp"
#include "suite.hpp"

using namespace cunp;
using namespace cunp::conformance;

namespace {

struct tally {
  int passed = 0, failed = 0, skipped = 0, xfailed = 0, xpassed = 0;
  double max_ulp = -1, max_bound_fraction = -1;
  std::map<std::string, int> skip_reasons, xfail_reasons;
  std::vector<nlohmann::json> failures, xpasses;  // the first few, in full
  std::vector<std::string> failed_cases;          // every failing case, as its JSON line
  std::vector<nlohmann::json> cases;               // every case's outcome, for case-level JUnit
};

const char* outcome_name(verdict::status_t s) {
  switch (s) {
    case verdict::pass: return "passed";
    case verdict::fail: return "failed";
    case verdict::skip: return "skipped";
    case verdict::xfail: return "xfailed";
    case verdict::xpass: return "xpassed";
  }
  return "failed";
}

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// A shell-quoted replay line that needs no matrix index.
std::string replay_line(const test_case& c, const std::string& backend, const std::string& ref) {
  std::string json = c.line(), quoted;
  for (char ch : json) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return "cunp_conformance --case '" + quoted + "' --backend " + backend + (ref == "numpy" ? "" : " --reference " + ref);
}

// The record's row array names a case's row in the results (the list's first for concatenate);
// with no array, the dtype= keyword does (creation: the dtype made), else "scalar".
std::string row_dtype(const op_record& r, const test_case& c) {
  auto arrays = arrays_of(c);
  if (!arrays.empty()) return std::string(name(arrays[std::min(r.row_array, arrays.size() - 1)]->dt));
  if (c.kwargs.contains("dtype") && c.kwargs["dtype"].is_string()) return c.kwargs["dtype"].get<std::string>();
  return "scalar";
}

// The sanitized build (CI's second run, under AddressSanitizer and UBSan, several times slower)
// registers a quarter of each op's cases, every 4th from a start that moves from op to op; the
// plain build registers them all.
#ifdef CUNP_SANITIZED_CASE_STRIDE
constexpr unsigned registered_case_stride = CUNP_SANITIZED_CASE_STRIDE;
#else
constexpr unsigned registered_case_stride = 1;
#endif

int write_ctest_file(const std::string& file, const std::string& exe) {
  std::ofstream f(file);
  unsigned op_index = 0;
  auto add = [&](const std::string& test, const std::string& args, const std::string& labels) {
    f << "add_test(" << test << " \"" << exe << "\" " << args << ")\n";
    // fresh allocations poisoned: a result element no loop writes fails rather than passing on a
    // leftover right value (lib/src/core/debug_switches.hpp)
    f << "set_tests_properties(" << test << " PROPERTIES SKIP_RETURN_CODE 77 LABELS \"" << labels
      << "\" ENVIRONMENT CUNP_POISON_ALLOCATIONS=1)\n";
  };
  for (const auto& r : op_records()) {
    std::string sample;
    if (registered_case_stride > 1)
      sample = " --shard " + std::to_string(op_index % registered_case_stride) + "/" + std::to_string(registered_case_stride);
    ++op_index;
    for (std::string be : {"host", "cuda"})
      for (std::string ref : {"numpy", "xtensor"}) {
        if (ref == "xtensor" && !r.xtensor) continue;
        add("conformance." + r.name + "." + be + (ref == "numpy" ? "" : ".xtensor"),
            "--op " + r.name + " --backend " + be + " --reference " + ref + sample + " --quiet --results \"${CUNP_RESULTS_DIR}\"",
            "conformance;" + be + (ref == "xtensor" ? ";xtensor" : ""));
      }
  }
  for (std::string be : {"host", "cuda"}) add("conformance.claims." + be, "--check-claims --backend " + be, "conformance;" + be);
  for (const auto& r : op_records())
    if (is_ufunc(r)) add("conformance.loops." + r.name, "--check-loops " + r.name, "conformance;host");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cunp conformance: an op's cases against NumPy (or xtensor)"};
  std::string op_name, backend = "host", ref_name = "numpy", results_dir, case_json, case_file, ctest_file, loops_of;
  std::string shard = "0/1";
  bool list = false, quiet = false, claims = false;
  app.add_option("--op", op_name, "op name (see --list), a comma-separated list of them, or '*' for every op (all is numpy.all)");
  app.add_option("--backend", backend, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  app.add_option("--reference", ref_name, "numpy or xtensor")->check(CLI::IsMember({"numpy", "xtensor"}));
  app.add_option("--results", results_dir, "folder for the results JSON");
  app.add_option("--case", case_json, "run one case given as its JSON (a FAIL line's replay)");
  app.add_option("--case-file", case_file, "run one case from a JSON case file");
  app.add_option("--shard", shard, "i/n: run cases i, i+n, i+2n... of each op (n processes split a run)");
  app.add_flag("--list", list, "list the ops and their case counts");
  app.add_flag("--quiet", quiet, "print only failures and the summary");
  app.add_flag("--check-claims", claims, "check every record's claimed dtypes against the registry");
  app.add_option("--check-loops", loops_of, "check a ufunc's loop table against NumPy's ufunc.types");
  app.add_option("--ctest-file", ctest_file, "write ctest registrations for every op (build step)");
  std::string registry_file;
  app.add_option("--registry", registry_file, "write the registry (APIs, dtypes per backend, specs) as JSON, '-' for stdout");
  CLI11_PARSE(app, argc, argv);

  if (!ctest_file.empty()) return write_ctest_file(ctest_file, std::filesystem::absolute(argv[0]).string());
  if (!registry_file.empty()) {
    std::string text = registry_document().dump(1) + "\n";
    if (registry_file == "-") {
      std::fputs(text.c_str(), stdout);
    } else if (!(std::ofstream(registry_file) << text)) {
      std::fprintf(stderr, "cannot write %s\n", registry_file.c_str());
      return 2;
    }
    return 0;
  }
  if (list) {
    for (const auto& r : op_records())
      std::printf("%-18s %5zu cases  %-14s %s\n", r.name.c_str(), suite_of(r).size(), name(r.compare.tolerance),
                  r.registry_name.c_str());
    return 0;
  }
  start_oracle();
  if (!loops_of.empty()) return check_loops(loops_of);
  std::optional<device> maybe_dev = backend_device(backend);
  if (!maybe_dev) return 77;
  const device dev = *maybe_dev;
  if (claims) return check_claims(backend);
  reference ref = ref_name == "numpy" ? reference::numpy : reference::xtensor;

  // each case with its index in the op's suite (-1 for a replayed case), which names it in results
  std::vector<std::pair<const op_record*, std::vector<std::pair<long, suite_case>>>> work;
  std::set<std::string> wanted;  // the ops --op names
  if (!case_json.empty() || !case_file.empty()) {
    nlohmann::json j;
    try {
      if (!case_json.empty()) {
        j = nlohmann::json::parse(case_json);
      } else {
        std::ifstream f(case_file);
        if (!f) {
          std::fprintf(stderr, "cannot open case file %s\n", case_file.c_str());
          return 2;
        }
        j = nlohmann::json::parse(f);
      }
      test_case c = test_case::from_json(j);
      const op_record* r = find_record(c.op);
      if (!r) throw value_error("case: op: unknown op '" + c.op + "' (see --list)");
      work.push_back({r, {{-1, {c, ""}}}});
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", e.what());
      return 2;
    }
  } else {
    if (op_name.empty()) {
      std::fprintf(stderr, "--op is required (see --list)\n");
      return 2;
    }
    unsigned shard_i = 0, shard_n = 1;
    if (std::sscanf(shard.c_str(), "%u/%u", &shard_i, &shard_n) != 2 || shard_n == 0 || shard_i >= shard_n) {
      std::fprintf(stderr, "--shard takes i/n with 0 <= i < n\n");
      return 2;
    }
    for (std::size_t at = 0; at <= op_name.size();) {
      std::size_t comma = std::min(op_name.find(',', at), op_name.size());
      wanted.insert(op_name.substr(at, comma - at));
      at = comma + 1;
    }
    for (const auto& r : op_records()) {
      if (op_name != "*" && !wanted.count(r.name)) continue;
      std::vector<std::pair<long, suite_case>> mine;
      auto all = suite_of(r);
      for (std::size_t k = shard_i; k < all.size(); k += shard_n) mine.push_back({long(k), std::move(all[k])});
      work.push_back({&r, std::move(mine)});
    }
    if (op_name != "*" && work.size() != wanted.size()) {
      for (const auto& r : op_records()) wanted.erase(r.name);
      std::fprintf(stderr, "unknown op '%s' (see --list)\n", wanted.begin()->c_str());
      return 2;
    }
  }

  int total_failed = 0, total_passed = 0, total_skipped = 0, total_xfailed = 0, total_xpassed = 0;
  nlohmann::json results = nlohmann::json::array();
  auto t0 = std::chrono::steady_clock::now();
  for (auto& [rec, cases] : work) {
    std::map<std::string, tally> by_dtype;
    for (const auto& [index, sc] : cases) {
      const auto& [c, expected_error] = sc;
      verdict v;
      auto case_start = std::chrono::steady_clock::now();
      try {
        v = run_case(*rec, c, dev, ref, expected_error);
      } catch (const std::exception& e) {
        v = {verdict::fail, std::string("harness error: ") + e.what()};
      }
      tally& t = by_dtype[row_dtype(*rec, c)];
      std::string replay = replay_line(c, backend, ref_name);
      nlohmann::json record = {{"id", index}, {"label", c.label()}, {"outcome", outcome_name(v.status)},
                               {"time", std::chrono::duration<double>(std::chrono::steady_clock::now() - case_start).count()}};
      if (v.status != verdict::pass) record["reason"] = v.reason;
      if (v.status == verdict::fail || v.status == verdict::xpass) record["replay"] = replay;
      t.cases.push_back(std::move(record));
      switch (v.status) {
        case verdict::pass: ++t.passed; break;
        case verdict::skip:
          ++t.skipped;
          ++t.skip_reasons[v.reason];
          break;
        case verdict::xfail:
          ++t.xfailed;
          if (!quiet) std::printf("xfail %s\n     %s\n", c.line().c_str(), v.reason.c_str());
          ++t.xfail_reasons[v.reason.substr(0, v.reason.find(" (fails: "))];
          break;
        case verdict::xpass:
          ++t.xpassed;
          std::printf("XPASS %s\n     expected to fail: %s\n     replay: %s\n", c.line().c_str(), v.reason.c_str(), replay.c_str());
          if (t.xpasses.size() < 5) t.xpasses.push_back({{"case", c.line()}, {"reason", v.reason}, {"replay", replay}});
          break;
        case verdict::fail:
          ++t.failed;
          t.failed_cases.push_back(c.line());
          std::printf("FAIL %s\n     %s%s\n     replay: %s\n", c.line().c_str(), v.reason.c_str(),
                      expected_error.empty() ? "" : (" (error case: " + expected_error + ")").c_str(), replay.c_str());
          if (t.failures.size() < 5) t.failures.push_back({{"case", c.line()}, {"reason", v.reason}, {"replay", replay}});
          break;
      }
      t.max_ulp = std::max(t.max_ulp, v.max_ulp);
      t.max_bound_fraction = std::max(t.max_bound_fraction, v.max_bound_fraction);
    }
    int pass = 0, fail = 0, skip = 0, xf = 0, xp = 0;
    for (auto& [dt, t] : by_dtype) {
      pass += t.passed;
      fail += t.failed;
      skip += t.skipped;
      xf += t.xfailed;
      xp += t.xpassed;
      nlohmann::json r = {{"op", rec->name}, {"backend", backend}, {"reference", ref_name}, {"dtype", dt},
                          {"passed", t.passed}, {"failed", t.failed}, {"skipped", t.skipped}, {"xfailed", t.xfailed},
                          {"xpassed", t.xpassed}, {"skip_reasons", t.skip_reasons}, {"xfail_reasons", t.xfail_reasons},
                          {"failures", t.failures}, {"xpasses", t.xpasses}, {"failed_cases", t.failed_cases},
                          {"cases", t.cases}};
      r["max_ulp"] = t.max_ulp < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.max_ulp);
      r["max_bound_fraction"] = t.max_bound_fraction < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.max_bound_fraction);
      results.push_back(r);
      if (!quiet)
        std::printf("  %s %s %s %-10s %5d passed %3d failed %4d skipped %4d xfail %d xpass\n", rec->name.c_str(), backend.c_str(),
                    ref_name.c_str(), dt.c_str(), t.passed, t.failed, t.skipped, t.xfailed, t.xpassed);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s on %s vs %s: %d passed, %d failed, %d skipped, %d xfail, %d xpass (%.1f s)\n", rec->name.c_str(),
                backend.c_str(), ref_name.c_str(), pass, fail, skip, xf, xp, secs);
    std::fflush(stdout);
    total_passed += pass;
    total_failed += fail;
    total_skipped += skip;
    total_xfailed += xf;
    total_xpassed += xp;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int total = total_passed + total_failed + total_skipped + total_xfailed + total_xpassed;
  std::printf("%d cases in %.1f s (%.0f cases/s)\n", total, secs, total / std::max(secs, 1e-9));
  if (!results_dir.empty()) {
    std::filesystem::create_directories(results_dir);
    nlohmann::json doc = {{"schema", "cunp-conformance-results/2"},
                          {"numpy_version", oracle::info().numpy_version},
                          {"python_version", oracle::info().python_version},
                          {"generated", now_utc()},
                          {"devices", {{dev.str(), device_name(dev)}}},
                          {"results", results}};
    // every op ('*') writes every_op.*.json and a list selected_ops.*.json: names without a glob
    // character or a comma
    std::string stem = !case_json.empty() || !case_file.empty() ? "case"
                       : op_name == "*"                          ? "every_op"
                       : wanted.size() > 1                       ? "selected_ops"
                                                                 : op_name;
    if (shard != "0/1") stem += ".shard" + shard.substr(0, shard.find('/')) + "of" + shard.substr(shard.find('/') + 1);
    std::ofstream(results_dir + "/" + stem + "." + backend + "." + ref_name + ".json") << doc.dump(1) << "\n";
  }
  if (total_passed + total_failed + total_xfailed + total_xpassed == 0 && total_skipped > 0) {
    std::printf("SKIPPED: every case skipped (see the reasons in the results)\n");
    return 77;
  }
  return total_failed || total_xpassed ? 1 : 0;
}
