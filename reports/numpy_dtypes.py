"""NumPy's own dtypes for an API, to set beside the dtypes cunp registers for it.

A ufunc's are the dtypes its loops take (``ufunc.types``), as cunp's registry lists the dtypes it has
loops for. Any other function's are the dtypes NumPy accepts, found by probing: the first call
pattern that works on float64 is the function's calling convention, and a dtype is accepted when
the same call on an array of that dtype returns without an exception. Only APIs cunp registers are
probed, so no file-writing or printing function is ever called.
"""

from __future__ import annotations

import warnings

# cunp's dtypes, in NumPy's order; the report compares within these
DTYPES = ("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")


def ufunc_dtypes(np, uf) -> list[str]:
    """The cunp dtypes among the first inputs of the ufunc's loops (mixed loops like equal's
    'qQ->?' count once, under their first input)."""
    have = {np.dtype(sig[0]).name for sig in uf.types if sig[0] not in "OMmVUS"}
    return [d for d in DTYPES if d in have]


def _patterns(np, make):
    """Call patterns, most common first: (description, callable taking (f, dtype))."""
    return (
        ("f(a)", lambda f, d: f(make(d))),
        ("f(a, a)", lambda f, d: f(make(d), make(d))),
        ("f([a, a])", lambda f, d: f([make(d), make(d)])),
        ("f(a, a, a)", lambda f, d: f(make(d), make(d), make(d))),
        ("f(a, dtype)", lambda f, d: f(make(d), np.dtype(d))),
        ("f(a, shape)", lambda f, d: f(make(d), (2, 3))),
        ("f(a, 0)", lambda f, d: f(make(d), 0)),
        ("f(dtype, dtype)", lambda f, d: f(np.dtype(d), np.dtype(d))),
        ("f(shape, dtype=)", lambda f, d: f((2, 3), dtype=d)),
        ("f(shape, 1, dtype=)", lambda f, d: f((2, 3), 1, dtype=d)),
        ("f(3, dtype=)", lambda f, d: f(3, dtype=d)),
    )


def _sample(np, dtype: str):
    # small values every dtype holds, with a zero and a repeat so that no call trips on range
    return np.array([[1, 0, 2], [3, 1, 0]]).astype(dtype)


def method_caller(name: str):
    """ndarray.<name> as a function of the array and the rest: a.m(x) is m(a, x) for the probe."""
    return lambda a, *rest, **kw: getattr(a, name)(*rest, **kw)


def probe_dtypes(np, target) -> tuple[list[str] | None, str | None]:
    """(accepted dtypes, the call pattern), or (None, None) when no pattern works on float64."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for text, pattern in _patterns(np, lambda d: _sample(np, d)):
            try:
                pattern(target, "float64")
            except Exception:  # noqa: BLE001 - a probe: any failure means "not this pattern"
                continue
            accepted = []
            for d in DTYPES:
                try:
                    pattern(target, d)
                    accepted.append(d)
                except Exception:  # noqa: BLE001
                    pass
            return accepted, text
    return None, None
