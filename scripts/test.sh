#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs packages (idempotent),
# configures and builds in ./build-sanitize with AddressSanitizer and
# UndefinedBehaviorSanitizer over every target (TEMPEST_SANITIZE), then runs every test
# with CTest. The PostgreSQL tests start their own throwaway PostgreSQL 15 cluster (a
# CTest fixture) and stop it. Then the libFuzzer targets run (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
# One build for the suite, sanitized: a memory error, a leak or undefined behaviour in
# any test (or in a tempest-migrate it starts) fails that test. A plain build
# (scripts/run.sh, ./build) passes the same tests.
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTEMPEST_SANITIZE=ON
cmake --build build-sanitize -j"$jobs"
export QT_QPA_PLATFORM=offscreen
source scripts/sanitizer-env.sh
ctest --test-dir build-sanitize --output-on-failure -j"$jobs" --timeout 900
# The libFuzzer targets (clang, ASan + UBSan over the core), 30 s each on their seed
# corpora; TEMPEST_FUZZ_SECONDS=0 skips them (docs/reliability.md has the long form).
fuzz_seconds=${TEMPEST_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" -gt 0 ]; then
  bash scripts/fuzz.sh "$fuzz_seconds"
fi
