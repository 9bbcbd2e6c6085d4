#include "generators.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace cunp::conformance {

using json = nlohmann::json;

arg_desc array(dtype d, shape_t shape, layout l, json values) { return {array_arg{d, std::move(shape), l, std::move(values)}}; }
arg_desc scalar(json v) { return {scalar_arg{std::move(v)}}; }
arg_desc tuple(std::vector<std::int64_t> items) { return {tuple_arg{std::move(items)}}; }

std::vector<json> dtype_names(bool with_none) {
  std::vector<json> out;
  if (with_none) out.push_back(nullptr);
  for (dtype d : all_dtypes) out.push_back(std::string(name(d)));
  return out;
}

test_case make_case(const op_record& r, std::vector<arg_desc> args, json kwargs) {
  test_case c;
  c.op = r.name;
  c.args = std::move(args);
  c.kwargs = std::move(kwargs);
  return c;
}

std::uint64_t campaign_case_seed(std::uint64_t campaign_seed, std::uint64_t k) {
  auto mix = [](std::uint64_t x) { return rng{x}.next(); };
  return mix(mix(campaign_seed) ^ mix(k + 0x5851f42d4c957f2dull));
}

const std::vector<json>& weak_scalars() {
  static const std::vector<json> s = {
      true, 0, 1, -1, 2, 127, 300, -129, 65535, std::int64_t(1) << 31, std::numeric_limits<std::int64_t>::min(),
      std::uint64_t(1) << 63, std::numeric_limits<std::uint64_t>::max(), 1.5, "-0.0", "nan", "inf", 1e300,
      json::array({1.5, -2.0})};
  return s;
}

namespace {

const char* value_kinds[] = {"random", "special"};

// Inputs of every dtype: NumPy decides which it accepts (both sides must then raise alike); the
// records' claims are the loops, checked against the registry on their own.
const std::vector<dtype>& input_dtypes() {
  static const std::vector<dtype> all(std::begin(all_dtypes), std::end(all_dtypes));
  return all;
}

// Numbers the matrix's cases: seed = matrix position, so a case's values never depend on others.
std::vector<test_case> numbered(std::vector<test_case> cases) {
  for (std::size_t i = 0; i < cases.size(); ++i) cases[i].seed = i;
  return cases;
}

layout random_layout(rng& g) { return all_layouts[g.below(8)]; }
json random_values(rng& g) { return g.below(3) == 0 ? "special" : "random"; }
dtype pick(const std::vector<dtype>& from, rng& g) { return from[g.below(from.size())]; }

// A random shape of 0-4 dims, extents 0-7, at most one long dim (up to 300).
shape_t random_shape(rng& g) {
  shape_t out;
  int nd = int(g.below(5));
  bool long_dim = false;
  for (int d = 0; d < nd; ++d) {
    bool make_long = !long_dim && g.below(6) == 0;
    long_dim |= make_long;
    out.push_back(g.below(12) == 0 ? 0 : std::int64_t(1 + g.below(make_long ? 300 : 7)));
  }
  return out;
}

// The shape an operand broadcasts from: some dims set to 1, some leading dims dropped.
shape_t broadcast_source(shape_t s, rng& g) {
  for (auto& e : s)
    if (g.below(4) == 0) e = 1;
  if (!s.empty() && g.below(4) == 0) s.erase(s.begin(), s.begin() + std::ptrdiff_t(g.below(s.size() + 1)));
  return s;
}

json random_axis(int nd, rng& g, bool allow_tuple) {
  if (nd == 0 || g.below(3) == 0) return nullptr;
  if (!allow_tuple || g.below(2)) {
    auto d = std::int64_t(g.below(std::uint64_t(nd)));
    return g.below(2) ? d : d - nd;
  }
  json ax = json::array();
  for (int d = 0; d < nd; ++d)
    if (g.below(2)) ax.push_back(g.below(2) ? d : d - nd);
  return ax;
}

// Every point of the grids, in order: the product of each grid's entries, the first entry outermost.
std::vector<json> grid_points(const std::vector<keyword_grid>& grids) {
  std::vector<json> out;
  for (const keyword_grid& grid : grids) {
    std::vector<json> points = {json::object()};
    for (const auto& [kw, values] : grid) {
      std::vector<json> next;
      for (const json& p : points)
        for (const json& v : values) {
          json q = p;
          q[kw] = v;
          next.push_back(std::move(q));
        }
      points = std::move(next);
    }
    out.insert(out.end(), points.begin(), points.end());
  }
  if (out.empty()) out.push_back(json::object());
  return out;
}

json random_point(const std::vector<keyword_grid>& grids, rng& g) {
  json kw = json::object();
  if (grids.empty()) return kw;
  for (const auto& [name, values] : grids[g.below(grids.size())]) kw[name] = values[g.below(values.size())];
  return kw;
}

class elementwise final : public sample_generator {
 public:
  elementwise(int nin, bool mask, std::vector<keyword_grid> grids) : nin_(nin), mask_(mask), grids_(std::move(grids)) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const std::vector<dtype>& dts = input_dtypes();
    auto push = [&](std::vector<dtype> d, std::vector<shape_t> s, std::vector<layout> l, const char* v) {
      std::vector<arg_desc> args;
      for (int i = 0; i < nin_; ++i)
        args.push_back(input(i, d[std::size_t(i)], s[std::size_t(i)], l[std::size_t(i)], v));
      out.push_back(make_case(r, std::move(args)));
    };
    auto same = [&](auto x) { return std::vector<decltype(x)>(std::size_t(nin_), x); };
    const std::vector<shape_t> shapes = {{}, {0, 3}, {1}, {7, 13}, {1024, 1024}};
    for (dtype d : dts) {
      for (const char* v : value_kinds) {
        for (const auto& s : shapes) push(same(d), same(s), same(layout::C), v);
        for (layout l : all_layouts) {
          push(same(d), same(shape_t{6, 10}), same(l), v);
          if (nin_ >= 2 && l != layout::C) {
            auto ls = same(l);
            ls[0] = layout::C;
            push(same(d), same(shape_t{6, 10}), ls, v);
          }
        }
      }
      if (nin_ >= 2) {
        std::vector<shape_t> bc = {{1, 9}, {5, 1}, {1, 1}}, ranks = {{13}, {4, 13}, {13}};
        bc.resize(std::size_t(nin_));
        ranks.resize(std::size_t(nin_));
        push(same(d), bc, same(layout::C), "random");     // (1, n) x (m, 1)
        push(same(d), ranks, same(layout::C), "random");  // different ranks
        // every pair of special values (equal shapes pair each with itself only): 15 x 15 of them
        push(same(d), crossing_shapes(), same(layout::C), "special");
      }
    }
    if (nin_ >= 2)  // every mixed pair once: promotion and the loop choice
      for (dtype a : dts)
        for (dtype b : dts)
          if (a != b) {
            auto d = same(a);
            d[std::size_t(nin_ - 1)] = b;
            push(d, same(shape_t{5, 4}), same(layout::C), "random");
          }
    if (mask_)  // conditions of other dtypes: their truth values (NaN is true)
      for (dtype c : {dtype::int8, dtype::float64, dtype::complex64}) {
        std::vector<arg_desc> args = {array(c, {5, 4}, layout::C, "special"), array(dtype::float32, {5, 4}),
                                      array(dtype::int16, {5, 4})};
        out.push_back(make_case(r, std::move(args)));
      }
    if (r.kwargs.count("out") && r.kwargs.count("where")) keyword_cases(r, out);
    // the op's own keywords: each point of its grids over every dtype's special values (two
    // inputs: every pair of them)
    if (!grids_.empty())
      for (const json& point : grid_points(grids_))
        for (dtype d : dts) {
          std::vector<shape_t> shapes = nin_ == 1 ? std::vector<shape_t>{{5, 4}} : crossing_shapes();
          std::vector<arg_desc> args;
          for (int i = 0; i < nin_; ++i) args.push_back(input(i, d, shapes[std::size_t(i)], layout::C, "special"));
          out.push_back(make_case(r, std::move(args), point));
        }
    // weak scalars (Python scalars under NEP 50) in each scalar-capable position
    // (a lone scalar input, nin == 1, once: there is no array dtype to vary)
    for (dtype d : nin_ == 1 ? std::vector<dtype>{dtype::bool_} : dts)
      for (const json& s : weak_scalars())
        for (int pos = mask_ ? 1 : 0; pos < nin_; ++pos) {
          std::vector<arg_desc> args;
          for (int i = 0; i < nin_; ++i)
            args.push_back(i == pos ? scalar(s) : input(i, d, {5, 4}, layout::C, "special"));
          out.push_back(make_case(r, std::move(args)));
        }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    const std::vector<dtype>& dts = input_dtypes();
    shape_t full = random_shape(g);
    std::vector<arg_desc> args;
    int scalar_at = g.below(6) == 0 ? int(g.below(std::uint64_t(nin_))) : -1;
    if (mask_ && scalar_at == 0) scalar_at = -1;
    for (int i = 0; i < nin_; ++i) {
      if (i == scalar_at) {
        args.push_back(scalar(weak_scalars()[g.below(weak_scalars().size())]));
        continue;
      }
      dtype d = pick(dts, g);
      shape_t s = nin_ > 1 ? broadcast_source(full, g) : full;
      args.push_back(input(i, d, s, random_layout(g), random_values(g)));
    }
    // (no draw without grids: an op's stream of cases stays as it was)
    test_case c = make_case(r, std::move(args), !grids_.empty() && g.below(2) ? random_point(grids_, g) : json::object());
    if (r.kwargs.count("out") && r.kwargs.count("where")) {
      // NumPy's keywords now and then: an out= the inputs broadcast to, a mask, a dtype, a rule
      // (not the broadcast layout: an output whose elements share memory has no defined result)
      auto out_layout = [&] {
        layout l = random_layout(g);
        return l == layout::broadcast ? layout::C : l;
      };
      if (g.below(6) == 0) c.kwargs["out"] = outputs(r, [&] { return array_json(pick(dts, g), full, out_layout(), "random"); });
      if (g.below(8) == 0) {
        if (!c.kwargs.contains("out")) c.kwargs["out"] = outputs(r, [&] { return array_json(pick(dts, g), full, layout::C, "random"); });
        c.kwargs["where"] = array_json(dtype::bool_, broadcast_source(full, g), random_layout(g), json{{"gen", "mask"}, {"p", 0.5}});
      }
      if (g.below(10) == 0) c.kwargs["dtype"] = std::string(name(pick(dts, g)));
      if (g.below(10) == 0) c.kwargs["casting"] = castings[g.below(5)];
    }
    c.seed = g.next();
    return c;
  }

