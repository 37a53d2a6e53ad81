#include "queries/statement_order.h"

#include <algorithm>
#include <tuple>

#include "store/keys.h"

namespace diplograph {

void SortByDate(std::vector<StoredStatement>* statements) {
  auto key = [](const StoredStatement& s) {
    return std::tuple(keys::TimeSortKey(s.statement.date), std::string_view(s.statement.predicate),
                      s.id);
  };
  std::sort(statements->begin(), statements->end(),
            [&](const StoredStatement& a, const StoredStatement& b) { return key(a) < key(b); });
}

}  // namespace diplograph
