"""The denominator of the coverage report: NumPy's live namespace, read from the running NumPy.

What counts as an API: the public callables of ``numpy`` (functions, ufuncs, classes, scalar types
and the index helpers ``c_``/``mgrid``/...), of ``numpy.linalg``, ``numpy.fft`` and ``numpy.random``,
and the public methods and properties of ``numpy.ndarray``. Constants (``pi``, ``newaxis``),
submodules and names starting with ``_`` are not APIs. Dunder methods of ndarray are left out: they
are the operators, which map to ufuncs the report already counts.

Each API gets a group from reports/data/api_groups.toml (NumPy's reference documentation) and, where
reports/data/out_of_scope.toml names it, the reason it is out of scope.
"""

from __future__ import annotations

import inspect
import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# (qualified prefix, attribute path from numpy); the order is the report's order
MODULES = (("numpy", ""), ("numpy.linalg", "linalg"), ("numpy.fft", "fft"), ("numpy.ndarray", "ndarray"),
           ("numpy.random", "random"))


@dataclass
class Api:
    name: str              # "numpy.add", "numpy.linalg.solve", "numpy.ndarray.sum"
    module: str            # "numpy", "numpy.linalg", ...
    kind: str              # ufunc, function, class, scalar type, index helper, method, property
    group: str = "ungrouped"
    alias_of: str | None = None       # another name for the same object in the same module
    out_of_scope: str | None = None   # the reason, from out_of_scope.toml

    @property
    def short(self) -> str:
        """The name without "numpy.", as the data files spell it."""
        return self.name[len("numpy."):]


class DataError(Exception):
    """A data file that cannot be used; the message names it."""


def _kind(np, obj) -> str | None:
    if isinstance(obj, np.ufunc):
        return "ufunc"
    if inspect.ismodule(obj) or isinstance(obj, np.generic):  # modules; constants like True_
        return None
    if inspect.isclass(obj):
        return "scalar type" if issubclass(obj, np.generic) else "class"
    if callable(obj):
        return "function"
    # c_, r_, s_, index_exp, mgrid, ogrid: instances of NumPy's own classes, used by subscripting
    if type(obj).__module__.startswith("numpy") and hasattr(obj, "__getitem__"):
        return "index helper"
    return None


def _member_kind(cls, name: str) -> str:
    # methods are method descriptors; attributes (shape, T, flat) are getset descriptors
    return "method" if callable(inspect.getattr_static(cls, name)) else "property"


def _module_apis(np, qualified: str, path: str) -> list[Api]:
    if path == "ndarray":
        return [Api(f"{qualified}.{n}", qualified, _member_kind(np.ndarray, n))
                for n in sorted(dir(np.ndarray)) if not n.startswith("_")]
    mod = getattr(np, path) if path else np
    apis, by_object = [], {}
    for n in sorted(dir(mod)):
        if n.startswith("_"):
            continue
        obj = getattr(mod, n)
        kind = _kind(np, obj)
        if kind is None:
            continue
        api = Api(f"{qualified}.{n}", qualified, kind)
        apis.append(api)
        by_object.setdefault(id(obj), []).append((api, obj))
    # Names bound to one object are aliases: the one matching the object's own __name__ (or the
    # first) is canonical. Scalar types are left alone (np.double is np.float64 by platform, not
    # by design), as are objects without a __name__.
    for same in by_object.values():
        if len(same) < 2 or same[0][0].kind == "scalar type":
            continue
        own = getattr(same[0][1], "__name__", None)
        canonical = next((a for a, _ in same if a.name.rsplit(".", 1)[1] == own), same[0][0])
        for a, _ in same:
            if a is not canonical:
                a.alias_of = canonical.name
    return apis


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path}: {exc}") from None


def load_groups(path: Path = DATA / "api_groups.toml") -> tuple[dict[str, str], dict[str, str]]:
    """name -> group id, and group id -> title, in the file's order."""
    doc = _load_toml(path)
    of_name, titles = {}, {}
    for i, g in enumerate(doc.get("group", [])):
        if not isinstance(g.get("id"), str) or not isinstance(g.get("names"), list):
            raise DataError(f"{path}: group[{i}] needs an id and a list of names")
        titles[g["id"]] = g.get("title", g["id"])
        for n in g["names"]:
            of_name.setdefault(n, g["id"])
    return of_name, titles


def load_scope(path: Path = DATA / "out_of_scope.toml") -> list[tuple[str, str, str]]:
    """(form, value, reason) rules: form is name, group, module or kind."""
    rules = []
    for i, e in enumerate(_load_toml(path).get("entry", [])):
        form, _, value = str(e.get("match", "")).partition(":")
        if form not in ("name", "group", "module", "kind") or not value or not e.get("reason"):
            raise DataError(f"{path}: entry[{i}]: match must be name:/group:/module:/kind:<value>, "
                            f"with a reason; got {e!r}")
        rules.append((form, value, e["reason"]))
    return rules


def _scope_reason(api: Api, rules) -> str | None:
    sub = api.module[len("numpy."):] if api.module != "numpy" else ""
    for form, value, reason in rules:
        if (form == "name" and value == api.short) or (form == "group" and value == api.group) \
                or (form == "module" and value == sub) or (form == "kind" and value == api.kind):
            return reason
    return None


def live_apis(np) -> tuple[list[Api], dict[str, str]]:
    """Every API of the live namespace, grouped and scoped; and the group titles."""
    of_name, titles = load_groups()
    rules = load_scope()
    apis = [a for qualified, path in MODULES for a in _module_apis(np, qualified, path)]
    for a in apis:
        a.group = of_name.get(a.short, "ungrouped")
    # an alias the documentation does not list (np.abs) belongs where its canonical name does
    group_of = {a.name: a.group for a in apis}
    for a in apis:
        if a.group == "ungrouped" and a.alias_of:
            a.group = group_of.get(a.alias_of, "ungrouped")
        a.out_of_scope = _scope_reason(a, rules)
    titles.setdefault("ungrouped", "Not in NumPy's reference documentation")
    return apis, titles


def cupy_has(cupy, api: Api) -> bool:
    """Whether CuPy offers the same name in the same place."""
    owner = cupy.ndarray if api.module == "numpy.ndarray" else cupy
    for part in api.name.split(".")[1 if api.module != "numpy.ndarray" else 2:-1]:
        owner = getattr(owner, part, None)
        if owner is None:
            return False
    return hasattr(owner, api.name.rsplit(".", 1)[1])
