// Reach: how many entities lie within k hops of an entity, over a graph projection.
#pragma once

#include <cstddef>

#include "queries/graph_projection.h"

namespace diplograph {

// Distinct entities, the start excluded, joined to `start` by a chain of at
// most `hops` statements taken either way. Breadth-first over the projection:
// each entity's edges are read once.
size_t CountWithinHops(const GraphProjection& graph, GraphProjection::Vertex start, int hops);

}  // namespace diplograph
