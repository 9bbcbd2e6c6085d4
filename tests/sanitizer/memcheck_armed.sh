#!/usr/bin/env bash
# Proves compute-sanitizer's memcheck is armed: the planted out-of-bounds kernel must be reported.
#   tests/sanitizer/memcheck_armed.sh <compute-sanitizer> <cunp_planted_oob> [log]
# Exit 0: reported; 1: not reported (the sanitizer run proves nothing); 77: no GPU or no sanitizer.
set -uo pipefail
sanitizer=$1 exe=$2 log=${3:-$(mktemp)}
"$exe" >/dev/null 2>&1
rc=$?
if [ $rc = 77 ]; then echo "SKIPPED: no CUDA device visible"; exit 77; fi
if [ $rc != 0 ]; then echo "FAIL: $exe alone exited $rc"; exit 1; fi
if ! [ -x "$sanitizer" ] && ! command -v "$sanitizer" >/dev/null; then
  echo "SKIPPED: compute-sanitizer not found ($sanitizer)"; exit 77
fi
"$sanitizer" --tool memcheck --error-exitcode 99 "$exe" >"$log" 2>&1
rc=$?
if [ $rc = 99 ] && grep -q "Invalid __global__ write of size 4" "$log"; then
  echo "memcheck armed: the planted out-of-bounds write was reported ($(grep -m1 'ERROR SUMMARY' "$log"))"
  exit 0
fi
echo "FAIL: memcheck did not report the planted out-of-bounds write (rc=$rc); its output:"
cat "$log"
exit 1
