#!/bin/bash
# Builds diplograph and its tests with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ and runs the whole test suite there: any memory error, leak or undefined behaviour
# aborts the program that has it, and fails its test. The hostile-input and crash tests run on
# smaller inputs (the sizes below) to keep the run well under half an hour on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# -O1 and line tables only: quicker to build than -O2 -g, and reports
# still name file and line.
# -Wno-maybe-uninitialized: at -O1 with the sanitizers, GCC 12 misfires it inside
# libstdc++'s std::regex (which Catch2 uses); the normal build keeps the warning.
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
flags+=" -Wno-maybe-uninitialized"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j"$(nproc)"

# Every report ends the program with a failure; leaks are reported at exit.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
# Several times slower under the sanitizers: smaller hostile inputs.
export DIPLOGRAPH_HOSTILE_MB=${DIPLOGRAPH_HOSTILE_MB:-6}
export DIPLOGRAPH_HOSTILE_FILES=${DIPLOGRAPH_HOSTILE_FILES:-20000}
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" --timeout 1500