 private:
  static constexpr const char* castings[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

  // (1, 15) against (15, 1): every pair of the 15 special values, one input's against the other's
  std::vector<shape_t> crossing_shapes() const {
    std::vector<shape_t> cross = {{1, 15}, {15, 1}, {1, 15}};
    cross.resize(std::size_t(nin_));
    return cross;
  }

  // out=: one array, or a tuple of one per output (each made by `one`)
  template <class F>
  static json outputs(const op_record& r, F one) {
    if (r.outputs == 1) return one();
    json t = json::array();
    for (int k = 0; k < r.outputs; ++k) t.push_back(one());
    return t;
  }

  // NumPy's ufunc keywords over every input dtype: out= in several layouts, out= the first input
  // itself and flipped (an overlap NumPy reads through a copy), a where= mask (broadcast too),
  // dtype=, each casting= rule against outputs of other kinds, out= the inputs broadcast to, and
  // the shapes, counts and masks NumPy rejects.
  void keyword_cases(const op_record& r, std::vector<test_case>& out) const {
    const std::vector<dtype>& dts = input_dtypes();
    const shape_t s = {6, 10};
    auto push = [&](dtype d, json kw, const char* values = "random") {
      std::vector<arg_desc> args;
      for (int i = 0; i < nin_; ++i) args.push_back(input(i, d, s, layout::C, values));
      out.push_back(make_case(r, std::move(args), std::move(kw)));
    };
    auto alias = [&](bool flip) {
      json a = flip ? json{{"alias", 0}, {"flip", true}} : json{{"alias", 0}};
      if (r.outputs == 1) return a;
      return json::array({a, nullptr});
    };
    const layout out_layouts[] = {layout::C, layout::F, layout::strided, layout::negative};
    const char* dtype_kws[] = {"float64", "float32", "int8", "complex128", "bool", "uint16", "float16"};
    for (std::size_t i = 0; i < dts.size(); ++i) {
      dtype d = dts[i];
      push(d, {{"out", outputs(r, [&] { return array_json(d, s, out_layouts[i % 4], "random"); })}});
      push(d, {{"out", alias(false)}});
      push(d, {{"out", alias(true)}});
      push(d, {{"out", outputs(r, [&] { return array_json(d, s, layout::C, "random"); })},
               {"where", array_json(dtype::bool_, i % 2 ? shape_t{1, 10} : s, layout::C, json{{"gen", "mask"}, {"p", 0.5}})}});
      push(d, {{"dtype", "float64"}});
      push(d, {{"dtype", dtype_kws[i % 7]}});
      push(d, {{"casting", "no"}});
      push(d, {{"dtype", "float64"}, {"casting", "equiv"}});
      push(d, {{"out", outputs(r, [&] { return array_json(dtype::float32, s, layout::C, "random"); })}, {"casting", "safe"}});
      push(d, {{"out", outputs(r, [&] { return array_json(dtype::complex128, s, layout::C, "random"); })}, {"casting", "unsafe"}});
      push(d, {{"out", outputs(r, [&] { return array_json(dtype::int16, s, layout::C, "random"); })}});
    }
    dtype f = dtype::float64;
    push(f, {{"out", outputs(r, [&] { return array_json(f, {2, 6, 10}, layout::C, "random"); })}});  // inputs broadcast to out
    push(f, {{"out", outputs(r, [&] { return array_json(f, {10}, layout::C, "random"); })}});         // out does not take them
    push(f, {{"out", outputs(r, [&] { return array_json(f, {4}, layout::C, "random"); })}});
    push(f, {{"out", outputs(r, [&] { return array_json(f, {0, 10}, layout::C, "random"); })}});
    json too_many = json::array();
    for (int k = 0; k <= r.outputs; ++k) too_many.push_back(array_json(f, s, layout::C, "random"));
    push(f, {{"out", too_many}});
    push(f, {{"out", outputs(r, [&] { return array_json(f, s, layout::C, "random"); })},
             {"where", array_json(dtype::int8, s, layout::C, "random")}});
    push(f, {{"out", outputs(r, [&] { return array_json(f, s, layout::C, "random"); })},
             {"where", array_json(dtype::bool_, {2, 1, 10}, layout::C, json{{"gen", "mask"}})}});
    push(f, {{"casting", "bogus"}});
  }

  arg_desc input(int i, dtype d, shape_t s, layout l, json v) const {
    if (mask_ && i == 0) return array(dtype::bool_, std::move(s), l, json{{"gen", "mask"}, {"p", 0.5}});
    return array(d, std::move(s), l, v);
  }
  int nin_;
  bool mask_;
  std::vector<keyword_grid> grids_;
};

class reduction final : public sample_generator {
 public:
  explicit reduction(bool with_dtype) : with_dtype_(with_dtype) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto push = [&](dtype d, shape_t s, layout l, const char* v, json axis, bool keep, json dt = nullptr) {
      json kw = {{"axis", axis}, {"keepdims", keep}};
      if (with_dtype_) kw["dtype"] = dt;
      out.push_back(make_case(r, {array(d, std::move(s), l, v)}, kw));
    };
    for (dtype d : input_dtypes())
      for (const char* v : value_kinds) {
        // (2200, 3): more short rows than a GPU has warps' worth of SMs (a warp per row), and
        // along axis 0 three long columns (a block per 32 columns, its rows split over the grid)
        for (const shape_t& s : {shape_t{}, shape_t{0, 3}, shape_t{3, 0}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{1024, 1024},
                                 shape_t{2200, 3}}) {
          bool large = s.size() == 2 && s[0] >= 1024;
          std::vector<json> axes = {nullptr};
          if (!s.empty()) axes.push_back(0);
          if (s.size() >= 2 && s[0] != 1024) axes.push_back(-1);
          if (s.size() >= 2 && !large) axes.push_back(json::array({0, 1}));
          if (s.size() == 3) axes.push_back(json::array({0, -1}));
          for (const json& ax : axes)
            for (bool keep : {false, true}) {
              if (large && keep) continue;
              push(d, s, layout::C, v, ax, keep);
            }
        }
        for (layout l : all_layouts)
          for (const json& ax : {json(nullptr), json(1)}) push(d, {6, 10}, l, v, ax, false);
        if (with_dtype_) {
          push(d, {7, 13}, layout::C, v, 0, false, "float64");
          push(d, {7, 13}, layout::C, v, nullptr, false, "int8");
        }
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s = random_shape(g);
    json kw = {{"axis", random_axis(int(s.size()), g, true)}, {"keepdims", g.below(2) == 1}};
    if (with_dtype_) kw["dtype"] = g.below(8) == 0 ? json(std::string(name(pick(input_dtypes(), g)))) : json(nullptr);
    test_case c = make_case(r, {array(pick(input_dtypes(), g), s, random_layout(g), random_values(g))}, kw);
    c.seed = g.next();
    return c;
  }

