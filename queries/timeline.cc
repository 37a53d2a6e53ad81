#include "queries/timeline.h"

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
  store.ScanTimeline(*term, filter.FirstTimeKey(), filter.LastTimeKey(),
                     [&](const keys::TimeKey& k) {
                       if (!other.empty() && !between.count(k.stmt)) return true;
                       auto s = store.GetStatement(k.stmt);
                       if (s && filter.Matches(*s)) out.push_back({k.stmt, std::move(*s)});
                       return true;
                     });
  return out;
}

}  // namespace diplograph
