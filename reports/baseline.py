"""The CI gate: compare this report with an earlier one and name every regression.

A regression is an API, a backend or a dtype that passed before and now fails or has vanished:
- an API that cunp had (conformant, partial or untested) and now lacks;
- a (backend, dtype) cell of an API that passed before (cases passed, none failed or passed an
  expected failure) and now fails, or has no results.
Reports from different NumPy versions are compared on the APIs both namespaces have, with a warning.
"""

from __future__ import annotations

import json
from pathlib import Path

from coverage import SCHEMA


class BaselineError(Exception):
    """A baseline that cannot be read; the message names it."""


def load(path: str) -> dict:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        got = doc.get("schema") if isinstance(doc, dict) else None
        raise BaselineError(f"{path}: not a coverage report: expected schema \"{SCHEMA}\" (report.json), got {got!r}")
    return doc


def _passed(cell: dict) -> bool:
    return cell["passed"] > 0 and cell["failed"] == 0 and cell["xpassed"] == 0


def regressions(old: dict, new: dict) -> tuple[list[str], list[str]]:
    """(regressions, warnings), each a line a person reads."""
    warnings = []
    if old.get("numpy_version") != new.get("numpy_version"):
        warnings.append(f"the baseline is from NumPy {old.get('numpy_version')}, this report from NumPy "
                        f"{new.get('numpy_version')}: comparing the APIs both have")
    now = {r["name"]: r for r in new["apis"]}
    found = []
    for be in old.get("present", []):
        if be not in new.get("present", []):
            found.append(f"backend {be}: present in the baseline, absent now (compare reports from like machines)")
    had = ("conformant", "partial", "untested")
    for r in old["apis"]:
        cur = now.get(r["name"])
        if cur is None:
            continue  # this NumPy has no such API: nothing to compare
        if r["status"] in had and cur["status"] not in had:
            found.append(f"{r['name']}: was {r['status']}, now {cur['status']}")
            continue
        for be, dtypes in r.get("cells", {}).items():
            if be not in new.get("present", []):
                continue  # said once above
            for dt, cell in dtypes.items():
                if not _passed(cell):
                    continue
                c = cur.get("cells", {}).get(be, {}).get(dt)
                if c is None:
                    found.append(f"{r['name']} {be} {dt}: passed {cell['passed']} cases before, now has no results")
                elif c["failed"] or c["xpassed"] or not c["passed"]:
                    found.append(f"{r['name']} {be} {dt}: passed {cell['passed']} cases before, now "
                                 f"{c['passed']} passed, {c['failed']} failed, {c['xfailed']} xfail, "
                                 f"{c['xpassed']} xpass, {c['skipped']} skipped")
    return found, warnings
