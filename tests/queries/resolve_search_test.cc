#include <catch2/catch.hpp>

#include "queries/entity_search.h"
#include "queries/resolve.h"
#include "tests/queries/graph.h"

namespace diplograph {
namespace {

using namespace testing;

std::vector<std::string> Ids(const std::vector<EntityHit>& hits) {
  std::vector<std::string> ids;
  for (const auto& h : hits) ids.push_back(h.entity.id);
  return ids;
}

TEST_CASE("entities resolve by id, name or alias in any script", "[resolve]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  using V = std::vector<std::string>;
  CHECK(Ids(ResolveEntity(*store, "country:RS")) == V{"country:RS"});
  CHECK(Ids(ResolveEntity(*store, "Serbia")) == V{"country:RS"});
  CHECK(Ids(ResolveEntity(*store, "صربستان")) == V{"country:RS"});
  CHECK(Ids(ResolveEntity(*store, "COUNTRY:rs")) == V{"country:RS"});
  CHECK(Ids(ResolveEntity(*store, "Aleksandar Vucic")) == V{"person:aleksandar-vucic"});
  CHECK(Ids(ResolveEntity(*store, "عبدالرضا رحمانی فضلی")) == V{"person:abdolreza-rahmani-fazli"});
  CHECK(ResolveEntity(*store, "Nobody at all").empty());

  const auto vucic = ResolveEntity(*store, "person:aleksandar-vucic");
  REQUIRE(vucic.size() == 1);
  CHECK(vucic[0].degree == 8);
  CHECK(vucic[0].entity.type == EntityType::kPerson);
}

TEST_CASE("an ambiguous name yields every candidate, most connected first", "[resolve]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const auto hits = ResolveEntity(*store, "هاشمی");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].entity.id == "person:sattar-hashemi");
  CHECK(hits[0].degree == 6);
  CHECK(hits[1].entity.id == "person:mojtaba-hashemi");
  CHECK(hits[1].degree == 1);
}

TEST_CASE("entity search matches without accents, ZWNJ or the start of the name", "[search]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  using V = std::vector<std::string>;
  CHECK(Ids(SearchEntities(*store, "Vucic")) == V{"person:aleksandar-vucic"});
  CHECK(Ids(SearchEntities(*store, "aleksandar vuč")) == V{"person:aleksandar-vucic"});
  // Stored with a ZWNJ, searched without one, as a prefix and as a part.
  CHECK(Ids(SearchEntities(*store, "عبدالرضا رحمانیفضلی")) == V{"person:abdolreza-rahmani-fazli"});
  CHECK(Ids(SearchEntities(*store, "رحمانیفضلی")) == V{"person:abdolreza-rahmani-fazli"});
  CHECK(Ids(SearchEntities(*store, "ووچیچ")) == V{"person:aleksandar-vucic"});
  // Neither name starts with "hashemi"; both contain it.
  CHECK(Ids(SearchEntities(*store, "Hashemi")) ==
        V{"person:sattar-hashemi", "person:mojtaba-hashemi"});
  CHECK(SearchEntities(*store, "Atlantis").empty());
}

TEST_CASE("entity search ranks prefix hits by degree and honours the limit", "[search]") {
  TempDir dir;
  auto store = MakeGraph(dir.path());
  const auto hits = SearchEntities(*store, "person:", 2);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].entity.id == "person:aleksandar-vucic");
  CHECK(hits[1].entity.id == "person:sattar-hashemi");
  CHECK(hits[0].degree >= hits[1].degree);
  CHECK(SearchEntities(*store, "person:", 100).size() == 5);
}

}  // namespace
}  // namespace diplograph