 private:
  bool with_dtype_;
};

class arg_reduction final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    for (dtype d : input_dtypes())
      for (const json& v : values) {
        for (const shape_t& s : {shape_t{}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{1024, 1024}, shape_t{3, 0}}) {
          std::vector<json> axes = {nullptr};
          for (int a = 0; a < int(s.size()); ++a) axes.push_back(a);
          if (!s.empty()) axes.push_back(-1);
          for (const json& ax : axes)
            for (bool keep : {false, true}) {
              if (s.size() == 2 && s[0] == 1024 && keep) continue;
              out.push_back(make_case(r, {array(d, s, layout::C, v)}, {{"axis", ax}, {"keepdims", keep}}));
            }
        }
        for (layout l : all_layouts)
          for (const json& ax : {json(nullptr), json(1)})
            out.push_back(make_case(r, {array(d, {6, 10}, l, v)}, {{"axis", ax}, {"keepdims", false}}));
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s = random_shape(g);
    json v = g.below(4) == 0 ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}} : random_values(g);
    test_case c = make_case(r, {array(pick(input_dtypes(), g), s, random_layout(g), v)},
                            {{"axis", random_axis(int(s.size()), g, false)}, {"keepdims", g.below(2) == 1}});
    c.seed = g.next();
    return c;
  }
};

// sort and argsort: axis absent (the last), None, each and negative; kind= and stable= on runs
// with ties and special values; the 8 layouts; long runs (2^20) and many runs (1000 x 1000).
class sorting final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const json values[] = {"random", "special", json{{"gen", "duplicates"}, {"distinct", 3}}};
    auto with_axis = [](json kw, const json& ax) {
      if (!ax.is_string()) kw["axis"] = ax;  // "absent": NumPy's default, the last axis
      return kw;
    };
    for (dtype d : input_dtypes())
      for (const json& v : values) {
        for (const shape_t& s : {shape_t{}, shape_t{0}, shape_t{1}, shape_t{17}, shape_t{7, 13}, shape_t{3, 0},
                                 shape_t{3, 4, 5}, shape_t{1 << 20}, shape_t{1000, 1000}}) {
          std::vector<json> axes = {"absent", nullptr};
          for (int a = 0; a < int(s.size()); ++a) axes.push_back(a);
          if (!s.empty()) axes.push_back(-int(s.size()));
          if (s == shape_t{1 << 20}) axes = {"absent"};  // the long ones: the two paths, no more
          if (s == shape_t{1000, 1000}) axes = {"absent", 0};
          for (const json& ax : axes) out.push_back(make_case(r, {array(d, s, layout::C, v)}, with_axis(json::object(), ax)));
        }
        for (const json& kind : {json("quicksort"), json("mergesort"), json("heapsort"), json("stable"), json("q"), json("S")})
          for (const json& ax : {json(-1), json(0)})
            out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)}, {{"axis", ax}, {"kind", kind}}));
        for (bool stable : {false, true})
          for (const json& ax : {json(-1), json(nullptr)})
            out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)}, {{"axis", ax}, {"stable", stable}}));
        out.push_back(make_case(r, {array(d, {1 << 16}, layout::C, v)}, {{"kind", "stable"}}));
        for (layout l : all_layouts)
          for (const json& ax : {json(nullptr), json(0), json(1)})
            out.push_back(make_case(r, {array(d, {6, 10}, l, v)}, {{"axis", ax}}));
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s = random_shape(g);
    json v = g.below(3) == 0 ? json{{"gen", "duplicates"}, {"distinct", 1 + g.below(4)}} : random_values(g);
    json kw = json::object();
    if (g.below(4) != 0) kw["axis"] = random_axis(int(s.size()), g, false);
    static const char* kinds[] = {"quicksort", "mergesort", "heapsort", "stable"};
    if (g.below(3) == 0) kw["kind"] = kinds[g.below(4)];
    else if (g.below(3) == 0) kw["stable"] = g.below(2) == 1;
    test_case c = make_case(r, {array(pick(input_dtypes(), g), s, random_layout(g), v)}, kw);
    c.seed = g.next();
    return c;
  }
};

