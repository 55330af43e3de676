#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in ./build-fuzz and runs each for
# SECONDS (default 60) on a scratch copy of its seed corpus (tests/fuzz/corpus/<name>).
# Exits 1 on the first crash, leak or sanitizer report, leaving the reproducer in
# build-fuzz/artifacts/. Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(ir_reader migration_file project_file sqlite_create cli_args)
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-fuzz -DTEMPEST_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$jobs" >/dev/null

mkdir -p build-fuzz/artifacts
for target in "${targets[@]}"; do
  corpus=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$target/." "$corpus/"
  echo "fuzz: $target for ${seconds} s ($(ls "$corpus" | wc -l) seeds)"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
       "build-fuzz/tests/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
       -max_len=65536 -timeout=10 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/${target}-" \
       >"build-fuzz/artifacts/$target.log" 2>&1; then
    tail -60 "build-fuzz/artifacts/$target.log"
    echo "fuzz: $target FAILED (reproducer in build-fuzz/artifacts/)"
    rm -rf "$corpus"
    exit 1
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "build-fuzz/artifacts/$target.log" | tail -2 || true
  rm -rf "$corpus"
done
echo "fuzz: ${#targets[@]} targets ran ${seconds} s each without a finding"
