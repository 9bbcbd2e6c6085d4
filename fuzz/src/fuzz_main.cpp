// cunp_fuzz: property-based campaigns over the conformance specs. Draws random cases (op, dtypes,
// shapes with broadcasting, layouts, values, reduction axes) under --seed, runs each against
// NumPy through the same runner as the suite, shrinks a mismatch to a small case and writes it
// as a case file. --replay runs case files (ctest replays fuzz/corpus/ forever after).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cunp/oracle.hpp"
#include "runner.hpp"

using namespace cunp;
using namespace cunp::conformance;

namespace {

case_desc random_case(const std::vector<const op_spec*>& specs, std::uint64_t seed) {
  rng r{seed};
  const op_spec& s = *specs[r.below(specs.size())];
  case_desc c;
  c.op = s.name;
  c.seed = seed;
  c.values = r.below(3) == 0 ? value_kind::special : value_kind::random;
  int nin = s.kind == op_kind::binary ? 2 : 1;
  std::vector<dtype> pool = s.dtypes;
  if (!s.rejected.empty() && r.below(10) == 0) pool = s.rejected;
  int nd = int(r.below(5));
  shape_t out;
  bool long_dim = false;  // at most one long dim keeps cases small and fast
  for (int d = 0; d < nd; ++d) {
    bool make_long = !long_dim && r.below(6) == 0;
    long_dim |= make_long;
    out.push_back(r.below(12) == 0 ? 0 : std::int64_t(1 + r.below(make_long ? 300 : 7)));
  }
  for (int i = 0; i < nin; ++i) {
    c.dtypes.push_back(i > 0 && r.below(2) ? all_dtypes[r.below(dtype_count)] : pool[r.below(pool.size())]);
    shape_t sh = out;
    if (nin == 2) {
      for (auto& e : sh)
        if (r.below(4) == 0) e = 1;  // broadcast this dim
      if (!sh.empty() && r.below(4) == 0) sh.erase(sh.begin(), sh.begin() + std::ptrdiff_t(r.below(sh.size() + 1)));
    }
    c.shapes.push_back(sh);
    c.layouts.push_back(all_layouts[r.below(8)]);
  }
  if (s.kind == op_kind::reduction && nd > 0 && r.below(3)) {
    std::vector<std::int64_t> ax;
    for (int d = 0; d < nd; ++d)
      if (r.below(2)) ax.push_back(r.below(2) ? d : d - nd);
    c.params.axis = ax;
    c.params.keepdims = r.below(2);
  }
  return c;
}

// Smaller variants of c, simplest first: fewer dims, smaller extents, C layout, random values,
// all axes.
std::vector<case_desc> simplifications(const case_desc& c) {
  std::vector<case_desc> out;
  auto add = [&](case_desc v) { out.push_back(std::move(v)); };
  for (std::size_t i = 0; i < c.shapes.size(); ++i)
    if (!c.shapes[i].empty() && !c.params.axis) {
      case_desc v = c;
      v.shapes[i].erase(v.shapes[i].begin());
      add(v);
    }
  for (std::size_t i = 0; i < c.shapes.size(); ++i)
    for (std::size_t d = 0; d < c.shapes[i].size(); ++d)
      if (c.shapes[i][d] > 1) {
        case_desc v = c;
        v.shapes[i][d] = std::max<std::int64_t>(1, c.shapes[i][d] / 2);
        for (std::size_t j = 0; j < v.shapes.size(); ++j)  // keep broadcasting partners equal
          if (j != i && v.shapes[j].size() == v.shapes[i].size() && c.shapes[j][d] == c.shapes[i][d]) v.shapes[j][d] = v.shapes[i][d];
        add(v);
      }
  for (std::size_t i = 0; i < c.layouts.size(); ++i)
    if (c.layouts[i] != layout::C) {
      case_desc v = c;
      v.layouts[i] = layout::C;
      add(v);
    }
  if (c.values == value_kind::special) {
    case_desc v = c;
    v.values = value_kind::random;
    add(v);
  }
  if (c.params.axis) {
    case_desc v = c;
    v.params.axis.reset();
    v.params.keepdims = false;
    add(v);
  }
  return out;
}

verdict check(const case_desc& c, const device& dev) {
  const op_spec* s = find_spec(c.op);
  try {
    return run_case(*s, c, dev, reference::numpy);
  } catch (const std::exception& e) {
    return {verdict::fail, std::string("harness error: ") + e.what()};
  }
}

case_desc shrink(case_desc c, const device& dev, int& steps) {
  for (bool progress = true; progress && steps < 200;) {
    progress = false;
    for (const case_desc& v : simplifications(c)) {
      ++steps;
      if (check(v, dev).status == verdict::fail) {
        c = v;
        progress = true;
        break;
      }
    }
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cunp fuzz: random conformance cases with shrinking and replayable case files"};
  std::uint64_t seed = 1;
  double seconds = 10;
  std::string backend = "host", op = "all", findings = "fuzz/findings", shard = "0/1";
  std::vector<std::string> replay;
  app.add_option("--seed", seed, "campaign seed (case k uses seed + k*n + i for shard i/n)");
  app.add_option("--seconds", seconds, "how long to run");
  app.add_option("--backend", backend, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  app.add_option("--op", op, "one op, or all");
  app.add_option("--findings", findings, "folder for the case files of shrunk mismatches");
  app.add_option("--shard", shard, "i/n: this process takes every n-th case from i (for CI matrices)");
  app.add_option("--replay", replay, "case files to run instead of a campaign");
  CLI11_PARSE(app, argc, argv);

  std::optional<device> maybe_dev = backend_device(backend);
  if (!maybe_dev) return 77;
  const device dev = *maybe_dev;
  oracle::ensure_started();

  if (!replay.empty()) {
    int failed = 0, passed = 0, skipped = 0;
    for (const auto& f : replay) {
      std::ifstream in(f);
      if (!in) {
        std::printf("FAIL %s: cannot open\n", f.c_str());
        ++failed;
        continue;
      }
      case_desc c = case_desc::from_json(nlohmann::json::parse(in));
      if (!find_spec(c.op)) {
        std::printf("FAIL %s: unknown op '%s'\n", f.c_str(), c.op.c_str());
        ++failed;
        continue;
      }
      verdict v = check(c, dev);
      const char* tag = v.status == verdict::pass ? "pass" : v.status == verdict::skip ? "skip" : "FAIL";
      std::printf("%s %s: %s %s\n", tag, f.c_str(), c.describe().c_str(), v.reason.c_str());
      (v.status == verdict::pass ? passed : v.status == verdict::skip ? skipped : failed)++;
    }
    std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
  }

  unsigned shard_i = 0, shard_n = 1;
  if (std::sscanf(shard.c_str(), "%u/%u", &shard_i, &shard_n) != 2 || shard_n == 0 || shard_i >= shard_n) {
    std::fprintf(stderr, "--shard takes i/n with 0 <= i < n\n");
    return 2;
  }
  std::vector<const op_spec*> specs;
  for (const auto& s : core_specs())
    if (op == "all" || s.name == op) specs.push_back(&s);
  if (specs.empty()) {
    std::fprintf(stderr, "unknown op '%s'\n", op.c_str());
    return 2;
  }
  std::printf("cunp_fuzz: seed %llu, shard %u/%u, %s, %.0f s, %zu op(s)\n", (unsigned long long)seed, shard_i, shard_n,
              dev.str().c_str(), seconds, specs.size());
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  double next_report = 2;
  std::uint64_t cases = 0, failures = 0, skipped = 0;
  for (std::uint64_t k = 0; elapsed() < seconds; ++k) {
    std::uint64_t case_seed = seed + k * shard_n + shard_i;
    case_desc c = random_case(specs, case_seed);
    verdict v = check(c, dev);
    ++cases;
    if (v.status == verdict::skip) ++skipped;
    if (v.status == verdict::fail) {
      ++failures;
      int steps = 0;
      case_desc small = shrink(c, dev, steps);
      verdict sv = check(small, dev);
      nlohmann::json j = small.to_json();
      j["reason"] = sv.reason;
      j["found_by"] = "cunp_fuzz --seed " + std::to_string(seed) + " --shard " + shard + " --backend " + backend +
                      " (case seed " + std::to_string(case_seed) + ")";
      std::filesystem::create_directories(findings);
      std::string file = findings + "/" + small.op + "-" + std::to_string(case_seed) + ".json";
      std::ofstream(file) << j.dump(1) << "\n";
      std::printf("MISMATCH %s\n  %s\n  shrunk in %d steps to %s\n  wrote %s (replay: cunp_fuzz --replay %s --backend %s)\n",
                  c.describe().c_str(), v.reason.c_str(), steps, small.describe().c_str(), file.c_str(), file.c_str(),
                  backend.c_str());
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
