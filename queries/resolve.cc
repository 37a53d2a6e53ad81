#include "queries/resolve.h"

#include "core/normalize.h"

namespace diplograph {

std::vector<EntityHit> ResolveEntity(const Store& store, std::string_view name) {
  std::vector<EntityHit> hits;
  if (const auto term = store.TermId(name)) {
    if (auto hit = LoadHit(store, *term)) {
      hits.push_back(std::move(*hit));
      return hits;
    }
  }
  for (uint64_t term : store.LookupAlias(MatchKey(name)))
    if (auto hit = LoadHit(store, term)) hits.push_back(std::move(*hit));
  SortByDegree(&hits);
  return hits;
}

}  // namespace diplograph
