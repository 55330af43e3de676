#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs packages (idempotent),
# configures and builds in ./build, then runs every test with CTest. The PostgreSQL
# tests start their own throwaway PostgreSQL 15 cluster (a CTest fixture) and stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900
# The libFuzzer targets (clang, ASan + UBSan over the core), 60 s each on their seed
# corpora; TEMPEST_FUZZ_SECONDS=0 skips them (docs/reliability.md has the long form).
fuzz_seconds=${TEMPEST_FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" -gt 0 ]; then
  bash scripts/fuzz.sh "$fuzz_seconds"
fi
