"""Tests for reports/conformance_results.py (standard library unittest).

Run from the repository root (unittest maps a file path to a module only below the working
directory; ctest sets that), or run the file itself from any folder:
    .venv/bin/python -m unittest -v reports/test_conformance_results.py
    .venv/bin/python reports/test_conformance_results.py -v

Each test writes results files into a temporary folder, runs the generator in-process and
checks exact lines of conformance.md / values of conformance.json, so a changed format fails
here rather than going unnoticed.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

# conformance_results sits next to this file; put its folder first so the import works from any cwd
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conformance_results  # noqa: E402

V1 = "cunp-conformance-results/1"
V2 = "cunp-conformance-results/2"
ANNEX_G = "complex inputs with inf/nan components (C99 Annex G) not yet matched"


def entry(op: str = "add", dtype: str = "int8", backend: str = "host", reference: str = "numpy",
          **fields) -> dict:
    e = {"op": op, "backend": backend, "reference": reference, "dtype": dtype,
         "passed": 0, "failed": 0, "skipped": 0}
    e.update(fields)
    return e


def results_doc(results: list[dict], schema: str = V2) -> dict:
    return {"schema": schema, "numpy_version": "2.4.6", "python_version": "3.11.2",
            "generated": "2026-11-21T20:00:00Z", "devices": {"host": "CPU, 2 hardware threads"},
            "results": results}


class ReportCase(unittest.TestCase):
    """Temporary folders plus a helper that runs conformance_results.main on them."""

    def setUp(self) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        self.out = self.root / "out"

    def tearDown(self) -> None:
        self._tmp.cleanup()

    def write(self, folder: str, name: str, doc) -> Path:
        d = self.root / folder
        d.mkdir(parents=True, exist_ok=True)
        p = d / name
        p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
        return p

    def run_report(self, *folders: str) -> tuple[int, str]:
        """Exit status and stderr; the outputs are read with md() / js()."""
        argv = []
        for f in folders:
            argv += ["--results", str(self.root / f)]
        argv += ["--out", str(self.out)]
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            rc = conformance_results.main(argv)
        return rc, err.getvalue()

    def md(self) -> str:
        return (self.out / "conformance.md").read_text(encoding="utf-8")

    def md_lines(self) -> list[str]:
        return self.md().split("\n")

    def js(self) -> dict:
        return json.loads((self.out / "conformance.json").read_text(encoding="utf-8"))

    def section(self, title: str) -> list[str]:
        """The lines of one '## title' section of the Markdown, without its heading."""
        lines = self.md_lines()
        start = lines.index(f"## {title}") + 1
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
        return lines[start:end]

    def assertReportOk(self, rc: int, err: str) -> None:
        self.assertEqual(rc, 0, f"conformance_results failed: {err}")


class ReadingTest(ReportCase):
    def test_v1_file_still_loads(self) -> None:
        self.write("r", "add.host.numpy.json", results_doc([
            entry(passed=10, failed=1, skipped=2, skip_reasons={"no xtensor equivalent": 2},
                  max_ulp=0.0,
                  failures=[{"case": "add int8,int8 (3,4)x(4,) seed=7",
                             "reason": "values differ at [0, 1]: got 3, want 4",
                             "replay": "cunp_conformance --op add --backend host --case 17"}],
                  failed_cases=[17, -1]),
        ], schema=V1))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        j = self.js()
        self.assertEqual(j["schema"], "cunp-conformance-report/2")
        self.assertEqual(j["totals"], {"passed": 10, "failed": 1, "skipped": 2, "xfailed": 0, "xpassed": 0})
        d = j["by_op"][0]["dtypes"][0]
        self.assertEqual((d["xfailed"], d["xpassed"], d["max_bound_fraction"], d["xfail_reasons"]),
                         (0, 0, None, {}))
        self.assertEqual(j["by_op"][0]["xpasses"], [])
        self.assertIn("| add | host | numpy | 10 | 1 | 2 | 0 | 0 | 0 | – | **FAIL** |", self.md_lines())
        self.assertIn("  - replay: `cunp_conformance --op add --backend host --case 17`", self.md_lines())

    def test_v2_counts_summed_across_files(self) -> None:
        # the same (op, backend, reference, dtype) from two folders, plus a second dtype
        self.write("a", "exp.host.numpy.json", results_doc([
            entry("exp", "complex64", passed=5, failed=1, skipped=1, xfailed=2, xpassed=0,
                  skip_reasons={"no such loop": 1}, xfail_reasons={ANNEX_G: 2},
                  max_ulp=1.5, max_bound_fraction=0.25, failed_cases=['{"op":"exp","seed":1}']),
        ]))
        self.write("b", "exp.host.numpy.json", results_doc([
            entry("exp", "complex64", passed=3, failed=0, skipped=2, xfailed=4, xpassed=1,
                  skip_reasons={"no such loop": 2}, xfail_reasons={ANNEX_G: 4},
                  max_ulp=0.5, max_bound_fraction=0.75),
            entry("exp", "complex128", passed=1, xfailed=1, xfail_reasons={ANNEX_G: 1},
                  max_ulp=None, max_bound_fraction=None),
        ]))
        rc, err = self.run_report("a", "b")
        self.assertReportOk(rc, err)
        j = self.js()
        self.assertEqual(j["totals"], {"passed": 9, "failed": 1, "skipped": 3, "xfailed": 7, "xpassed": 1})
        self.assertEqual(len(j["by_op"]), 1)
        row = j["by_op"][0]
        self.assertEqual((row["passed"], row["failed"], row["skipped"], row["xfailed"], row["xpassed"]),
                         (9, 1, 3, 7, 1))
        self.assertEqual((row["max_ulp"], row["max_bound_fraction"]), (1.5, 0.75))
        c64 = row["dtypes"][0]
        self.assertEqual(c64, {"dtype": "complex64", "passed": 8, "failed": 1, "skipped": 3,
                               "xfailed": 6, "xpassed": 1, "max_ulp": 1.5, "max_bound_fraction": 0.75,
                               "skip_reasons": {"no such loop": 3}, "xfail_reasons": {ANNEX_G: 6}})
        self.assertEqual(row["dtypes"][1]["dtype"], "complex128")
        self.assertIn("**Totals: 9 passed, 1 failed, 3 skipped, 7 xfail, 1 xpass**", self.md_lines())
        # both folders hold a file of the same name: the sources keep the paths apart
        self.assertEqual(len(j["sources"]), 2)
        self.assertNotEqual(j["sources"][0], j["sources"][1])

    def test_totals_line_in_markdown_and_stdout(self) -> None:
        self.write("r", "x.json", results_doc([entry(passed=4, skipped=1, xfailed=2)]))
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            rc = conformance_results.main(["--results", str(self.root / "r"), "--out", str(self.out)])
        self.assertEqual(rc, 0)
        self.assertIn("**Totals: 4 passed, 0 failed, 1 skipped, 2 xfail, 0 xpass**", self.md_lines())
        self.assertIn("report: 4 passed, 0 failed, 1 skipped, 2 xfail, 0 xpass -> ", out.getvalue())


class StatusTest(ReportCase):
    def test_skips_are_not_plain_ok(self) -> None:
        self.write("r", "x.json", results_doc([
            entry("add", "int8", passed=5, skipped=2, skip_reasons={"no xtensor equivalent": 2}),
            entry("sub", "int8", passed=5),
        ]))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        lines = self.md_lines()
        self.assertIn("| add | host | numpy | 5 | 0 | 2 | 0 | 0 | – | – | ok, 2 skipped |", lines)
        self.assertIn("| sub | host | numpy | 5 | 0 | 0 | 0 | 0 | – | – | ok |", lines)
        self.assertIn("| add | ✓ 5 (2 skip) |", lines)
        self.assertIn("| sub | ✓ 5 |", lines)
        self.assertEqual([r["status"] for r in self.js()["by_op"]], ["ok, 2 skipped", "ok"])
        self.assertIn("| add | host | numpy | no xtensor equivalent | 2 | int8 |", self.section("Skips"))

    def test_status_words(self) -> None:
        def st(passed=0, failed=0, skipped=0, xfailed=0, xpassed=0) -> str:
            return conformance_results.status({"passed": passed, "failed": failed, "skipped": skipped,
                                       "xfailed": xfailed, "xpassed": xpassed})
        self.assertEqual(st(passed=3), "ok")
        self.assertEqual(st(passed=3, skipped=2), "ok, 2 skipped")
        self.assertEqual(st(passed=3, xfailed=4), "ok, 4 xfail")
        self.assertEqual(st(passed=3, skipped=2, xfailed=4), "ok, 2 skipped, 4 xfail")
        self.assertEqual(st(failed=1, passed=3, xpassed=1), "FAIL")  # a failure outranks an xpass
        self.assertEqual(st(passed=3, xpassed=1, skipped=1), "XPASS")
        self.assertEqual(st(xfailed=2), "xfail")
        self.assertEqual(st(xfailed=2, skipped=1), "xfail, 1 skipped")
        self.assertEqual(st(skipped=5), "skipped")
        self.assertEqual(st(), "empty")

    def test_matrix_cells(self) -> None:
        def cell(**counts) -> str:
            d = {"passed": 0, "failed": 0, "skipped": 0, "xfailed": 0, "xpassed": 0}
            d.update(counts)
            return conformance_results.matrix_cell(d)
        self.assertEqual(cell(passed=9, failed=2, xfailed=3), "✗ 2/11")
        self.assertEqual(cell(passed=9, xpassed=1), "! xpass")
        self.assertEqual(cell(passed=9), "✓ 9")
        self.assertEqual(cell(passed=9, skipped=1), "✓ 9 (1 skip)")
        self.assertEqual(cell(passed=9, xfailed=3), "✓ 9 (3 xfail)")
        self.assertEqual(cell(passed=9, skipped=1, xfailed=3), "✓ 9 (1 skip, 3 xfail)")
        self.assertEqual(cell(xfailed=3), "– xfail")
        self.assertEqual(cell(skipped=4), "– skip")
        self.assertEqual(cell(), "–")
        self.assertEqual(conformance_results.matrix_cell(None), "")

    def test_xpass_is_loud(self) -> None:
        case = '{"op":"exp","args":[[1,2]],"kwargs":{},"seed":7}'
        replay = "cunp_conformance --case '" + case + "' --backend host"
        self.write("r", "exp.json", results_doc([
            entry("exp", "complex128", passed=6, xfailed=1, xpassed=1, xfail_reasons={ANNEX_G: 1},
                  xpasses=[{"case": case, "reason": ANNEX_G, "replay": replay}]),
        ]))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        lines = self.md_lines()
        self.assertIn("| exp | host | numpy | 6 | 0 | 0 | 1 | 1 | – | – | **XPASS** |", lines)
        self.assertIn("| exp | ! xpass |", lines)
        self.assertIn("**1 unexpected pass (xpass): an expected failure passed; see Unexpected passes "
                      "below and remove its xfail.**", lines)
        sec = self.section("Unexpected passes (xpass)")
        self.assertIn("### exp — host vs numpy: 1 xpass (1 example shown)", sec)
        self.assertIn(f"- complex128: `{case}` — xfail reason: {ANNEX_G}", sec)
        self.assertIn(f"  - replay: `{replay}`", sec)
        row = self.js()["by_op"][0]
        self.assertEqual(row["status"], "XPASS")
        self.assertEqual(row["xpasses"], [{"dtype": "complex128", "case": case, "reason": ANNEX_G,
                                           "replay": replay, "source": "exp.json"}])

    def test_no_xpass_section_says_so(self) -> None:
        self.write("r", "x.json", results_doc([entry(passed=1)]))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        self.assertEqual(self.section("Unexpected passes (xpass)"), ["", "No unexpected passes.", ""])
        self.assertEqual(self.section("Expected failures (xfail)"), ["", "No expected failures.", ""])
        self.assertNotIn("unexpected pass (xpass)", self.md())

    def test_xfail_reasons_listed(self) -> None:
        self.write("r", "exp.json", results_doc([
            entry("exp", "complex64", passed=4, xfailed=3, xfail_reasons={ANNEX_G: 3}),
            entry("exp", "complex128", passed=4, xfailed=3, xfail_reasons={ANNEX_G: 2}),
        ]))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        sec = self.section("Expected failures (xfail)")
        self.assertIn("| op | backend | reference | reason | count | dtypes |", sec)
        self.assertIn(f"| exp | host | numpy | {ANNEX_G} | 5 | complex64 complex128 |", sec)
        # the xfail the reasons do not cover is still counted, against its dtype
        self.assertIn("| exp | host | numpy | (no reason given) | 1 | complex128 |", sec)
        self.assertIn("| exp | host | numpy | 8 | 0 | 0 | 6 | 0 | – | – | ok, 6 xfail |", self.md_lines())
        self.assertEqual(self.js()["by_op"][0]["dtypes"][0]["xfail_reasons"], {ANNEX_G: 3})

    def test_failure_example_with_backticks_stays_one_code_span(self) -> None:
        self.assertEqual(conformance_results.md_code("a `b` c"), "``a `b` c``")
        self.assertEqual(conformance_results.md_code("`x`"), "`` `x` ``")
        self.assertEqual(conformance_results.md_code(" x "), "`  x  `")

    def test_bound_fraction_column(self) -> None:
        self.write("r", "x.json", results_doc([
            entry("sin", "float32", passed=2, max_ulp=3, max_bound_fraction=0.0213456),
            entry("sin", "float64", passed=2, max_ulp=1.25, max_bound_fraction=0.5),
        ]))
        rc, err = self.run_report("r")
        self.assertReportOk(rc, err)
        self.assertIn("| sin | host | numpy | 4 | 0 | 0 | 0 | 0 | 3 | 0.5 | ok |", self.md_lines())
        self.assertEqual([d["max_bound_fraction"] for d in self.js()["by_op"][0]["dtypes"]], [0.0213456, 0.5])


class BadInputTest(ReportCase):
    def assertRejected(self, doc, *needles: str) -> None:
        path = self.write("r", "bad.json", doc)
        rc, err = self.run_report("r")
        self.assertEqual(rc, 2, err)
        self.assertIn(str(path), err)
        for n in needles:
            self.assertIn(n, err)
        self.assertFalse((self.out / "conformance.md").exists())

    def test_unknown_schema(self) -> None:
        self.assertRejected(results_doc([entry(passed=1)], schema="cunp-conformance-results/3"),
                            "'cunp-conformance-results/3'", f'"{V1}"', f'"{V2}"')

    def test_bad_count_types(self) -> None:
        for key, value in (("xfailed", "3"), ("xpassed", -1), ("passed", True), ("skipped", 1.5)):
            with self.subTest(key=key):
                self.assertRejected(results_doc([entry(**{key: value})]), f"results[0]: '{key}'")

    def test_bad_v2_fields(self) -> None:
        cases = [
            ({"xfail_reasons": ["a"]}, "'xfail_reasons' must be an object"),
            ({"xfail_reasons": {"a": "2"}}, "'xfail_reasons['a']' must be a non-negative integer"),
            ({"xpasses": {}}, "'xpasses' must be a list"),
            ({"xpasses": ["x"]}, "xpasses[0] is not an object"),
            ({"xpasses": [{"case": {"op": "add"}}]}, "xpasses[0].case must be a string"),
            ({"max_bound_fraction": [0.1]}, "'max_bound_fraction' must be a number or null"),
            ({"failed_cases": [1.5]}, "failed_cases[0] must be an integer or a string"),
            ({"failed_cases": "7"}, "'failed_cases' must be a list"),
        ]
        for fields, needle in cases:
            with self.subTest(fields=fields):
                self.assertRejected(results_doc([entry(passed=1, **fields)]), needle)

    def test_not_json(self) -> None:
        self.assertRejected("{not json", "not valid JSON")

    def test_missing_folder(self) -> None:
        rc, err = self.run_report("nowhere")
        self.assertEqual(rc, 2)
        self.assertIn("nowhere", err)

    def test_exit_status_from_the_command_line(self) -> None:
        # the script as run-main runs it: exit 2 on bad input, 0 on readable (even failing) results
        script = str(HERE / "conformance_results.py")
        self.write("bad", "b.json", results_doc([], schema="nope"))
        self.write("good", "g.json", results_doc([entry(failed=1)]))
        bad = subprocess.run([sys.executable, script, "--results", str(self.root / "bad"),
                              "--out", str(self.out)], capture_output=True, text=True)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("b.json", bad.stderr)
        good = subprocess.run([sys.executable, script, "--results", str(self.root / "good"),
                               "--out", str(self.out)], capture_output=True, text=True)
        self.assertEqual(good.returncode, 0, good.stderr)


if __name__ == "__main__":
    unittest.main()
