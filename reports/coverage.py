"""The coverage report proper: NumPy's live namespace × cunp's registry × the conformance verdicts.

Each API gets one status:
- conformant: in the registry, tested, and every dtype it claims passed on every backend present,
  with nothing failed, expected to fail, or missing relative to NumPy;
- partial: in the registry and tested, with the problems listed (which dtypes or backends fail,
  are expected to fail, did not run, or are missing relative to NumPy);
- untested: in the registry with no spec (no op record tests it) -- a defect;
- missing: not in the registry;
- out of scope: named by reports/data/out_of_scope.toml, with its reason; not in the denominator.
"""

from __future__ import annotations

from conformance_results import COUNT_KEYS, METRIC_KEYS, _max_metric, dtype_sort_key
from namespace import MODULES, Api, cupy_has
from numpy_dtypes import DTYPES, method_caller, probe_dtypes, ufunc_dtypes

SCHEMA = "cunp-coverage-report/1"
STATUSES = ("conformant", "partial", "untested", "missing", "out of scope")
BACKENDS = ("host", "cuda")


class RegistryError(Exception):
    """A registry dump that cannot be used; the message names it."""


def merge_registries(docs: list[tuple[str, dict]]) -> tuple[dict[str, dict], dict[str, dict]]:
    """APIs by name (dtypes per backend united over the dumps) and the backends, each present when
    any dump's machine had it. docs: (file name, parsed JSON)."""
    apis: dict[str, dict] = {}
    backends: dict[str, dict] = {}
    for where, doc in docs:
        if doc.get("schema") != "cunp-registry/1" or not isinstance(doc.get("apis"), list) \
                or not isinstance(doc.get("backends"), dict):
            raise RegistryError(f"{where}: wrong schema: expected a \"cunp-registry/1\" document with "
                                f"'apis' and 'backends', got schema {doc.get('schema')!r}")
        for name, b in doc["backends"].items():
            if b.get("present") or name not in backends:
                backends[name] = dict(b)
        for i, a in enumerate(doc["apis"]):
            if not isinstance(a, dict) or not isinstance(a.get("name"), str):
                raise RegistryError(f"{where}: apis[{i}] needs a name")
            have = apis.setdefault(a["name"], {"name": a["name"], "cunp": a.get("cunp"), "category": a.get("category"),
                                               "dtypes": {}, "loops": a.get("loops", []), "specs": []})
            for be, dts in a.get("dtypes", {}).items():
                have["dtypes"][be] = sorted(set(have["dtypes"].get(be, [])) | set(dts), key=dtype_sort_key)
            have["specs"] = sorted(set(have["specs"]) | set(a.get("specs", [])))
    return apis, backends


def _numpy_dtypes(np, api: Api) -> tuple[list[str] | None, str]:
    """NumPy's dtypes for the API and how they were found."""
    if api.module == "numpy.ndarray":
        found, how = probe_dtypes(np, method_caller(api.short.split(".", 1)[1]))
        return found, f"probe {how}" if how else "no probe call works"
    obj = np
    for part in api.short.split("."):
        obj = getattr(obj, part)
    if isinstance(obj, np.ufunc):
        return ufunc_dtypes(np, obj), "ufunc.types"
    found, how = probe_dtypes(np, obj)
    return found, f"probe {how}" if how else "no probe call works"


def _cells(by_op: list[dict], specs: list[str]) -> dict[str, dict[str, dict]]:
    """backend -> dtype -> counts and metrics, summed over the API's specs and both references."""
    cells: dict[str, dict[str, dict]] = {}
    for row in by_op:
        if row["op"] not in specs:
            continue
        for d in row["dtypes"]:
            c = cells.setdefault(row["backend"], {}).setdefault(
                d["dtype"], {**{k: 0 for k in COUNT_KEYS}, **{k: None for k in METRIC_KEYS}})
            for k in COUNT_KEYS:
                c[k] += d[k]
            for k in METRIC_KEYS:
                c[k] = _max_metric(c[k], d[k])
    return cells


def _details(by_op: list[dict], specs: list[str]) -> list[dict]:
    """Per (spec, backend, reference): counts, reasons summed over dtypes, and failing examples."""
    out = []
    for row in by_op:
        if row["op"] not in specs:
            continue
        reasons = {"skip_reasons": {}, "xfail_reasons": {}}
        for d in row["dtypes"]:
            for key, merged in reasons.items():
                for reason, n in d[key].items():
                    merged[reason] = merged.get(reason, 0) + n
        out.append({"spec": row["op"], "backend": row["backend"], "reference": row["reference"],
                    **{k: row[k] for k in COUNT_KEYS}, **reasons,
                    "failures": row["all_failures"][:5], "xpasses": row["all_xpasses"][:5]})
    return out


# The results row of cases without an array argument (cunp_conformance names rows by a dtype).
DTYPE_FREE_ROW = "scalar"


def dtype_free(cells_of_backend: dict) -> bool:
    """Whether an API's results on a backend come only from cases without arrays."""
    return bool(cells_of_backend) and set(cells_of_backend) == {DTYPE_FREE_ROW}


def _list(names) -> str:
    return ", ".join(sorted(names, key=dtype_sort_key))


