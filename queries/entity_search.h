// SearchEntities: entities by the beginning or a part of any of their names, in any language.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "queries/entity_hit.h"
#include "store/store.h"

namespace diplograph {

// Entities with a name, alias or id whose MatchKey starts with
// MatchKey(text), most connected first; when fewer than `limit` are found,
// followed by those whose MatchKey merely contains it (a scan of every
// alias). At most `limit` results.
std::vector<EntityHit> SearchEntities(const Store& store, std::string_view text, size_t limit = 20);

}  // namespace diplograph
