#include <catch2/catch.hpp>

#include "queries/neighbors.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

std::vector<std::string> Ids(const std::vector<Neighbor>& neighbors) {
  std::vector<std::string> ids;
  for (const auto& n : neighbors) ids.push_back(std::to_string(n.depth) + " " + n.entity.id);
  return ids;
}

TEST_CASE("depth-1 neighbours come with the predicates linking them", "[neighbors]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const auto n = Neighbors(*store, "person:sattar-hashemi", 1);
  CHECK(Ids(n) ==
        std::vector<std::string>{"1 person:aleksandar-vucic", "1 country:IR", "1 country:RS"});
  REQUIRE(n.size() == 3);
  CHECK(n[0].entity.name == "Aleksandar Vučić");
  CHECK(n[0].links.size() == 4);
  for (const auto& l : n[0].links) CHECK(l.nearer == "person:sattar-hashemi");
  REQUIRE(n[0].predicates.size() == 4);
  CHECK(n[0].predicates[0].predicate == "invited");
  CHECK_FALSE(n[0].predicates[0].outgoing);  // Vučić invited Hashemi
  CHECK(n[0].predicates[0].count == 1);
  REQUIRE(n[2].predicates.size() == 1);
  CHECK(n[2].predicates[0].predicate == "visited");
  CHECK(n[2].predicates[0].outgoing);

  // Two statements with one predicate count as one entry of two.
  const auto serbia = Neighbors(*store, "country:RS", 1);
  const auto iran = std::find_if(serbia.begin(), serbia.end(),
                                 [](const Neighbor& x) { return x.entity.id == "country:IR"; });
  REQUIRE(iran != serbia.end());
  CHECK(iran->links.size() == 2);
}

TEST_CASE("depth-2 neighbours link to the depth-1 entities they were reached from", "[neighbors]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const auto n = Neighbors(*store, "person:sattar-hashemi", 2);
  CHECK(Ids(n) ==
        std::vector<std::string>{"1 person:aleksandar-vucic", "1 country:IR", "1 country:RS",
                                 "2 person:masoud-pezeshkian", "2 event:expo-2027-belgrade",
                                 "2 person:abdolreza-rahmani-fazli", "2 person:mojtaba-hashemi"});
  REQUIRE(n.size() == 7);
  std::vector<std::string> nearer;
  for (const auto& l : n[3].links) nearer.push_back(l.nearer + " " + l.predicate);
  std::sort(nearer.begin(), nearer.end());
  CHECK(nearer ==
        std::vector<std::string>{"country:IR holds_role", "person:aleksandar-vucic sent_message"});
  // Belgrade is three hops away.
  CHECK(Neighbors(*store, "person:sattar-hashemi", 3).size() == 8);
}

TEST_CASE("neighbours follow only statements passing the filter, up to the limit", "[neighbors]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  Filter met;
  met.predicates = {"met"};
  CHECK(Ids(Neighbors(*store, "person:sattar-hashemi", 2, met)) ==
        std::vector<std::string>{"1 person:aleksandar-vucic"});
  Filter dated;
  dated.from = Year(2025);
  const auto recent = Neighbors(*store, "person:sattar-hashemi", 1, dated);
  CHECK(Ids(recent) == std::vector<std::string>{"1 person:aleksandar-vucic", "1 country:RS"});
  CHECK(recent[0].links.size() == 2);
  CHECK(Ids(Neighbors(*store, "person:sattar-hashemi", 2, {}, 2)) ==
        std::vector<std::string>{"1 person:aleksandar-vucic", "1 country:IR"});
  CHECK(Neighbors(*store, "person:nobody", 1).empty());
}

}  // namespace
}  // namespace diplograph
