#include "values.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>

#include "cunp/oracle.hpp"

namespace cunp::conformance {
namespace {

using json = nlohmann::json;

std::int64_t numel(const shape_t& s) {
  std::int64_t n = 1;
  for (auto e : s) n *= e;
  return n;
}

double largest(dtype d) {
  return d == dtype::float16 ? 65504.0 : (d == dtype::float32 || d == dtype::complex64) ? 3.4028234663852886e38 : 1.7976931348623157e308;
}
double smallest_subnormal(dtype d) {
  return d == dtype::float16 ? 5.960464477539063e-08 : (d == dtype::float32 || d == dtype::complex64) ? 1.401298464324817e-45 : 4.9406564584124654e-324;
}

ndarray from_complex(const std::vector<std::complex<double>>& v, dtype d) {
  ndarray c = asarray(v.data(), dtype::complex128, {std::int64_t(v.size())}, device::host());
  return is_complex(d) ? c.astype(d) : c.astype(dtype::float64).astype(d);
}

// Integers as their two's-complement bits, narrowed by astype's wrap.
ndarray from_bits(const std::vector<std::uint64_t>& v, dtype d) {
  return asarray(v.data(), dtype::uint64, {std::int64_t(v.size())}, device::host()).astype(d);
}

ndarray random_or_special(dtype d, std::int64_t n, bool special, value_domain domain, rng& r) {
  bool positive = domain == value_domain::positive;
  if (d == dtype::bool_) {
    std::vector<std::uint8_t> v(static_cast<std::size_t>(n));
    for (auto& x : v) x = std::uint8_t(r.next() & 1);
    return asarray(v.data(), dtype::bool_, {n}, device::host());
  }
  if (is_integer(d)) {
    bool is_signed = kind(d) == dtype_kind::signed_int;
    int bits = int(itemsize(d)) * 8;
    std::uint64_t mask = bits == 64 ? ~0ull : ((1ull << bits) - 1);
    const std::int64_t specials[] = {0, 1, -1, 2, 127, -128};
    std::vector<std::uint64_t> v(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
      std::uint64_t x;
      if (special) {
        switch (i % 8) {
          case 0: x = is_signed ? (1ull << (bits - 1)) : 0; break;    // min
          case 1: x = is_signed ? (1ull << (bits - 1)) - 1 : mask; break;  // max
          default: x = std::uint64_t(specials[i % 6]); break;
        }
      } else {
        x = r.next();
        if (positive && is_signed) x &= (mask >> 1);
        if (domain == value_domain::exponent) x %= 9;
      }
      v[std::size_t(i)] = x & mask;
    }
    return from_bits(v, d);
  }
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  double denorm = smallest_subnormal(d), big = largest(d);
  const double specials[] = {nan, inf, -inf, 0.0, -0.0, denorm, -denorm, big, -big, 1.0, -1.0, 0.5, 2.0, 1e-3, -7.25};
  auto random_real = [&] {
    if (domain == value_domain::near_one) return (1.0 + (r.uniform() - 0.5) / 128.0) * ((r.next() & 1) ? -1 : 1);
    if (domain == value_domain::exponent) return r.uniform() * 16.0 - 8.0;
    double mag = std::pow(10.0, r.uniform() * (d == dtype::float16 ? 4.0 : 6.0) - 3.0);
    double v = mag * (0.5 + r.uniform());
    return (!positive && (r.next() & 1)) ? -v : v;
  };
  std::vector<std::complex<double>> v(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    if (special) {
      std::size_t k = std::size_t(i) % 15, k2 = (std::size_t(i) / 15 + std::size_t(i)) % 15;
      v[std::size_t(i)] = {specials[k], is_complex(d) ? specials[k2] : 0.0};
    } else if (is_complex(d) && domain == value_domain::near_one) {
      double m = random_real(), phase = 6.283185307179586 * r.uniform();
      v[std::size_t(i)] = std::polar(m, phase);
    } else {
      v[std::size_t(i)] = {random_real(), is_complex(d) ? random_real() : 0.0};
    }
  }
  return from_complex(v, d);
}

double param(const json& g, const char* key, double fallback) {
  if (!g.contains(key)) return fallback;
  if (!g[key].is_number()) throw value_error(std::string("values: '") + key + "' must be a number");
  return g[key].get<double>();
}

void only_params(const json& g, std::initializer_list<const char*> keys) {
  for (const auto& [k, v] : g.items()) {
    bool known = k == "gen";
    for (const char* key : keys) known |= k == key;
    if (!known) throw value_error("values: generator '" + g["gen"].get<std::string>() + "' takes no parameter '" + k + "'");
  }
}

// The matrices NumPy's generator makes for the linear-algebra value generators.
ndarray numpy_matrices(const char* fn, const array_arg& a, std::uint64_t seed, double cond) {
  if (a.shape.size() < 2 || a.shape[a.shape.size() - 1] != a.shape[a.shape.size() - 2])
    throw value_error(std::string("values: '") + fn + "' makes square matrices over the last two axes");
  std::string shape = "(";
  for (auto e : a.shape) shape += std::to_string(e) + ",";
  oracle::result r = oracle::call_module("cunp_harness", fn, {shape + ")", "np." + std::string(name(a.dt)), std::to_string(seed),
                                                               std::to_string(cond)});
  if (r.raised()) throw value_error(std::string("values: ") + fn + ": " + r.error().message);
  return r.array().reshape({-1});
}

ndarray named(const json& g, const array_arg& a, std::int64_t n, std::uint64_t seed, rng& r) {
  std::string gen = g["gen"].get<std::string>();
  dtype d = a.dt;
  if (gen == "uniform") {
    only_params(g, {"low", "high", "random_sign"});
    double lo = param(g, "low", 0), hi = param(g, "high", 1);
    bool sign = g.value("random_sign", false);
    auto draw = [&] {
      double m = lo + (hi - lo) * r.uniform();
      return sign && (r.next() & 1) ? -m : m;
    };
    std::vector<std::complex<double>> v(static_cast<std::size_t>(n));
    for (auto& x : v) {
      double re = draw();
      x = {re, is_complex(d) ? draw() : 0.0};
    }
    return from_complex(v, d);
  }
  if (gen == "indices") {
    only_params(g, {"low", "high"});
    auto lo = std::int64_t(param(g, "low", 0)), hi = std::int64_t(param(g, "high", 10));
    if (hi <= lo) throw value_error("values: indices need low < high");
    std::vector<std::uint64_t> v(static_cast<std::size_t>(n));
    for (auto& x : v) x = std::uint64_t(lo + std::int64_t(r.below(std::uint64_t(hi - lo))));
    return from_bits(v, d);
  }
  if (gen == "mask") {
    only_params(g, {"p"});
    double p = param(g, "p", 0.5);
    std::vector<std::uint8_t> v(static_cast<std::size_t>(n));
    for (auto& x : v) x = r.uniform() < p;
    return asarray(v.data(), dtype::bool_, {n}, device::host()).astype(d);
  }
  if (gen == "arange") {
    only_params(g, {"descending"});
    bool down = param(g, "descending", 0) != 0;
    std::vector<std::uint64_t> bits(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) bits[std::size_t(i)] = std::uint64_t(down ? n - 1 - i : i);
    return is_inexact(d) ? from_bits(bits, dtype::int64).astype(d) : from_bits(bits, d);
  }
  if (gen == "duplicates") {
    only_params(g, {"distinct"});
    auto k = std::int64_t(param(g, "distinct", 3));
    if (k < 1) throw value_error("values: duplicates need distinct >= 1");
    ndarray pool = random_or_special(d, k, false, value_domain::any, r);
    std::vector<std::uint64_t> pick(static_cast<std::size_t>(n));
    for (auto& x : pick) x = r.below(std::uint64_t(k));
    return oracle::call("take", {pool, from_bits(pick, dtype::int64)}).array();
  }
  if (gen == "sorted") {
    only_params(g, {"special"});
    ndarray v = random_or_special(d, n, param(g, "special", 0) != 0, value_domain::any, r);
    oracle::result s = oracle::call("sort", {v.reshape(a.shape)}, {{"axis", "-1"}});
    return s.array().reshape({-1});
  }
  if (gen == "spd") {
    only_params(g, {});
    return numpy_matrices("spd_matrices", a, seed, 1);
  }
  if (gen == "ill_conditioned") {
    only_params(g, {"cond"});
    return numpy_matrices("ill_conditioned_matrices", a, seed, param(g, "cond", 1e8));
  }
  throw value_error("values: unknown generator '" + gen +
                    "' (uniform, indices, mask, arange, duplicates, sorted, spd, ill_conditioned)");
}

double literal_real(const json& v) {
  if (v.is_string()) {
    if (v == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (v == "inf") return std::numeric_limits<double>::infinity();
    if (v == "-inf") return -std::numeric_limits<double>::infinity();
    return -0.0;
  }
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  return v.get<double>();
}

void flatten_literal(const json& v, std::size_t depth, std::size_t ndim, std::vector<const json*>& out) {
  if (depth == ndim) {
    out.push_back(&v);
    return;
  }
  for (const auto& x : v) flatten_literal(x, depth + 1, ndim, out);
}

ndarray literal(const json& values, const array_arg& a) {
  std::vector<const json*> elems;
  flatten_literal(values, 0, a.shape.size(), elems);
  dtype d = a.dt;
  if (is_integer(d) || d == dtype::bool_) {
    std::vector<std::uint64_t> bits;
    for (const json* e : elems) {
      if (e->is_boolean()) bits.push_back(e->get<bool>());
      else if (e->is_number_unsigned()) bits.push_back(e->get<std::uint64_t>());
      else if (e->is_number_integer()) bits.push_back(std::uint64_t(e->get<std::int64_t>()));
      else throw value_error("values: an integer literal is needed for " + std::string(name(d)) + ", got " + e->dump());
    }
    if (d == dtype::bool_) {
      std::vector<std::uint8_t> b;
      for (auto x : bits) b.push_back(x != 0);
      return asarray(b.data(), dtype::bool_, {std::int64_t(b.size())}, device::host());
    }
    return from_bits(bits, d);
  }
  std::vector<std::complex<double>> v;
  for (const json* e : elems)
    v.push_back(e->is_array() ? std::complex<double>{literal_real((*e)[0]), literal_real((*e)[1])}
                              : std::complex<double>{literal_real(*e), 0.0});
  return from_complex(v, d);
}

ndarray values_for(const array_arg& a, std::int64_t n, std::uint64_t seed, value_domain domain) {
  rng r{seed * 0x2545f4914f6cdd1dull + 17};
  const json& v = a.values;
  if (v.is_string()) return random_or_special(a.dt, n, v == "special", domain, r);
  if (v.is_object()) return named(v, a, n, seed, r);
  return literal(v, a);
}

}  // namespace

ndarray make_array(const array_arg& a, std::uint64_t seed, value_domain domain) {
  dtype d = a.dt;
  const shape_t& shape = a.shape;
  std::int64_t n = numel(shape);
  ndarray dense = values_for(a, n, seed, domain).reshape(shape);
  auto fill = [&](const ndarray& view) {
    view.assign(dense);
    return view;
  };
  switch (a.layout) {
    case layout::C: return dense;
    case layout::F: return asfortranarray(dense);
    case layout::strided: {
      if (shape.empty()) return dense;
      shape_t wide = shape;
      wide.back() *= 2;
      return fill(zeros(wide, d, order::C, device::host())[{ellipsis, slice(none, none, 2)}]);
    }
    case layout::negative: {
      ndarray v = zeros(shape, d, order::C, device::host());
      for (int k = 0; k < v.ndim(); ++k) {
        std::vector<std::int64_t> st = v.strides();
        std::int64_t off = v.shape()[k] > 0 ? (v.shape()[k] - 1) * st[k] : 0;
        st[k] = -st[k];
        v = v.view_as(d, v.shape(), st, v.offset() + off);
      }
      return fill(v);
    }
    case layout::transposed: {
      shape_t rev(shape.rbegin(), shape.rend());
      return fill(zeros(rev, d, order::C, device::host()).transpose());
    }
    case layout::broadcast: {
      if (shape.empty() || shape[0] == 0) return dense;
      return dense[{slice(0, 1)}].broadcast_to(shape);  // zero stride on dim 0
    }
    case layout::offset:
    case layout::misaligned: {
      std::int64_t lead = a.layout == layout::offset ? std::max<std::int64_t>(1, 16 / std::int64_t(itemsize(d))) : 1;
      if (a.layout == layout::misaligned && itemsize(d) == 16) lead = 1;  // 16-byte items stay aligned
      ndarray buf = zeros({n + lead + 1}, d, order::C, device::host());
      return fill(buf[{slice(lead, lead + n)}].reshape(shape));
    }
  }
  return dense;
}

weak_scalar scalar_value(const scalar_arg& s) {
  const json& v = s.value;
  if (v.is_boolean()) return weak_scalar(v.get<bool>());
  if (v.is_number_unsigned()) return weak_scalar(v.get<std::uint64_t>());
  if (v.is_number_integer()) return weak_scalar(v.get<std::int64_t>());
  if (v.is_array()) return weak_scalar(std::complex<double>(literal_real(v[0]), literal_real(v[1])));
  return weak_scalar(literal_real(v));
}

std::string python_literal(const scalar_arg& s) {
  const json& v = s.value;
  auto real = [](const json& x) -> std::string {
    if (x.is_string()) return x == "-0.0" ? "-0.0" : "float('" + x.get<std::string>() + "')";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x.get<double>());
    std::string t = buf;
    if (t.find_first_of(".en") == std::string::npos) t += ".0";  // a float, never an int
    return t;
  };
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  if (v.is_number_integer()) return v.dump();
  if (v.is_array()) return "complex(" + real(v[0]) + ", " + real(v[1]) + ")";
  return real(v);
}

}  // namespace cunp::conformance