// searchsorted: sorted runs (random, and special values with NaN last) of every dtype and
// lengths 0, 1, 17 and 1000; keys of its dtype in several shapes, of every other dtype, and weak
// scalars; side left and right; a sorter (int64 and int32) over a descending run; keys in the 8
// layouts.
class search final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto push = [&](arg_desc a, arg_desc v, json kw) { out.push_back(make_case(r, {std::move(a), std::move(v)}, std::move(kw))); };
    const json descending = {{"gen", "arange"}, {"descending", 1}};
    for (dtype d : input_dtypes()) {
      for (int special : {0, 1}) {
        json run = {{"gen", "sorted"}, {"special", special}};
        const char* keys = special ? "special" : "random";
        for (std::int64_t n : {0, 1, 17, 1000})
          for (const shape_t& vs : {shape_t{}, shape_t{7}, shape_t{3, 5}, shape_t{1000}})
            for (const char* side : {"left", "right"}) push(array(d, {n}, layout::C, run), array(d, vs, layout::C, keys), {{"side", side}});
        for (dtype k : input_dtypes()) push(array(d, {17}, layout::C, run), array(k, {9}, layout::C, "special"), {{"side", "right"}});
        for (const json& s : weak_scalars()) push(array(d, {17}, layout::C, run), scalar(s), {{"side", "left"}});
      }
      for (dtype sd : {dtype::int64, dtype::int32})
        for (const char* side : {"left", "right"})
          push(array(d, {17}, layout::C, descending), array(d, {9}, layout::C, "random"),
               {{"side", side}, {"sorter", array_json(sd, {17}, layout::C, descending)}});
      for (layout l : all_layouts)
        push(array(d, {17}, l, {{"gen", "sorted"}, {"special", 1}}), array(d, {6, 10}, l, "special"), {{"side", "left"}});
    }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    dtype d = pick(input_dtypes(), g);
    json run = {{"gen", "sorted"}, {"special", g.below(2)}};
    arg_desc keys = g.below(4) == 0 ? scalar(weak_scalars()[g.below(weak_scalars().size())])
                                    : array(g.below(4) == 0 ? pick(input_dtypes(), g) : d, random_shape(g), random_layout(g), random_values(g));
    test_case c = make_case(r, {array(d, {std::int64_t(g.below(40))}, random_layout(g), run), keys},
                            {{"side", g.below(2) ? "left" : "right"}});
    c.seed = g.next();
    return c;
  }
};

class scan final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    for (dtype d : input_dtypes())
      for (const char* v : value_kinds) {
        for (const shape_t& s : {shape_t{}, shape_t{0, 3}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{1000, 1000}}) {
          std::vector<json> axes = {nullptr};
          for (int a = 0; a < int(s.size()); ++a) axes.push_back(a);
          if (!s.empty()) axes.push_back(-1);
          for (const json& ax : axes) out.push_back(make_case(r, {array(d, s, layout::C, v)}, {{"axis", ax}, {"dtype", nullptr}}));
        }
        for (layout l : all_layouts)
          for (const json& ax : {json(nullptr), json(0), json(1)})
            out.push_back(make_case(r, {array(d, {6, 10}, l, v)}, {{"axis", ax}, {"dtype", nullptr}}));
        for (const char* dt : {"float64", "int8", "complex64"})
          out.push_back(make_case(r, {array(d, {7, 13}, layout::C, v)}, {{"axis", 1}, {"dtype", dt}}));
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s = random_shape(g);
    json dt = g.below(8) == 0 ? json(std::string(name(pick(input_dtypes(), g)))) : json(nullptr);
    test_case c = make_case(r, {array(pick(input_dtypes(), g), s, random_layout(g), random_values(g))},
                            {{"axis", random_axis(int(s.size()), g, false)}, {"dtype", dt}});
    c.seed = g.next();
    return c;
  }
};

// A binary ufunc's methods: reduce (axis, keepdims, dtype=, initial=, where=), accumulate and
// reduceat (axis, dtype=) and outer (dtype=).
class ufunc_method final : public sample_generator {
 public:
  ufunc_method(ufunc_method_kind kind, bool float_masks) : kind_(kind), float_masks_(float_masks) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    for (dtype d : input_dtypes())
      for (const char* v : value_kinds) {
        switch (kind_) {
          case ufunc_method_kind::reduce: reduce_cases(r, d, v, out); break;
          case ufunc_method_kind::accumulate: accumulate_cases(r, d, v, out); break;
          case ufunc_method_kind::reduceat: reduceat_cases(r, d, v, out); break;
          case ufunc_method_kind::outer: outer_cases(r, d, v, out); break;
        }
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    dtype d = pick(input_dtypes(), g);
    shape_t s = random_shape(g);
    json dt = g.below(8) == 0 ? json(std::string(name(pick(input_dtypes(), g)))) : json(nullptr);
    test_case c;
    switch (kind_) {
      case ufunc_method_kind::reduce: {
        json axis = s.empty() ? json(nullptr) : random_axis(int(s.size()), g, true);
        json kw = {{"axis", axis}, {"keepdims", g.below(2) == 1}, {"dtype", dt}};
        if (masks_allowed(d) && g.below(4) == 0) {
          kw["initial"] = 1;
          if (g.below(2)) kw["where"] = array_json(dtype::bool_, broadcast_source(s, g), layout::C, json{{"gen", "mask"}, {"p", 0.5}});
        }
        c = make_case(r, {array(d, s, random_layout(g), random_values(g))}, kw);
        break;
      }
      case ufunc_method_kind::accumulate:
        if (s.empty()) s = {5};
        c = make_case(r, {array(d, s, random_layout(g), random_values(g))},
                      {{"axis", std::int64_t(g.below(s.size()))}, {"dtype", dt}});
        break;
      case ufunc_method_kind::reduceat: {
        if (s.empty() || s[0] == 0) s.insert(s.begin(), 6);
        c = make_case(r, {array(d, s, random_layout(g), random_values(g)), indices_for(s[0], g)}, {{"axis", 0}, {"dtype", dt}});
        break;
      }
      case ufunc_method_kind::outer:
        c = make_case(r, {array(d, s, random_layout(g), random_values(g)), array(pick(input_dtypes(), g), random_shape(g))},
                      {{"dtype", dt}});
        break;
    }
    c.seed = g.next();
    return c;
  }

