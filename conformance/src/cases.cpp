#include "cases.hpp"

#include <cmath>
#include <complex>
#include <limits>

#include "cunp/errors.hpp"

namespace cunp::conformance {

const char* name(layout l) {
  static const char* names[] = {"C", "F", "strided", "negative", "transposed", "broadcast", "offset", "misaligned"};
  return names[int(l)];
}
layout layout_from_name(const std::string& s) {
  for (layout l : all_layouts)
    if (s == name(l)) return l;
  throw value_error("unknown layout '" + s + "' (C, F, strided, negative, transposed, broadcast, offset, misaligned)");
}

namespace {

std::string shape_text(const shape_t& s) {
  std::string t = "(";
  for (std::size_t i = 0; i < s.size(); ++i) t += (i ? "," : "") + std::to_string(s[i]);
  return t + (s.size() == 1 ? ",)" : ")");
}

}  // namespace

std::string case_desc::describe() const {
  std::string d = op + " ";
  for (std::size_t i = 0; i < dtypes.size(); ++i) d += (i ? "," : "") + std::string(name(dtypes[i]));
  d += " ";
  for (std::size_t i = 0; i < shapes.size(); ++i) d += (i ? "x" : "") + shape_text(shapes[i]);
  d += " ";
  for (std::size_t i = 0; i < layouts.size(); ++i) d += (i ? "," : "") + std::string(name(layouts[i]));
  d += values == value_kind::random ? " values=random" : " values=special";
  if (params.axis) {
    d += " axis=(";
    for (auto a : *params.axis) d += std::to_string(a) + ",";
    d += ")";
  }
  if (params.keepdims) d += " keepdims";
  if (params.dt) d += " dtype=" + std::string(name(*params.dt));
  return d + " seed=" + std::to_string(seed);
}

nlohmann::json case_desc::to_json() const {
  nlohmann::json j;
  j["op"] = op;
  for (dtype d : dtypes) j["dtypes"].push_back(std::string(name(d)));
  for (const auto& s : shapes) j["shapes"].push_back(s);
  for (layout l : layouts) j["layouts"].push_back(std::string(name(l)));
  j["values"] = values == value_kind::random ? "random" : "special";
  j["seed"] = seed;
  if (params.axis) j["axis"] = *params.axis;
  else j["axis"] = nullptr;
  j["keepdims"] = params.keepdims;
  j["dtype"] = params.dt ? nlohmann::json(std::string(name(*params.dt))) : nlohmann::json(nullptr);
  return j;
}

case_desc case_desc::from_json(const nlohmann::json& j) {
  auto need = [&](const char* k) -> const nlohmann::json& {
    if (!j.contains(k)) throw value_error(std::string("case file: missing field '") + k + "'");
    return j.at(k);
  };
  case_desc c;
  try {
    c.op = need("op").get<std::string>();
    for (const auto& d : need("dtypes")) c.dtypes.push_back(dtype_from_name(d.get<std::string>()));
    for (const auto& s : need("shapes")) c.shapes.push_back(s.get<shape_t>());
    for (const auto& l : need("layouts")) c.layouts.push_back(layout_from_name(l.get<std::string>()));
    std::string v = j.value("values", "random");
    if (v != "random" && v != "special") throw value_error("case file: values must be \"random\" or \"special\"");
    c.values = v == "random" ? value_kind::random : value_kind::special;
    c.seed = j.value("seed", std::uint64_t(0));
    if (j.contains("axis") && !j["axis"].is_null()) c.params.axis = j["axis"].get<std::vector<std::int64_t>>();
    c.params.keepdims = j.value("keepdims", false);
    if (j.contains("dtype") && !j["dtype"].is_null()) c.params.dt = dtype_from_name(j["dtype"].get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    throw value_error(std::string("case file: ") + e.what());
  }
  if (c.dtypes.size() != c.shapes.size() || c.dtypes.size() != c.layouts.size())
    throw value_error("case file: dtypes, shapes and layouts need one entry per input");
  return c;
}

std::vector<case_desc> case_matrix(const op_spec& spec, std::uint64_t seed) {
  std::vector<case_desc> out;
  int nin = spec.kind == op_kind::binary ? 2 : 1;
  auto push = [&](std::vector<dtype> dts, std::vector<shape_t> shapes, std::vector<layout> lays, value_kind v,
                  call_params p = {}) {
    case_desc c{spec.name, std::move(dts), std::move(shapes), std::move(lays), v, seed + out.size(), p};
    out.push_back(std::move(c));
  };
  const std::vector<shape_t> shapes = {{}, {0, 3}, {1}, {7, 13}, {1024, 1024}};
  std::vector<dtype> dtypes = spec.dtypes;
  dtypes.insert(dtypes.end(), spec.rejected.begin(), spec.rejected.end());
  for (dtype d : dtypes) {
    std::vector<dtype> dts(nin, d);
    for (value_kind v : {value_kind::random, value_kind::special}) {
      if (spec.kind == op_kind::reduction) {
        for (const auto& s : {shape_t{}, shape_t{0, 3}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{1024, 1024}}) {
          std::vector<std::optional<std::vector<std::int64_t>>> axes_list = {std::nullopt};
          if (!s.empty()) axes_list.push_back(std::vector<std::int64_t>{0});
          if (s.size() >= 2 && s[0] != 1024) {
            axes_list.push_back(std::vector<std::int64_t>{-1});
            axes_list.push_back(std::vector<std::int64_t>{0, 1});
          }
          for (const auto& ax : axes_list)
            for (bool keep : {false, true}) {
              if (s.size() == 2 && s[0] == 1024 && keep) continue;
              push(dts, {s}, {layout::C}, v, {ax, keep, {}});
            }
        }
        for (layout l : all_layouts)
          for (const auto& ax : {std::optional<std::vector<std::int64_t>>{}, std::optional(std::vector<std::int64_t>{1})})
            push(dts, {{6, 10}}, {l}, v, {ax, false, {}});
        if (spec.name == "sum" || spec.name == "prod") {
          push(dts, {{7, 13}}, {layout::C}, v, {std::vector<std::int64_t>{0}, false, dtype::float64});
          push(dts, {{7, 13}}, {layout::C}, v, {std::nullopt, false, dtype::int8});
        }
        continue;
      }
      for (const auto& s : shapes) push(dts, std::vector<shape_t>(nin, s), std::vector<layout>(nin, layout::C), v);
      for (layout l : all_layouts) {
        push(dts, std::vector<shape_t>(nin, {6, 10}), std::vector<layout>(nin, l), v);
        if (nin == 2 && l != layout::C) push(dts, {{6, 10}, {6, 10}}, {layout::C, l}, v);
      }
    }
    if (nin == 2) {
      push(dts, {{1, 9}, {5, 1}}, {layout::C, layout::C}, value_kind::random);  // (1,n) x (m,1)
      push(dts, {{13}, {4, 13}}, {layout::C, layout::C}, value_kind::random);   // different ranks
    }
  }
  if (nin == 2)  // every mixed pair once: promotion and the loop choice
    for (dtype a : all_dtypes)
      for (dtype b : all_dtypes)
        if (a != b) push({a, b}, {{5, 4}, {5, 4}}, {layout::C, layout::C}, value_kind::random);
  return out;
}

namespace {

// Values for n elements of dtype d, as a C-order host array.
ndarray values_for(const op_spec& spec, dtype d, std::int64_t n, value_kind kind, std::uint64_t seed) {
  rng r{seed * 0x2545f4914f6cdd1dull + 17};
  bool positive = spec.domain == value_domain::positive;
  if (d == dtype::bool_) {
    std::vector<std::uint8_t> v(static_cast<std::size_t>(n));
    for (auto& x : v) x = std::uint8_t(r.next() & 1);
    return asarray(v.data(), dtype::bool_, {n}, device::host());
  }
  if (is_integer(d)) {
    bool is_signed = cunp::kind(d) == dtype_kind::signed_int;
    int bits = int(itemsize(d)) * 8;
    std::vector<std::uint64_t> v(static_cast<std::size_t>(n));
    std::uint64_t mask = bits == 64 ? ~0ull : ((1ull << bits) - 1);
    const std::int64_t specials[] = {0, 1, -1, 2, 127, -128};
    for (std::int64_t i = 0; i < n; ++i) {
      std::uint64_t x;
      if (kind == value_kind::special) {
        switch (i % 8) {
          case 0: x = is_signed ? (1ull << (bits - 1)) : 0; break;                     // min
          case 1: x = is_signed ? (1ull << (bits - 1)) - 1 : mask; break;             // max
          default: x = std::uint64_t(specials[i % 6]); break;
        }
      } else {
        x = r.next();
        if (positive && is_signed) x &= (mask >> 1);
      }
      v[std::size_t(i)] = x & mask;
    }
    // sign-extend through the right-width type: astype from uint64 wraps to the dtype's range
    return asarray(v.data(), dtype::uint64, {n}, device::host()).astype(d);
  }
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  double denorm = d == dtype::float16 ? 5.960464477539063e-08 : (d == dtype::float32 || d == dtype::complex64) ? 1.401298464324817e-45 : 4.9406564584124654e-324;
  double big = d == dtype::float16 ? 65504.0 : (d == dtype::float32 || d == dtype::complex64) ? 3.4028234663852886e38 : 1.7976931348623157e308;
  const double specials[] = {nan, inf, -inf, 0.0, -0.0, denorm, -denorm, big, -big, 1.0, -1.0, 0.5, 2.0, 1e-3, -7.25};
  auto random_real = [&] {
    if (spec.domain == value_domain::near_one) return (0.75 + 0.5 * r.uniform()) * ((r.next() & 1) ? -1 : 1);
    double mag = std::pow(10.0, r.uniform() * (d == dtype::float16 ? 4.0 : 6.0) - 3.0);
    double v = mag * (0.5 + r.uniform());
    return (!positive && (r.next() & 1)) ? -v : v;
  };
  std::vector<std::complex<double>> v(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    if (kind == value_kind::special) {
      std::size_t k = std::size_t(i) % 15, k2 = (std::size_t(i) / 15 + std::size_t(i)) % 15;
      v[std::size_t(i)] = {specials[k], is_complex(d) ? specials[k2] : 0.0};
    } else {
      v[std::size_t(i)] = {random_real(), is_complex(d) ? random_real() : 0.0};
    }
  }
  ndarray c = asarray(v.data(), dtype::complex128, {n}, device::host());
  return is_complex(d) ? c.astype(d) : c.astype(dtype::float64).astype(d);
}

}  // namespace

ndarray make_input(const op_spec& spec, const case_desc& c, std::size_t i) {
  dtype d = c.dtypes[i];
  const shape_t& shape = c.shapes[i];
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  ndarray dense = values_for(spec, d, n, c.values, c.seed * 4 + i).reshape(shape);
  auto fill = [&](const ndarray& view) {
    view.assign(dense);
    return view;
  };
  switch (c.layouts[i]) {
    case layout::C: return dense;
    case layout::F: return asfortranarray(dense);
    case layout::strided: {
      if (shape.empty()) return dense;
      shape_t wide = shape;
      wide.back() *= 2;
      ndarray buf = zeros(wide, d, order::C, device::host());
      return fill(buf[{ellipsis, slice(none, none, 2)}]);
    }
    case layout::negative: {
      ndarray buf = zeros(shape, d, order::C, device::host());
      ndarray v = buf;
      for (int k = 0; k < buf.ndim(); ++k) {
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
      std::int64_t lead = c.layouts[i] == layout::offset ? std::max<std::int64_t>(1, 16 / std::int64_t(itemsize(d))) : 1;
      if (c.layouts[i] == layout::misaligned && itemsize(d) == 16) lead = 1;  // 16-byte items stay aligned
      ndarray buf = zeros({n + lead + 1}, d, order::C, device::host());
      return fill(buf[{slice(lead, lead + n)}].reshape(shape));
    }
  }
  return dense;
}

}  // namespace cunp::conformance
