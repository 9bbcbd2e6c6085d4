#!/usr/bin/env python3
"""Build the cunp conformance report (Markdown + JSON) from results files.

Usage:
    make_report.py --results DIR [--results DIR2 ...] --out OUTDIR

Every ``*.json`` file directly inside each results folder (not recursive) is
read; each must follow the ``cunp-conformance-results/1`` schema (see
reports/README.md). Entries for the same (op, backend, reference, dtype) coming
from several files are summed. Writes OUTDIR/conformance.json and
OUTDIR/conformance.md.

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

INPUT_SCHEMA = "cunp-conformance-results/1"
OUTPUT_SCHEMA = "cunp-conformance-report/1"
MAX_FAILURES_PER_GROUP = 5
DTYPE_ORDER = [
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
    "uint64", "float16", "float32", "float64", "complex64", "complex128",
]
COUNT_KEYS = ("passed", "failed", "skipped")


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


def _ulp(value, where: str):
    """None, or a float (inf allowed if a writer ever emits it)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: 'max_ulp' must be a number or null, got {value!r}")
    if isinstance(value, (int, float)):
        v = float(value)
    elif isinstance(value, str):
        try:
            v = float(value)
        except ValueError:
            raise InputError(f"{where}: 'max_ulp' must be a number or null, got {value!r}") from None
    else:
        raise InputError(f"{where}: 'max_ulp' must be a number or null, got {value!r}")
    if math.isnan(v):
        return None
    return v


