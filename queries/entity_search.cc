#include "queries/entity_search.h"

#include <unordered_set>

#include "core/normalize.h"

namespace diplograph {

namespace {

// Prefix hits ranked by degree; past this many, a short prefix such as "a"
// would rank half the store, so the first ones in key order stand for all.
constexpr size_t kMaxPrefixHits = 1000;

}  // namespace

std::vector<EntityHit> SearchEntities(const Store& store, std::string_view text, size_t limit) {
  std::vector<EntityHit> hits;
  if (limit == 0) return hits;
  const std::string key = MatchKey(text);
  std::unordered_set<uint64_t> seen;
  auto load = [&](uint64_t term, std::vector<EntityHit>* into) {
    if (!seen.insert(term).second) return;
    if (auto hit = LoadHit(store, term)) into->push_back(std::move(*hit));
  };

  store.ScanAliases(key, [&](std::string_view, uint64_t term) {
    load(term, &hits);
    return hits.size() < kMaxPrefixHits;
  });
  SortByDegree(&hits);
  if (hits.size() >= limit || key.empty()) {
    if (hits.size() > limit) hits.resize(limit);
    return hits;
  }

  std::vector<EntityHit> inside;
  const size_t wanted = limit - hits.size();
  store.ScanAliases({}, [&](std::string_view alias, uint64_t term) {
    if (alias.find(key) != std::string_view::npos) load(term, &inside);
    return inside.size() < wanted;
  });
  SortByDegree(&inside);
  for (auto& hit : inside) hits.push_back(std::move(hit));
  return hits;
}

}  // namespace diplograph
