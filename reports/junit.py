"""JUnit XML at the case level, from the results files, for CI dashboards (ctest's --output-junit
stops at the test level). One <testsuite> per (op, backend, reference), one <testcase> per case:
a failure or an xpass is a <failure> (an xpass fails the run, as in ctest), a skip is <skipped>,
and an expected failure is <skipped type="xfail"> with its reason, as pytest writes it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def junit_xml(loaded: list[dict]) -> str:
    suites: dict[tuple, list[tuple[str, dict]]] = {}
    for doc in loaded:
        for e in doc["entries"]:
            key = (e["op"], e["backend"], e["reference"])
            suites.setdefault(key, []).extend((e["dtype"], c) for c in e["cases"])
    root = ET.Element("testsuites", name="cunp conformance")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for (op, backend, reference), cases in sorted(suites.items()):
        suite = ET.SubElement(root, "testsuite", name=f"conformance.{op}.{backend}.{reference}")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        time = 0.0
        for dtype, c in sorted(cases, key=lambda dc: (dc[1].get("id", -1), dc[0])):
            t = float(c.get("time", 0.0))
            time += t
            case = ET.SubElement(suite, "testcase", classname=f"cunp.{backend}.{reference}.{op}.{dtype}",
                                 name=f"#{c.get('id')} {c.get('label', '')}".strip(), time=f"{t:.6f}")
            outcome, reason = c["outcome"], c.get("reason", "")
            counts["tests"] += 1
            if outcome in ("failed", "xpassed"):
                counts["failures"] += 1
                message = reason if outcome == "failed" else f"passed, but was expected to fail: {reason}"
                fail = ET.SubElement(case, "failure", message=message[:500], type=outcome)
                fail.text = f"{message}\nreplay: {c.get('replay', '')}"
            elif outcome in ("skipped", "xfailed"):
                counts["skipped"] += 1
                attrs = {"message": reason[:500]}
                if outcome == "xfailed":
                    attrs["type"] = "xfail"
                ET.SubElement(case, "skipped", attrs)
        suite.set("tests", str(counts["tests"]))
        suite.set("failures", str(counts["failures"]))
        suite.set("errors", "0")
        suite.set("skipped", str(counts["skipped"]))
        suite.set("time", f"{time:.3f}")
        for k in totals:
            totals[k] += counts[k]
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
