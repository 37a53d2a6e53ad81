#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "queries/graph_projection.h"
#include "tests/queries/edges.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

using Vertex = GraphProjection::Vertex;

// The statement ids the projection's edges stand for.
std::set<uint64_t> ProjectedStatements(const GraphProjection& p) {
  std::set<uint64_t> ids;
  const auto& g = p.graph();
  for (auto [e, end] = edges(g); e != end; ++e) ids.insert(p.StatementOf(g[*e]));
  return ids;
}

// The statement ids passing the filter, read the slow way.
std::set<uint64_t> Matching(const Store& store, const Filter& filter) {
  std::set<uint64_t> ids;
  store.ScanTriples({}, [&](const Triple& t) {
    const auto s = store.GetStatement(t.stmt);
    if (s && filter.Matches(*s)) ids.insert(t.stmt);
    return true;
  });
  return ids;
}

uint64_t DegreeOf(const Store& store, const GraphProjection& p, const std::string& id) {
  const auto v = p.VertexOf(*store.TermId(id));
  REQUIRE(v);
  return p.Degree(*v);
}

TEST_CASE("the projection has a vertex per entity and an edge each way per statement", "[graph]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection p(*store);
  CHECK(p.vertex_count() == 9);
  CHECK(p.statement_count() == 17);
  CHECK(num_edges(p.graph()) == 34);
  CHECK(ProjectedStatements(p) == Matching(*store, {}));
  CHECK(DegreeOf(*store, p, "person:aleksandar-vucic") == 8);
  CHECK(DegreeOf(*store, p, "country:IR") == 7);
  CHECK(DegreeOf(*store, p, "place:belgrade") == 1);
  // Predicates are terms too, but not vertices.
  CHECK_FALSE(p.VertexOf(*store->TermId("met")));

  // Each edge knows its statement's predicate and which end is the subject.
  const auto& g = p.graph();
  for (auto [e, end] = edges(g); e != end; ++e) {
    const ProjectedEdge edge = g[*e];
    const auto record = store->GetStatementRecord(p.StatementOf(edge));
    REQUIRE(record);
    CHECK(record->predicate == p.PredicateOf(edge));
    const uint64_t from = p.TermOf(source(*e, g)), to = p.TermOf(target(*e, g));
    CHECK(from == (edge.forward() ? record->subject : record->object));
    CHECK(to == (edge.forward() ? record->object : record->subject));
  }
  CHECK(p.LoadEntity(*store, *p.VertexOf(*store->TermId("country:RS"))).name == "Serbia");
}

TEST_CASE("a filtered projection keeps exactly the statements the filter passes", "[graph]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter met;
  met.predicates = {"met"};
  const GraphProjection meetings(*store, met);
  CHECK(meetings.statement_count() == 2);
  CHECK(meetings.vertex_count() == 2);

  Filter unknown;
  unknown.predicates = {"sanctioned"};  // no statement has it
  CHECK(GraphProjection(*store, unknown).vertex_count() == 0);

  Filter recent, tanjug, confident, combined;
  recent.from = Year(2025);
  tanjug.source = "tanjug";
  confident.min_confidence = 0.85;
  combined.from = Year(2024);
  combined.predicates = {"met", "invited"};
  for (const Filter& f : {met, recent, tanjug, confident, combined}) {
    const GraphProjection p(*store, f);
    CHECK(ProjectedStatements(p) == Matching(*store, f));
    CHECK(p.statement_count() == Matching(*store, f).size());
  }
}

TEST_CASE("a projection knows when the store has changed under it", "[graph]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection p(*store);
  CHECK_FALSE(p.Stale(*store));
  const ArticleMeta c = Article("sha256:c", "IRNA");
  store->IngestArticle(c, {MakeStatement(kBelgrade, "hosts", kVucic, Year(2026), c)});
  CHECK(p.Stale(*store));
  const GraphProjection again(*store);
  CHECK_FALSE(again.Stale(*store));
  CHECK(again.statement_count() == 18);
  store->ForgetArticle("sha256:c");
  CHECK(again.Stale(*store));

  // Given and taken back again, the counts are as before, but the store has
  // changed (the terms stay, ids moved on): the projection is stale.
  const GraphProjection without(*store);
  const StoreStats before = store->Stats();
  store->IngestArticle(c, {MakeStatement(kBelgrade, "hosts", kVucic, Year(2026), c)});
  store->ForgetArticle("sha256:c");
  CHECK(store->Stats() == before);
  CHECK(without.Stale(*store));
}

TEST_CASE("the projection takes a few tens of bytes per statement", "[graph]") {
  TempDir dir;
  std::mt19937 random(7);
  std::uniform_int_distribution<int> person(0, 299);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < 3000; ++i)
    pairs.emplace_back("p" + std::to_string(person(random)), "p" + std::to_string(person(random)));
  auto store = MakeMetStore(dir.path(), pairs);
  const GraphProjection p(*store);
  REQUIRE(p.statement_count() == 3000);
  // Per statement: its id, its predicate's index, and two edges of a target
  // and a slot each; per entity: its term id and a CSR row start.
  CHECK(p.MemoryBytes() <= 26 * p.statement_count() + 12 * p.vertex_count() + 64);
}

}  // namespace
}  // namespace diplograph
