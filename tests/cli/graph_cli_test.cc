#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run.h"
#include "tests/queries/graph.h"

using namespace diplograph::test;
using nlohmann::json;

namespace {

// The query tests' small graph (see tests/queries/graph.h), closed again.
std::string MakeGraphDb(const TempDir& dir) {
  const std::string db = dir / "graph.db";
  diplograph::testing::MakeGraph(db);
  return db;
}

std::vector<std::string> Ids(const json& entities) {
  std::vector<std::string> ids;
  for (const json& e : entities) ids.push_back(e["id"]);
  return ids;
}

}  // namespace

TEST_CASE("path prints the chain of statements between two named entities", "[cli][path]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);

  // Names in any language name the entities.
  RunResult r = Run("path --format json --db " + Quote(db) + " " + Quote("Sattar Hashemi") + " " +
                    Quote("بلگراد"));
  REQUIRE(r.exit_code == 0);
  const json path = json::parse(r.out);
  CHECK(Ids(path["nodes"]) == std::vector<std::string>{"person:sattar-hashemi", "country:IR",
                                                       "event:expo-2027-belgrade",
                                                       "place:belgrade"});
  CHECK(path["nodes"][1]["name"] == "Iran");
  const json& edges = path["edges"];
  REQUIRE(edges.size() == 3);
  for (const json& e : edges) {
    CHECK(e["id"].is_number_unsigned());
    CHECK(e["sources"].is_array());
    CHECK(e.contains("evidence"));
  }
  CHECK(edges[0]["predicate"] == "holds_role");
  CHECK(edges[0]["direction"] == "forward");
  CHECK(edges[2]["predicate"] == "hosts");
  CHECK(edges[2]["subject"]["id"] == "place:belgrade");
  CHECK(edges[2]["direction"] == "backward");

  r = Run("path --db " + Quote(db) + " " + Quote("Sattar Hashemi") + " Belgrade");
  REQUIRE(r.exit_code == 0);
  for (const char* text : {"STEP", "SUBJECT", "holds_role", "supports", "hosts", "Expo 2027"})
    CHECK(r.out.find(text) != std::string::npos);

  // JSON Lines: the path on one line.
  r = Run("path --format jsonl --db " + Quote(db) + " country:IR country:RS");
  REQUIRE(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  CHECK(json::parse(r.out)["edges"].size() == 1);
}

TEST_CASE("path --via avoids other predicates and --max-length cuts", "[cli][path]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  const std::string ends = " person:sattar-hashemi Serbia";

  RunResult r = Run("path --format json --db " + Quote(db) + ends);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["edges"].size() == 1);  // Hashemi visited Serbia

  r = Run("path --format json --via met --via holds_role --db " + Quote(db) + ends);
  REQUIRE(r.exit_code == 0);
  const json via = json::parse(r.out);
  CHECK(Ids(via["nodes"]) ==
        std::vector<std::string>{"person:sattar-hashemi", "person:aleksandar-vucic", "country:RS"});

  r = Run("path --format json --max-length 2 --db " + Quote(db) +
          " person:sattar-hashemi place:belgrade");
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out) == json{{"nodes", json::array()}, {"edges", json::array()}});
  r = Run("path --max-length 2 --db " + Quote(db) + " person:sattar-hashemi place:belgrade");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no path of at most 2 statements\n");

  // The shared filters apply: Belgrade's only statement is undated.
  r = Run("path --from 2024 --db " + Quote(db) + " person:sattar-hashemi place:belgrade");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no path\n");
}

TEST_CASE("path names what it cannot use and exits non-zero", "[cli][path]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  RunResult r = Run("path --db " + Quote(db) + " Atlantis Serbia");
  CHECK(r.exit_code != 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("\"Atlantis\"") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  r = Run("path --via befriended --db " + Quote(db) + " Iran Serbia");
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("--via: unknown predicate \"befriended\"") != std::string::npos);
}

TEST_CASE("top ranks entities by degree, pagerank or betweenness", "[cli][top]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);

  RunResult r = Run("top --format json --limit 4 --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  json top = json::parse(r.out);
  REQUIRE(top.size() == 4);
  std::vector<std::string> ids;
  for (const json& t : top) ids.push_back(t["entity"]["id"]);
  CHECK(ids == std::vector<std::string>{"person:aleksandar-vucic", "country:IR", "country:RS",
                                        "person:sattar-hashemi"});
  CHECK(top[0]["rank"] == 1);
  CHECK(top[0]["statements"] == 8);
  CHECK(top[0]["score"] == 8);
  CHECK(top[0]["exact"] == true);
  CHECK(top[0]["entity"]["name"] == "Aleksandar Vučić");

  r = Run("top --by pagerank --type country --format jsonl --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  ids.clear();
  for (std::string line; std::getline(lines, line);)
    ids.push_back(json::parse(line)["entity"]["id"]);
  CHECK(ids == std::vector<std::string>{"country:IR", "country:RS"});

  r = Run("top --by betweenness --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  for (const char* text : {"RANK", "BETWEENNESS", "STATEMENTS", "country:IR"})
    CHECK(r.out.find(text) != std::string::npos);
  CHECK(r.out.find("estimated") == std::string::npos);

  // Above --sources entities, the table says betweenness was estimated.
  r = Run("top --by betweenness --sources 3 --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("betweenness estimated from 3 of 9 entities") != std::string::npos);
  r = Run("top --by betweenness --sources 3 --format json --db " + Quote(db));
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)[0]["exact"] == false);

  r = Run("top --by closeness --db " + Quote(db));
  CHECK(r.exit_code != 0);
  r = Run("top --type planet --db " + Quote(db));
  CHECK(r.exit_code != 0);
}
