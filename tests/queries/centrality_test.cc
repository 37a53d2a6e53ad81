#include <catch2/catch.hpp>

#include <numeric>
#include <optional>

#include "queries/centrality.h"
#include "tests/queries/edges.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

TopOptions Options(Centrality by, size_t limit, std::optional<EntityType> type = std::nullopt) {
  TopOptions o;
  o.by = by;
  o.limit = limit;
  o.type = type;
  return o;
}

std::vector<std::string> Ids(const Ranking& r) {
  std::vector<std::string> ids;
  for (const auto& e : r.entities) ids.push_back(e.entity.id);
  return ids;
}

// Score by entity name in a store of person:NAME entities.
double ScoreOf(const Store& store, const GraphProjection& graph, const std::vector<double>& scores,
               const std::string& name) {
  const auto v = graph.VertexOf(*store.TermId("person:" + name));
  REQUIRE(v);
  return scores[*v];
}

TEST_CASE("top by degree ranks entities by statement count, ties by id", "[centrality]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection graph(*store);
  const Ranking r = TopEntities(*store, graph, Options(Centrality::kDegree, 0));
  CHECK(Ids(r) == std::vector<std::string>{"person:aleksandar-vucic", "country:IR", "country:RS",
                                           "person:sattar-hashemi", "event:expo-2027-belgrade",
                                           "person:masoud-pezeshkian",
                                           "person:abdolreza-rahmani-fazli",
                                           "person:mojtaba-hashemi", "place:belgrade"});
  REQUIRE(r.entities.size() == 9);
  CHECK(r.entities[0].score == 8);
  CHECK(r.entities[0].statements == 8);
  CHECK(r.entities[0].entity.name == "Aleksandar Vučić");
  CHECK(r.exact);

  // The limit cuts after the ties at the cut are ordered by id.
  CHECK(Ids(TopEntities(*store, graph, Options(Centrality::kDegree, 3))) ==
        std::vector<std::string>{"person:aleksandar-vucic", "country:IR", "country:RS"});
}

TEST_CASE("a type filter keeps the entities of that type", "[centrality]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const GraphProjection graph(*store);
  CHECK(Ids(TopEntities(*store, graph, Options(Centrality::kDegree, 10, EntityType::kCountry))) ==
        std::vector<std::string>{"country:IR", "country:RS"});
  CHECK(Ids(TopEntities(*store, graph, Options(Centrality::kDegree, 2, EntityType::kPerson))) ==
        std::vector<std::string>{"person:aleksandar-vucic", "person:sattar-hashemi"});
  CHECK(TopEntities(*store, graph, Options(Centrality::kDegree, 10, EntityType::kOrganization))
            .entities.empty());
  CHECK(Ids(TopEntities(*store, graph, Options(Centrality::kPageRank, 10, EntityType::kPlace))) ==
        std::vector<std::string>{"place:belgrade"});
}

TEST_CASE("pagerank ranks a hub first and sums to one", "[centrality]") {
  TempDir dir;
  // A hub with six contacts, and a chain of four people hanging off one.
  auto store = MakeMetStore(dir.path(), {{"hub", "a"},
                                         {"hub", "b"},
                                         {"c", "hub"},
                                         {"hub", "d"},
                                         {"e", "hub"},
                                         {"hub", "f"},
                                         {"f", "g"},
                                         {"g", "h"},
                                         {"h", "i"},
                                         {"i", "j"}});
  const GraphProjection graph(*store);
  const auto scores = PageRankScores(graph);
  CHECK(std::accumulate(scores.begin(), scores.end(), 0.0) == Approx(1.0));
  const Ranking r = TopEntities(*store, graph, Options(Centrality::kPageRank, 1));
  CHECK(Ids(r) == std::vector<std::string>{"person:hub"});
  CHECK(r.entities[0].score == Approx(0.28).margin(0.01));
  // Leaves of the hub are alike.
  CHECK(ScoreOf(*store, graph, scores, "a") == Approx(ScoreOf(*store, graph, scores, "e")));
  CHECK(ScoreOf(*store, graph, scores, "a") < ScoreOf(*store, graph, scores, "g"));
}

TEST_CASE("betweenness counts the shortest chains through an entity", "[centrality]") {
  TempDir dir;
  // A chain a-b-c-d-e whose b-c link is reported three times, and a diamond
  // e-x-z, e-y-z.
  auto store = MakeMetStore(dir.path(), {{"a", "b"},
                                         {"b", "c"},
                                         {"c", "b"},
                                         {"b", "c"},
                                         {"c", "d"},
                                         {"d", "e"},
                                         {"e", "x"},
                                         {"e", "y"},
                                         {"x", "z"},
                                         {"y", "z"}});
  const GraphProjection graph(*store);
  const auto scores = BetweennessScores(graph, graph.vertex_count());
  auto score = [&](const std::string& name) { return ScoreOf(*store, graph, scores, name); };
  CHECK(score("a") == 0);
  // b lies on the chains from a to the six entities past it; parallel
  // statements do not count as more chains.
  CHECK(score("b") == Approx(6));
  CHECK(score("c") == Approx(2 * 5));
  // x and y each carry half of every chain between z and the rest.
  CHECK(score("x") == Approx(score("y")));
  CHECK(score("x") == Approx(5 * 0.5));
  // e joins a-d to x, y, z, and lies on one of the two chains x-e-y, x-z-y.
  CHECK(score("e") == Approx(4 * 3 + 0.5));
}

TEST_CASE("betweenness finds the bridge between two groups", "[centrality]") {
  TempDir dir;
  // Two cliques of six joined through one bridge.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const std::string side : {"l", "r"}) {
    for (int i = 0; i < 6; ++i)
      for (int j = i + 1; j < 6; ++j)
        pairs.emplace_back(side + std::to_string(i), side + std::to_string(j));
    pairs.emplace_back(side + "0", "bridge");
  }
  auto store = MakeMetStore(dir.path(), pairs);
  const GraphProjection graph(*store);
  REQUIRE(graph.vertex_count() == 13);
  const Ranking exact = TopEntities(*store, graph, Options(Centrality::kBetweenness, 3));
  CHECK(exact.exact);
  CHECK(Ids(exact) == std::vector<std::string>{"person:bridge", "person:l0", "person:r0"});
  // Every chain from one side to the other: 6 x 6 through the bridge.
  CHECK(exact.entities[0].score == Approx(36));
}

TEST_CASE("betweenness on a larger graph is estimated from sampled sources", "[centrality]") {
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> star;
  for (int i = 0; i < 12; ++i) star.emplace_back("hub", "leaf" + std::to_string(i));
  auto store = MakeMetStore(dir.path(), star);
  const GraphProjection graph(*store);
  TopOptions options = Options(Centrality::kBetweenness, 2);
  options.sources = 4;
  const Ranking estimated = TopEntities(*store, graph, options);
  CHECK_FALSE(estimated.exact);
  CHECK(estimated.sources == 4);
  CHECK(estimated.vertices == 13);
  REQUIRE(estimated.entities.size() == 2);
  CHECK(estimated.entities[0].entity.id == "person:hub");
  CHECK(estimated.entities[0].score > 0);
  CHECK(estimated.entities[1].score == 0);
  // The same sources are drawn every time.
  CHECK(BetweennessScores(graph, 4) == BetweennessScores(graph, 4));
}

}  // namespace
}  // namespace diplograph
