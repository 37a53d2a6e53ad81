// ResolveEntity: the entities a user's name for one (id, name or alias) refers to.
#pragma once

#include <string_view>
#include <vector>

#include "queries/entity_hit.h"
#include "store/store.h"

namespace diplograph {

// The entity with exactly this id; else every entity one of whose names or
// aliases has the same MatchKey, most connected first. Several results mean
// the name is ambiguous; none, that it is unknown.
std::vector<EntityHit> ResolveEntity(const Store& store, std::string_view name);

}  // namespace diplograph
