#include "queries/result_json.h"

#include "core/json_io.h"

namespace diplograph {

nlohmann::json StoredStatementToJson(const StoredStatement& s) {
  nlohmann::json j = StatementToJson(s.statement);
  j["id"] = s.id;
  return j;
}

nlohmann::json EntityHitToJson(const EntityHit& hit) {
  nlohmann::json j = EntityToJson(hit.entity);
  j["degree"] = hit.degree;
  return j;
}

nlohmann::json NeighborToJson(const Neighbor& n) {
  nlohmann::json predicates = nlohmann::json::array();
  for (const PredicateCount& p : n.predicates)
    predicates.push_back({{"predicate", p.predicate},
                          {"direction", p.outgoing ? "outgoing" : "incoming"},
                          {"count", p.count}});
  nlohmann::json links = nlohmann::json::array();
  for (const Link& l : n.links)
    links.push_back({{"statement", l.stmt},
                     {"predicate", l.predicate},
                     {"nearer", l.nearer},
                     {"direction", l.outgoing ? "outgoing" : "incoming"}});
  return {{"entity", EntityToJson(n.entity)},
          {"depth", n.depth},
          {"predicates", std::move(predicates)},
          {"links", std::move(links)}};
}

nlohmann::json PathToJson(const Path& path) {
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
  for (const Entity& e : path.nodes) nodes.push_back(EntityToJson(e));
  for (const PathEdge& e : path.edges) {
    nlohmann::json j = StoredStatementToJson(e.statement);
    j["direction"] = e.forward ? "forward" : "backward";
    edges.push_back(std::move(j));
  }
  return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

nlohmann::json StatsToJson(const StoreStats& s) {
  return {{"articles", s.articles},
          {"statements", s.statements},
          {"entities", s.entities},
          {"provenance", s.provenance},
          {"predicates", s.predicates}};
}

const Entity& EntityCache::Get(const std::string& id) {
  auto it = entities_.find(id);
  if (it == entities_.end()) {
    Entity e;
    if (auto stored = store_.GetEntity(id)) e = std::move(*stored);
    e.id = id;
    it = entities_.emplace(id, std::move(e)).first;
  }
  return it->second;
}

nlohmann::json BindingToJson(const PatternQuery& query, const Binding& binding,
                             EntityCache* entities) {
  nlohmann::json row = nlohmann::json::object();
  for (const PatternVariable& v : query.variables) {
    const std::string& value = binding.values.at(v.name);
    row[v.name] = v.predicate ? nlohmann::json(value) : EntityToJson(entities->Get(value));
  }
  return row;
}

}  // namespace diplograph
