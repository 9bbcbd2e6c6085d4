// The NumPy oracle: one embedded Python interpreter per process (pybind11), started on first use.
// Arrays cross in both directions with dtype, shape, byte strides and offset intact, so NumPy sees
// the very layout cunp had (negative and zero strides included).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "cunp/ndarray.hpp"

namespace cunp::oracle {

// An exception NumPy raised: its type, message, and the names of its Python base classes
// (AxisError lists ValueError and IndexError), so it can be mapped to the cunp error family.
struct numpy_error {
  std::string type;
  std::string message;
  std::vector<std::string> bases;
  bool is(const std::string& python_type) const;  // type or any base
};

// What a NumPy call gave back: an array (host, C-contiguous copy of NumPy's values; NumPy
// scalars become 0-d arrays), a tuple, or the exception.
struct result;
struct result {
  std::variant<ndarray, std::vector<result>, numpy_error> v;
  bool raised() const { return v.index() == 2; }
  const ndarray& array() const;  // throws cunp::error naming what it got instead
  const numpy_error& error() const;
  const std::vector<result>& tuple() const;
  std::string describe() const;
};

// An argument: a cunp host array (passed as a zero-copy NumPy view), a Python literal written in
// Python syntax ("3", "None", "(0, 1)", "'C'", "np.float32"), or a list of arguments (a Python
// list: concatenate's sequence of arrays; or a tuple: a ufunc's out=).
struct arg {
  std::variant<ndarray, std::string, std::vector<arg>> v;
  bool tuple = false;  // a list of arguments passed as a Python tuple
  arg(const ndarray& a) : v(a) {}
  arg(std::string python_literal) : v(std::move(python_literal)) {}
  arg(const char* python_literal) : v(std::string(python_literal)) {}
  static arg of_dtype(dtype d) { return arg("np." + std::string(name(d))); }
  static arg list(std::vector<arg> items) {
    arg a("None");
    a.v = std::move(items);
    return a;
  }
  static arg tuple_of(std::vector<arg> items) {
    arg a = list(std::move(items));
    a.tuple = true;
    return a;
  }
};
using kwargs = std::map<std::string, arg>;

// numpy.<function>(*args, **kw); `function` may be dotted ("linalg.solve", "ndarray.sum").
result call(const std::string& function, const std::vector<arg>& args, const kwargs& kw = {});
// module.function(*args, **kw) of a Python module on the oracle's path (add_module_path), for
// the harness's own NumPy-side helpers. call_text gives str() of the value; a raised exception
// throws cunp::error there (a harness bug, not a verdict).
void add_module_path(const std::string& folder);
result call_module(const std::string& module, const std::string& function, const std::vector<arg>& args,
                   const kwargs& kw = {});
std::string call_text(const std::string& module, const std::string& function, const std::vector<arg>& args,
                      const kwargs& kw = {});

// The one mapping of NumPy's exceptions to the cunp error family (the most specific NumPy type
// first: LinAlgError only to linalg_error, AxisError only to axis_error). Whether `e` is what
// NumPy's exception maps to; cunp_error_name names that type for messages.
bool error_matches(const std::exception& e, const numpy_error& np);
std::string cunp_error_name(const numpy_error& np);

// Evaluates a Python expression with `np` and the given names bound.
result eval(const std::string& expression, const std::map<std::string, arg>& names = {});

// str() of a Python expression's value (dtype names, flags, versions); a raised exception comes
// back as "<TypeName>: message".
std::string eval_text(const std::string& expression, const std::map<std::string, arg>& names = {});

// Runs Python statements (with `np` bound) and returns str() of the variable `result` they set;
// for benchmarks that time NumPy/CuPy in this process. A raised exception throws cunp::error.
std::string exec_text(const std::string& code);

struct numpy_info {
  std::string numpy_version;
  std::string python_version;
  std::string numpy_path;
  std::string build_config;  // numpy.show_config(mode='dicts') as JSON text
};
const numpy_info& info();

// Ensures the interpreter runs and NumPy >= 2 is importable; throws cunp::error with the fix
// ("run scripts/setup") otherwise.
void ensure_started();

// A cunp host array viewed by NumPy (no copy; layout kept), for custom use in eval.
// Exposed for tests of the conversion itself.
std::vector<std::int64_t> numpy_strides_of(const ndarray& a);

}  // namespace cunp::oracle
