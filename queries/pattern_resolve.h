// PatternResolve: a parsed pattern's constants as store term ids; why a name is not one entity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queries/entity_hit.h"
#include "queries/pattern.h"
#include "store/store.h"

namespace diplograph {

// A constant's dict term id, or a variable of PatternQuery::variables.
struct ResolvedTerm {
  uint64_t term = 0;
  int variable = -1;
};

struct ResolvedPattern {
  ResolvedTerm subject, predicate, object;
};

// The patterns in query order. nullopt when a constant predicate is in no
// statement, so nothing can match. Throws Error "query:LINE:COLUMN: ..." for
// an entity name that is unknown or ambiguous (see UnresolvedMessage).
std::optional<std::vector<ResolvedPattern>> ResolvePatterns(const Store& store,
                                                            const PatternQuery& query);

// Why `hits`, ResolveEntity's answer for `name`, are not exactly one entity
// (they must not be): no such entity, or ambiguous with the likeliest
// candidates listed. One line, for an Error.
std::string UnresolvedMessage(const Store& store, std::string_view name,
                              const std::vector<EntityHit>& hits);

}  // namespace diplograph
