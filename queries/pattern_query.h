// PatternQuery execution: the bindings of a parsed pattern query, by a bind join over the indexes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "queries/filter.h"
#include "queries/pattern.h"
#include "store/store.h"

namespace diplograph {

struct Binding {
  // Variable name (without "?") -> entity id, or predicate name for a
  // variable in predicate position.
  std::map<std::string, std::string> values;
  std::vector<uint64_t> statements;  // the statement each pattern matched, in query order

  friend bool operator==(const Binding&, const Binding&) = default;
};

// One binding per combination of statements, one for each pattern, that
// agree on every variable and all pass both query.filter and `filter` (bag
// semantics). A statement of a symmetric predicate matches its pattern either
// way round (see ResolvedPattern::either_way), each way a binding of its own.
// Date bounds restrict events and dated statements; an undated state
// statement (holds_role, member_of, located_in, hosts) passes them, unless
// every statement of the binding is one. Patterns join in PlanJoinOrder's
// order. With query.order_by_date, sorted by the first pattern's statement's
// date (undated last), then statement ids; else in the order found. At most
// query.limit, and no more is read once they are found (under ORDER BY, only
// the earliest `limit` are held). Throws QueryError for an entity name that is
// not exactly one entity (see ResolvePatterns).
std::vector<Binding> RunPatternQuery(const Store& store, const PatternQuery& query,
                                     const Filter& filter = {});

// The same with the join order given (a permutation of pattern indices)
// instead of planned, so that tests can check that every order agrees.
std::vector<Binding> RunPatternQuery(const Store& store, const PatternQuery& query,
                                     const Filter& filter, const std::vector<size_t>& order);

}  // namespace diplograph
