#include "case.hpp"

#include <algorithm>
#include <cmath>

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

using json = nlohmann::json;

[[noreturn]] void bad(const std::string& where, const std::string& what) { throw value_error("case: " + where + ": " + what); }

void only_keys(const json& j, const std::string& where, std::initializer_list<const char*> keys) {
  for (const auto& [k, v] : j.items()) {
    bool known = false;
    for (const char* key : keys) known |= k == key;
    if (!known) bad(where, "unknown key '" + k + "'");
  }
}

const json& need(const json& j, const std::string& where, const char* key) {
  if (!j.contains(key)) bad(where, std::string("missing '") + key + "'");
  return j.at(key);
}

bool is_special_float(const json& v) {
  return v.is_string() && (v == "nan" || v == "inf" || v == "-inf" || v == "-0.0");
}

// One literal element of dtype d: a number, a bool, a special float string, or [re, im].
void check_element(const json& v, dtype d, const std::string& where) {
  if (is_complex(d) && v.is_array()) {
    if (v.size() != 2) bad(where, "a complex literal is [re, im]");
    for (const auto& part : v)
      if (!part.is_number() && !is_special_float(part)) bad(where, "a complex part is a number or \"nan\", \"inf\", \"-inf\", \"-0.0\"");
    return;
  }
  if (v.is_boolean() || v.is_number()) return;
  if (is_special_float(v) && is_inexact(d)) return;
  bad(where, "expected a " + std::string(name(d)) + " literal, got " + v.dump());
}

void check_literal(const json& v, dtype d, const shape_t& shape, std::size_t depth, const std::string& where) {
  if (depth == shape.size()) return check_element(v, d, where);
  if (!v.is_array() || std::int64_t(v.size()) != shape[depth])
    bad(where, "literal values do not match the shape: axis " + std::to_string(depth) + " has extent " +
                   std::to_string(shape[depth]));
  for (std::size_t i = 0; i < v.size(); ++i) check_literal(v[i], d, shape, depth + 1, where + "[" + std::to_string(i) + "]");
}

arg_desc parse_arg(const json& j, const std::string& where) {
  if (!j.is_object()) bad(where, "an argument is an object: an array, {\"scalar\": v}, {\"list\": [...]} or {\"tuple\": [...]}");
  if (j.contains("scalar")) {
    only_keys(j, where, {"scalar"});
    const json& v = j["scalar"];
    bool ok = v.is_boolean() || v.is_number() || is_special_float(v) ||
              (v.is_array() && v.size() == 2 && (v[0].is_number() || is_special_float(v[0])) &&
               (v[1].is_number() || is_special_float(v[1])));
    if (!ok) bad(where + ".scalar", "a bool, an integer, a float, \"nan\"/\"inf\"/\"-inf\"/\"-0.0\", or [re, im]");
    return {scalar_arg{v}};
  }
  if (j.contains("tuple")) {
    only_keys(j, where, {"tuple"});
    const json& items = j["tuple"];
    if (!items.is_array() || !std::all_of(items.begin(), items.end(), [](const json& e) { return e.is_number_integer(); }))
      bad(where + ".tuple", "a list of integers");
    return {tuple_arg{items.get<std::vector<std::int64_t>>()}};
  }
  if (j.contains("list")) {
    only_keys(j, where, {"list"});
    const json& items = j["list"];
    if (!items.is_array()) bad(where + ".list", "a list of arguments");
    list_arg l;
    for (std::size_t i = 0; i < items.size(); ++i) l.items.push_back(parse_arg(items[i], where + ".list[" + std::to_string(i) + "]"));
    return {l};
  }
  only_keys(j, where, {"dtype", "shape", "layout", "values"});
  array_arg a;
  try {
    a.dt = dtype_from_name(need(j, where, "dtype").get<std::string>());
  } catch (const error& e) {
    bad(where + ".dtype", e.what());
  } catch (const json::exception&) {
    bad(where + ".dtype", "a dtype name");
  }
  const json& shape = need(j, where, "shape");
  if (!shape.is_array()) bad(where + ".shape", "a list of non-negative integers");
  for (const auto& e : shape) {
    if (!e.is_number_integer() || e.get<std::int64_t>() < 0) bad(where + ".shape", "a list of non-negative integers");
    a.shape.push_back(e.get<std::int64_t>());
  }
  if (j.contains("layout")) {
    if (!j["layout"].is_string()) bad(where + ".layout", "a layout name");
    try {
      a.layout = layout_from_name(j["layout"].get<std::string>());
    } catch (const error& e) {
      bad(where + ".layout", e.what());
    }
  }
  if (j.contains("values")) a.values = j["values"];
  const json& v = a.values;
  if (v.is_string()) {
    if (v != "random" && v != "special") bad(where + ".values", "\"random\", \"special\", {\"gen\": ...} or literal lists");
  } else if (v.is_object()) {
    if (!v.contains("gen") || !v["gen"].is_string()) bad(where + ".values", "a named generator needs \"gen\": name");
  } else {
    check_literal(v, a.dt, a.shape, 0, where + ".values");
  }
  return {a};
}

array_kwarg parse_array_kwarg_item(const json& j, const std::string& where) {
  if (!j.is_object()) bad(where, "an array, or {\"alias\": i}");
  array_kwarg k;
  if (!j.contains("alias")) {
    arg_desc a = parse_arg(j, where);
    if (!std::holds_alternative<array_arg>(a.v)) bad(where, "an array, or {\"alias\": i}");
    k.array = std::get<array_arg>(a.v);
    return k;
  }
  only_keys(j, where, {"alias", "flip"});
  if (!j["alias"].is_number_integer() || j["alias"].get<std::int64_t>() < 0) bad(where + ".alias", "the index of an array argument");
  k.alias = j["alias"].get<int>();
  if (j.contains("flip")) {
    if (!j["flip"].is_boolean()) bad(where + ".flip", "true or false");
    k.flip = j["flip"].get<bool>();
  }
  return k;
}

