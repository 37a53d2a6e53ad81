// Timeline: the statements of an entity in date order.
#pragma once

#include <string_view>
#include <vector>

#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

// Statements with `id` as subject or object that pass the filter, by date
// (undated last), then statement id; with `other`, only those that also
// have `other` as subject or object. Entity ids must be exact.
std::vector<StoredStatement> Timeline(const Store& store, std::string_view id,
                                      const Filter& filter = {}, std::string_view other = {});

}  // namespace diplograph
