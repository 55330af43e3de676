# Sourced by scripts/test.sh (and by hand: `source scripts/sanitizer-env.sh`) before
# running a TEMPEST_SANITIZE build: the first report ends the process with a non-zero
# exit, leaks are reported, and the leak suppressions name only libraries outside this
# repository (tests/sanitizers/lsan.supp says which and why).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_odr_violation=0:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
unset root
