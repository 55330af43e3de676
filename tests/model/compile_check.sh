#!/usr/bin/env bash
# Runs a compiler on one source and judges the outcome, for the model API's
# compile-time checks:
#   compile_check.sh fail SOURCE [--expect MESSAGE] -- COMPILER ARGS...
#     the source must NOT compile, and the compiler's FIRST error must contain MESSAGE
#     (by default the text after "// expect-error: " in the source), so a typo or an
#     unrelated error cannot pass for the check under test.
#   compile_check.sh pass SOURCE -- COMPILER ARGS...
#     the source must compile without a single warning.
set -u
mode=${1:?usage: compile_check.sh fail|pass SOURCE [--expect MESSAGE] -- COMPILER ARGS...}
src=${2:?missing SOURCE}
shift 2
expect=""
if [ "${1:-}" = "--expect" ]; then
  expect=${2:?--expect needs a message}
  shift 2
fi
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "no compiler command given"; exit 2; }

out=$("$@" "$src" 2>&1)
rc=$?

case $mode in
  pass)
    if [ $rc -ne 0 ]; then
      echo "FAIL: $src was expected to compile; it did not:"
      echo "$out"
      exit 1
    fi
    if grep -q "warning:" <<<"$out"; then
      echo "FAIL: $src compiled with warnings:"
      echo "$out"
      exit 1
    fi
    echo "ok: $src compiles"
    ;;
  fail)
    [ -n "$expect" ] || expect=$(sed -n 's|^// expect-error: ||p' "$src" | head -n 1)
    if [ -z "$expect" ]; then
      echo "FAIL: $src names no expected error (a line '// expect-error: MESSAGE')"
      exit 2
    fi
    if [ $rc -eq 0 ]; then
      echo "FAIL: $src was expected not to compile, but it compiled"
      exit 1
    fi
    first=$(grep -m 1 "error:" <<<"$out")
    if [[ "$first" != *"$expect"* ]]; then
      echo "FAIL: $src did not compile, but not for the expected reason"
      echo "expected first error to contain: $expect"
      echo "compiler said:"
      head -n 60 <<<"$out"
      exit 1
    fi
    echo "ok: $src is rejected: $first"
    ;;
  *)
    echo "unknown mode $mode (fail or pass)"
    exit 2
    ;;
esac
