#!/usr/bin/env python3
"""The conformance part of the report: reads, checks and merges results files into
conformance.json and conformance.md. make_report.py builds the whole report on top of it.

Usage (the conformance part alone):
    conformance_results.py --results DIR [--results DIR2 ...] --out OUTDIR

Every ``*.json`` file directly inside each results folder (not recursive) is
read; each must follow the ``cunp-conformance-results/1`` or ``/2`` schema (see
reports/README.md; version 2 adds expected failures: xfail / xpass). Entries for
the same (op, backend, reference, dtype) coming from several files are summed.
Writes OUTDIR/conformance.json and OUTDIR/conformance.md.

Exit status: 0 whenever the inputs were readable (failing tests are reported,
not turned into an error); 2 when no results file was found, a folder is
missing, or a file is not valid JSON / does not follow the schema.
Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import sys
from pathlib import Path

# Version 1 files (written before expected failures existed) are still read: the keys
# version 2 added are optional and default to zero / empty.
INPUT_SCHEMAS = ("cunp-conformance-results/1", "cunp-conformance-results/2")
# The registry dump (cunp_conformance --registry) sits beside the results; make_report.py reads it.
REGISTRY_SCHEMA_PREFIX = "cunp-registry/"
OUTPUT_SCHEMA = "cunp-conformance-report/2"
MAX_FAILURES_PER_GROUP = 5
DTYPE_ORDER = [
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
    "uint64", "float16", "float32", "float64", "complex64", "complex128",
]
# The five outcomes are disjoint: every case counts in exactly one of them.
COUNT_KEYS = ("passed", "failed", "skipped", "xfailed", "xpassed")
# Optional metrics; the merge keeps the largest.
METRIC_KEYS = ("max_ulp", "max_bound_fraction")
# reason -> count maps, summed when merging
REASON_KEYS = ("skip_reasons", "xfail_reasons")
# lists of {"case", "reason", "replay"} examples
EXAMPLE_KEYS = ("failures", "xpasses")
EXAMPLE_TEXT_KEYS = ("case", "reason", "replay")


class InputError(Exception):
    """A results file (or folder) that cannot be used; the message names it."""


# --------------------------------------------------------------------------
# reading and validation
# --------------------------------------------------------------------------

def _count(value, where: str, key: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{where}: '{key}' must be a non-negative integer, got {value!r}")
    return value


def _metric(value, where: str, key: str) -> float | None:
    """None, or a float (inf allowed if a writer ever emits it; NaN means 'not measured')."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: '{key}' must be a number or null, got {value!r}")
    if isinstance(value, (int, float)):
        v = float(value)
    elif isinstance(value, str):
        try:
            v = float(value)
        except ValueError:
            raise InputError(f"{where}: '{key}' must be a number or null, got {value!r}") from None
    else:
        raise InputError(f"{where}: '{key}' must be a number or null, got {value!r}")
    if math.isnan(v):
        return None
    return v


