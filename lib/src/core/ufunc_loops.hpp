// Elementwise loop tables, derived from the op definitions in src/ops (one source of truth), in
// NumPy's loop order; type resolution picks the first loop every input casts to safely (NumPy's
// rule). Loops that compute alike share one kernel (divide's 'bb->d' ... 'QQ->d' all run
// the float64 kernel), so a backend instantiates each kernel once.
#pragma once
#include <string>
#include <vector>

#include "ops/ufuncs.hpp"

namespace cunp::detail {

// The most distinct kernels one op may have (equal: 14 uniform loops and 2 mixed ones).
inline constexpr int max_kernels = 24;

struct ufunc_loop {
  std::vector<dtype> in;       // what type resolution matches, one per input ('bb' of 'bb->d')
  std::vector<dtype> compute;  // what each input is cast to as it loads (float64 for 'bb->d')
  std::vector<dtype> out;      // one per output
  int kernel;                  // index of the kernel among the op's distinct ones
};
struct ufunc_info {
  ops::ufunc_id id;
  const char* name;  // NumPy's name
  int nin, nout;
  const char* bool_error;
  bool integers_as_float64;  // all-integer (and bool) inputs take the float64 loop
  bool mixed_inputs_as_bool;  // inputs not all arrays of one dtype take the bool loop
  std::vector<ufunc_loop> loops;
  bool uniform_loops = true;  // false: every loop mixes input dtypes (ldexp)
  bool clip_wrapper = false;
  ops::ufunc_identity identity = ops::ufunc_identity::none;
  bool reorderable = false;
  int masked_zero_input = -1;  // the functor's: the input that where= masked-out elements take as 0
};
const ufunc_info& ufunc_table(ops::ufunc_id id);
std::string loop_signature(const ufunc_loop& l);  // NumPy's spelling: "bb->d", "qQ->?", "bb->bb"
// The uniform loop whose inputs are all `d` (the copy and where kernels), or nullptr.
const ufunc_loop* uniform_loop(ops::ufunc_id id, dtype d);

// Calls f(kernel_index, type_tag<Signature>{}) once per distinct kernel of Op, in the order the
// loop table numbers them: the backends fill their launcher tables with it.
template <class Op, class F>
void for_each_kernel(F&& f) {
  std::vector<std::vector<dtype>> seen;
  ops::for_each_loop<Op>([&](const std::vector<dtype>&, auto sig_tag) {
    using S = typename decltype(sig_tag)::type;
    std::vector<dtype> key = ops::dtype_list(typename S::inputs{});
    for (dtype d : ops::dtype_list(typename S::outputs{})) key.push_back(d);
    for (const auto& k : seen)
      if (k == key) return;
    seen.push_back(key);
    f(int(seen.size()) - 1, sig_tag);
  });
}

}  // namespace cunp::detail
