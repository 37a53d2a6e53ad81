// Relations: every statement between two entities, in either direction.
#pragma once

#include <string_view>
#include <vector>

#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

// Statements with a as subject and b as object or the reverse, that pass the
// filter, in SortByDate order. Entity ids must be exact (see ResolveEntity).
std::vector<StoredStatement> Relations(const Store& store, std::string_view a, std::string_view b,
                                       const Filter& filter = {});

}  // namespace diplograph
