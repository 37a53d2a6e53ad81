#include "queries/path.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

#include "core/error.h"

namespace diplograph {

namespace {

using Vertex = GraphProjection::Vertex;

constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();

// One end's breadth-first search: how it reached each vertex it reached.
struct Side {
  struct Visit {
    uint32_t depth = kUnseen;
    Vertex parent = 0;   // one step nearer this end
    ProjectedEdge edge;  // from parent to the vertex
  };

  Side(size_t vertices, Vertex start) : visits(vertices), frontier{start} {
    visits[start].depth = 0;
  }

  std::vector<Visit> visits;
  std::vector<Vertex> frontier;
  uint32_t level = 0;
};

struct Link {
  ProjectedEdge edge;
  bool forward = true;  // as PathEdge::forward
};

struct Chain {
  std::vector<Vertex> nodes;
  std::vector<Link> links;
};

class Search {
 public:
  Search(const GraphProjection& graph, std::vector<uint64_t> via)
      : graph_(graph), via_(std::move(via)) {}

  std::optional<Chain> Run(Vertex a, Vertex b, size_t max_length) {
    const auto& g = graph_.graph();
    Side sides[2] = {Side(graph_.vertex_count(), a), Side(graph_.vertex_count(), b)};
    while (!sides[0].frontier.empty() && !sides[1].frontier.empty()) {
      if (max_length && sides[0].level + sides[1].level + 1 > max_length) return std::nullopt;
      const int grow = Cost(sides[0]) <= Cost(sides[1]) ? 0 : 1;
      Side& near = sides[grow];
      const Side& far = sides[1 - grow];
      std::vector<Vertex> next;
      for (const Vertex u : near.frontier) {
        for (auto [e, end] = out_edges(u, g); e != end; ++e) {
          const ProjectedEdge edge = g[*e];
          if (!Allowed(edge)) continue;
          const Vertex v = target(*e, g);
          // Levels grow one at a time, so the first meeting is a shortest chain.
          if (far.visits[v].depth != kUnseen)
            return grow == 0 ? Join(sides, u, v, {edge, edge.forward()})
                             : Join(sides, v, u, {edge, !edge.forward()});
          if (near.visits[v].depth == kUnseen) {
            near.visits[v] = {near.level + 1, u, edge};
            next.push_back(v);
          }
        }
      }
      near.frontier = std::move(next);
      ++near.level;
    }
    return std::nullopt;
  }

 private:
  bool Allowed(ProjectedEdge edge) const {
    return via_.empty() ||
           std::find(via_.begin(), via_.end(), graph_.PredicateOf(edge)) != via_.end();
  }

  // Edges the next level would look at.
  size_t Cost(const Side& side) const {
    size_t edges = 0;
    for (const Vertex v : side.frontier) edges += graph_.Degree(v);
    return edges;
  }

  // The chain through x (reached from a) and y (reached from b), linked by `middle`.
  static Chain Join(const Side (&sides)[2], Vertex x, Vertex y, Link middle) {
    Chain chain;
    for (Vertex v = x;; v = sides[0].visits[v].parent) {
      chain.nodes.push_back(v);
      const auto& visit = sides[0].visits[v];
      if (visit.depth == 0) break;
      chain.links.push_back({visit.edge, visit.edge.forward()});
    }
    std::reverse(chain.nodes.begin(), chain.nodes.end());
    std::reverse(chain.links.begin(), chain.links.end());
    chain.links.push_back(middle);
    for (Vertex v = y;; v = sides[1].visits[v].parent) {
      chain.nodes.push_back(v);
      const auto& visit = sides[1].visits[v];
      if (visit.depth == 0) break;
      // The edge runs from the parent, which comes after v on the chain.
      chain.links.push_back({visit.edge, !visit.edge.forward()});
    }
    return chain;
  }

  const GraphProjection& graph_;
  const std::vector<uint64_t> via_;
};

}  // namespace

Path ShortestPath(const Store& store, const GraphProjection& graph, std::string_view a,
                  std::string_view b, const PathOptions& options) {
  Path path;
  const auto ta = store.TermId(a), tb = store.TermId(b);
  if (!ta || !tb) return path;
  const auto va = graph.VertexOf(*ta), vb = graph.VertexOf(*tb);
  if (!va || !vb) return path;
  if (*va == *vb) {
    path.nodes.push_back(graph.LoadEntity(store, *va));
    return path;
  }
  std::vector<uint64_t> via;
  for (const auto& name : options.via)
    if (auto id = store.TermId(name)) via.push_back(*id);
  if (!options.via.empty() && via.empty()) return path;  // no statement has those predicates

  const auto chain = Search(graph, std::move(via)).Run(*va, *vb, options.max_length);
  if (!chain) return path;
  for (const Vertex v : chain->nodes) path.nodes.push_back(graph.LoadEntity(store, v));
  for (const Link& link : chain->links) {
    const uint64_t id = graph.StatementOf(link.edge);
    auto s = store.GetStatement(id);
    if (!s)
      throw Error(store.path() + ": statement " + std::to_string(id) +
                  " is gone: the graph projection is stale");
    path.edges.push_back({{id, std::move(*s)}, link.forward});
  }
  return path;
}

}  // namespace diplograph
