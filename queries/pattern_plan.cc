#include "queries/pattern_plan.h"

#include <algorithm>
#include <array>

namespace diplograph {

namespace {

std::array<const ResolvedTerm*, 3> Terms(const ResolvedPattern& p) {
  return {&p.subject, &p.predicate, &p.object};
}

bool SharesBoundVariable(const ResolvedPattern& p, const std::vector<bool>& bound) {
  for (const ResolvedTerm* t : Terms(p))
    if (t->variable >= 0 && bound[t->variable]) return true;
  return false;
}

}  // namespace

uint64_t EstimateMatches(const Store& store, const ResolvedPattern& pattern) {
  uint64_t count = 0;
  const uint64_t s = pattern.subject.term, p = pattern.predicate.term, o = pattern.object.term;
  store.ScanTriples({s, p, o}, [&](const Triple&) { return ++count < kEstimateCap; });
  if (!pattern.either_way || count >= kEstimateCap) return count;
  const std::vector<uint64_t> symmetric = SymmetricPredicateTerms(store);
  store.ScanTriples({o, p, s}, [&](const Triple& t) {
    if (t.subject != t.object &&
        std::find(symmetric.begin(), symmetric.end(), t.predicate) != symmetric.end())
      ++count;
    return count < kEstimateCap;
  });
  return count;
}

std::vector<size_t> PlanJoinOrder(const Store& store,
                                  const std::vector<ResolvedPattern>& patterns) {
  std::vector<uint64_t> estimate;
  int variables = 0;
  for (const ResolvedPattern& p : patterns) {
    estimate.push_back(EstimateMatches(store, p));
    for (const ResolvedTerm* t : Terms(p)) variables = std::max(variables, t->variable + 1);
  }
  std::vector<bool> used(patterns.size(), false);
  std::vector<bool> bound(variables, false);
  std::vector<size_t> order;
  while (order.size() < patterns.size()) {
    size_t best = patterns.size();
    bool best_shares = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      const bool shares = SharesBoundVariable(patterns[i], bound);
      if (best == patterns.size() || (shares && !best_shares) ||
          (shares == best_shares && estimate[i] < estimate[best])) {
        best = i;
        best_shares = shares;
      }
    }
    used[best] = true;
    order.push_back(best);
    for (const ResolvedTerm* t : Terms(patterns[best]))
      if (t->variable >= 0) bound[t->variable] = true;
  }
  return order;
}

}  // namespace diplograph
