#include "queries/timeline.h"

#include <algorithm>
#include <unordered_set>

namespace diplograph {

std::vector<StoredStatement> Timeline(const Store& store, std::string_view id, const Filter& filter,
                                      std::string_view other) {
  std::vector<StoredStatement> out;
  const auto term = store.TermId(id);
  if (!term) return out;
  // With `other`, the statements between the two come from two osp prefix
  // scans, so the timeline scan fetches only their records.
  std::unordered_set<uint64_t> between;
  if (!other.empty()) {
    const auto other_term = store.TermId(other);
    if (!other_term) return out;
    auto collect = [&](const Triple& t) {
      between.insert(t.stmt);
      return true;
    };
    store.ScanTriples({*term, 0, *other_term}, collect);
    store.ScanTriples({*other_term, 0, *term}, collect);
    if (between.empty()) return out;
  }
  std::vector<uint64_t> in_order;  // by date, as the time index gives them
  store.ScanTimeline(*term, filter.FirstTimeKey(), filter.LastTimeKey(),
                     [&](const keys::TimeKey& k) {
                       if (other.empty() || between.count(k.stmt)) in_order.push_back(k.stmt);
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
