"""The site as a person sees it: builds a report from a real (small) conformance run, loads
index.html in headless Chromium, and checks that the rendered DOM holds report.json's numbers.
Saves a screenshot beside the report.

    CUNP_CONFORMANCE=build/x/conformance/cunp_conformance CUNP_SITE_OUT=build/x/site-test \\
        .venv/bin/python -m unittest -v reports/test_site.py

Exits 77 (ctest's skip) when Chromium is not installed (scripts/setup installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unittest
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)


class Dom(HTMLParser):
    """The elements the checks read: by id, and every element's tag, classes and attributes."""

    def __init__(self):
        super().__init__()
        self.by_id: dict[str, dict] = {}
        self.elements: list[dict] = []
        self.stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, "attrs": dict(attrs), "text": ""}
        e["classes"] = (e["attrs"].get("class") or "").split()
        self.elements.append(e)
        if "id" in e["attrs"]:
            self.by_id[e["attrs"]["id"]] = e
        if tag not in ("meta", "input", "br", "link"):
            self.stack.append(e)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for e in self.stack:
            e["text"] += data


def chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", *args], capture_output=True, text=True, timeout=120)


# One failing case and one expected failure, beside the real run, so that the page's failure
# paths render too. sqrt is registered, so its cells land in the heat map.
PLANTED = {
    "schema": "cunp-conformance-results/2", "numpy_version": None, "devices": {"host": "test"},
    "results": [{"op": "sqrt", "backend": "host", "reference": "numpy", "dtype": "float32",
                 "passed": 3, "failed": 1, "skipped": 1, "xfailed": 1, "xpassed": 0,
                 "skip_reasons": {"planted skip": 1}, "xfail_reasons": {"planted known difference": 1},
                 "failures": [{"case": "{}", "reason": "planted: values differ", "replay": "cunp_conformance --case '{}'"}],
                 "cases": [{"id": 0, "label": "sqrt(float32[3])", "outcome": "failed", "reason": "planted: values differ",
                            "replay": "cunp_conformance --case '{}'", "time": 0.001}]}]}


class Site(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        exe, out = os.environ.get("CUNP_CONFORMANCE"), os.environ.get("CUNP_SITE_OUT")
        if not exe or not out:
            raise unittest.SkipTest("set CUNP_CONFORMANCE and CUNP_SITE_OUT")
        cls.out = Path(out).resolve()
        results = cls.out / "results"
        shutil.rmtree(cls.out, ignore_errors=True)
        results.mkdir(parents=True)
        subprocess.run([exe, "--registry", str(results / "registry.json")], check=True)
        for op in ("add", "where"):
            subprocess.run([exe, "--op", op, "--quiet", "--results", str(results)], check=True, stdout=subprocess.DEVNULL)
        (results / "planted.host.numpy.json").write_text(json.dumps(PLANTED))
        made = subprocess.run([sys.executable, str(HERE / "make_report.py"), "--results", str(results),
                               "--out", str(cls.out / "site"), "--quiet"], capture_output=True, text=True)
        if made.returncode != 0:
            raise AssertionError(f"make_report failed:\n{made.stdout}\n{made.stderr}")
        cls.report = json.loads((cls.out / "site" / "report.json").read_text())
        url = (cls.out / "site" / "index.html").as_uri()
        shown = chromium("--dump-dom", url)
        if shown.returncode != 0 or "<html" not in shown.stdout:
            raise AssertionError(f"chromium could not render the page:\n{shown.stderr[-2000:]}")
        cls.dom = Dom()
        cls.dom.feed(shown.stdout)
        cls.screenshot = cls.out / "site-screenshot.png"
        chromium(f"--screenshot={cls.screenshot}", "--window-size=1400,2600", url)

    def number(self, element_id: str) -> int:
        e = self.dom.by_id.get(element_id)
        self.assertIsNotNone(e, f"#{element_id} is not in the rendered page")
        self.assertEqual(e["attrs"].get("data-value"), e["text"].strip(), f"#{element_id}: shown text and data-value differ")
        return int(e["text"])

    def test_totals_match_the_json(self):
        t = self.report["totals"]
        self.assertEqual(self.number("total-apis"), t["apis"])
        self.assertEqual(self.number("total-implemented"), t["implemented"])
        for status in ("conformant", "partial", "untested", "missing", "out of scope"):
            self.assertEqual(self.number("count-" + status.replace(" ", "-")), t[status], status)

    def test_every_api_is_a_row_with_its_status(self):
        rows = [e for e in self.dom.elements if e["tag"] == "tr" and "data-status" in e["attrs"]]
        self.assertEqual(len(rows), len(self.report["apis"]))
        for status in ("conformant", "partial", "untested", "missing", "out of scope"):
            self.assertEqual(sum(r["attrs"]["data-status"] == status for r in rows), self.report["totals"][status], status)

    def test_module_rows_match_the_json(self):
        elements = self.dom.elements
        for m in self.report["modules"]:
            at = next((i for i, e in enumerate(elements) if e["tag"] == "tr"
                       and e["attrs"].get("data-module") == m["id"] and "data-status" not in e["attrs"]), None)
            self.assertIsNotNone(at, f"no progress row for {m['id']}")
            # the row's own cells: the first two keyed cells after the row's start
            cells = [e for e in elements[at:] if e["attrs"].get("data-key") in ("implemented", "apis")][:2]
            self.assertEqual([int(c["text"]) for c in cells], [m["implemented"], m["apis"]], m["id"])

    def test_heat_map_marks_the_planted_failure(self):
        failing = [e for e in self.dom.elements if e["tag"] == "td" and "c-fail" in e["classes"]]
        want = sum(bool(c["failed"]) for r in self.report["apis"] for be in r["cells"].values() for c in be.values())
        self.assertEqual(len(failing), want)
        self.assertGreaterEqual(want, 1)
        self.assertTrue(any("sqrt" in e["text"] for e in self.dom.elements if e["tag"] == "details" and "partial" in e["text"]))

    def test_the_script_ran(self):
        # the filter script fills this in: without JavaScript it stays empty
        n = len(self.report["apis"])
        self.assertEqual(self.dom.by_id["filter-count"]["text"].strip(), f"{n} of {n} shown")

    def test_screenshot_saved(self):
        self.assertTrue(self.screenshot.is_file() and self.screenshot.stat().st_size > 10_000,
                        f"no screenshot at {self.screenshot}")


if __name__ == "__main__":
    if CHROMIUM is None:
        print("SKIPPED: Chromium is not installed (scripts/setup installs Debian's chromium)")
        sys.exit(77)
    unittest.main()
