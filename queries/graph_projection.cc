#include "queries/graph_projection.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>

#include "core/error.h"

namespace diplograph {

namespace {

// What the filters look at, filled from the record rather than read whole:
// the predicate, date, modality, confidence and sources, never the
// entities' records, which GetStatement would decode.
Statement FilterView(const StatementRecord& record, const std::string& predicate) {
  Statement s;
  s.predicate = predicate;
  s.date = record.date;
  s.modality = record.modality;
  s.role = record.role;
  s.confidence = record.confidence;
  return s;
}

bool RecordPasses(const Store& store, const Filter& filter, const Triple& t,
                  const std::string& predicate) {
  const auto record = store.GetStatementRecord(t.stmt);
  if (!record) return false;
  Statement s = FilterView(*record, predicate);
  if (!filter.source.empty())
    store.ForEachProvenance(t.stmt, [&](const ProvenanceRef&, const Provenance& p) {
      s.provenance.push_back(p);
      return true;
    });
  return filter.Matches(s);
}

// The ids of the statements among `triples` that pass a filter needing
// their records but not their sources, ascending: the records are read in
// id order in batches, where a Get each took seconds at a million.
std::vector<uint64_t> PassingStatements(const Store& store, const Filter& filter,
                                        const std::vector<Triple>& triples) {
  std::vector<std::pair<uint64_t, uint64_t>> by_id;  // statement, predicate term
  by_id.reserve(triples.size());
  for (const Triple& t : triples) by_id.emplace_back(t.stmt, t.predicate);
  std::sort(by_id.begin(), by_id.end());
  std::vector<uint64_t> ids(by_id.size());
  for (size_t i = 0; i < by_id.size(); ++i) ids[i] = by_id[i].first;
  std::unordered_map<uint64_t, std::string> names;
  std::vector<uint64_t> passing;
  size_t i = 0;
  store.ForEachStatementRecord(ids, [&](uint64_t id, const StatementRecord& record) {
    const uint64_t predicate = by_id[i++].second;
    auto name = names.find(predicate);
    if (name == names.end()) name = names.emplace(predicate, store.Term(predicate)).first;
    if (filter.Matches(FilterView(record, name->second))) passing.push_back(id);
  });
  return passing;
}

template <typename T>
size_t HeapBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

GraphProjection::GraphProjection(const Store& store, const Filter& filter)
    : built_from_(store.Stats()), version_(store.Version()) {
  std::optional<std::vector<uint64_t>> allowed;
  if (!filter.predicates.empty()) {
    allowed.emplace();
    for (const auto& name : filter.predicates)
      if (auto id = store.TermId(name)) allowed->push_back(*id);
  }
  const bool needs_record = filter.NeedsRecord();
  std::unordered_map<uint64_t, std::string> predicate_names;

  // Vertices are numbered first-seen during the scan, then renumbered by
  // term. Term ids are dense, so a vector finds a term's vertex where a hash
  // map would miss the cache at every statement.
  constexpr Vertex kUnseen = std::numeric_limits<Vertex>::max();
  std::vector<Vertex> first_seen;    // by term id
  std::vector<uint64_t> seen_terms;  // by first-seen vertex
  auto vertex = [&](uint64_t term) {
    if (term >= first_seen.size())
      first_seen.resize(std::max(term + 1, first_seen.size() * 2), kUnseen);
    Vertex& v = first_seen[term];
    if (v == kUnseen) {
      v = static_cast<Vertex>(seen_terms.size());
      seen_terms.push_back(term);
    }
    return v;
  };
  std::vector<Vertex> sources, targets;
  std::vector<ProjectedEdge> edges;
  // The counters give the size of an unfiltered projection; a filtered one
  // gives the surplus back below.
  statements_.reserve(built_from_.statements);
  predicates_.reserve(built_from_.statements);
  for (auto* v : {&sources, &targets}) v->reserve(2 * built_from_.statements);
  edges.reserve(2 * built_from_.statements);

  const auto add = [&](const Triple& t) {
    if (statements_.size() >= (size_t{1} << 31))
      throw Error(store.path() + ": too many statements for a graph projection");
    auto p = std::find(predicate_terms_.begin(), predicate_terms_.end(), t.predicate);
    if (p == predicate_terms_.end()) {
      if (predicate_terms_.size() > std::numeric_limits<uint16_t>::max())
        throw Error(store.path() + ": too many predicates for a graph projection");
      predicate_terms_.push_back(t.predicate);
      p = predicate_terms_.end() - 1;
    }
    const auto slot = static_cast<uint32_t>(statements_.size());
    statements_.push_back(t.stmt);
    predicates_.push_back(static_cast<uint16_t>(p - predicate_terms_.begin()));
    const Vertex s = vertex(t.subject), o = vertex(t.object);
    sources.push_back(s);
    targets.push_back(o);
    edges.push_back({slot << 1});
    if (s != o) {
      sources.push_back(o);
      targets.push_back(s);
      edges.push_back({slot << 1 | 1});
    }
  };
  const auto predicate_allowed = [&](uint64_t predicate) {
    return !allowed || std::find(allowed->begin(), allowed->end(), predicate) != allowed->end();
  };
  if (needs_record && filter.source.empty()) {
    // Candidates first, then their records in one batched pass.
    std::vector<Triple> candidates;
    store.ScanTriples({}, [&](const Triple& t) {
      if (predicate_allowed(t.predicate)) candidates.push_back(t);
      return true;
    });
    const std::vector<uint64_t> passing = PassingStatements(store, filter, candidates);
    for (const Triple& t : candidates)
      if (std::binary_search(passing.begin(), passing.end(), t.stmt)) add(t);
  } else {
    store.ScanTriples({}, [&](const Triple& t) {
      if (!predicate_allowed(t.predicate)) return true;
      if (needs_record) {
        auto name = predicate_names.find(t.predicate);
        if (name == predicate_names.end())
          name = predicate_names.emplace(t.predicate, store.Term(t.predicate)).first;
        if (!RecordPasses(store, filter, t, name->second)) return true;
      }
      add(t);
      return true;
    });
  }

  const auto n = static_cast<Vertex>(seen_terms.size());
  terms_ = std::move(seen_terms);
  terms_.shrink_to_fit();
  first_seen = std::vector<Vertex>();
  std::vector<Vertex> by_term(n);
  std::iota(by_term.begin(), by_term.end(), Vertex{0});
  std::sort(by_term.begin(), by_term.end(),
            [&](Vertex a, Vertex b) { return terms_[a] < terms_[b]; });
  std::vector<Vertex> renumbered(n);
  for (Vertex i = 0; i < n; ++i) renumbered[by_term[i]] = i;
  for (auto* list : {&sources, &targets})
    for (Vertex& v : *list) v = renumbered[v];
  std::sort(terms_.begin(), terms_.end());

  statements_.shrink_to_fit();
  predicates_.shrink_to_fit();
  // The graph takes over targets and edges as they are, capacity included.
  targets.shrink_to_fit();
  edges.shrink_to_fit();
  graph_ = Graph(boost::construct_inplace_from_sources_and_targets, sources, targets, edges, n);
}

std::optional<GraphProjection::Vertex> GraphProjection::VertexOf(uint64_t term) const {
  const auto it = std::lower_bound(terms_.begin(), terms_.end(), term);
  if (it == terms_.end() || *it != term) return std::nullopt;
  return static_cast<Vertex>(it - terms_.begin());
}

Entity GraphProjection::LoadEntity(const Store& store, Vertex v) const {
  if (auto e = store.GetEntity(terms_[v])) return std::move(*e);
  Entity e;
  e.id = store.Term(terms_[v]);
  return e;
}

size_t GraphProjection::MemoryBytes() const {
  const size_t csr = (num_vertices(graph_) + 1) * sizeof(uint32_t) +
                     num_edges(graph_) * (sizeof(Vertex) + sizeof(ProjectedEdge));
  return csr + HeapBytes(terms_) + HeapBytes(statements_) + HeapBytes(predicates_) +
         HeapBytes(predicate_terms_);
}

}  // namespace diplograph
