// PatternPlan: the order a pattern query joins its patterns in, most selective first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "queries/pattern_resolve.h"
#include "store/store.h"

namespace diplograph {

// Estimates stop counting here, so planning stays cheap on a large store.
constexpr uint64_t kEstimateCap = 10000;

// Index entries matching the pattern's constants, either way round for a
// symmetric statement when the pattern allows it, at most kEstimateCap.
uint64_t EstimateMatches(const Store& store, const ResolvedPattern& pattern);

// Pattern indices in join order: first the pattern with the fewest estimated
// matches; then, while any remains, the one with the fewest among those
// sharing a variable with the patterns already joined (each such variable is
// bound by then, narrowing its scan), or among all when none shares one.
// Ties go to the earlier pattern.
std::vector<size_t> PlanJoinOrder(const Store& store, const std::vector<ResolvedPattern>& patterns);

}  // namespace diplograph
