"""The coverage report as a person reads it: one self-contained HTML page (Jinja2), Markdown for a
pull-request comment, and the one-screen terminal summary."""

from __future__ import annotations

from pathlib import Path

import jinja2

from coverage import DTYPE_FREE_ROW, STATUSES, dtype_free
from numpy_dtypes import DTYPES

TEMPLATES = Path(__file__).resolve().parent / "templates"


def heat_cell(row: dict, backend: str, dtype: str) -> dict:
    """One heat-map cell: its class, its symbol and its hover text."""
    claimed = dtype in (row["cunp"] or {}).get("dtypes", {}).get(backend, [])
    numpy_has = dtype in (row["numpy_dtypes"] or [])
    cells = row["cells"].get(backend, {})
    c = cells.get(DTYPE_FREE_ROW) if dtype_free(cells) else cells.get(dtype)
    ran = c is not None and c["passed"] + c["failed"] + c["xfailed"] + c["xpassed"] > 0
    if not claimed and not ran:
        if numpy_has:
            return {"cls": "lacking", "text": "○", "title": f"{dtype}: NumPy has it, cunp on {backend} does not"}
        return {"cls": "none", "text": "", "title": f"{dtype}: neither NumPy nor cunp"}
    if row["status"] == "untested":
        return {"cls": "untested", "text": "?", "title": f"{dtype}: claimed, no spec tests it"}
    if not ran:
        return {"cls": "skip", "text": "–", "title": f"{dtype}: claimed, no case ran" + (f" ({c['skipped']} skipped)" if c else "")}
    counts = f"{dtype}{'' if claimed else ' (no loop of its own: cast to one)'}: {c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped, {c['xfailed']} xfail, {c['xpassed']} xpass"
    if c["max_ulp"] is not None:
        counts += f", max {c['max_ulp']:.3g} ULP"
    if c["max_bound_fraction"] is not None:
        counts += f", max error {c['max_bound_fraction']:.3g} of its bound"
    if c["failed"]:
        return {"cls": "fail", "text": "✗", "title": counts}
    if c["xpassed"]:
        return {"cls": "xpass", "text": "!", "title": counts}
    if c["xfailed"]:
        return {"cls": "xfail", "text": "~", "title": counts}
    return {"cls": "pass", "text": "✓", "title": counts}


def html(doc: dict, titles: dict[str, str], regressions: list[str]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=jinja2.select_autoescape(["j2"]),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    registered = [r for r in doc["apis"] if r["cunp"] is not None]
    return env.get_template("site.html.j2").render(
        doc=doc, t=doc["totals"], statuses=STATUSES, dtypes=DTYPES, registered=registered, heat=heat_cell,
        untested=[r for r in registered if r["status"] == "untested"], regressions=regressions,
        group_titles=titles, has_cupy=doc["totals"]["cupy"] is not None)


def _md_table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    return out + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def _progress_rows(tallies: list[dict], cupy: bool, label) -> list[list]:
    return [[label(g), g["implemented"], g["apis"], g["conformant"], g["partial"], g["untested"], g["missing"]]
            + ([g["cupy"]] if cupy else []) + [g["out of scope"]] for g in tallies]


def markdown(doc: dict, headline: list[str], regressions: list[str]) -> str:
    cupy = doc["totals"]["cupy"] is not None
    header = ["", "cunp", "of", "conformant", "partial", "untested", "missing"] + (["CuPy"] if cupy else []) + ["out of scope"]
    lines = ["# cunp: NumPy API coverage", "", *[f"**{headline[0]}**", "", headline[1]], ""]
    if regressions:
        lines += [f"**{len(regressions)} regression(s) against the baseline:**", ""] + [f"- {r}" for r in regressions] + [""]
    untested = [r["name"] for r in doc["apis"] if r["status"] == "untested"]
    if untested:
        lines += [f"**{len(untested)} APIs are registered with no spec (a defect):** " + ", ".join(untested), ""]
    lines += ["## Modules", ""] + _md_table(["module"] + header[1:], _progress_rows(doc["modules"], cupy, lambda g: g["id"]))
    lines += ["", "## Groups", ""] + _md_table(["group"] + header[1:], _progress_rows(doc["groups"], cupy, lambda g: g["title"]))
    partial = [r for r in doc["apis"] if r["status"] == "partial"]
    if partial:
        lines += ["", "## Partial", ""] + [f"- `{r['name']}`: " + "; ".join(r["problems"]) for r in partial]
    return "\n".join(lines) + "\n"


def terminal_summary(doc: dict, headline: list[str], site: Path) -> str:
    """One screen: the headline, APIs per module, pass rates per backend, and where the site is."""
    lines = [headline[0], headline[1], ""]
    lines.append(f"{'module':<16}{'cunp':>6}{'of':>6}{'conformant':>12}{'partial':>9}{'untested':>10}"
                 + (f"{'CuPy':>7}" if doc["totals"]["cupy"] is not None else ""))
    for m in doc["modules"]:
        lines.append(f"{m['id']:<16}{m['implemented']:>6}{m['apis']:>6}{m['conformant']:>12}{m['partial']:>9}{m['untested']:>10}"
                     + (f"{m['cupy']:>7}" if m["cupy"] is not None else ""))
    lines.append("")
    for be, t in doc["pass_rates"].items():
        ran = t["passed"] + t["failed"]
        rate = f"{100 * t['passed'] / ran:.2f}%" if ran else "n/a"
        lines.append(f"{be}: {rate} of {ran} cases passed ({t['failed']} failed, {t['skipped']} skipped, "
                     f"{t['xfailed']} xfail, {t['xpassed']} xpass)")
    lines += ["", f"site: {site}"]
    return "\n".join(lines)
