#include "queries/reach.h"

#include <vector>

namespace diplograph {

size_t CountWithinHops(const GraphProjection& projection, GraphProjection::Vertex start, int hops) {
  const auto& g = projection.graph();
  std::vector<bool> seen(projection.vertex_count());
  std::vector<GraphProjection::Vertex> frontier{start}, next;
  seen[start] = true;
  size_t count = 0;
  for (int level = 0; level < hops && !frontier.empty(); ++level) {
    next.clear();
    for (const auto u : frontier)
      for (auto [e, end] = out_edges(u, g); e != end; ++e) {
        const auto v = target(*e, g);
        if (seen[v]) continue;
        seen[v] = true;
        next.push_back(v);
      }
    count += next.size();
    frontier.swap(next);
  }
  return count;
}

}  // namespace diplograph
