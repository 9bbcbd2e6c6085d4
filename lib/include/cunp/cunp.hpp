// cunp: NumPy's semantics on CUDA GPUs and the host.
#pragma once
#include "cunp/counting.hpp"
#include "cunp/device.hpp"
#include "cunp/dtype.hpp"
#include "cunp/errors.hpp"
#include "cunp/half.hpp"
#include "cunp/ndarray.hpp"
#include "cunp/numeric_functions.hpp"
#include "cunp/ops.hpp"
#include "cunp/order_statistics.hpp"
#include "cunp/registry.hpp"
#include "cunp/sets.hpp"
#include "cunp/sorting.hpp"