def _problems(reg: dict, cells: dict, numpy_dts: list[str] | None, present: list[str]) -> list[str]:
    problems = []
    for be in present:
        claimed = reg["dtypes"].get(be)
        if not claimed:
            problems.append(f"{be}: not implemented")
            continue
        mine = cells.get(be, {})
        if not mine:
            problems.append(f"{be}: no results (the conformance run did not include it)")
            continue
        by_kind: dict[str, list[str]] = {}
        # claimed dtypes must have run; any dtype that ran (an integer input of sqrt, cast to a
        # float loop, counts too) must not fail. An API that takes no arrays (broadcast_shapes)
        # has its cases in the dtype-free row alone, which stands for every dtype it claims.
        if dtype_free(mine):
            claimed = [DTYPE_FREE_ROW]
        for dt in sorted(set(claimed) | set(mine), key=dtype_sort_key):
            c = mine.get(dt)
            if c is None or c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"] == 0:
                if dt in claimed:
                    by_kind.setdefault("no case ran", []).append(dt)
            elif c["failed"]:
                by_kind.setdefault("fails", []).append(dt)
            elif c["xpassed"]:
                by_kind.setdefault("passes an expected failure (remove the xfail)", []).append(dt)
            elif c["xfailed"]:
                by_kind.setdefault("known differences (xfail)", []).append(dt)
        problems += [f"{be}: {kind}: {_list(dts)}" for kind, dts in by_kind.items()]
        if numpy_dts is not None:
            lacking = set(numpy_dts) - set(claimed)
            if lacking:
                problems.append(f"{be}: missing relative to NumPy: {_list(lacking)}")
    return problems


def build(np, apis: list[Api], titles: dict[str, str], registry: dict[str, dict], backends: dict[str, dict],
          by_op: list[dict], cupy=None) -> dict:
    """The report document (schema cunp-coverage-report/1; reports/README.md)."""
    present = [be for be in BACKENDS if backends.get(be, {}).get("present")]
    names = {a.name for a in apis}
    rows = []
    for api in apis:
        reg = registry.get(api.name)
        row = {"name": api.name, "module": api.module, "kind": api.kind, "group": api.group,
               "alias_of": api.alias_of, "cupy": cupy_has(cupy, api) if cupy is not None else None,
               "problems": [], "numpy_dtypes": None, "numpy_dtypes_from": None, "cunp": None, "cells": {},
               "details": []}
        if api.out_of_scope:
            row["status"], row["problems"] = "out of scope", [api.out_of_scope]
        elif reg is None:
            row["status"] = "missing"
            if api.alias_of and api.alias_of in registry:
                row["problems"] = [f"alias of {api.alias_of}, which cunp has: register the alias"]
        else:
            row["numpy_dtypes"], row["numpy_dtypes_from"] = _numpy_dtypes(np, api)
            row["cunp"] = {k: reg[k] for k in ("cunp", "category", "dtypes", "specs")}
            if not reg["specs"]:
                row["status"] = "untested"
                row["problems"] = ["in the registry with no spec: no op record tests it"]
            else:
                row["cells"] = _cells(by_op, reg["specs"])
                row["details"] = _details(by_op, reg["specs"])
                row["problems"] = _problems(reg, row["cells"], row["numpy_dtypes"], present)
                row["status"] = "partial" if row["problems"] else "conformant"
        rows.append(row)
    # registered names this NumPy lacks (a newer NumPy's API, or a misspelt registration)
    unknown = sorted(n for n in registry if n not in names)
    return {"schema": SCHEMA, "backends": backends, "present": present, "apis": rows,
            "registered_not_in_numpy": unknown, "groups": _tallies(rows, "group", titles),
            "modules": _tallies(rows, "module", {m: m for m, _ in MODULES}), "totals": _count(rows, cupy is not None)}


def _count(rows: list[dict], cupy: bool) -> dict:
    scoped = [r for r in rows if r["status"] != "out of scope"]
    t = {"apis": len(scoped), "implemented": sum(r["status"] in ("conformant", "partial", "untested") for r in scoped),
         **{s: sum(r["status"] == s for r in rows) for s in STATUSES}}
    t["cupy"] = sum(bool(r["cupy"]) for r in scoped) if cupy else None
    return t


def _tallies(rows: list[dict], key: str, titles: dict[str, str]) -> list[dict]:
    cupy = any(r["cupy"] is not None for r in rows)
    order = list(titles) + sorted({r[key] for r in rows} - set(titles))
    out = []
    for k in order:
        mine = [r for r in rows if r[key] == k]
        if mine:
            out.append({"id": k, "title": titles.get(k, k), **_count(mine, cupy)})
    return out


def summary_lines(doc: dict) -> list[str]:
    """The headline: "cunp N of M, CuPy K of M" and the status counts."""
    t = doc["totals"]
    head = f"cunp {t['implemented']} of {t['apis']} APIs"
    if t["cupy"] is not None:
        head += f", CuPy {t['cupy']} of {t['apis']}"
    return [head + f" (NumPy {doc.get('numpy_version', '?')}; {t['out of scope']} more out of scope)",
            f"conformant {t['conformant']}, partial {t['partial']}, untested {t['untested']}, missing {t['missing']}"]
