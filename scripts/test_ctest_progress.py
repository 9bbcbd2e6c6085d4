"""Unit tests for scripts/ctest-progress:
  .venv/bin/python -m unittest scripts/test_ctest_progress.py"""

import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ctest-progress')
# The script has no .py suffix, so the loader has to be named explicitly.
_loader = importlib.machinery.SourceFileLoader('ctest_progress', SCRIPT)
_spec = importlib.util.spec_from_loader('ctest_progress', _loader)
cp = importlib.util.module_from_spec(_spec)
_loader.exec_module(cp)

CONTROL = re.compile(r'[\x00-\x1f\x7f]')


class ParseCompletion(unittest.TestCase):
    def check(self, line, name, status, outcome, seconds, index=3, total=62):
        r = cp.parse_completion(line)
        self.assertIsNotNone(r, line)
        self.assertEqual((r.index, r.total, r.name, r.status, r.outcome, r.seconds),
                         (index, total, name, status, outcome, seconds))

    def test_passed(self):
        self.check('  3/62 Test  #12: conformance.add.host ..............   Passed    4.21 sec',
                   'conformance.add.host', 'Passed', 'passed', 4.21)

    def test_failed(self):
        self.check('  3/62 Test  #12: conformance.add.host ..............***Failed    0.52 sec',
                   'conformance.add.host', 'Failed', 'failed', 0.52)

    def test_failed_with_reason(self):
        self.check('3/62 Test #1: a ....***Failed  Required regular expression not found. Regex=[ok]  0.01 sec',
                   'a', 'Failed  Required regular expression not found. Regex=[ok]', 'failed', 0.01)

    def test_skipped(self):
        self.check('  3/62 Test  #12: x ....***Skipped   0.00 sec', 'x', 'Skipped', 'skipped', 0.0)
        self.check('  3/62 Test  #12: x ....   Skipped   0.00 sec', 'x', 'Skipped', 'skipped', 0.0)

    def test_not_run(self):
        self.check('  3/62 Test  #12: x ....***Not Run   0.00 sec', 'x', 'Not Run', 'failed', 0.0)
        self.check('  3/62 Test  #12: x ....***Not Run (Disabled)   0.00 sec',
                   'x', 'Not Run (Disabled)', 'skipped', 0.0)

    def test_timeout(self):
        self.check('62/62 Test #120: fuzz.campaign.host ....***Timeout 1500.03 sec',
                   'fuzz.campaign.host', 'Timeout', 'failed', 1500.03, 62, 62)

    def test_exception(self):
        self.check('  3/62 Test  #12: x ....***Exception: SegFault  0.02 sec',
                   'x', 'Exception: SegFault', 'failed', 0.02)
        self.check('  3/62 Test  #12: x ....Subprocess aborted***Exception:   0.02 sec',
                   'x', 'Subprocess aborted***Exception:', 'failed', 0.02)

    def test_pass_through_lines(self):
        for line in ['Test project /work/main/build/harness',
                     '      Start 12: conformance.add.host',
                     'AssertionError: arrays differ at index 3',
                     '',
                     '100% tests passed, 0 tests failed out of 62',
                     'Total Test time (real) =  95.30 sec',
                     'The following tests FAILED:',
                     '\t 12 - conformance.add.host (Failed)']:
            self.assertIsNone(cp.parse_completion(line), line)

    def test_start_line(self):
        self.assertEqual(cp.START_RE.match('      Start 12: conformance.add.host').group(1),
                         'conformance.add.host')


class ParseFiles(unittest.TestCase):
    def test_costs(self):
        text = ('conformance.add.host 6 1.45073\n'
                'conformance.cumsum.host 4 12.1945\n'
                '---\n'
                'fuzz.campaign.host\n')
        self.assertEqual(cp.parse_costs(text),
                         {'conformance.add.host': 1.45073, 'conformance.cumsum.host': 12.1945})

    def test_listing(self):
        text = ('Test project /work/main/build/harness\n'
                '  Test  #91: conformance.loops.add\n'
                '  Test #100: conformance.loops.absolute\n'
                '\n'
                'Total Tests: 2\n')
        self.assertEqual(cp.parse_listing(text), ['conformance.loops.add', 'conformance.loops.absolute'])


