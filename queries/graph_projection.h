// GraphProjection: the store's statements as a compact in-memory graph, for whole-graph queries.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/entity.h"
#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

// What an edge carries: the statement it stands for, as a slot of the
// projection's statement table, and which way it runs.
struct ProjectedEdge {
  uint32_t bits = 0;  // slot << 1, plus 1 when the edge runs from object to subject

  uint32_t slot() const { return bits >> 1; }
  // The edge's source is the statement's subject.
  bool forward() const { return (bits & 1) == 0; }
};

// Vertices are the entities the kept statements name, numbered in term id
// order. Each statement is two edges, subject -> object and object ->
// subject (one for a statement from an entity to itself), so traversals see
// an undirected multigraph. About 26 bytes per statement and 12 per entity:
// a CSR row start per vertex, and per edge a target and a ProjectedEdge.
class GraphProjection {
 public:
  using Vertex = uint32_t;
  using Graph =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ProjectedEdge,
                                         boost::no_property, Vertex, uint32_t>;

  // One scan of the pos index. Statements are kept or dropped on their
  // predicate's term id alone unless the filter needs the record; then the
  // record (and, for a source filter, the provenance) is read.
  explicit GraphProjection(const Store& store, const Filter& filter = {});

  // The store has changed since the projection was built: every write,
  // ingest or forget, moves Store::Version on.
  bool Stale(const Store& store) const { return store.Version() != version_; }

  const Graph& graph() const { return graph_; }
  size_t vertex_count() const { return terms_.size(); }
  size_t statement_count() const { return statements_.size(); }

  std::optional<Vertex> VertexOf(uint64_t term) const;
  uint64_t TermOf(Vertex v) const { return terms_[v]; }
  // The stored record of the vertex's entity; its id alone if it has none.
  Entity LoadEntity(const Store& store, Vertex v) const;
  // Kept statements with the entity as subject or object.
  uint64_t Degree(Vertex v) const { return out_degree(v, graph_); }

  uint64_t StatementOf(ProjectedEdge e) const { return statements_[e.slot()]; }
  uint64_t PredicateOf(ProjectedEdge e) const { return predicate_terms_[predicates_[e.slot()]]; }

  // Heap bytes held, for sizing.
  size_t MemoryBytes() const;

 private:
  Graph graph_;
  std::vector<uint64_t> terms_;            // vertex -> entity term id, ascending
  std::vector<uint64_t> statements_;       // slot -> statement id
  std::vector<uint16_t> predicates_;       // slot -> index in predicate_terms_
  std::vector<uint64_t> predicate_terms_;  // the few distinct predicates
  StoreStats built_from_;
  uint64_t version_ = 0;  // Store::Version when built
};

}  // namespace diplograph
