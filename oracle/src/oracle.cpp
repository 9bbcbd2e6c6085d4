#include "cunp/oracle.hpp"

#include <pybind11/embed.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>

#include "cunp/errors.hpp"
#include "cunp/ops.hpp"

namespace py = pybind11;

namespace cunp::oracle {
namespace {

std::string split_paths_code(const std::string& paths) {
  std::string code = "import site\n";
  std::stringstream ss(paths);
  std::string p;
  while (std::getline(ss, p, ':'))
    if (!p.empty()) code += "site.addsitedir(r'''" + p + "''')\n";
  return code;
}

struct interpreter {
  py::scoped_interpreter guard{};
  py::module_ np;
  numpy_info facts;

  interpreter() {
    // the build recorded where the oracle's NumPy lives (the project venv here, the
    // preinstalled environment on the GPU machine); CUNP_ORACLE_SITE overrides
    std::string site = CUNP_ORACLE_SITE_PACKAGES;
    if (const char* env = std::getenv("CUNP_ORACLE_SITE"); env && *env) site = env;
    py::exec(split_paths_code(site));
    // NumPy's RuntimeWarnings (log of 0, overflow) are expected in edge-value cases; keep the
    // output readable
    py::exec("import warnings\nwarnings.simplefilter('ignore')\n");
    try {
      np = py::module_::import("numpy");
    } catch (py::error_already_set& e) {
      throw cunp::error("cunp oracle: NumPy is not importable by the embedded Python (" + std::string(e.what()) +
                        "); run scripts/setup to create the project venv, or set CUNP_ORACLE_SITE to a "
                        "site-packages folder holding NumPy >= 2");
    }
    facts.numpy_version = np.attr("__version__").cast<std::string>();
    facts.numpy_path = np.attr("__file__").cast<std::string>();
    facts.python_version = py::module_::import("sys").attr("version").cast<std::string>();
    if (facts.numpy_version.empty() || facts.numpy_version[0] < '2' || facts.numpy_version[1] != '.')
      throw cunp::error("cunp oracle: NumPy >= 2 is required (found " + facts.numpy_version + " at " + facts.numpy_path +
                        "); run scripts/setup, which installs the pinned NumPy 2 into .venv");
    py::dict scope;
    scope["np"] = np;
    py::exec(R"(
import json, io, contextlib
try:
    cfg = json.dumps(np.show_config(mode='dicts'), default=str)
except Exception as e:
    cfg = json.dumps({'error': str(e)})
)", scope);
    facts.build_config = scope["cfg"].cast<std::string>();
  }
};

interpreter& interp() {
  static interpreter* it = new interpreter();  // never destroyed: arrays may outlive main's scope
  return *it;
}

py::dtype np_dtype(dtype d) { return py::dtype(std::string(name(d))); }

py::object to_numpy(const ndarray& a) {
  if (a.device().kind != device_kind::host) return to_numpy(a.to(device::host()));
  // the capsule keeps the cunp buffer alive as long as NumPy's view lives
  auto* keep = new ndarray(a);
  py::capsule base(keep, [](void* p) { delete static_cast<ndarray*>(p); });
  std::vector<py::ssize_t> shape(a.shape().begin(), a.shape().end());
  std::vector<py::ssize_t> strides(a.strides().begin(), a.strides().end());
  return py::array(np_dtype(a.dtype()), shape, strides, a.data(), base);
}

dtype from_np_dtype(const py::dtype& dt) {
  std::string n = py::str(dt.attr("name"));
  try {
    return dtype_from_name(n);
  } catch (const cunp::error&) {
    throw cunp::not_implemented("cunp oracle: NumPy returned dtype " + n + ", which cunp has no counterpart for");
  }
}

ndarray from_numpy(const py::object& obj) {
  py::array arr = py::reinterpret_borrow<py::array>(interp().np.attr("asarray")(obj));
  dtype dt = from_np_dtype(arr.dtype());
  shape_t shape(arr.shape(), arr.shape() + arr.ndim());
  // a C-contiguous copy owned by cunp: NumPy's result must not depend on the interpreter's lifetime
  py::array c = py::reinterpret_borrow<py::array>(interp().np.attr("ascontiguousarray")(arr));
  return asarray(c.data(), dt, shape, device::host());
}

result convert(const py::object& obj) {
  if (py::isinstance<py::tuple>(obj) || py::isinstance<py::list>(obj)) {
    std::vector<result> items;
    for (auto item : obj) items.push_back(convert(py::reinterpret_borrow<py::object>(item)));
    return {items};
  }
  return {from_numpy(obj)};
}

numpy_error capture(py::error_already_set& e) {
  numpy_error err;
  py::object type = e.type();
  err.type = type.attr("__name__").cast<std::string>();
  err.message = py::str(e.value()).cast<std::string>();
  for (auto b : type.attr("__mro__")) err.bases.push_back(b.attr("__name__").cast<std::string>());
  return err;
}

py::object to_python(const arg& a, py::dict& scope) {
  if (auto* arr = std::get_if<ndarray>(&a.v)) return to_numpy(*arr);
  if (auto* items = std::get_if<std::vector<arg>>(&a.v)) {
    py::list l;
    for (const arg& item : *items) l.append(to_python(item, scope));
    if (a.tuple) return py::tuple(l);
    return l;
  }
  return py::eval(std::get<std::string>(a.v), scope);
}

py::object call_in(py::object fn, const std::vector<arg>& args, const kwargs& kw, py::dict& scope) {
  py::list pargs;
  for (const arg& a : args) pargs.append(to_python(a, scope));
  py::dict pkw;
  for (const auto& [k, a] : kw) pkw[py::str(k)] = to_python(a, scope);
  return fn(*pargs, **pkw);
}

// The cunp error type each NumPy exception maps to, most specific first (a NumPy exception is
// matched by its type or any base class: LinAlgError is also a ValueError).
struct error_mapping {
  const char* numpy;
  const char* cunp;
  bool (*is)(const std::exception&);
};
template <class E> bool is_a(const std::exception& e) { return dynamic_cast<const E*>(&e) != nullptr; }
const error_mapping error_table[] = {
    {"LinAlgError", "cunp::linalg_error", is_a<cunp::linalg_error>},
    {"AxisError", "cunp::axis_error", is_a<cunp::axis_error>},
    {"OverflowError", "cunp::overflow_error", is_a<cunp::overflow_error>},
    {"IndexError", "cunp::index_error", is_a<cunp::index_error>},
    {"TypeError", "cunp::type_error", is_a<cunp::type_error>},
    // NumPy raises ZeroDivisionError only from Python-level integer paths; cunp reports it as a
    // value error (it has no arithmetic-error type)
    {"ZeroDivisionError", "cunp::value_error", is_a<cunp::value_error>},
    {"ValueError", "cunp::value_error", is_a<cunp::value_error>},
    {"MemoryError", "cunp::out_of_memory", is_a<cunp::out_of_memory>},
    {"NotImplementedError", "cunp::not_implemented", is_a<cunp::not_implemented>},
    {"RuntimeError", "cunp::runtime_error", is_a<cunp::runtime_error>},
};
const error_mapping* mapping_of(const numpy_error& np) {
  for (const error_mapping& m : error_table)
    if (np.is(m.numpy)) return &m;
  return nullptr;
}

std::mutex& oracle_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

bool numpy_error::is(const std::string& t) const {
  if (type == t) return true;
  for (const auto& b : bases)
    if (b == t) return true;
  return false;
}

const ndarray& result::array() const {
  if (auto* a = std::get_if<ndarray>(&v)) return *a;
  throw cunp::error("cunp oracle: expected an array from NumPy, got " + describe());
}
const numpy_error& result::error() const {
  if (auto* e = std::get_if<numpy_error>(&v)) return *e;
  throw cunp::error("cunp oracle: expected NumPy to raise, got " + describe());
}
const std::vector<result>& result::tuple() const {
  if (auto* t = std::get_if<std::vector<result>>(&v)) return *t;
  throw cunp::error("cunp oracle: expected a tuple from NumPy, got " + describe());
}
std::string result::describe() const {
  if (auto* a = std::get_if<ndarray>(&v))
    return std::string(name(a->dtype())) + " array of " + std::to_string(a->size()) + " element(s)";
  if (auto* e = std::get_if<numpy_error>(&v)) return e->type + ": " + e->message;
  return "a tuple of " + std::to_string(std::get<1>(v).size());
}

void ensure_started() { interp(); }
const numpy_info& info() { return interp().facts; }

result call(const std::string& function, const std::vector<arg>& args, const kwargs& kw) {
  std::lock_guard lock(oracle_mutex());
  interpreter& in = interp();
  py::dict scope;
  scope["np"] = in.np;
  try {
    return convert(call_in(py::eval("np." + function, scope), args, kw, scope));
  } catch (py::error_already_set& e) {
    return {capture(e)};
  }
}

void add_module_path(const std::string& folder) {
  std::lock_guard lock(oracle_mutex());
  interp();
  py::list path = py::module_::import("sys").attr("path");
  for (auto p : path)
    if (py::str(p).cast<std::string>() == folder) return;
  path.insert(0, folder);
}

result call_module(const std::string& module, const std::string& function, const std::vector<arg>& args,
                   const kwargs& kw) {
  std::lock_guard lock(oracle_mutex());
  interp();
  py::dict scope;
  scope["np"] = interp().np;
  try {
    return convert(call_in(py::module_::import(module.c_str()).attr(function.c_str()), args, kw, scope));
  } catch (py::error_already_set& e) {
    return {capture(e)};
  }
}

std::string call_text(const std::string& module, const std::string& function, const std::vector<arg>& args,
                      const kwargs& kw) {
  std::lock_guard lock(oracle_mutex());
  interp();
  py::dict scope;
  scope["np"] = interp().np;
  try {
    return py::str(call_in(py::module_::import(module.c_str()).attr(function.c_str()), args, kw, scope)).cast<std::string>();
  } catch (py::error_already_set& e) {
    numpy_error err = capture(e);
    throw cunp::error("cunp oracle: " + module + "." + function + " raised " + err.type + ": " + err.message);
  }
}

bool error_matches(const std::exception& e, const numpy_error& np) {
  const error_mapping* m = mapping_of(np);
  return m && m->is(e);
}

std::string cunp_error_name(const numpy_error& np) {
  const error_mapping* m = mapping_of(np);
  return m ? m->cunp : "(no cunp counterpart for " + np.type + ")";
}

result eval(const std::string& expression, const std::map<std::string, arg>& names) {
  std::lock_guard lock(oracle_mutex());
  interpreter& in = interp();
  py::dict scope;
  scope["np"] = in.np;
  try {
    for (const auto& [k, a] : names) scope[py::str(k)] = to_python(a, scope);
    return convert(py::eval(expression, scope));
  } catch (py::error_already_set& e) {
    return {capture(e)};
  }
}

std::string eval_text(const std::string& expression, const std::map<std::string, arg>& names) {
  std::lock_guard lock(oracle_mutex());
  interpreter& in = interp();
  py::dict scope;
  scope["np"] = in.np;
  try {
    for (const auto& [k, a] : names) scope[py::str(k)] = to_python(a, scope);
    return py::str(py::eval(expression, scope)).cast<std::string>();
  } catch (py::error_already_set& e) {
    numpy_error err = capture(e);
    return err.type + ": " + err.message;
  }
}

std::string exec_text(const std::string& code) {
  std::lock_guard lock(oracle_mutex());
  interpreter& in = interp();
  py::dict scope;
  scope["np"] = in.np;
  try {
    py::exec(code, scope);
    return scope.contains("result") ? py::str(scope["result"]).cast<std::string>() : std::string();
  } catch (py::error_already_set& e) {
    numpy_error err = capture(e);
    throw cunp::error("cunp oracle: Python raised " + err.type + ": " + err.message);
  }
}

std::vector<std::int64_t> numpy_strides_of(const ndarray& a) {
  std::lock_guard lock(oracle_mutex());
  interp();
  py::array arr = py::reinterpret_borrow<py::array>(to_numpy(a));
  return std::vector<std::int64_t>(arr.strides(), arr.strides() + arr.ndim());
}

}  // namespace cunp::oracle
