#include "queries/relations.h"

#include "queries/statement_order.h"

namespace diplograph {

std::vector<StoredStatement> Relations(const Store& store, std::string_view a, std::string_view b,
                                       const Filter& filter) {
  std::vector<StoredStatement> out;
  const auto ta = store.TermId(a);
  const auto tb = store.TermId(b);
  if (!ta || !tb) return out;
  auto collect = [&](const Triple& t) {
    auto s = store.GetStatement(t.stmt);
    if (s && filter.Matches(*s)) out.push_back({t.stmt, std::move(*s)});
    return true;
  };
  // Subject and object bound: one osp prefix scan per direction.
  store.ScanTriples({*ta, 0, *tb}, collect);
  if (*ta != *tb) store.ScanTriples({*tb, 0, *ta}, collect);
  SortByDate(&out);
  return out;
}

}  // namespace diplograph