 private:
  // initial= and where= cases: every dtype, but the float sums and products of add and multiply,
  // whose exact reference takes no mask
  bool masks_allowed(dtype d) const { return float_masks_ || !is_inexact(d); }

  void reduce_cases(const op_record& r, dtype d, const char* v, std::vector<test_case>& out) const {
    auto push = [&](shape_t s, layout l, json axis, bool keep, json dt = nullptr, json more = json::object()) {
      json kw = {{"axis", axis}, {"keepdims", keep}, {"dtype", dt}};
      kw.update(more);
      out.push_back(make_case(r, {array(d, std::move(s), l, v)}, kw));
    };
    push({}, layout::C, nullptr, false);
    push({}, layout::C, 0, false);
    push({0, 3}, layout::C, 0, false);
    push({3, 0}, layout::C, 1, true);
    push({3, 0}, layout::C, 0, false);
    for (const json& ax : {json(0), json(-1), json(nullptr), json::array({0, 1})}) push({7, 13}, layout::C, ax, false);
    push({7, 13}, layout::C, 1, true);
    push({3, 4, 5}, layout::C, json::array({0, 2}), true);
    push({3, 4, 5}, layout::C, json::array(), false);
    push({300, 40}, layout::C, 0, false);
    push({40, 300}, layout::C, 1, false);
    for (layout l : all_layouts) push({6, 10}, l, l == layout::C ? json(nullptr) : json(l == layout::F ? 0 : 1), false);
    push({7, 13}, layout::C, 0, false, "float64");
    push({7, 13}, layout::C, 1, false, "int8");
    if (!masks_allowed(d)) return;
    json mask = array_json(dtype::bool_, {7, 13}, layout::C, json{{"gen", "mask"}, {"p", 0.5}});
    push({7, 13}, layout::C, 0, false, nullptr, {{"initial", 1}});
    push({7, 13}, layout::C, 1, false, nullptr, {{"initial", 1}, {"where", mask}});
    push({7, 13}, layout::C, nullptr, true, nullptr, {{"initial", 1}, {"where", array_json(dtype::bool_, {1, 13}, layout::C, json{{"gen", "mask"}})}});
    push({0, 13}, layout::C, 0, false, nullptr, {{"initial", 1}});
    push({7, 13}, layout::C, 0, false, nullptr, {{"where", mask}});  // without initial
  }

  void accumulate_cases(const op_record& r, dtype d, const char* v, std::vector<test_case>& out) const {
    auto push = [&](shape_t s, layout l, std::int64_t axis, json dt = nullptr) {
      out.push_back(make_case(r, {array(d, std::move(s), l, v)}, {{"axis", axis}, {"dtype", dt}}));
    };
    push({1}, layout::C, 0);
    push({0}, layout::C, 0);
    push({0, 3}, layout::C, 1);
    for (std::int64_t ax : {0, 1, -1}) push({7, 13}, layout::C, ax);
    push({3, 4, 5}, layout::C, 1);
    push({200}, layout::C, 0);
    push({30, 40}, layout::C, 0);
    for (layout l : all_layouts) push({6, 10}, l, l == layout::F ? 0 : 1);
    push({7, 13}, layout::C, 0, "float64");
    push({7, 13}, layout::C, 1, "int8");
    out.push_back(make_case(r, {array(d, {}, layout::C, v)}, {{"axis", 0}, {"dtype", nullptr}}));  // a 0-d input: TypeError
    out.push_back(make_case(r, {array(d, {3, 4}, layout::C, v)}, {{"axis", 2}, {"dtype", nullptr}}));  // AxisError
  }

  // ascending, repeated and falling starts (a falling one takes a single element), runs short
  // enough that NumPy's pairwise sum is its plain loop
  static arg_desc indices(std::vector<std::int64_t> at) { return arg_desc{array_arg{dtype::int64, {std::int64_t(at.size())}, layout::C, at}}; }
  static arg_desc indices_for(std::int64_t len, rng& g) {
    std::vector<std::int64_t> at;
    for (std::uint64_t k = 1 + g.below(5); k > 0; --k) at.push_back(std::int64_t(g.below(std::uint64_t(len))));
    return indices(at);
  }

  void reduceat_cases(const op_record& r, dtype d, const char* v, std::vector<test_case>& out) const {
    auto push = [&](shape_t s, layout l, std::vector<std::int64_t> at, std::int64_t axis, json dt = nullptr) {
      out.push_back(make_case(r, {array(d, std::move(s), l, v), indices(std::move(at))}, {{"axis", axis}, {"dtype", dt}}));
    };
    push({8}, layout::C, {0, 4, 1, 5}, 0);
    push({8}, layout::C, {0, 3, 3, 7}, 0);
    push({8}, layout::C, {}, 0);
    push({7, 13}, layout::C, {0, 6, 12, 2}, 1);
    push({7, 13}, layout::C, {6, 0}, 0);
    push({7, 13}, layout::C, {5, 1}, -1);
    for (layout l : all_layouts) push({6, 10}, l, {0, 2, 9}, 1);
    push({7, 13}, layout::C, {0, 3}, 0, "float64");
    push({8}, layout::C, {0, 8}, 0);  // out of bounds: IndexError
    // segments longer than a CUDA block's 256 threads, along a strided axis, for the ufuncs
    // whose reduceat runs the segmented reduction kernel
    static const std::set<std::string> kernel_folded = {"add.reduceat", "multiply.reduceat", "maximum.reduceat", "minimum.reduceat"};
    if (kernel_folded.count(r.name)) push({3, 700}, layout::transposed, {0, 5, 300, 299}, 1);
  }

  void outer_cases(const op_record& r, dtype d, const char* v, std::vector<test_case>& out) const {
    auto push = [&](std::vector<arg_desc> args, json dt = nullptr) { out.push_back(make_case(r, std::move(args), {{"dtype", dt}})); };
    push({array(d, {3}, layout::C, v), array(d, {4}, layout::C, v)});
    push({array(d, {}, layout::C, v), array(d, {4}, layout::C, v)});
    push({array(d, {2, 3}, layout::C, v), array(d, {0}, layout::C, v)});
    push({array(d, {2, 3}, layout::strided, v), array(d, {4, 1}, layout::transposed, v)});
    push({array(d, {5}, layout::negative, v), array(d, {2, 3}, layout::F, v)});
    push({array(d, {5}, layout::C, v), array(dtype::float32, {3}, layout::C, "special")});
    push({array(d, {4}, layout::C, v), array(d, {3}, layout::C, v)}, "float64");
  }

