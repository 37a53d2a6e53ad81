#include "queries/entity_hit.h"

#include <algorithm>

namespace diplograph {

std::optional<EntityHit> LoadHit(const Store& store, uint64_t term) {
  auto entity = store.GetEntity(term);
  if (!entity) return std::nullopt;
  return EntityHit{std::move(*entity), store.Degree(term)};
}

void SortByDegree(std::vector<EntityHit>* hits) {
  std::sort(hits->begin(), hits->end(), [](const EntityHit& a, const EntityHit& b) {
    if (a.degree != b.degree) return a.degree > b.degree;
    return a.entity.id < b.entity.id;
  });
}

}  // namespace diplograph
