#include "queries/relations.h"

#include <algorithm>

#include "queries/statement_order.h"

namespace diplograph {

std::vector<StoredStatement> Relations(const Store& store, std::string_view a, std::string_view b,
                                       const Filter& filter) {
  std::vector<StoredStatement> out;
  const auto ta = store.TermId(a);
  const auto tb = store.TermId(b);
  if (!ta || !tb) return out;
  std::vector<uint64_t> ids;
  // The time entries of the one with fewer statements name each one's other
  // party, both ways round; then the statements in one batched read.
  const bool a_fewer = store.Degree(*ta) <= store.Degree(*tb);
  const uint64_t scanned = a_fewer ? *ta : *tb, wanted = a_fewer ? *tb : *ta;
  store.ScanTimeline(scanned, 0, keys::kUndated, [&](const keys::TimeKey& k, const TimeValue& v) {
    if (v.other == wanted) ids.push_back(k.stmt);
    return true;
  });
  std::sort(ids.begin(), ids.end());
  std::vector<Statement> statements = store.GetStatements(ids);
  for (size_t i = 0; i < ids.size(); ++i)
    if (filter.Matches(statements[i])) out.push_back({ids[i], std::move(statements[i])});
  SortByDate(&out);
  return out;
}

}  // namespace diplograph
