#!/usr/bin/env python3
"""Build cunp's API-coverage and conformance report: NumPy's live namespace × cunp's registry × the
conformance verdicts.

Usage:
    make_report.py --results DIR [--results DIR2 ...] --out OUTDIR [--baseline OLD/report.json]

Each results folder holds a conformance run's results files and the registry dump of the machine
that ran them (`cunp_conformance --registry DIR/registry.json`); folders from several machines
(the host here, the GPU machine) merge. Writes into OUTDIR: index.html (the site), report.md,
report.json, junit.xml, and conformance.md / conformance.json (the verdicts alone).

Exit status: 0 when the report was written (failing cases are reported, not an error); 1 when
--baseline found a regression; 2 for unusable input, with a message naming it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline  # noqa: E402
import conformance_results as cr  # noqa: E402
import coverage  # noqa: E402
import namespace  # noqa: E402
import render  # noqa: E402
from junit import junit_xml  # noqa: E402


def _registries(dirs: list[str]) -> list[tuple[str, dict]]:
    found = []
    for d in dirs:
        for f in sorted(Path(d).glob("*.json")):
            try:
                doc = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                continue  # conformance_results has already named the unreadable file
            if isinstance(doc, dict) and str(doc.get("schema", "")).startswith(cr.REGISTRY_SCHEMA_PREFIX):
                found.append((str(f), doc))
    if not found:
        raise cr.InputError("no registry dump in " + ", ".join(dirs) + ": write one with "
                            "`cunp_conformance --registry <results folder>/registry.json` (scripts/run-main does)")
    return found


def _pass_rates(by_op: list[dict]) -> dict[str, dict]:
    rates: dict[str, dict] = {}
    for row in by_op:
        t = rates.setdefault(row["backend"], {k: 0 for k in cr.COUNT_KEYS})
        for k in cr.COUNT_KEYS:
            t[k] += row[k]
    return rates


def _cupy():
    try:
        import cupy  # noqa: PLC0415 - optional: only the GPU machine has it
    except Exception:  # noqa: BLE001 - ImportError, or a CUDA error while importing
        return None
    return cupy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build cunp's API-coverage and conformance report.")
    ap.add_argument("--results", action="append", required=True, metavar="DIR",
                    help="a conformance results folder with its registry.json (repeatable)")
    ap.add_argument("--out", required=True, metavar="OUTDIR", help="folder for the site and the other outputs")
    ap.add_argument("--baseline", metavar="REPORT_JSON",
                    help="an earlier report.json: exit 1 on any regression against it, printing each")
    ap.add_argument("--quiet", action="store_true", help="print only the paths, not the summary")
    args = ap.parse_args(argv)

    import numpy as np  # the oracle's NumPy: the denominator is its namespace

    try:
        files, loaded = cr.load_results(args.results)
        registry, backends = coverage.merge_registries(_registries(args.results))
        old = baseline.load(args.baseline) if args.baseline else None
        apis, titles = namespace.live_apis(np)
    except (cr.InputError, coverage.RegistryError, baseline.BaselineError, namespace.DataError) as exc:
        print(f"make_report: error: {exc}", file=sys.stderr)
        return 2

    agg = cr.aggregate(loaded)
    if agg["numpy_version"] and agg["numpy_version"] != np.__version__:
        print(f"make_report: warning: the results were checked against NumPy {agg['numpy_version']}; "
              f"the namespace is NumPy {np.__version__}'s", file=sys.stderr)
    cupy = _cupy()
    doc = coverage.build(np, apis, titles, registry, backends, agg["by_op"], cupy)
    generated = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    sources = cr.source_names(files)
    doc.update({"generated": generated, "numpy_version": np.__version__, "results_numpy_version": agg["numpy_version"],
                "cupy_version": getattr(cupy, "__version__", None), "sources": sources,
                "pass_rates": _pass_rates(agg["by_op"])})

    found, warnings = baseline.regressions(old, doc) if old else ([], [])
    for w in warnings:
        print(f"make_report: warning: {w}", file=sys.stderr)
    headline = coverage.summary_lines(doc)
    out = Path(args.out)
    outputs = {
        "index.html": render.html(doc, titles, found),
        "report.md": render.markdown(doc, headline, found),
        "report.json": json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False) + "\n",
        "junit.xml": junit_xml(loaded),
        "conformance.json": json.dumps(cr.to_json(agg, sources, generated), indent=2, ensure_ascii=False,
                                       allow_nan=False) + "\n",
        "conformance.md": cr.to_markdown(agg, sources, generated),
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in outputs.items():
            (out / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"make_report: error: cannot write the report to {out}: {exc}", file=sys.stderr)
        return 2

    if not args.quiet:
        print(render.terminal_summary(doc, headline, out / "index.html"))
    else:
        print(f"site: {out / 'index.html'}")
    if found:
        print(f"\n{len(found)} regression(s) against {args.baseline}:", file=sys.stderr)
        for r in found:
            print(f"  {r}", file=sys.stderr)
        return 1
    if old:
        print(f"no regression against {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
