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

// A page of a timeline, and the number of statements in all of it.
struct TimelinePage {
  std::vector<StoredStatement> statements;
  uint64_t total = 0;
};

// Timeline's statements from `offset`, at most `limit` of them. When the
// filter asks about the predicate alone, the time entries decide, and only
// the page's records are read: a page of a hub's timeline costs the page.
// Otherwise every record is read, as Timeline does.
TimelinePage TimelineSlice(const Store& store, std::string_view id, const Filter& filter,
                           std::string_view other, size_t offset, size_t limit);

}  // namespace diplograph
