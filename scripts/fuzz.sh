#!/bin/bash
# Builds the libFuzzer harnesses (fuzz/) with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# into build-fuzz/, then runs each for SECONDS (default 600), one after the other, and prints
# its executions. Usage: scripts/fuzz.sh [SECONDS] [TARGET...] (targets: fuzz/fuzz_TARGET.cc).
# Findings go to build-fuzz/artifacts/, logs to build-fuzz/logs/, the grown corpora to
# build-fuzz/corpus/ (the seeds in fuzz/corpus/ are only read). CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true

cxx=""
for candidate in clang++-14 clang++; do
  if command -v "$candidate" >/dev/null; then
    cxx=$candidate
    break
  fi
done
# libFuzzer's runtime ships apart from the compiler on Debian.
if [[ -z $cxx ]] || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
  "$cxx" -x c++ -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null; then
  echo "scripts/fuzz.sh needs clang with libFuzzer; on Debian 12:" >&2
  echo "  sudo apt-get install -y clang-14 libclang-rt-14-dev" >&2
  exit 1
fi
scripts/setup.sh

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDIPLOGRAPH_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzzers

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in fuzz/fuzz_*.cc; do
    t=${f#fuzz/fuzz_}
    targets+=("${t%.cc}")
  done
fi

mkdir -p build-fuzz/artifacts build-fuzz/logs
failed=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  log="build-fuzz/logs/$t.log"
  start=$SECONDS
  status=0
  # -timeout: an input that runs 30 s is a hang, a finding like a crash.
  "build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$t-" "build-fuzz/corpus/$t" "fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(find "build-fuzz/corpus/$t" -type f | wc -l)
  if [[ $status -eq 0 ]]; then
    echo "$t: ${runs:-?} executions in $((SECONDS - start)) s, no finding (corpus $corpus inputs)"
  else
    echo "$t: FAILED after ${runs:-?} executions in $((SECONDS - start)) s; see $log and" \
      "build-fuzz/artifacts/$t-*"
    failed=1
  fi
done
exit $failed
