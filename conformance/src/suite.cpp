#include "suite.hpp"

#include <algorithm>
#include <cstdio>

#include "cunp/oracle.hpp"

namespace cunp::conformance {

namespace {
const registered_op* registry_entry(const std::string& numpy_name) {
  for (const auto& e : op_registry())
    if (e.numpy_name == numpy_name) return &e;
  return nullptr;
}

std::string names(const std::vector<dtype>& ds) {
  std::string s;
  for (dtype d : ds) s += (s.empty() ? "" : " ") + std::string(name(d));
  return s;
}
}  // namespace

std::vector<suite_case> suite_of(const op_record& r) {
  std::vector<suite_case> out;
  for (auto& c : r.samples->matrix(r)) out.push_back({std::move(c), ""});
  if (r.errors)
    for (auto& e : r.errors(r)) out.push_back({std::move(e.c), e.numpy_error});
  return out;
}

bool is_ufunc(const op_record& r) {
  // a method's record (add.reduce) shares its ufunc's registry entry, but is no ufunc itself
  if (r.numpy.find('.') != std::string::npos) return false;
  const registered_op* e = registry_entry(r.registry_name);
  return e && e->category == "ufunc";
}

int check_claims(const std::string& backend) {
  int bad = 0;
  for (const auto& r : op_records()) {
    const registered_op* e = registry_entry(r.registry_name);
    if (!e) {
      std::printf("FAIL %s: the registry has no %s\n", r.name.c_str(), r.registry_name.c_str());
      ++bad;
      continue;
    }
    std::vector<dtype> have;
    for (const auto& b : e->backends)
      if (b.backend == backend) have = b.dtypes;
    std::vector<dtype> claim = r.claimed(backend);
    std::sort(have.begin(), have.end());
    std::sort(claim.begin(), claim.end());
    if (have != claim) {
      std::printf("FAIL %s on %s: the record claims [%s], the registry has loops for [%s]\n", r.name.c_str(), backend.c_str(),
                  names(claim).c_str(), names(have).c_str());
      ++bad;
    } else {
      std::printf("ok   %s on %s: %zu dtypes\n", r.name.c_str(), backend.c_str(), claim.size());
    }
  }
  std::printf("%zu passed, %d failed\n", op_records().size() - std::size_t(bad), bad);
  return bad ? 1 : 0;
}

int check_loops(const std::string& op) {
  const op_record* r = find_record(op);
  const registered_op* e = r && is_ufunc(*r) ? registry_entry(r->registry_name) : nullptr;
  if (!e) {
    std::printf("FAIL %s: not a ufunc of the registry\n", op.c_str());
    return 1;
  }
  // cunp's loop signatures in NumPy's spelling, as dtype names
  std::string mine;
  for (const auto& sig : e->loops) {
    std::string row;
    for (char ch : sig) row += ch == '-' || ch == '>' ? std::string(1, ch) : std::string(name(dtype_from_name(std::string(1, ch)))) + ",";
    mine += (mine.empty() ? "" : ";") + row;
  }
  std::string numpy = oracle::call_text("cunp_harness", "numeric_loops", {"'" + r->numpy + "'"});
  auto normalize = [](std::string s) {  // "int8,int8,->int8," -> "int8,int8->int8"
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (!(s[i] == ',' && (i + 1 == s.size() || s[i + 1] == '-' || s[i + 1] == ';'))) out += s[i];
    return out;
  };
  mine = normalize(mine);
  if (mine != numpy && !r->missing_loops.empty()) {
    // NumPy's table with some loops left out, in NumPy's order
    auto split = [](const std::string& s) {
      std::vector<std::string> v;
      for (std::size_t a = 0, b; a <= s.size(); a = b + 1) {
        b = s.find(';', a);
        if (b == std::string::npos) b = s.size();
        v.push_back(s.substr(a, b - a));
      }
      return v;
    };
    std::vector<std::string> have = split(mine), want = split(numpy), missing;
    std::size_t k = 0;
    for (const auto& l : want) {
      if (k < have.size() && have[k] == l) ++k;
      else missing.push_back(l);
    }
    if (k == have.size()) {
      std::string m;
      for (const auto& l : missing) m += (m.empty() ? "" : ";") + l;
      std::printf("ok   %s: %zu loops are NumPy's, in its order; missing %s (%s)\n1 passed, 0 failed\n", op.c_str(),
                  e->loops.size(), m.c_str(), r->missing_loops.c_str());
      return 0;
    }
  }
  if (mine != numpy) {
    std::printf("FAIL %s: cunp's loops\n  %s\nNumPy's numeric loops (ufunc.types)\n  %s\n", op.c_str(), mine.c_str(), numpy.c_str());
    std::printf("0 passed, 1 failed\n");
    return 1;
  }
  std::printf("ok   %s: %zu loops equal NumPy's\n1 passed, 0 failed\n", op.c_str(), e->loops.size());
  return 0;
}

nlohmann::json registry_document() {
  nlohmann::json apis = nlohmann::json::array();
  for (const auto& e : op_registry()) {
    nlohmann::json dtypes = nlohmann::json::object(), specs = nlohmann::json::array();
    for (const auto& b : e.backends) {
      nlohmann::json names = nlohmann::json::array();
      for (dtype d : b.dtypes) names.push_back(name(d));
      dtypes[b.backend] = names;
    }
    for (const auto& r : op_records())
      if (r.registry_name == e.numpy_name) specs.push_back(r.name);
    apis.push_back({{"name", e.numpy_name}, {"cunp", e.cunp_name}, {"category", e.category}, {"dtypes", dtypes},
                    {"loops", e.loops}, {"specs", specs}});
  }
  bool cuda = cuda_device_count() > 0;
  nlohmann::json present = {{"host", {{"present", true}, {"device", device_name(device::host())}}},
                            {"cuda", {{"present", cuda}}}};
  if (cuda)
    present["cuda"]["device"] = device_name(device::cuda(0));
  else
    present["cuda"]["reason"] = cuda_unavailable_reason();
  return {{"schema", "cunp-registry/1"}, {"backends", present}, {"apis", apis}};
}

}  // namespace cunp::conformance