def _max_metric(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _reasons(value, where: str, key: str) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{where}: wrong schema: '{key}' must be an object")
    return {str(k): _count(v, where, f"{key}[{k!r}]") for k, v in value.items()}


def _examples(value, where: str, key: str) -> list[dict]:
    """A list of example objects whose case/reason/replay, when present, are text: they are
    printed as they are, so an object there is a writer bug better caught here."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{where}: wrong schema: '{key}' must be a list")
    out = []
    for j, f in enumerate(value):
        if not isinstance(f, dict):
            raise InputError(f"{where}: wrong schema: {key}[{j}] is not an object")
        for tk in EXAMPLE_TEXT_KEYS:
            if f.get(tk) is not None and not isinstance(f[tk], str):
                raise InputError(f"{where}: wrong schema: {key}[{j}].{tk} must be a string, got {f[tk]!r}")
        out.append(f)
    return out


def _failed_cases(value, where: str) -> None:
    """Matrix indices (v1, -1 for a case file) or case JSON text (v2); only checked, not used."""
    if value is None:
        return
    if not isinstance(value, list):
        raise InputError(f"{where}: wrong schema: 'failed_cases' must be a list")
    for j, c in enumerate(value):
        if isinstance(c, bool) or not isinstance(c, (int, str)):
            raise InputError(f"{where}: wrong schema: failed_cases[{j}] must be an integer or a string, "
                             f"got {c!r}")


def _cases(value, where: str) -> list[dict]:
    """Every case's outcome (optional in v2), for case-level JUnit."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{where}: wrong schema: 'cases' must be a list")
    for j, c in enumerate(value):
        if not isinstance(c, dict) or c.get("outcome") not in COUNT_KEYS:
            raise InputError(f"{where}: wrong schema: cases[{j}] must be an object whose 'outcome' is one of "
                             + ", ".join(COUNT_KEYS))
        for tk in ("label", "reason", "replay"):
            if c.get(tk) is not None and not isinstance(c[tk], str):
                raise InputError(f"{where}: wrong schema: cases[{j}].{tk} must be a string, got {c[tk]!r}")
    return value


def load_file(path: Path) -> dict | None:
    """A results file, validated; None for the registry dump that shares the folder."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: cannot read: {exc}") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise InputError(f"{name}: wrong schema: top level is not a JSON object")
    if str(doc.get("schema", "")).startswith(REGISTRY_SCHEMA_PREFIX):
        return None
    if doc.get("schema") not in INPUT_SCHEMAS:
        accepted = ", ".join(f'"{s}"' for s in INPUT_SCHEMAS)
        raise InputError(f"{name}: wrong schema: expected \"schema\" to be one of {accepted}, "
                         f"got {doc.get('schema')!r}")
    results = doc.get("results")
    if not isinstance(results, list):
        raise InputError(f"{name}: wrong schema: 'results' must be a list")
    devices = doc.get("devices", {})
    if devices is None:
        devices = {}
    if not isinstance(devices, dict):
        raise InputError(f"{name}: wrong schema: 'devices' must be an object")

    entries = []
    for i, r in enumerate(results):
        where = f"{name}: results[{i}]"
        if not isinstance(r, dict):
            raise InputError(f"{where}: wrong schema: entry is not an object")
        e = {}
        for key in ("op", "backend", "reference", "dtype"):
            v = r.get(key)
            if not isinstance(v, str) or not v:
                raise InputError(f"{where}: wrong schema: '{key}' must be a non-empty string, got {v!r}")
            e[key] = v
        # The v2 keys are read from v1 files too: absent they are zero / empty, and a v1 file
        # that happens to carry them gets them validated rather than silently dropped.
        for key in COUNT_KEYS:
            e[key] = _count(r.get(key), where, key)
        for key in METRIC_KEYS:
            e[key] = _metric(r.get(key), where, key)
        for key in REASON_KEYS:
            e[key] = _reasons(r.get(key), where, key)
        for key in EXAMPLE_KEYS:
            e[key] = _examples(r.get(key), where, key)
        _failed_cases(r.get("failed_cases"), where)
        e["cases"] = _cases(r.get("cases"), where)
        entries.append(e)

    return {
        "path": path,
        "schema": doc["schema"],
        "numpy_version": doc.get("numpy_version"),
        "devices": devices,
        "entries": entries,
    }


def load_results(dirs: list[str]) -> tuple[list[Path], list[dict]]:
    """The results files of the folders and their loaded contents (registry dumps left out)."""
    files, loaded = [], []
    for f in find_files(dirs):
        doc = load_file(f)
        if doc is not None:
            files.append(f)
            loaded.append(doc)
    if not loaded:
        raise InputError("no conformance results files found in: " + ", ".join(dirs))
    return files, loaded


def find_files(dirs: list[str]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        p = Path(d)
        if not p.is_dir():
            raise InputError(f"{d}: results folder does not exist or is not a folder")
        found = sorted(f for f in p.glob("*.json") if f.is_file())
        if not found:
            print(f"make_report: warning: no *.json files in {d}", file=sys.stderr)
        files.extend(found)
    if not files:
        raise InputError("no results files (*.json) found in: " + ", ".join(dirs))
    return files


# --------------------------------------------------------------------------
# aggregation
# --------------------------------------------------------------------------

def dtype_sort_key(dtype: str):
    try:
        return (0, DTYPE_ORDER.index(dtype), "")
    except ValueError:
        return (1, 0, dtype)


def _new_dtype(dtype: str) -> dict:
    d: dict = {"dtype": dtype}
    d.update({k: 0 for k in COUNT_KEYS})
    d.update({k: None for k in METRIC_KEYS})
    d.update({k: {} for k in REASON_KEYS})
    return d


def _merge_entry(d: dict, e: dict) -> None:
    for k in COUNT_KEYS:
        d[k] += e[k]
    for k in METRIC_KEYS:
        d[k] = _max_metric(d[k], e[k])
    for k in REASON_KEYS:
        for reason, n in e[k].items():
            d[k][reason] = d[k].get(reason, 0) + n


def aggregate(loaded: list[dict]) -> dict:
    groups: dict[tuple, dict] = {}
    devices: dict[str, str] = {}
    numpy_versions: list[str] = []

    for doc in loaded:
        nv = doc["numpy_version"]
        if nv is not None and str(nv) not in numpy_versions:
            numpy_versions.append(str(nv))
        for k, v in doc["devices"].items():
            v = str(v)
            if k not in devices:
                devices[k] = v
            elif v not in devices[k].split("; "):
                devices[k] = devices[k] + "; " + v
        for e in doc["entries"]:
            gkey = (e["op"], e["backend"], e["reference"])
            g = groups.setdefault(gkey, {"dtypes": {}, "failures": [], "xpasses": []})
            d = g["dtypes"].setdefault(e["dtype"], _new_dtype(e["dtype"]))
            _merge_entry(d, e)
            for key in EXAMPLE_KEYS:
                for f in e[key]:
                    ff = {"dtype": e["dtype"]}
                    ff.update(f)
                    ff["source"] = doc["path"].name
                    g[key].append(ff)

    by_op = []
    totals = {k: 0 for k in COUNT_KEYS}
    for (op, backend, reference) in sorted(groups):
        g = groups[(op, backend, reference)]
        dtypes = [g["dtypes"][k] for k in sorted(g["dtypes"], key=dtype_sort_key)]
        row = {"op": op, "backend": backend, "reference": reference}
        for k in COUNT_KEYS:
            row[k] = sum(d[k] for d in dtypes)
            totals[k] += row[k]
        for k in METRIC_KEYS:
            m = None
            for d in dtypes:
                m = _max_metric(m, d[k])
            row[k] = m
        row["dtypes"] = dtypes
        row["all_failures"] = g["failures"]
        row["all_xpasses"] = g["xpasses"]
        by_op.append(row)

    return {
        "numpy_version": ", ".join(numpy_versions) if numpy_versions else None,
        "devices": devices,
        "totals": totals,
        "by_op": by_op,
    }


def source_names(files: list[Path]) -> list[str]:
    names = [f.name for f in files]
    if len(set(names)) == len(names):
        return names
    return [str(f) for f in files]  # same base name in two folders: keep the path


# --------------------------------------------------------------------------
# status
# --------------------------------------------------------------------------

def status(row: dict) -> str:
    """One word (plus what did not plainly pass) per group. 'ok' alone only when every case
    ran and passed: a partly skipped or xfailed group must not read as fully conformant."""
    if row["failed"] > 0:
        return "FAIL"
    if row["xpassed"] > 0:
        # an expected failure passed: the known difference seems fixed and its xfail should go
        return "XPASS"
    skipped = [f"{row['skipped']} skipped"] if row["skipped"] else []
    if row["passed"] > 0:
        xfail = [f"{row['xfailed']} xfail"] if row["xfailed"] else []
        return ", ".join(["ok"] + skipped + xfail)
    if row["xfailed"] > 0:
        # every case that ran was an expected failure: nothing passed, so not 'ok'
        return ", ".join(["xfail"] + skipped)
    if row["skipped"] > 0:
        return "skipped"
    return "empty"


# --------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------

def _json_number(v):
    return v if v is None or math.isfinite(v) else None


def _dtype_json(d: dict) -> dict:
    out: dict = {"dtype": d["dtype"]}
    out.update({k: d[k] for k in COUNT_KEYS})
    out.update({k: _json_number(d[k]) for k in METRIC_KEYS})
    out.update({k: dict(sorted(d[k].items())) for k in REASON_KEYS})
    return out


def to_json(agg: dict, sources: list[str], generated: str) -> dict:
    by_op = []
    for row in agg["by_op"]:
        entry: dict = {"op": row["op"], "backend": row["backend"], "reference": row["reference"]}
        entry.update({k: row[k] for k in COUNT_KEYS})
        entry.update({k: _json_number(row[k]) for k in METRIC_KEYS})
        entry["status"] = status(row)
        entry["dtypes"] = [_dtype_json(d) for d in row["dtypes"]]
        entry["failures"] = row["all_failures"][:MAX_FAILURES_PER_GROUP]
        entry["xpasses"] = row["all_xpasses"][:MAX_FAILURES_PER_GROUP]
        by_op.append(entry)
    return {
        "schema": OUTPUT_SCHEMA,
        "numpy_version": agg["numpy_version"],
        "devices": agg["devices"],
        "generated": generated,
        "sources": sources,
        "totals": agg["totals"],
        "by_op": by_op,
    }


def md_cell(text) -> str:
    """Text safe inside a GFM table cell: one line, '|' escaped."""
    s = "" if text is None else str(text)
    s = s.replace("\r", " ").replace("\n", " ")
    return s.replace("\\|", "|").replace("|", "\\|")


def md_text(text) -> str:
    """Inline text with Markdown metacharacters escaped (also safe in a table cell)."""
    s = "" if text is None else str(text)
    s = s.replace("\r", " ").replace("\n", " ")
    out = []
    for ch in s:
        if ch in "\\`*_[]<>|#":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def md_code(text) -> str:
    """An inline code span that survives backticks inside the text."""
    s = ("" if text is None else str(text)).replace("\r", " ").replace("\n", " ")
    longest = run = 0
    for ch in s:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    # Pad when a backtick touches the fence (it would merge into it) and when the text has a
    # space at both ends (CommonMark strips one from each side of such a span).
    if s.startswith("`") or s.endswith("`") or (s.startswith(" ") and s.endswith(" ") and s.strip(" ")):
        s = " " + s + " "
    return f"{fence}{s}{fence}"


def fmt_ulp(v) -> str:
    if v is None:
        return "–"
    if math.isinf(v):
        return "inf"
    if v == int(v) and abs(v) < 1e7:
        return str(int(v))
    return f"{v:.4g}"


def fmt_fraction(v) -> str:
    """A bound fraction: three significant digits are enough to see how close to 1 it is."""
    if v is None:
        return "–"
    if math.isinf(v):
        return "inf"
    return f"{v:.3g}"


def matrix_cell(d: dict | None) -> str:
    if d is None:
        return ""
    if d["failed"] > 0:
        # N: the cases judged against the plain expectation (xfail-marked ones are apart)
        return f"✗ {d['failed']}/{d['passed'] + d['failed']}"
    if d["xpassed"] > 0:
        return "! xpass"
    notes = []
    if d["skipped"] > 0:
        notes.append(f"{d['skipped']} skip")
    if d["xfailed"] > 0:
        notes.append(f"{d['xfailed']} xfail")
    if d["passed"] > 0:
        return f"✓ {d['passed']}" + (f" ({', '.join(notes)})" if notes else "")
    if d["xfailed"] > 0:
        return "– xfail" + (f" ({d['skipped']} skip)" if d["skipped"] else "")
    if d["skipped"] > 0:
        return "– skip"
    return "–"


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["l"] * len(header)
    sep = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |",
             "|" + "|".join(sep[a] for a in align) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    return lines


def totals_line(t: dict) -> str:
    return (f"{t['passed']} passed, {t['failed']} failed, {t['skipped']} skipped, "
            f"{t['xfailed']} xfail, {t['xpassed']} xpass")


def reason_rows(agg: dict, count_key: str, reasons_key: str) -> list[list[str]]:
    """Rows (op, backend, reference, reason, count, dtypes) for the skip or the xfail table; a
    count the reasons do not cover shows as '(no reason given)' so the table adds up."""
    rows = []
    for r in agg["by_op"]:
        if r[count_key] <= 0:
            continue
        reasons: dict[str, int] = {}
        for d in r["dtypes"]:
            for reason, n in d[reasons_key].items():
                reasons[reason] = reasons.get(reason, 0) + n
        explained = sum(reasons.values())
        if explained < r[count_key]:
            reasons["(no reason given)"] = reasons.get("(no reason given)", 0) + r[count_key] - explained
        for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            unexplained = reason == "(no reason given)"
            dts = [d["dtype"] for d in r["dtypes"] if d[reasons_key].get(reason)
                   or (unexplained and d[count_key] > sum(d[reasons_key].values()))]
            rows.append([md_cell(r["op"]), md_cell(r["backend"]), md_cell(r["reference"]),
                         md_text(reason), str(n), md_cell(" ".join(dts))])
    return rows


def example_lines(examples: list[dict], reason_label: str) -> list[str]:
    """A failure or xpass example per bullet, with its replay command under it."""
    L = []
    for f in examples:
        case = f.get("case")
        line = f"- {md_text(f.get('dtype'))}: " + (md_code(case) if case else "_(case not recorded)_")
        if f.get("reason"):
            line += f" — {reason_label}{md_text(f.get('reason'))}"
        L.append(line)
        if f.get("replay"):
            L.append(f"  - replay: {md_code(f.get('replay'))}")
    return L


def _shown(n: int) -> str:
    return f"{n} example{'s' if n != 1 else ''} shown"


def to_markdown(agg: dict, sources: list[str], generated: str) -> str:
    L: list[str] = []
    t = agg["totals"]
    L.append("# cunp conformance report")
    L.append("")
    L.append(f"- NumPy version: {md_text(agg['numpy_version'] or 'unknown')}")
    L.append(f"- Generated: {md_text(generated)}")
    L.append(f"- Sources ({len(sources)}): " + ", ".join(md_code(s) for s in sources))
    L.append("")
    L.append("## Devices")
    L.append("")
    if agg["devices"]:
        for k, v in agg["devices"].items():
            L.append(f"- {md_code(k)}: {md_text(v)}")
    else:
        L.append("_none recorded_")
    L.append("")
    L.append(f"**Totals: {totals_line(t)}**")
    L.append("")
    if t["xpassed"] > 0:
        # loud on purpose: an xpass means a known difference was fixed and its xfail must go
        L.append(f"**{t['xpassed']} unexpected pass{'es' if t['xpassed'] != 1 else ''} (xpass): "
                 "an expected failure passed; see Unexpected passes below and remove its xfail.**")
        L.append("")

    # summary ---------------------------------------------------------------
    L.append("## Summary")
    L.append("")
    L.append("Status: `ok` only when every case ran and passed; `ok, S skipped` / `ok, X xfail` when "
             "some were skipped or expected to fail; `xfail` when every case that ran was an expected "
             "failure; `skipped` when nothing ran; `empty` when there were no cases; **FAIL** on any "
             "failure; **XPASS** when an expected failure passed (the known difference seems fixed: "
             "remove the xfail).")
    L.append("")
    rows = []
    for row in agg["by_op"]:
        st = status(row)
        rows.append([md_cell(row["op"]), md_cell(row["backend"]), md_cell(row["reference"]),
                     str(row["passed"]), str(row["failed"]), str(row["skipped"]),
                     str(row["xfailed"]), str(row["xpassed"]),
                     fmt_ulp(row["max_ulp"]), fmt_fraction(row["max_bound_fraction"]),
                     f"**{st}**" if st in ("FAIL", "XPASS") else md_cell(st)])
    L += table(["op", "backend", "reference", "passed", "failed", "skipped", "xfail", "xpass",
                "max ULP", "max bound fraction", "status"],
               rows, ["l", "l", "l", "r", "r", "r", "r", "r", "r", "r", "l"])
    L.append("")

    # op x dtype matrices ---------------------------------------------------
    L.append("## Op × dtype matrix")
    L.append("")
    L.append("`✓ N`: all N cases ran and passed; `✓ N (S skip, X xfail)`: N passed, the rest skipped "
             "or failed as expected; `✗ F/N`: F of the N cases run without an xfail mark failed; "
             "`! xpass`: an expected failure passed; `– xfail`: every case that ran was an expected "
             "failure; `– skip`: every case skipped; blank: not tested.")
    L.append("")
    pairs = sorted({(r["backend"], r["reference"]) for r in agg["by_op"]})
    for backend, reference in pairs:
        rows_br = [r for r in agg["by_op"] if r["backend"] == backend and r["reference"] == reference]
        dtypes = sorted({d["dtype"] for r in rows_br for d in r["dtypes"]}, key=dtype_sort_key)
        L.append(f"### {md_text(backend)} vs {md_text(reference)}")
        L.append("")
        rows = []
        for r in rows_br:
            dmap = {d["dtype"]: d for d in r["dtypes"]}
            rows.append([md_cell(r["op"])] + [md_cell(matrix_cell(dmap.get(dt))) for dt in dtypes])
        L += table(["op"] + dtypes, rows, ["l"] + ["c"] * len(dtypes))
        L.append("")

    # failures --------------------------------------------------------------
    L.append("## Failures")
    L.append("")
    failing = [r for r in agg["by_op"] if r["failed"] > 0 or r["all_failures"]]
    if not failing:
        L.append("No failures.")
        L.append("")
    for r in failing:
        ex = r["all_failures"]
        L.append(f"### {md_text(r['op'])} — {md_text(r['backend'])} vs {md_text(r['reference'])}: "
                 f"{r['failed']} failed ({_shown(len(ex))})")
        L.append("")
        L += example_lines(ex, "") if ex else ["- no failure examples recorded"]
        L.append("")

    # unexpected passes -----------------------------------------------------
    L.append("## Unexpected passes (xpass)")
    L.append("")
    xpassing = [r for r in agg["by_op"] if r["xpassed"] > 0 or r["all_xpasses"]]
    if not xpassing:
        L.append("No unexpected passes.")
        L.append("")
    else:
        L.append("Each case below was marked as an expected failure but passed: the known difference "
                 "seems fixed; check it with the replay command and remove the xfail.")
        L.append("")
    for r in xpassing:
        ex = r["all_xpasses"]
        L.append(f"### {md_text(r['op'])} — {md_text(r['backend'])} vs {md_text(r['reference'])}: "
                 f"{r['xpassed']} xpass ({_shown(len(ex))})")
        L.append("")
        L += example_lines(ex, "xfail reason: ") if ex else ["- no xpass examples recorded"]
        L.append("")

    # expected failures -----------------------------------------------------
    L.append("## Expected failures (xfail)")
    L.append("")
    rows = reason_rows(agg, "xfailed", "xfail_reasons")
    if rows:
        L += table(["op", "backend", "reference", "reason", "count", "dtypes"], rows,
                   ["l", "l", "l", "l", "r", "l"])
    else:
        L.append("No expected failures.")
    L.append("")

    # skips -----------------------------------------------------------------
    L.append("## Skips")
    L.append("")
    rows = reason_rows(agg, "skipped", "skip_reasons")
    if rows:
        L += table(["op", "backend", "reference", "reason", "count", "dtypes"], rows,
                   ["l", "l", "l", "l", "r", "l"])
    else:
        L.append("No skips.")
    L.append("")
    return "\n".join(L)


# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the cunp conformance report (Markdown + JSON).")
    ap.add_argument("--results", action="append", required=True, metavar="DIR",
                    help="folder with conformance results *.json files (repeatable; not recursive)")
    ap.add_argument("--out", required=True, metavar="OUTDIR",
                    help="folder for conformance.md and conformance.json")
    args = ap.parse_args(argv)

    try:
        files, loaded = load_results(args.results)
    except InputError as exc:
        print(f"make_report: error: {exc}", file=sys.stderr)
        return 2

    agg = aggregate(loaded)
    sources = source_names(files)
    generated = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")

    out = Path(args.out)
    json_path = out / "conformance.json"
    md_path = out / "conformance.md"
    try:
        out.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(to_json(agg, sources, generated), indent=2,
                                        ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
        md_path.write_text(to_markdown(agg, sources, generated), encoding="utf-8")
    except OSError as exc:
        print(f"make_report: error: cannot write report to {out}: {exc}", file=sys.stderr)
        return 1

    print(f"wrote {json_path}")
    print(f"wrote {md_path}")
    print(f"report: {totals_line(agg['totals'])} -> {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
