#include "queries/timeline.h"

#include <algorithm>
#include <unordered_map>

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

TimelinePage TimelineSlice(const Store& store, std::string_view id, const Filter& filter,
                           std::string_view other, size_t offset, size_t limit) {
  TimelinePage page;
  if (filter.NeedsRecord()) {
    std::vector<StoredStatement> all = Timeline(store, id, filter, other);
    page.total = all.size();
    for (size_t i = offset; i < all.size() && i < offset + limit; ++i)
      page.statements.push_back(std::move(all[i]));
    return page;
  }
  const auto term = store.TermId(id);
  if (!term) return page;
  uint64_t other_term = 0;
  if (!other.empty()) {
    const auto found = store.TermId(other);
    if (!found) return page;
    other_term = *found;
  }
  std::unordered_map<uint64_t, bool> predicate_passes;  // by predicate term
  std::vector<uint64_t> ids;                            // the page's, by date
  store.ScanTimeline(*term, filter.FirstTimeKey(), filter.LastTimeKey(),
                     [&](const keys::TimeKey& k, const TimeValue& v) {
                       if (other_term && v.other != other_term) return true;
                       auto known = predicate_passes.find(v.predicate);
                       if (known == predicate_passes.end())
                         known = predicate_passes
                                     .emplace(v.predicate,
                                              filter.MatchesPredicate(store.Term(v.predicate)))
                                     .first;
                       if (!known->second) return true;
                       if (page.total >= offset && page.total < offset + limit)
                         ids.push_back(k.stmt);
                       ++page.total;
                       return true;
                     });
  // Read in id order, in batches; then put back in date order.
  std::vector<uint64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  std::vector<Statement> statements = store.GetStatements(sorted);
  for (const uint64_t stmt : ids) {
    const size_t i = std::lower_bound(sorted.begin(), sorted.end(), stmt) - sorted.begin();
    page.statements.push_back({stmt, std::move(statements[i])});
  }
  return page;
}

}  // namespace diplograph