  ufunc_method_kind kind_;
  bool float_masks_;
};

class join final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto push = [&](std::vector<arg_desc> items, json axis, json dt = nullptr) {
      out.push_back(make_case(r, {{list_arg{std::move(items)}}}, {{"axis", axis}, {"dtype", dt}}));
    };
    const std::vector<dtype>& dts = input_dtypes();
    for (dtype d : dts)
      for (const char* v : value_kinds) {
        push({array(d, {3, 4}, layout::C, v), array(d, {2, 4}, layout::C, v)}, 0);
        push({array(d, {3, 4}, layout::C, v), array(d, {3, 5}, layout::C, v)}, 1);
        push({array(d, {3, 4}, layout::C, v), array(d, {3, 5}, layout::C, v)}, -1);
        push({array(d, {2, 3, 4}, layout::C, v), array(d, {2, 1, 4}, layout::C, v), array(d, {2, 6, 4}, layout::C, v)}, 1);
        push({array(d, {3, 4}, layout::C, v), array(d, {5}, layout::C, v)}, nullptr);
        push({array(d, {0, 4}, layout::C, v), array(d, {3, 4}, layout::C, v)}, 0);
        push({array(d, {7}, layout::C, v)}, 0);
        push({array(d, {300, 200}, layout::C, v), array(d, {300, 100}, layout::C, v)}, 1);
        for (layout l : all_layouts) push({array(d, {6, 10}, l, v), array(d, {6, 10}, layout::C, v)}, 1);
      }
    for (dtype a : dts)
      for (dtype b : dts)
        if (a != b) push({array(a, {2, 3}), array(b, {4, 3})}, 0);
    for (dtype d : dts)
      for (const char* dt : {"float64", "int8", "complex128", "bool"})
        push({array(d, {2, 3}, layout::C, "special"), array(d, {1, 3}, layout::C, "special")}, 0, dt);
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t base = random_shape(g);
    if (base.empty()) base = {std::int64_t(1 + g.below(5))};
    auto nd = std::int64_t(base.size());
    std::int64_t ax = std::int64_t(g.below(std::uint64_t(nd)));
    json axis = g.below(8) == 0 ? json(nullptr) : json(g.below(2) ? ax : ax - nd);
    std::vector<arg_desc> items;
    auto n = 1 + g.below(3);
    for (std::uint64_t i = 0; i < n; ++i) {
      shape_t s = base;
      s[std::size_t(ax)] = std::int64_t(g.below(5));
      items.push_back(array(pick(input_dtypes(), g), s, random_layout(g), random_values(g)));
    }
    json dt = g.below(8) == 0 ? json(std::string(name(pick(input_dtypes(), g)))) : json(nullptr);
    test_case c = make_case(r, {{list_arg{std::move(items)}}}, {{"axis", axis}, {"dtype", dt}});
    c.seed = g.next();
    return c;
  }
};

// ---- ops of one input and keywords (creation, copies) ----

const std::vector<shape_t>& sweep_shapes() {
  static const std::vector<shape_t> s = {{}, {0}, {0, 3}, {1}, {7, 13}, {3, 4, 5}, {1024, 1024}};
  return s;
}

class keyword_calls final : public sample_generator {
 public:
  keyword_calls(first_argument first, std::vector<keyword_grid> grids, bool fill)
      : first_(first), grids_(std::move(grids)), fill_(fill) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const std::vector<json> points = grid_points(grids_);
    const json& base = points.front();
    // a fill every dtype holds, for the cases that vary something else
    const json base_fill = 2;
    auto push = [&](std::vector<arg_desc> first, const json& fill, const json& kw) {
      if (fill_) first.push_back(scalar(fill));
      out.push_back(make_case(r, std::move(first), kw));
    };
    const std::vector<dtype>& dts = input_dtypes();
    switch (first_) {
      case first_argument::none:
        for (const json& p : points) push({}, base_fill, p);
        break;
      case first_argument::shape:
        for (const shape_t& s : sweep_shapes()) push({tuple(s)}, base_fill, base);
        for (const json& p : points)
          for (const shape_t& s : {shape_t{}, shape_t{7, 13}, shape_t{3, 4, 5}}) push({tuple(s)}, base_fill, p);
        break;
      case first_argument::array: {
        for (dtype d : dts)
          for (const char* v : value_kinds) {
            for (const shape_t& s : sweep_shapes())
              if (s != shape_t{0}) push({array(d, s, layout::C, v)}, base_fill, base);
            for (layout l : all_layouts) push({array(d, {6, 10}, l, v)}, base_fill, base);
          }
        std::size_t rotate = 0;  // the layout sweep meets every dtype over its points
        for (const json& p : points) {
          for (dtype d : dts) push({array(d, {5, 4}, layout::C, "special")}, base_fill, p);
          for (layout l : all_layouts) push({array(dts[rotate++ % dts.size()], {6, 10}, l, "random")}, base_fill, p);
        }
        break;
      }
    }
    if (fill_)
      for (const json& f : weak_scalars()) {
        for (const json& p : points) push(first_args(dtype::float64), f, p);
        if (first_ == first_argument::array)
          for (dtype d : dts) push({array(d, {3, 4}, layout::C, "random")}, f, base);
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    std::vector<arg_desc> args;
    if (first_ == first_argument::shape) args.push_back(tuple(random_shape(g)));
    if (first_ == first_argument::array)
      args.push_back(array(pick(input_dtypes(), g), random_shape(g), random_layout(g), random_values(g)));
    if (fill_) args.push_back(scalar(weak_scalars()[g.below(weak_scalars().size())]));
    test_case c = make_case(r, std::move(args), random_point(grids_, g));
    c.seed = g.next();
    return c;
  }

 private:
  // the input of the fill sweep: a (3, 4) shape, or a (3, 4) array of dtype d
  std::vector<arg_desc> first_args(dtype d) const {
    if (first_ == first_argument::shape) return {tuple({3, 4})};
    if (first_ == first_argument::array) return {array(d, {3, 4})};
    return {};
  }
  first_argument first_;
  std::vector<keyword_grid> grids_;
  bool fill_;
};

// ---- views of one array ----