json arg_json(const arg_desc& a) {
  if (auto* s = std::get_if<scalar_arg>(&a.v)) return {{"scalar", s->value}};
  if (auto* t = std::get_if<tuple_arg>(&a.v)) return {{"tuple", t->items}};
  if (auto* l = std::get_if<list_arg>(&a.v)) {
    json items = json::array();
    for (const auto& i : l->items) items.push_back(arg_json(i));
    return {{"list", items}};
  }
  const auto& x = std::get<array_arg>(a.v);
  return {{"dtype", std::string(name(x.dt))}, {"shape", x.shape}, {"layout", name(x.layout)}, {"values", x.values}};
}

template <class A, class Arg>
void collect(Arg& a, std::vector<A*>& out) {
  if (auto* x = std::get_if<array_arg>(&a.v)) out.push_back(x);
  if (auto* l = std::get_if<list_arg>(&a.v))
    for (auto& i : l->items) collect(i, out);
}

}  // namespace

array_kwarg_value parse_array_kwarg(const json& v, const std::string& where) {
  array_kwarg_value out;
  if (!v.is_array()) {
    out.items.push_back(parse_array_kwarg_item(v, where));
    return out;
  }
  out.tuple = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].is_null()) out.items.push_back(std::nullopt);
    else out.items.push_back(parse_array_kwarg_item(v[i], where + "[" + std::to_string(i) + "]"));
  }
  return out;
}

std::string python_tuple(const std::vector<std::int64_t>& items) {
  std::string out = "(";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + std::to_string(items[i]);
  return out + (items.size() == 1 ? ",)" : ")");
}

nlohmann::json test_case::to_json() const {
  json a = json::array();
  for (const auto& x : args) a.push_back(arg_json(x));
  return {{"op", op}, {"args", a}, {"kwargs", kwargs}, {"seed", seed}};
}

std::string test_case::line() const { return to_json().dump(); }

namespace {
std::string arg_label(const arg_desc& a) {
  if (const auto* s = std::get_if<scalar_arg>(&a.v)) return s->value.dump();
  if (const auto* t = std::get_if<tuple_arg>(&a.v)) return python_tuple(t->items);
  if (const auto* l = std::get_if<list_arg>(&a.v)) {
    std::string out = "[";
    for (const auto& item : l->items) out += (out.size() > 1 ? ", " : "") + arg_label(item);
    return out + "]";
  }
  const auto& x = std::get<array_arg>(a.v);
  std::string dims;
  for (auto d : x.shape) dims += (dims.empty() ? "" : ",") + std::to_string(d);
  return std::string(name(x.dt)) + "[" + dims + "]" + (x.layout == layout::C ? "" : std::string(" ") + name(x.layout));
}
}  // namespace

std::string test_case::label() const {
  std::string out = op + "(";
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + arg_label(args[i]);
  std::string kw;
  auto value = [](const json& v) -> std::string {
    if (v.is_string()) return v.get<std::string>();
    if (!v.is_object() && !(v.is_array() && !v.empty() && (v[0].is_object() || v[0].is_null()))) return v.dump();
    try {
      array_kwarg_value a = parse_array_kwarg(v, "kwargs");
      std::string out;
      for (const auto& item : a.items) {
        out += out.empty() ? "" : ", ";
        if (!item) out += "None";
        else if (item->array) out += arg_label({*item->array});
        else out += "args[" + std::to_string(item->alias) + "]" + (item->flip ? "[::-1]" : "");
      }
      return a.tuple ? "(" + out + (a.items.size() == 1 ? ",)" : ")") : out;
    } catch (const error&) {
      return v.dump();
    }
  };
  for (const auto& [k, v] : kwargs.items()) kw += (kw.empty() ? "" : ", ") + k + "=" + value(v);
  return out + (kw.empty() ? "" : "; " + kw) + ")";
}

test_case test_case::from_json(const nlohmann::json& j) {
  if (!j.is_object()) bad("case", "a case is a JSON object");
  // notes written beside a finding (reason, found_by) are kept out of the case proper
  only_keys(j, "case", {"op", "args", "kwargs", "seed", "reason", "found_by"});
  test_case c;
  const json& op = need(j, "case", "op");
  if (!op.is_string()) bad("op", "a string");
  c.op = op.get<std::string>();
  const json& args = need(j, "case", "args");
  if (!args.is_array()) bad("args", "a list of arguments");
  for (std::size_t i = 0; i < args.size(); ++i) c.args.push_back(parse_arg(args[i], "args[" + std::to_string(i) + "]"));
  if (j.contains("kwargs")) {
    if (!j["kwargs"].is_object()) bad("kwargs", "an object of keyword arguments");
    c.kwargs = j["kwargs"];
  }
  if (j.contains("seed")) {
    if (!j["seed"].is_number_unsigned()) bad("seed", "a non-negative integer");
    c.seed = j["seed"].get<std::uint64_t>();
  }
  return c;
}

std::vector<const array_arg*> arrays_of(const test_case& c) {
  std::vector<const array_arg*> out;
  for (const auto& a : c.args) collect(a, out);
  return out;
}
std::vector<array_arg*> arrays_of(test_case& c) {
  std::vector<array_arg*> out;
  for (auto& a : c.args) collect(a, out);
  return out;
}

}  // namespace cunp::conformance
