#include "queries/centrality.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <cmath>
#include <numeric>
#include <random>
#include <utility>

namespace diplograph {

namespace {

using Vertex = GraphProjection::Vertex;
using SimpleGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, Vertex, uint32_t>;

// The projection with one edge each way per linked pair and no loops.
SimpleGraph Simple(const GraphProjection& graph) {
  const auto& g = graph.graph();
  const auto n = static_cast<Vertex>(graph.vertex_count());
  std::vector<std::pair<Vertex, Vertex>> edges;
  edges.reserve(num_edges(g));
  std::vector<Vertex> row;
  for (Vertex v = 0; v < n; ++v) {
    row.clear();
    for (auto [w, end] = adjacent_vertices(v, g); w != end; ++w)
      if (*w != v) row.push_back(*w);
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
    for (const Vertex w : row) edges.emplace_back(v, w);
  }
  return SimpleGraph(boost::edges_are_sorted, edges.begin(), edges.end(), n);
}

// Brandes's accumulation from the given sources only (the graph's edges
// come in both directions, so a vertex's predecessors are its neighbours
// one level nearer the source and need no lists).
std::vector<double> BrandesFrom(const SimpleGraph& g, const std::vector<Vertex>& sources) {
  const size_t n = num_vertices(g);
  std::vector<double> centrality(n), sigma(n), delta(n);
  std::vector<int32_t> distance(n, -1);
  std::vector<Vertex> order;
  order.reserve(n);
  for (const Vertex s : sources) {
    order.assign(1, s);
    distance[s] = 0;
    sigma[s] = 1;
    for (size_t i = 0; i < order.size(); ++i) {
      const Vertex v = order[i];
      for (auto [w, end] = adjacent_vertices(v, g); w != end; ++w) {
        if (distance[*w] < 0) {
          distance[*w] = distance[v] + 1;
          order.push_back(*w);
        }
        if (distance[*w] == distance[v] + 1) sigma[*w] += sigma[v];
      }
    }
    for (size_t i = order.size(); i-- > 1;) {
      const Vertex w = order[i];
      for (auto [v, end] = adjacent_vertices(w, g); v != end; ++v)
        if (distance[*v] == distance[w] - 1) delta[*v] += sigma[*v] / sigma[w] * (1 + delta[w]);
      centrality[w] += delta[w];
    }
    for (const Vertex v : order) {
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return centrality;
}

// Stops the power iteration once no rank moves by more than a millionth of
// the mean rank (Boost's ranks average 1), or after 200 rounds.
class Converged {
 public:
  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& rank, const Graph& g) {
    const size_t n = num_vertices(g);
    if (previous_.empty()) previous_.assign(n, 0);
    double change = 0;
    for (size_t v = 0; v < n; ++v) {
      const double r = get(rank, v);
      change = std::max(change, std::abs(r - previous_[v]));
      previous_[v] = r;
    }
    return ++rounds_ > 200 || (rounds_ > 2 && change < 1e-6);
  }

 private:
  std::vector<double> previous_;
  int rounds_ = 0;
};

constexpr uint64_t kSampleSeed = 20250130;

}  // namespace

const char* CentralityName(Centrality c) {
  switch (c) {
    case Centrality::kDegree:
      return "degree";
    case Centrality::kBetweenness:
      return "betweenness";
    case Centrality::kPageRank:
      return "pagerank";
  }
  return "degree";
}

std::optional<Centrality> ParseCentrality(std::string_view name) {
  for (auto c : {Centrality::kDegree, Centrality::kBetweenness, Centrality::kPageRank})
    if (name == CentralityName(c)) return c;
  return std::nullopt;
}

std::vector<double> DegreeScores(const GraphProjection& graph) {
  std::vector<double> scores(graph.vertex_count());
  for (Vertex v = 0; v < scores.size(); ++v) scores[v] = static_cast<double>(graph.Degree(v));
  return scores;
}

std::vector<double> BetweennessScores(const GraphProjection& graph, size_t sources) {
  const size_t n = graph.vertex_count();
  const SimpleGraph g = Simple(graph);
  std::vector<double> scores(n);
  if (sources >= n) {
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(scores.begin(), get(boost::vertex_index, g)));
    // Every pair was counted from both ends.
    for (double& s : scores) s /= 2;
    return scores;
  }
  sources = std::max<size_t>(sources, 1);
  std::vector<Vertex> drawn(n);
  std::iota(drawn.begin(), drawn.end(), Vertex{0});
  std::mt19937_64 random(kSampleSeed);
  for (size_t i = 0; i < sources; ++i)
    std::swap(drawn[i], drawn[std::uniform_int_distribution<size_t>(i, n - 1)(random)]);
  drawn.resize(sources);
  scores = BrandesFrom(g, drawn);
  const double scale = static_cast<double>(n) / static_cast<double>(sources) / 2;
  for (double& s : scores) s *= scale;
  return scores;
}

std::vector<double> PageRankScores(const GraphProjection& graph) {
  const auto& g = graph.graph();
  std::vector<double> ranks(graph.vertex_count());
  if (ranks.empty()) return ranks;
  // Every vertex has an edge, so no rank leaks out of a dead end.
  boost::graph::page_rank(
      g, boost::make_iterator_property_map(ranks.begin(), get(boost::vertex_index, g)), Converged(),
      0.85);
  const double total = std::accumulate(ranks.begin(), ranks.end(), 0.0);
  for (double& r : ranks) r /= total;
  return ranks;
}

Ranking TopEntities(const Store& store, const GraphProjection& graph, const TopOptions& options) {
  Ranking ranking;
  const size_t n = graph.vertex_count();
  ranking.vertices = n;
  std::vector<double> scores;
  switch (options.by) {
    case Centrality::kDegree:
      scores = DegreeScores(graph);
      break;
    case Centrality::kBetweenness:
      scores = BetweennessScores(graph, options.sources);
      ranking.exact = options.sources >= n;
      if (!ranking.exact) ranking.sources = std::max<size_t>(options.sources, 1);
      break;
    case Centrality::kPageRank:
      scores = PageRankScores(graph);
      break;
  }
  std::vector<Vertex> order(n);
  std::iota(order.begin(), order.end(), Vertex{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](Vertex a, Vertex b) { return scores[a] > scores[b]; });
  // Records are read in score order, only until the limit is reached and
  // the score drops: the entities tied at the cut are all read, so that ties
  // are ordered by id.
  std::vector<RankedEntity>& out = ranking.entities;
  for (const Vertex v : order) {
    if (options.limit && out.size() >= options.limit && scores[v] < out.back().score) break;
    Entity e = graph.LoadEntity(store, v);
    if (options.type && e.type != *options.type) continue;
    out.push_back({std::move(e), scores[v], graph.Degree(v)});
  }
  std::stable_sort(out.begin(), out.end(), [](const RankedEntity& a, const RankedEntity& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entity.id < b.entity.id;
  });
  if (options.limit && out.size() > options.limit) out.resize(options.limit);
  return ranking;
}

}  // namespace diplograph
