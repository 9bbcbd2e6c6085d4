// cunp_fuzz: property-based campaigns over the op records. Draws random cases from each record's
// own sample generator under --seed, runs each against NumPy through the same runner as the
// suite, shrinks a mismatch on its case JSON and writes it as a case file at once. --replay runs
// case files (ctest replays fuzz/corpus/ forever after).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "generators.hpp"
#include "runner.hpp"
#include "shrink.hpp"

using namespace cunp;
using namespace cunp::conformance;

namespace {

verdict check(const test_case& c, const device& dev) {
  const op_record* r = find_record(c.op);
  if (!r) return {verdict::fail, "unknown op '" + c.op + "'"};
  try {
    return run_case(*r, c, dev, reference::numpy);
  } catch (const std::exception& e) {
    return {verdict::fail, std::string("harness error: ") + e.what()};
  }
}

// Written whole or not at all: a campaign killed mid-write leaves no half file.
void write_atomically(const std::string& file, const std::string& text) {
  std::string tmp = file + ".tmp";
  {
    std::ofstream out(tmp);
    out << text;
  }
  std::filesystem::rename(tmp, file);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cunp fuzz: random conformance cases with shrinking and replayable case files"};
  std::uint64_t seed = 1;
  double seconds = 10;
  std::string backend = "host", op = "*", findings = "fuzz/findings", shard = "0/1";
  std::vector<std::string> replay;
  app.add_option("--seed", seed, "campaign seed: each seed draws its own stream of cases");
  app.add_option("--seconds", seconds, "how long to run");
  app.add_option("--backend", backend, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  app.add_option("--op", op, "one op, or '*' for every op (all is numpy.all)");
  app.add_option("--findings", findings, "folder for the case files of shrunk mismatches");
  app.add_option("--shard", shard, "i/n: this process takes cases i, i+n, i+2n... of the stream (CI matrices)");
  app.add_option("--replay", replay, "case files to run instead of a campaign");
  bool trace = false;
  app.add_flag("--trace", trace, "print each case before it runs (to find the case a crash leaves no finding for)");
  CLI11_PARSE(app, argc, argv);

  std::optional<device> maybe_dev = backend_device(backend);
  if (!maybe_dev) return 77;
  const device dev = *maybe_dev;
  start_oracle();

  if (!replay.empty()) {
    int failed = 0, passed = 0, skipped = 0;
    for (const auto& f : replay) {
      verdict v;
      std::string what = f;
      try {
        std::ifstream in(f);
        if (!in) throw value_error("cannot open");
        test_case c = test_case::from_json(nlohmann::json::parse(in));
        what = f + ": " + c.line();
        v = check(c, dev);
      } catch (const std::exception& e) {
        v = {verdict::fail, e.what()};
      }
      bool ok = v.status == verdict::pass || v.status == verdict::xfail;
      const char* tag = ok ? "pass" : v.status == verdict::skip ? "skip" : "FAIL";
      std::printf("%s %s %s\n", tag, what.c_str(), v.reason.c_str());
      (ok ? passed : v.status == verdict::skip ? skipped : failed)++;
    }
    std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
  }

  unsigned shard_i = 0, shard_n = 1;
  if (std::sscanf(shard.c_str(), "%u/%u", &shard_i, &shard_n) != 2 || shard_n == 0 || shard_i >= shard_n) {
    std::fprintf(stderr, "--shard takes i/n with 0 <= i < n\n");
    return 2;
  }
  std::vector<const op_record*> records;
  for (const auto& r : op_records())
    if (op == "*" || r.name == op) records.push_back(&r);
  if (records.empty()) {
    std::fprintf(stderr, "unknown op '%s'\n", op.c_str());
    return 2;
  }
  std::printf("cunp_fuzz: seed %llu, shard %u/%u, %s, %.0f s, %zu op(s)\n", (unsigned long long)seed, shard_i, shard_n,
              dev.str().c_str(), seconds, records.size());
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  double next_report = 2;
  std::uint64_t cases = 0, failures = 0, skipped = 0;
  for (std::uint64_t k = shard_i; elapsed() < seconds; k += shard_n) {
    std::uint64_t s = campaign_case_seed(seed, k);
    rng g{s};
    const op_record& r = *records[g.below(records.size())];
    test_case c = r.samples->random(r, g);
    if (trace) {
      std::printf("case %llu: %s\n", (unsigned long long)k, c.line().c_str());
      std::fflush(stdout);
    }
    verdict v = check(c, dev);
    ++cases;
    if (v.status == verdict::skip) ++skipped;
    if (v.status == verdict::fail || v.status == verdict::xpass) {
      ++failures;
      int steps = 0;
      test_case small = shrink(c, v, [&](const test_case& x) { return check(x, dev); }, steps);
      verdict sv = check(small, dev);
      nlohmann::json j = small.to_json();
      j["reason"] = sv.reason;
      j["found_by"] = "cunp_fuzz --seed " + std::to_string(seed) + " --shard " + shard + " --backend " + backend + " (case " +
                      std::to_string(k) + ")";
      std::filesystem::create_directories(findings);
      std::string file = findings + "/" + small.op + "-" + std::to_string(seed) + "-" + std::to_string(k) + ".json";
      write_atomically(file, j.dump(1) + "\n");
      std::printf("MISMATCH %s\n  %s\n  shrunk in %d steps to %s\n  wrote %s (replay: cunp_fuzz --replay %s --backend %s)\n",
                  c.line().c_str(), v.reason.c_str(), steps, small.line().c_str(), file.c_str(), file.c_str(), backend.c_str());
      std::fflush(stdout);
    }
    if (elapsed() >= next_report) {
      std::printf("[%4.0fs] %llu cases (%.0f/s), %llu mismatches, %llu skipped\n", elapsed(), (unsigned long long)cases,
                  cases / elapsed(), (unsigned long long)failures, (unsigned long long)skipped);
      std::fflush(stdout);
      next_report += 2;
    }
  }
  std::printf("done: %llu cases in %.1f s, %llu mismatches\n", (unsigned long long)cases, elapsed(), (unsigned long long)failures);
  return failures ? 1 : 0;
}