// Every permutation of 0..nd-1 (up to 3-d: 6 of them), else the identity and the reversal.
std::vector<std::vector<std::int64_t>> permutations(int nd) {
  std::vector<std::int64_t> p(std::size_t(nd), 0);
  for (int d = 0; d < nd; ++d) p[std::size_t(d)] = d;
  std::vector<std::vector<std::int64_t>> out;
  if (nd <= 3) {
    do out.push_back(p);
    while (std::next_permutation(p.begin(), p.end()));
  } else {
    out.push_back(p);
    out.push_back(std::vector<std::int64_t>(p.rbegin(), p.rend()));
  }
  return out;
}

// The arguments after the array (a shape tuple) and the keywords, of one view call.
struct view_call {
  std::vector<arg_desc> args;
  json kwargs = json::object();
};

std::vector<view_call> permutation_targets(const shape_t& s) {
  auto nd = std::int64_t(s.size());
  std::vector<view_call> out = {{{}, {{"axes", nullptr}}}};
  for (const auto& p : permutations(int(nd))) out.push_back({{}, {{"axes", p}}});
  if (nd > 0) {  // the reversal, spelled with negative axes
    std::vector<std::int64_t> neg;
    for (std::int64_t d = nd - 1; d >= 0; --d) neg.push_back(d - nd);
    out.push_back({{}, {{"axes", neg}}});
  }
  return out;
}

std::vector<view_call> new_shape_targets(const shape_t& s) {
  std::int64_t n = 1;
  for (auto e : s) n *= e;
  std::vector<shape_t> shapes = {{n}, {-1}, shape_t(s.rbegin(), s.rend())};
  shape_t padded = {1};
  padded.insert(padded.end(), s.begin(), s.end());
  padded.push_back(1);
  shapes.push_back(padded);
  if (s.size() >= 2) {
    shape_t merged = {s[0] * s[1]};
    merged.insert(merged.end(), s.begin() + 2, s.end());
    shapes.push_back(merged);
    shapes.push_back({-1, s.back()});
  }
  std::vector<view_call> out;
  for (const shape_t& t : shapes)
    for (const json& ord : {json(nullptr), json("C"), json("F"), json("A")}) out.push_back({{tuple(t)}, {{"order", ord}}});
  return out;
}

std::vector<view_call> broadcast_targets(const shape_t& s) {
  shape_t lead = {2};
  lead.insert(lead.end(), s.begin(), s.end());
  shape_t widened = s;
  for (auto& e : widened)
    if (e == 1) e = 3;
  shape_t empty_lead = {0};
  empty_lead.insert(empty_lead.end(), s.begin(), s.end());
  std::vector<view_call> out;
  for (const shape_t& t : {s, lead, widened, empty_lead}) out.push_back({{tuple(t)}, json::object()});
  return out;
}

std::vector<view_call> unit_axes_targets(const shape_t& s) {
  auto nd = std::int64_t(s.size());
  std::vector<view_call> out = {{{}, {{"axis", nullptr}}}, {{}, {{"axis", json::array()}}}};
  std::vector<std::int64_t> units;
  for (std::int64_t d = 0; d < nd; ++d)
    if (s[std::size_t(d)] == 1) {
      units.push_back(d);
      out.push_back({{}, {{"axis", d}}});
      out.push_back({{}, {{"axis", d - nd}}});
    }
  if (units.size() > 1) out.push_back({{}, {{"axis", units}}});
  return out;
}

std::vector<view_call> new_axes_targets(const shape_t& s) {
  auto nd = std::int64_t(s.size());
  std::vector<view_call> out;
  for (const json& ax : {json(0), json(-1), json(nd), json(-nd - 1), json::array({0, nd + 1}), json::array({-1, 0}), json::array()})
    out.push_back({{}, {{"axis", ax}}});
  return out;
}

std::vector<view_call> view_targets(view_target t, const shape_t& s) {
  switch (t) {
    case view_target::permutation: return permutation_targets(s);
    case view_target::new_shape: return new_shape_targets(s);
    case view_target::broadcast: return broadcast_targets(s);
    case view_target::unit_axes: return unit_axes_targets(s);
    case view_target::new_axes: return new_axes_targets(s);
  }
  return {};
}

// A random target made invalid: one extent of a shape tuple grown by one (a size or broadcast
// mismatch), or an axis one past the end, so random draws reach the error paths too.
view_call spoiled(view_call v, int nd, rng& g) {
  if (!v.args.empty()) {
    auto& items = std::get<tuple_arg>(v.args[0].v).items;
    if (!items.empty()) items[g.below(items.size())] += 1;
    return v;
  }
  for (json& axis : v.kwargs) axis = nd + 1;
  return v;
}

class view final : public sample_generator {
 public:
  explicit view(view_target t) : target_(t) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto push_all = [&](dtype d, const shape_t& s, layout l) {
      for (view_call& v : view_targets(target_, s)) {
        std::vector<arg_desc> args = {array(d, s, l)};
        args.insert(args.end(), v.args.begin(), v.args.end());
        out.push_back(make_case(r, std::move(args), v.kwargs));
      }
    };
    const std::vector<dtype>& dts = input_dtypes();
    for (dtype d : dts)
      for (const shape_t& s : {shape_t{}, shape_t{0, 3}, shape_t{1}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{6, 1, 10}, shape_t{1, 3, 1}})
        push_all(d, s, layout::C);
    std::size_t rotate = 0;  // the layout sweep meets every dtype
    for (const shape_t& s : {shape_t{6, 10}, shape_t{6, 1, 10}})
      for (layout l : all_layouts) push_all(dts[rotate++ % dts.size()], s, l);
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t s = random_shape(g);
    if (target_ == view_target::unit_axes && !s.empty()) s[g.below(s.size())] = 1;
    std::vector<view_call> targets = view_targets(target_, s);
    view_call v = targets[g.below(targets.size())];
    if (g.below(8) == 0) v = spoiled(v, int(s.size()), g);
    std::vector<arg_desc> args = {array(pick(input_dtypes(), g), s, random_layout(g), random_values(g))};
    args.insert(args.end(), v.args.begin(), v.args.end());
    test_case c = make_case(r, std::move(args), v.kwargs);
    c.seed = g.next();
    return c;
  }

 private:
  view_target target_;
};

// ---- arange ----

