// EntityHit: an entity found by name, with its degree, as resolution and search return it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/entity.h"
#include "store/store.h"

namespace diplograph {

struct EntityHit {
  Entity entity;
  uint64_t degree = 0;  // statements with it as subject or object
};

// The entity stored under a term id, if any.
std::optional<EntityHit> LoadHit(const Store& store, uint64_t term);
// Most connected first, then by id, so the likeliest reading leads.
void SortByDegree(std::vector<EntityHit>* hits);

}  // namespace diplograph