def _max_ulp(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def load_file(path: Path) -> dict:
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
    if doc.get("schema") != INPUT_SCHEMA:
        raise InputError(f"{name}: wrong schema: expected \"schema\": \"{INPUT_SCHEMA}\", "
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
        for key in COUNT_KEYS:
            e[key] = _count(r.get(key), where, key)
        e["max_ulp"] = _ulp(r.get("max_ulp"), where)
        reasons = r.get("skip_reasons") or {}
        if not isinstance(reasons, dict):
            raise InputError(f"{where}: wrong schema: 'skip_reasons' must be an object")
        e["skip_reasons"] = {str(k): _count(v, where, f"skip_reasons[{k!r}]") for k, v in reasons.items()}
        failures = r.get("failures") or []
        if not isinstance(failures, list):
            raise InputError(f"{where}: wrong schema: 'failures' must be a list")
        fl = []
        for j, f in enumerate(failures):
            if not isinstance(f, dict):
                raise InputError(f"{where}: wrong schema: failures[{j}] is not an object")
            fl.append(f)
        e["failures"] = fl
        entries.append(e)

    return {
        "path": path,
        "numpy_version": doc.get("numpy_version"),
        "devices": devices,
        "entries": entries,
    }


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
            g = groups.setdefault(gkey, {"dtypes": {}, "failures": []})
            d = g["dtypes"].setdefault(e["dtype"], {
                "dtype": e["dtype"], "passed": 0, "failed": 0, "skipped": 0,
                "max_ulp": None, "skip_reasons": {},
            })
            for k in COUNT_KEYS:
                d[k] += e[k]
            d["max_ulp"] = _max_ulp(d["max_ulp"], e["max_ulp"])
            for reason, n in e["skip_reasons"].items():
                d["skip_reasons"][reason] = d["skip_reasons"].get(reason, 0) + n
            for f in e["failures"]:
                ff = {"dtype": e["dtype"]}
                ff.update(f)
                ff["source"] = doc["path"].name
                g["failures"].append(ff)

    by_op = []
    totals = {k: 0 for k in COUNT_KEYS}
    for (op, backend, reference) in sorted(groups):
        g = groups[(op, backend, reference)]
        dtypes = [g["dtypes"][k] for k in sorted(g["dtypes"], key=dtype_sort_key)]
        row = {"op": op, "backend": backend, "reference": reference}
        for k in COUNT_KEYS:
            row[k] = sum(d[k] for d in dtypes)
            totals[k] += row[k]
        mu = None
        for d in dtypes:
            mu = _max_ulp(mu, d["max_ulp"])
        row["max_ulp"] = mu
        row["dtypes"] = dtypes
        row["all_failures"] = g["failures"]
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
# output
# --------------------------------------------------------------------------

def _json_ulp(v):
    return v if v is None or math.isfinite(v) else None


def to_json(agg: dict, sources: list[str], generated: str) -> dict:
    by_op = []
    for row in agg["by_op"]:
        by_op.append({
            "op": row["op"], "backend": row["backend"], "reference": row["reference"],
            "passed": row["passed"], "failed": row["failed"], "skipped": row["skipped"],
            "max_ulp": _json_ulp(row["max_ulp"]),
            "dtypes": [
                {"dtype": d["dtype"], "passed": d["passed"], "failed": d["failed"],
                 "skipped": d["skipped"], "max_ulp": _json_ulp(d["max_ulp"]),
                 "skip_reasons": dict(sorted(d["skip_reasons"].items()))}
                for d in row["dtypes"]
            ],
            "failures": row["all_failures"][:MAX_FAILURES_PER_GROUP],
        })
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
    """Inline text with Markdown metacharacters escaped."""
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
    if s.startswith("`") or s.endswith("`"):
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


def status(row: dict) -> str:
    if row["failed"] > 0:
        return "FAIL"
    if row["passed"] > 0:
        return "ok"
    if row["skipped"] > 0:
        return "skipped"
    return "empty"


def matrix_cell(d: dict | None) -> str:
    if d is None:
        return ""
    run = d["passed"] + d["failed"]
    if d["failed"] > 0:
        return f"✗ {d['failed']}/{run}"
    if d["passed"] > 0:
        return f"✓ {run}"
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
    return f"{t['passed']} passed, {t['failed']} failed, {t['skipped']} skipped"


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

    # summary ---------------------------------------------------------------
    L.append("## Summary")
    L.append("")
    rows = []
    for row in agg["by_op"]:
        st = status(row)
        rows.append([md_cell(row["op"]), md_cell(row["backend"]), md_cell(row["reference"]),
                     str(row["passed"]), str(row["failed"]), str(row["skipped"]),
                     fmt_ulp(row["max_ulp"]), f"**{st}**" if st == "FAIL" else st])
    L += table(["op", "backend", "reference", "passed", "failed", "skipped", "max ULP", "status"],
               rows, ["l", "l", "l", "r", "r", "r", "r", "l"])
    L.append("")

    # op x dtype matrices ---------------------------------------------------
    L.append("## Op × dtype matrix")
    L.append("")
    L.append("`✓ N`: all N run cases passed; `✗ F/N`: F of N run cases failed; "
             "`– skip`: every case skipped; blank: not tested.")
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
                 f"{r['failed']} failed ({len(ex)} example{'s' if len(ex) != 1 else ''} shown)")
        L.append("")
        if not ex:
            L.append("- no failure examples recorded")
        for f in ex:
            case = f.get("case")
            line = f"- {md_text(f.get('dtype'))}: " + (md_code(case) if case else "_(case not recorded)_")
            if f.get("reason"):
                line += f" — {md_text(f.get('reason'))}"
            L.append(line)
            if f.get("replay"):
                L.append(f"  - replay: {md_code(f.get('replay'))}")
        L.append("")

    # skips -----------------------------------------------------------------
    L.append("## Skips")
    L.append("")
    rows = []
    for r in agg["by_op"]:
        if r["skipped"] <= 0:
            continue
        reasons: dict[str, int] = {}
        for d in r["dtypes"]:
            for reason, n in d["skip_reasons"].items():
                reasons[reason] = reasons.get(reason, 0) + n
        explained = sum(reasons.values())
        if explained < r["skipped"]:
            reasons["(no reason given)"] = reasons.get("(no reason given)", 0) + r["skipped"] - explained
        for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            dts = [d["dtype"] for d in r["dtypes"] if d["skip_reasons"].get(reason)]
            rows.append([md_cell(r["op"]), md_cell(r["backend"]), md_cell(r["reference"]),
                         md_cell(reason), str(n), md_cell(" ".join(dts))])
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
        files = find_files(args.results)
        loaded = [load_file(f) for f in files]
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