class Eta(unittest.TestCase):
    def test_unknown_before_first_test(self):
        self.assertIsNone(cp.estimate_eta(5.0, 0, 10))
        self.assertEqual(cp.eta_text(None), 'ETA --:--')

    def test_count_based(self):
        self.assertAlmostEqual(cp.estimate_eta(20.0, 4, 10), 30.0)

    def test_cost_weighted(self):
        # 10 s of test time took 5 s of wall time (-j 2): 30 s of tests left take 15 s.
        self.assertAlmostEqual(cp.estimate_eta(5.0, 2, 10, done_cost=10.0, remaining_cost=30.0), 15.0)

    def test_zero_done_cost_falls_back_to_counts(self):
        self.assertAlmostEqual(cp.estimate_eta(2.0, 1, 3, done_cost=0.0, remaining_cost=50.0), 4.0)

    def test_progress_uses_costs_and_counts_down(self):
        p = cp.Progress(['a', 'b', 'c', 'new'], {'a': 1.0, 'b': 2.0, 'c': 3.0}, start=100.0)
        p.finished(cp.Result(1, 4, 'a', 'Passed', 'passed', 2.0), now=104.0)
        # Left: b (2) + c (3) + new (unknown: the mean, 2) = 7 s of tests at 4 s wall per 2 s test time.
        self.assertAlmostEqual(p.remaining_cost(), 7.0)
        self.assertAlmostEqual(p.eta(104.0), 14.0)
        self.assertAlmostEqual(p.eta(110.0), 8.0)
        self.assertEqual(p.eta(200.0), 0.0)

    def test_progress_without_costs_uses_counts(self):
        p = cp.Progress(None, {}, start=0.0)
        p.finished(cp.Result(1, 4, 'a', 'Passed', 'passed', 1.0), now=3.0)
        self.assertAlmostEqual(p.eta(3.0), 9.0)

    def test_format_duration(self):
        self.assertEqual(cp.format_duration(72), '1:12')
        self.assertEqual(cp.format_duration(5), '0:05')
        self.assertEqual(cp.format_duration(3723), '1:02:03')


class Rendering(unittest.TestCase):
    def setUp(self):
        self.p = cp.Progress(None, {}, start=0.0)
        self.r = cp.Result(23, 62, 'conformance.add.cuda', 'Passed', 'passed', 4.2)
        self.p.finished(self.r, now=72.0)

    def test_plain_line(self):
        line = cp.plain_line(self.r, self.p, 72.0)
        self.assertEqual(line, '[23/62 37%] Passed conformance.add.cuda (4.2 s) elapsed 1:12 ETA 2:02')
        self.assertIsNone(CONTROL.search(line))

    def test_bar_fits_width(self):
        self.p.started('conformance.add.cuda')
        for width in (40, 80, 200):
            line = cp.bar_line(self.p, 72.0, width)
            self.assertLess(len(line), width)
            self.assertTrue(line.startswith('[###'))
        self.assertIn('23/62  37%  passed 1 failed 0 skipped 0  1:12 elapsed, ETA 2:02  conformance.add.cuda',
                      cp.bar_line(self.p, 72.0, 200))

    def test_summary(self):
        self.p.finished(cp.Result(24, 62, 'b', 'Failed', 'failed', 1.0), now=80.0)
        self.assertEqual(cp.summary_lines('ctest', self.p, 80.0),
                         ['ctest: 2 tests in 1:20: 1 passed, 1 failed, 0 skipped', '  failed: b'])


FAKE_CTEST = '''#!{python}
import sys
if '-N' in sys.argv:
    print('Test project /fake')
    for i, name in enumerate(['a', 'b', 'c'], 1):
        print(f'  Test #{{i}}: {{name}}')
    print('\\nTotal Tests: 3')
    sys.exit(0)
print('Test project /fake')
print('    Start 1: a')
print('1/3 Test #1: a ................   Passed    0.01 sec')
print('    Start 2: b')
print('2/3 Test #2: b ................***Failed    0.02 sec')
print('boom: expected 1, got 2')
print('    Start 3: c')
print('3/3 Test #3: c ................***Skipped   0.00 sec')
print()
print('67% tests passed, 1 tests failed out of 3')
print('The following tests FAILED:')
print('\\t  2 - b (Failed)')
sys.exit(8)
'''


class EndToEnd(unittest.TestCase):
    def test_fake_ctest(self):
        with tempfile.TemporaryDirectory() as build:
            fake = os.path.join(build, 'fake-ctest')
            with open(fake, 'w') as f:
                f.write(FAKE_CTEST.format(python=sys.executable))
            os.chmod(fake, 0o755)
            os.makedirs(os.path.join(build, 'Testing', 'Temporary'))
            with open(os.path.join(build, cp.COST_FILE), 'w') as f:
                f.write('a 1 0.5\nb 1 1.0\nc 1 2.0\n---\n')
            run = subprocess.run([sys.executable, SCRIPT, '--label', 'fake', '--ctest', fake, '--', '-j', '1'],
                                 cwd=build, capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 8, run.stderr)
        out = run.stdout.splitlines()
        self.assertIn('boom: expected 1, got 2', out)
        self.assertIn('\t  2 - b (Failed)', out)
        self.assertTrue(any(l.startswith('[2/3 66%] Failed b (0.0 s)') for l in out), out)
        self.assertNotIn('    Start 1: a', out)
        self.assertEqual(out[-2:], ['fake: 3 tests in 0:00: 1 passed, 1 failed, 1 skipped', '  failed: b'])
        self.assertNotIn('\x1b', run.stdout)
        self.assertNotIn('\r', run.stdout)


if __name__ == '__main__':
    unittest.main()
