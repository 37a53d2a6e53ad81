// What the fuzz harnesses share: invariant checks that abort, so that libFuzzer keeps the input.
#pragma once

#include <cstdio>
#include <cstdlib>

// A broken invariant is a finding like a crash: abort() makes libFuzzer save
// the input as a crash-* artifact and stop.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)
