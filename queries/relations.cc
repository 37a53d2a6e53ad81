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
  auto collect = [&](const Triple& t) {
    ids.push_back(t.stmt);
    return true;
  };
  // Subject and object bound: one spo prefix scan per direction; then the
  // statements in one batched read.
  store.ScanTriples({*ta, 0, *tb}, collect);
  if (*ta != *tb) store.ScanTriples({*tb, 0, *ta}, collect);
  std::sort(ids.begin(), ids.end());
  std::vector<Statement> statements = store.GetStatements(ids);
  for (size_t i = 0; i < ids.size(); ++i)
    if (filter.Matches(statements[i])) out.push_back({ids[i], std::move(statements[i])});
  SortByDate(&out);
  return out;
}

}  // namespace diplograph
