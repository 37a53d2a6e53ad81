// PatternResolve: a parsed pattern's constants as store term ids; why a name is not one entity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queries/entity_hit.h"
#include "queries/pattern.h"
#include "queries/query_error.h"
#include "store/store.h"

namespace diplograph {

// A constant's dict term id, or a variable of PatternQuery::variables.
struct ResolvedTerm {
  uint64_t term = 0;
  int variable = -1;
};

struct ResolvedPattern {
  ResolvedTerm subject, predicate, object;
  // A statement of a symmetric predicate (met, spoke_by_phone, ...) is stored
  // one way round, whichever an article happened to name first, so it also
  // matches with its parties swapped. Not when the subject and object are
  // variables that no other pattern uses: swapping them would only repeat
  // each binding with the two names exchanged.
  bool either_way = false;
};

// The patterns in query order. nullopt when a constant predicate is in no
// statement, so nothing can match. Throws UnresolvedError, its message
// prefixed with "query:LINE:COLUMN: ", for an entity name that is unknown or
// ambiguous.
std::optional<std::vector<ResolvedPattern>> ResolvePatterns(const Store& store,
                                                            const PatternQuery& query);

// The term ids of the symmetric predicates that some statement has.
std::vector<uint64_t> SymmetricPredicateTerms(const Store& store);

// Why `hits`, ResolveEntity's answer for `name`, are not exactly one entity
// (they must not be): kUnknownEntity, or kAmbiguousEntity with the likeliest
// candidates listed with their type and statement count. One line, after
// `where`.
QueryError UnresolvedError(const Store& store, std::string_view name,
                           const std::vector<EntityHit>& hits, std::string_view where = {});

}  // namespace diplograph
