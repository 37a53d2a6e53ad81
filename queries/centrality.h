// Centrality: the entities that matter most in the graph, by degree, betweenness or PageRank.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/entity.h"
#include "queries/graph_projection.h"
#include "store/store.h"

namespace diplograph {

enum class Centrality { kDegree, kBetweenness, kPageRank };

const char* CentralityName(Centrality c);  // "degree", "betweenness", "pagerank"
std::optional<Centrality> ParseCentrality(std::string_view name);

// Scores by vertex of the projection, which they treat as undirected.

// Statements naming the entity.
std::vector<double> DegreeScores(const GraphProjection& graph);
// Over pairs of other entities, the share of their shortest chains that pass
// through the entity; chains are sequences of entities, so parallel
// statements do not multiply them. Exact (Brandes from every vertex) when
// `sources` is at least the vertex count; otherwise estimated from that many
// sources drawn with a fixed seed and scaled to all: the same estimate for
// the same projection.
std::vector<double> BetweennessScores(const GraphProjection& graph, size_t sources);
// A random walk that follows statements either way (an entity with more
// statements to another is likelier to step there), damping 0.85; the
// scores sum to 1.
std::vector<double> PageRankScores(const GraphProjection& graph);

struct TopOptions {
  Centrality by = Centrality::kDegree;
  std::optional<EntityType> type;  // only entities of this type
  size_t limit = 10;               // 0: all
  // Betweenness costs a breadth-first search per source: on graphs with
  // more entities than this, it is estimated from this many.
  size_t sources = 500;
};

struct RankedEntity {
  Entity entity;
  double score = 0;
  uint64_t statements = 0;  // its degree in the projection
};

struct Ranking {
  std::vector<RankedEntity> entities;  // highest score first, then by id
  bool exact = true;                   // false: betweenness estimated
  size_t sources = 0;                  // the betweenness sources used, when estimated
  size_t vertices = 0;                 // entities in the projection
};

// The entities of the projection with the highest scores.
Ranking TopEntities(const Store& store, const GraphProjection& graph, const TopOptions& options);

}  // namespace diplograph
