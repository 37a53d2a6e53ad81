#include <catch2/catch.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <random>

#include "queries/path.h"
#include "tests/queries/edges.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

PathOptions Via(std::vector<std::string> predicates) {
  PathOptions o;
  o.via = std::move(predicates);
  return o;
}

PathOptions MaxLength(size_t n) {
  PathOptions o;
  o.max_length = n;
  return o;
}

std::vector<std::string> NodeIds(const Path& p) {
  std::vector<std::string> ids;
  for (const auto& e : p.nodes) ids.push_back(e.id);
  return ids;
}

std::vector<std::string> Steps(const Path& p) {
  std::vector<std::string> steps;
  for (const auto& e : p.edges)
    steps.push_back(e.statement.statement.predicate + (e.forward ? " ->" : " <-"));
  return steps;
}

// Every edge links the nodes on either side of it, its way round.
void CheckChain(const Path& p) {
  REQUIRE(p.nodes.size() == p.edges.size() + 1);
  for (size_t i = 0; i < p.edges.size(); ++i) {
    const Statement& s = p.edges[i].statement.statement;
    const std::string& near = p.edges[i].forward ? s.subject.id : s.object.id;
    const std::string& far = p.edges[i].forward ? s.object.id : s.subject.id;
    CHECK(near == p.nodes[i].id);
    CHECK(far == p.nodes[i + 1].id);
  }
}

TEST_CASE("the shortest chain of statements between two entities, each taken either way",
          "[path]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection graph(*store);
  const Path p = ShortestPath(*store, graph, "person:sattar-hashemi", "place:belgrade");
  CHECK(NodeIds(p) == std::vector<std::string>{"person:sattar-hashemi", "country:IR",
                                               "event:expo-2027-belgrade", "place:belgrade"});
  // Belgrade hosts Expo: the last statement is read from object to subject.
  CHECK(Steps(p) == std::vector<std::string>{"holds_role ->", "supports ->", "hosts <-"});
  CheckChain(p);
  CHECK(p.nodes[1].name == "Iran");
  CHECK(p.edges[0].statement.id != 0);
  CHECK_FALSE(p.edges[0].statement.statement.provenance.empty());

  // The other way round: the same chain reversed.
  const Path back = ShortestPath(*store, graph, "place:belgrade", "person:sattar-hashemi");
  CHECK(Steps(back) == std::vector<std::string>{"hosts ->", "supports <-", "holds_role <-"});
  CheckChain(back);

  const Path self = ShortestPath(*store, graph, "country:RS", "country:RS");
  CHECK(NodeIds(self) == std::vector<std::string>{"country:RS"});
  CHECK(self.edges.empty());
}

TEST_CASE("a path via some predicates keeps to them, even if a shortcut is lost", "[path]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection graph(*store);
  const Path direct = ShortestPath(*store, graph, "person:sattar-hashemi", "country:RS");
  CHECK(Steps(direct) == std::vector<std::string>{"visited ->"});

  const Path via = ShortestPath(*store, graph, "person:sattar-hashemi", "country:RS",
                                Via({"met", "holds_role"}));
  CHECK(NodeIds(via) ==
        std::vector<std::string>{"person:sattar-hashemi", "person:aleksandar-vucic", "country:RS"});
  CHECK(Steps(via).back() == "holds_role ->");
  CheckChain(via);

  // No chain of meetings reaches Belgrade; a predicate no statement has reaches nothing.
  CHECK(ShortestPath(*store, graph, "person:sattar-hashemi", "place:belgrade", Via({"met"}))
            .nodes.empty());
  CHECK(ShortestPath(*store, graph, "person:sattar-hashemi", "country:RS", Via({"sanctioned"}))
            .nodes.empty());
}

TEST_CASE("a maximum length cuts longer paths, and no path is an empty result", "[path]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection graph(*store);
  const Path cut =
      ShortestPath(*store, graph, "person:sattar-hashemi", "place:belgrade", MaxLength(2));
  CHECK(cut.nodes.empty());
  CHECK(cut.edges.empty());
  CHECK(ShortestPath(*store, graph, "person:sattar-hashemi", "place:belgrade", MaxLength(3))
            .edges.size() == 3);
  CHECK(ShortestPath(*store, graph, "person:sattar-hashemi", "person:nobody").nodes.empty());

  // Belgrade hosts Expo is undated: a projection of 2024 on has no way there.
  Filter dated;
  dated.from = Year(2024);
  const GraphProjection recent(*store, dated);
  CHECK(ShortestPath(*store, recent, "person:sattar-hashemi", "place:belgrade").nodes.empty());
  // Nor is Hashemi's role dated: Expo is reached another way, a hop longer.
  const Path longer =
      ShortestPath(*store, recent, "person:sattar-hashemi", "event:expo-2027-belgrade");
  CHECK(longer.edges.size() == 3);
  CHECK(Steps(longer).front() != "holds_role ->");
  CheckChain(longer);
}

TEST_CASE("paths are as short as breadth-first search says, on a random graph", "[path]") {
  TempDir dir;
  std::mt19937 random(11);
  std::uniform_int_distribution<int> person(0, 119);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < 150; ++i)
    pairs.emplace_back("p" + std::to_string(person(random)), "p" + std::to_string(person(random)));
  auto store = MakeMetStore(dir.path(), pairs);
  const GraphProjection graph(*store);
  const auto& g = graph.graph();
  const size_t n = graph.vertex_count();
  for (GraphProjection::Vertex from = 0; from < n; from += 7) {
    std::vector<size_t> distance(n, SIZE_MAX);
    distance[from] = 0;
    boost::breadth_first_search(
        g, from,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
            boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, g)),
            boost::on_tree_edge()))));
    const std::string a = store->Term(graph.TermOf(from));
    for (GraphProjection::Vertex to = 0; to < n; ++to) {
      const Path p = ShortestPath(*store, graph, a, store->Term(graph.TermOf(to)));
      if (distance[to] == SIZE_MAX) {
        CHECK(p.nodes.empty());
      } else {
        CHECK(p.edges.size() == distance[to]);
        CheckChain(p);
      }
    }
  }
}

}  // namespace
}  // namespace diplograph