class range_args final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    const std::vector<std::vector<json>> argument_sets = {
        {0}, {1}, {5}, {7.5}, {-3}, {true},
        {2, 9}, {-3, 4}, {1.5, 4}, {0.5, -2}, {-5, -1}, {true, 3},
        {0, 10, 3}, {10, 0, -3}, {-1.5, 2.0, 0.3}, {0, 1, 0.1}, {5, 0, -1.5}, {0, 300, 100}, {1, 2, 5},
        {0, 3, true}, {0, 5, json::array({1.5, 1.0})}, {json::array({1.5, 2.0}), 4}, {0, json::array({2, 10}), json::array({0.5, 1})}};
    std::vector<test_case> out;
    for (const auto& set : argument_sets)
      for (const json& dt : dtype_names(true)) {
        std::vector<arg_desc> args;
        for (const json& v : set) args.push_back(scalar(v));
        out.push_back(make_case(r, std::move(args), {{"dtype", dt}}));
      }
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    auto value = [&]() -> json {
      switch (g.below(4)) {
        case 0: return std::int64_t(g.below(41)) - 20;
        case 1: return double(std::int64_t(g.below(81)) - 40) / 4;
        case 2: return g.below(2) == 1;
        default: return std::int64_t(g.below(600)) - 300;
      }
    };
    std::vector<arg_desc> args;
    for (std::uint64_t i = 0, n = 1 + g.below(3); i < n; ++i) args.push_back(scalar(value()));
    json dt = g.below(4) == 0 ? json(std::string(name(pick(input_dtypes(), g)))) : json(nullptr);
    test_case c = make_case(r, std::move(args), {{"dtype", dt}});
    c.seed = g.next();
    return c;
  }
};

// ---- dtypes as operands ----

class dtype_calls final : public sample_generator {
 public:
  dtype_calls(dtype_operands form, std::vector<keyword_grid> grids) : form_(form), grids_(std::move(grids)) {}

  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    const std::vector<dtype>& dts = input_dtypes();
    auto push = [&](std::vector<arg_desc> args, const json& kw = json::object()) { out.push_back(make_case(r, std::move(args), kw)); };
    if (form_ == dtype_operands::pair) {
      for (const json& p : grid_points(grids_))
        for (dtype a : dts)
          for (dtype b : dts) push({array(a, {}), array(b, {})}, p);
      return numbered(std::move(out));
    }
    for (dtype a : dts) push({array(a, {})});
    for (const json& s : weak_scalars()) push({scalar(s)});
    for (dtype a : dts)
      for (dtype b : dts) push({array(a, {}), array(b, {3})});
    for (dtype a : dts)
      for (const json& s : weak_scalars()) {
        push({array(a, {}), scalar(s)});
        push({scalar(s), array(a, {2, 2})});
      }
    for (const json& s : weak_scalars())
      for (const json& t : weak_scalars()) push({scalar(s), scalar(t)});
    for (dtype a : dts)
      for (dtype b : dts)
        for (dtype c : dts) push({array(a, {}), array(b, {}), array(c, {})});
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    std::vector<arg_desc> args;
    if (form_ == dtype_operands::pair) {
      args = {array(pick(input_dtypes(), g), {}), array(pick(input_dtypes(), g), {})};
    } else {
      for (std::uint64_t i = 0, n = 1 + g.below(3); i < n; ++i)
        args.push_back(g.below(3) == 0 ? scalar(weak_scalars()[g.below(weak_scalars().size())])
                                       : array(pick(input_dtypes(), g), random_shape(g)));
    }
    test_case c = make_case(r, std::move(args), random_point(grids_, g));
    c.seed = g.next();
    return c;
  }

 private:
  dtype_operands form_;
  std::vector<keyword_grid> grids_;
};

// ---- shapes as tuples ----

class shape_tuples final : public sample_generator {
 public:
  std::vector<test_case> matrix(const op_record& r) const override {
    std::vector<test_case> out;
    auto push = [&](std::vector<shape_t> shapes) {
      std::vector<arg_desc> args;
      for (auto& s : shapes) args.push_back(tuple(std::move(s)));
      out.push_back(make_case(r, std::move(args)));
    };
    push({});
    for (const shape_t& s : {shape_t{}, shape_t{1}, shape_t{3}, shape_t{0}, shape_t{7, 13}, shape_t{3, 4, 5}, shape_t{6, 1, 10}, shape_t{1, 1}}) {
      shape_t ones = s, tail = s, lead = {2};
      for (std::size_t d = 0; d < ones.size(); d += 2) ones[d] = 1;
      if (!tail.empty()) tail.erase(tail.begin());
      lead.insert(lead.end(), s.begin(), s.end());
      push({s});
      push({s, s});
      push({ones, s});
      push({s, tail});
      push({shape_t{}, s});
      push({s, ones, lead});
    }
    // extents that do not broadcast, empty ones among them
    push({{3}, {4}});
    push({{2, 3}, {3, 2}});
    push({{0}, {2}});
    push({{5, 1, 4}, {3, 4}, {2, 1, 1}});
    return numbered(std::move(out));
  }

  test_case random(const op_record& r, rng& g) const override {
    shape_t full = random_shape(g);
    std::vector<arg_desc> args;
    for (std::uint64_t i = 0, n = g.below(4); i < n; ++i) {
      shape_t s = broadcast_source(full, g);
      if (!s.empty() && g.below(6) == 0) s[g.below(s.size())] += 1;  // likely not broadcastable
      args.push_back(tuple(std::move(s)));
    }
    test_case c = make_case(r, std::move(args));
    c.seed = g.next();
    return c;
  }
};

}  // namespace

json array_json(dtype d, const shape_t& s, layout l, json values) {
  return {{"dtype", std::string(name(d))}, {"shape", s}, {"layout", name(l)}, {"values", std::move(values)}};
}


std::shared_ptr<const sample_generator> elementwise_samples(int nin, bool first_input_mask, std::vector<keyword_grid> grids) {
  return std::make_shared<elementwise>(nin, first_input_mask, std::move(grids));
}
std::shared_ptr<const sample_generator> reduction_samples(bool with_dtype) { return std::make_shared<reduction>(with_dtype); }
std::shared_ptr<const sample_generator> arg_reduction_samples() { return std::make_shared<arg_reduction>(); }
std::shared_ptr<const sample_generator> scan_samples() { return std::make_shared<scan>(); }
std::shared_ptr<const sample_generator> sort_samples() { return std::make_shared<sorting>(); }
std::shared_ptr<const sample_generator> search_samples() { return std::make_shared<search>(); }
std::shared_ptr<const sample_generator> join_samples() { return std::make_shared<join>(); }
std::shared_ptr<const sample_generator> ufunc_method_samples(ufunc_method_kind kind, bool float_masks) {
  return std::make_shared<ufunc_method>(kind, float_masks);
}
std::shared_ptr<const sample_generator> keyword_samples(first_argument first, std::vector<keyword_grid> grids, bool fill) {
  return std::make_shared<keyword_calls>(first, std::move(grids), fill);
}
std::shared_ptr<const sample_generator> view_samples(view_target target) { return std::make_shared<view>(target); }
std::shared_ptr<const sample_generator> range_samples() { return std::make_shared<range_args>(); }
std::shared_ptr<const sample_generator> dtype_samples(dtype_operands form, std::vector<keyword_grid> grids) {
  return std::make_shared<dtype_calls>(form, std::move(grids));
}
std::shared_ptr<const sample_generator> shape_tuple_samples() { return std::make_shared<shape_tuples>(); }

}  // namespace cunp::conformance
