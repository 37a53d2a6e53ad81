#include "queries/timeline.h"

#include <algorithm>

namespace diplograph {

std::vector<StoredStatement> Timeline(const Store& store, std::string_view id, const Filter& filter,
                                      std::string_view other) {
  std::vector<StoredStatement> out;
  const auto term = store.TermId(id);
  if (!term) return out;
  // Each time entry names the statement's other party: with `other`, only
  // the statements between the two have their records read.
  uint64_t other_term = 0;
  if (!other.empty()) {
    const auto found = store.TermId(other);
    if (!found) return out;
    other_term = *found;
  }
  std::vector<uint64_t> in_order;  // by date, as the time index gives them
  store.ScanTimeline(*term, filter.FirstTimeKey(), filter.LastTimeKey(),
                     [&](const keys::TimeKey& k, const TimeValue& v) {
                       if (!other_term || v.other == other_term) in_order.push_back(k.stmt);
                       return true;
                     });
  // Read in id order, in batches; then put back in date order.
  std::vector<uint64_t> ids = in_order;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Statement> statements = store.GetStatements(ids);
  for (const uint64_t id : in_order) {
    const size_t i = std::lower_bound(ids.begin(), ids.end(), id) - ids.begin();
    // Each statement has one time entry per entity, so each is moved once.
    if (filter.Matches(statements[i])) out.push_back({id, std::move(statements[i])});
  }
  return out;
}

}  // namespace diplograph
