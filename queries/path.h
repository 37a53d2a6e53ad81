// Path: the shortest chain of statements linking two entities.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.h"
#include "queries/graph_projection.h"
#include "store/store.h"

namespace diplograph {

struct PathOptions {
  std::vector<std::string> via;  // predicates a step may use; empty: any
  size_t max_length = 0;         // most statements on the chain; 0: no bound
};

struct PathEdge {
  StoredStatement statement;
  bool forward = true;  // the nearer end of the chain is its subject
};

// nodes[i] and nodes[i + 1] are linked by edges[i]. No path: both empty; a
// path from an entity to itself: the entity alone.
struct Path {
  std::vector<Entity> nodes;
  std::vector<PathEdge> edges;
};

// Fewest statements of the projection linking entity ids a and b, a
// statement linking its subject and object in either direction. Breadth-first
// from both ends at once, growing the side whose frontier has fewer edges,
// so that a hub is crossed rather than explored. Among chains equally short
// the one found first is returned: the same for the same store.
Path ShortestPath(const Store& store, const GraphProjection& graph, std::string_view a,
                  std::string_view b, const PathOptions& options = {});

}  // namespace diplograph
