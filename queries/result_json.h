// ResultJson: the JSON shapes of query results, one for the CLI's --format json and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "queries/entity_hit.h"
#include "queries/neighbors.h"
#include "queries/path.h"
#include "queries/pattern.h"
#include "queries/pattern_query.h"
#include "store/store.h"

namespace diplograph {

// The extract shape plus "id" and "sources".
nlohmann::json StoredStatementToJson(const StoredStatement& s);
// The entity plus "degree".
nlohmann::json EntityHitToJson(const EntityHit& hit);
// "entity", "depth", "predicates" (summed) and "links" (each statement).
nlohmann::json NeighborToJson(const Neighbor& n);
// {"nodes": [...], "edges": [...]}, each edge a statement with its "direction".
nlohmann::json PathToJson(const Path& path);
nlohmann::json StatsToJson(const StoreStats& stats);

// Entity records by id, each read once: bindings repeat the same entities.
class EntityCache {
 public:
  explicit EntityCache(const Store& store) : store_(store) {}
  // The stored entity, or one with only the id when none is stored.
  const Entity& Get(const std::string& id);

 private:
  const Store& store_;
  std::unordered_map<std::string, Entity> entities_;
};

// {variable: entity, or predicate name for a variable in predicate position}.
nlohmann::json BindingToJson(const PatternQuery& query, const Binding& binding,
                             EntityCache* entities);

}  // namespace diplograph
