// StatementOrder: the date order query results are listed in.
#pragma once

#include <vector>

#include "store/store.h"

namespace diplograph {

// By date (a year or month before the days inside it; undated last), then
// predicate, then statement id.
void SortByDate(std::vector<StoredStatement>* statements);

}  // namespace diplograph
