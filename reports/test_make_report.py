"""Tests for the coverage report (make_report.py and the modules it joins), standard library unittest:
    .venv/bin/python -m unittest -v reports/test_make_report.py   (from the repository root)

The namespace is the live NumPy's; registries and results are small documents written here, so
each status, the gate and the bad-input messages are checked against known inputs.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import baseline  # noqa: E402
import coverage  # noqa: E402
import make_report  # noqa: E402
import namespace  # noqa: E402
from junit import junit_xml  # noqa: E402
from numpy_dtypes import DTYPES, probe_dtypes, ufunc_dtypes  # noqa: E402

FLOATS = ["float16", "float32", "float64", "complex64", "complex128"]


def registry(apis: list[dict], cuda: bool = False) -> dict:
    return {"schema": "cunp-registry/1",
            "backends": {"host": {"present": True, "device": "test CPU"},
                         "cuda": {"present": cuda, **({"device": "test GPU"} if cuda else {"reason": "no GPU"})}},
            "apis": apis}


def api(name: str, dtypes: dict, specs: list[str], category: str = "ufunc") -> dict:
    return {"name": name, "cunp": "cunp::" + name.rsplit(".", 1)[1], "category": category, "dtypes": dtypes,
            "loops": [], "specs": specs}


def result(op: str, dtype: str, backend: str = "host", passed: int = 2, failed: int = 0, xfailed: int = 0,
           **more) -> dict:
    r = {"op": op, "backend": backend, "reference": "numpy", "dtype": dtype, "passed": passed, "failed": failed,
         "skipped": 0, "xfailed": xfailed, "xpassed": 0}
    r.update(more)
    return r


def results_doc(results: list[dict], numpy_version: str = np.__version__) -> dict:
    return {"schema": "cunp-conformance-results/2", "numpy_version": numpy_version, "devices": {"host": "test CPU"},
            "results": results}


class Namespace(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.apis, cls.titles = namespace.live_apis(np)
        cls.by_name = {a.name: a for a in cls.apis}

    def test_modules_and_kinds(self):
        self.assertEqual(self.by_name["numpy.add"].kind, "ufunc")
        self.assertEqual(self.by_name["numpy.concatenate"].kind, "function")
        self.assertEqual(self.by_name["numpy.linalg.solve"].module, "numpy.linalg")
        self.assertEqual(self.by_name["numpy.fft.fft"].module, "numpy.fft")
        self.assertEqual(self.by_name["numpy.ndarray.sum"].kind, "method")
        self.assertEqual(self.by_name["numpy.ndarray.shape"].kind, "property")
        self.assertEqual(self.by_name["numpy.float64"].kind, "scalar type")
        self.assertEqual(self.by_name["numpy.mgrid"].kind, "index helper")
        self.assertIn("numpy.random.normal", self.by_name)
        self.assertNotIn("numpy.pi", self.by_name)          # a constant, not a callable
        self.assertNotIn("numpy.linalg", self.by_name)      # a module
        self.assertFalse(any(a.name.startswith("numpy.ndarray.__") for a in self.apis))

    def test_aliases_point_at_the_canonical_name(self):
        self.assertEqual(self.by_name["numpy.abs"].alias_of, "numpy.absolute")
        self.assertIsNone(self.by_name["numpy.absolute"].alias_of)
        self.assertEqual(self.by_name["numpy.true_divide"].alias_of, "numpy.divide")

    def test_groups_and_scope_come_from_the_data_files(self):
        self.assertEqual(self.by_name["numpy.add"].group, "math")
        self.assertEqual(self.by_name["numpy.linalg.solve"].group, "linalg")
        self.assertIsNone(self.by_name["numpy.add"].out_of_scope)
        self.assertTrue(self.by_name["numpy.char.upper"].out_of_scope if "numpy.char.upper" in self.by_name
                        else self.by_name["numpy.busday_count"].out_of_scope)

    def test_bad_scope_rule_is_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "scope.toml"
            bad.write_text('[[entry]]\nmatch = "colour:red"\nreason = "x"\n')
            with self.assertRaisesRegex(namespace.DataError, "scope.toml: entry\\[0\\]"):
                namespace.load_scope(bad)


class NumpyDtypes(unittest.TestCase):
    def test_ufunc_types(self):
        self.assertEqual(ufunc_dtypes(np, np.sqrt), FLOATS)
        self.assertEqual(ufunc_dtypes(np, np.add), list(DTYPES))
        self.assertNotIn("bool", ufunc_dtypes(np, np.subtract))

    def test_probe_finds_the_calling_convention(self):
        self.assertEqual(probe_dtypes(np, np.zeros), (list(DTYPES), "f(shape, dtype=)"))
        self.assertEqual(probe_dtypes(np, np.sum)[1], "f(a)")
        self.assertNotIn("bool", probe_dtypes(np, np.arange)[0])     # np.arange(3, dtype=bool) raises
        self.assertEqual(probe_dtypes(np, np.broadcast_shapes), (None, None))  # takes no arrays


class Statuses(unittest.TestCase):
    def build(self, apis, results, cuda=False):
        reg, backends = coverage.merge_registries([("registry.json", registry(apis, cuda))])
        import conformance_results as cr
        agg = cr.aggregate([{"path": Path("r.json"), "schema": "x", "numpy_version": None, "devices": {},
                             "entries": [{**{k: {} for k in cr.REASON_KEYS}, "failures": [], "xpasses": [],
                                          "max_ulp": None, "max_bound_fraction": None, "cases": [], **r}
                                         for r in results]}])
        apis_live, titles = namespace.live_apis(np)
        doc = coverage.build(np, apis_live, titles, reg, backends, agg["by_op"])
        return {r["name"]: r for r in doc["apis"]}, doc

    def test_each_status(self):
        rows, doc = self.build(
            [api("numpy.sqrt", {"host": FLOATS}, ["sqrt"]), api("numpy.exp", {"host": FLOATS}, ["exp"]),
             api("numpy.zeros", {"host": list(DTYPES)}, [], "creation")],
            [result("sqrt", d) for d in FLOATS] + [result("exp", d, failed=int(d == "float16")) for d in FLOATS])
        self.assertEqual(rows["numpy.sqrt"]["status"], "conformant")
        self.assertEqual(rows["numpy.exp"]["status"], "partial")
        self.assertIn("host: fails: float16", rows["numpy.exp"]["problems"])
        self.assertEqual(rows["numpy.zeros"]["status"], "untested")
        self.assertEqual(rows["numpy.cos"]["status"], "missing")
        self.assertEqual(doc["totals"]["implemented"], 3)
        self.assertEqual(doc["totals"]["conformant"] + doc["totals"]["partial"] + doc["totals"]["untested"]
                         + doc["totals"]["missing"], doc["totals"]["apis"])

    def test_partial_names_what_is_wrong(self):
        rows, _ = self.build([api("numpy.sqrt", {"host": FLOATS[1:]}, ["sqrt"]),
                              api("numpy.log", {"host": FLOATS}, ["log"])],
                             [result("sqrt", d) for d in FLOATS[1:]]
                             + [result("log", d, xfailed=int(d == "complex64")) for d in FLOATS[:-1]])
        self.assertEqual(rows["numpy.sqrt"]["problems"], ["host: missing relative to NumPy: float16"])
        self.assertEqual(rows["numpy.log"]["problems"],
                         ["host: known differences (xfail): complex64", "host: no case ran: complex128"])

    def test_a_failure_in_a_dtype_cast_to_a_loop_counts(self):
        rows, _ = self.build([api("numpy.sqrt", {"host": FLOATS}, ["sqrt"])],
                             [result("sqrt", d) for d in FLOATS] + [result("sqrt", "int8", failed=1)])
        self.assertEqual(rows["numpy.sqrt"]["problems"], ["host: fails: int8"])

    def test_an_api_without_arrays_is_judged_by_its_dtype_free_row(self):
        rows, _ = self.build([api("numpy.broadcast_shapes", {"host": list(DTYPES)}, ["broadcast_shapes"], "view")],
                             [result("broadcast_shapes", "scalar")])
        self.assertEqual(rows["numpy.broadcast_shapes"]["status"], "conformant")
        rows, _ = self.build([api("numpy.broadcast_shapes", {"host": list(DTYPES)}, ["broadcast_shapes"], "view")],
                             [result("broadcast_shapes", "scalar", failed=1)])
        self.assertEqual(rows["numpy.broadcast_shapes"]["problems"], ["host: fails: scalar"])

    def test_a_present_backend_without_the_api_is_partial(self):
        rows, _ = self.build([api("numpy.sqrt", {"host": FLOATS}, ["sqrt"])], [result("sqrt", d) for d in FLOATS],
                             cuda=True)
        self.assertEqual(rows["numpy.sqrt"]["problems"], ["cuda: not implemented"])

    def test_alias_of_a_registered_api_says_so(self):
        rows, _ = self.build([api("numpy.absolute", {"host": list(DTYPES)}, ["absolute"])], [])
        self.assertEqual(rows["numpy.abs"]["status"], "missing")
        self.assertIn("alias of numpy.absolute", rows["numpy.abs"]["problems"][0])

    def test_registry_with_another_schema(self):
        with self.assertRaisesRegex(coverage.RegistryError, "reg.json: wrong schema"):
            coverage.merge_registries([("reg.json", {"schema": "cunp-registry/9"})])


class Gate(unittest.TestCase):
    def report(self, cells_by_api, numpy_version="2.4.6", present=("host",)):
        return {"schema": coverage.SCHEMA, "numpy_version": numpy_version, "present": list(present),
                "apis": [{"name": n, "status": "partial" if cells else "missing", "cells": cells}
                         for n, cells in cells_by_api.items()]}

    @staticmethod
    def cell(passed=3, failed=0):
        return {"passed": passed, "failed": failed, "skipped": 0, "xfailed": 0, "xpassed": 0}

    def test_unchanged_passes(self):
        old = self.report({"numpy.add": {"host": {"int8": self.cell()}}})
        self.assertEqual(baseline.regressions(old, old), ([], []))

    def test_fail_vanish_and_removed_api_are_regressions(self):
        old = self.report({"numpy.add": {"host": {"int8": self.cell(), "int16": self.cell()}},
                           "numpy.sin": {"host": {"float32": self.cell()}}})
        new = self.report({"numpy.add": {"host": {"int8": self.cell(failed=1)}}, "numpy.sin": {}})
        found, _ = baseline.regressions(old, new)
        self.assertEqual(len(found), 3, found)
        self.assertTrue(any("numpy.add host int8" in f and "1 failed" in f for f in found))
        self.assertTrue(any("numpy.add host int16" in f and "no results" in f for f in found))
        self.assertTrue(any(f.startswith("numpy.sin: was partial, now missing") for f in found))

    def test_other_numpy_version_warns_and_compares_common_apis(self):
        old = self.report({"numpy.add": {"host": {"int8": self.cell()}}, "numpy.gone": {"host": {"int8": self.cell()}}},
                          numpy_version="2.3.0")
        new = self.report({"numpy.add": {"host": {"int8": self.cell()}}})
        found, warnings = baseline.regressions(old, new)
        self.assertEqual(found, [])
        self.assertIn("NumPy 2.3.0", warnings[0])

    def test_a_lost_backend_is_a_regression(self):
        old = self.report({"numpy.add": {"host": {"int8": self.cell()}, "cuda": {"int8": self.cell()}}},
                          present=("host", "cuda"))
        found, _ = baseline.regressions(old, self.report({"numpy.add": {"host": {"int8": self.cell()}}}))
        self.assertEqual(found, ["backend cuda: present in the baseline, absent now (compare reports from like machines)"])


class Junit(unittest.TestCase):
    def test_cases_outcomes(self):
        cases = [{"id": 0, "label": "add(int8[3])", "outcome": "passed", "time": 0.5},
                 {"id": 1, "label": "add(int8[0])", "outcome": "failed", "reason": "values differ", "replay": "R1"},
                 {"id": 2, "outcome": "skipped", "reason": "why"},
                 {"id": 3, "outcome": "xfailed", "reason": "known"},
                 {"id": 4, "outcome": "xpassed", "reason": "known", "replay": "R4"}]
        xml = junit_xml([{"entries": [{"op": "add", "backend": "host", "reference": "numpy", "dtype": "int8",
                                       "cases": cases}]}])
        root = ET.fromstring(xml)
        self.assertEqual((root.get("tests"), root.get("failures"), root.get("skipped")), ("5", "2", "2"))
        tcs = root.findall("./testsuite/testcase")
        self.assertEqual(tcs[0].get("name"), "#0 add(int8[3])")
        self.assertEqual(tcs[0].get("classname"), "cunp.host.numpy.add.int8")
        self.assertIn("replay: R1", tcs[1].find("failure").text)
        self.assertEqual(tcs[3].find("skipped").get("type"), "xfail")
        self.assertIn("expected to fail", tcs[4].find("failure").get("message"))


class CommandLine(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        self.results = self.root / "results"
        self.results.mkdir()
        (self.results / "registry.json").write_text(json.dumps(registry([api("numpy.sqrt", {"host": FLOATS}, ["sqrt"])])))
        self.write_results([result("sqrt", d) for d in FLOATS])

    def tearDown(self):
        self._tmp.cleanup()

    def write_results(self, results, numpy_version=np.__version__):
        (self.results / "sqrt.host.numpy.json").write_text(json.dumps(results_doc(results, numpy_version)))

    def run_main(self, *extra, out="out"):
        err, stdout = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(stdout):
            rc = make_report.main(["--results", str(self.results), "--out", str(self.root / out), *extra])
        return rc, stdout.getvalue(), err.getvalue()

    def test_writes_every_output_and_a_summary(self):
        rc, out, err = self.run_main()
        self.assertEqual(rc, 0, err)
        for name in ("index.html", "report.md", "report.json", "junit.xml", "conformance.md", "conformance.json"):
            self.assertTrue((self.root / "out" / name).is_file(), name)
        self.assertRegex(out, r"cunp 1 of \d+ APIs")
        self.assertIn("host: 100.00% of 10 cases passed", out)
        self.assertIn("site: ", out)

    def test_missing_results_folder(self):
        rc, _, err = self.run_main("--results", str(self.root / "nowhere"))
        self.assertEqual(rc, 2)
        self.assertIn("nowhere: results folder does not exist", err)
        self.assertNotIn("Traceback", err)

    def test_results_of_another_schema(self):
        (self.results / "old.json").write_text(json.dumps({"schema": "cunp-conformance-results/9", "results": []}))
        rc, _, err = self.run_main()
        self.assertEqual(rc, 2)
        self.assertIn("old.json: wrong schema", err)

    def test_no_registry(self):
        (self.results / "registry.json").unlink()
        rc, _, err = self.run_main()
        self.assertEqual(rc, 2)
        self.assertIn("no registry dump", err)

    def test_gate_passes_unchanged_and_catches_a_planted_regression(self):
        self.assertEqual(self.run_main(out="before")[0], 0)
        old = str(self.root / "before" / "report.json")
        rc, out, err = self.run_main("--baseline", old)
        self.assertEqual(rc, 0, err)
        self.assertIn("no regression", out)
        self.write_results([result("sqrt", d, failed=int(d == "float32")) for d in FLOATS])
        rc, _, err = self.run_main("--baseline", old)
        self.assertEqual(rc, 1)
        self.assertIn("numpy.sqrt host float32: passed 2 cases before, now 2 passed, 1 failed", err)

    def test_baseline_from_another_numpy_warns(self):
        self.assertEqual(self.run_main(out="before")[0], 0)
        old_path = self.root / "before" / "report.json"
        old = json.loads(old_path.read_text())
        old["numpy_version"] = "1.26.4"
        old_path.write_text(json.dumps(old))
        rc, _, err = self.run_main("--baseline", str(old_path))
        self.assertEqual(rc, 0)
        self.assertIn("the baseline is from NumPy 1.26.4", err)

    def test_baseline_that_is_not_a_report(self):
        bad = self.root / "bad.json"
        bad.write_text(json.dumps({"schema": "cunp-conformance-report/2"}))
        rc, _, err = self.run_main("--baseline", str(bad))
        self.assertEqual(rc, 2)
        self.assertIn("not a coverage report", err)


if __name__ == "__main__":
    unittest.main()
