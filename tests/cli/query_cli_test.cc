#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "run.h"

using namespace diplograph::test;
using nlohmann::json;

TEST_CASE("query joins triple patterns over the ingested examples", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  REQUIRE(Run("ingest -q --db " + Quote(db) + " " + Quote(Examples())).exit_code == 0);

  RunResult r = Run("query --format json --db " + Quote(db) + " " + Quote("?a met ?b"));
  REQUIRE(r.exit_code == 0);
  const json met = json::parse(r.out);
  REQUIRE(met.is_array());
  REQUIRE_FALSE(met.empty());
  for (const json& binding : met) {
    CHECK(binding.size() == 2);
    for (const char* var : {"a", "b"}) {
      REQUIRE(binding.contains(var));
      CHECK(binding[var]["id"].get<std::string>().find(':') != std::string::npos);
      CHECK(binding[var].contains("type"));
      CHECK(binding[var].contains("name"));
    }
  }

  // A predicate variable gives the predicate's name; --limit caps the bindings.
  r = Run("query --format jsonl --limit 1 --db " + Quote(db) + " " + Quote("?a ?p ?b"));
  REQUIRE(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  CHECK(json::parse(r.out)["p"].is_string());

  r = Run("query --db " + Quote(db) + " " + Quote("?a met ?b . ?b holds_role ?c ORDER BY date"));
  REQUIRE(r.exit_code == 0);
  for (const char* header : {"?a", "?b", "?c", "DATE"})
    CHECK(r.out.find(header) != std::string::npos);
}

TEST_CASE("a query syntax error exits non-zero with its column", "[cli][query]") {
  TempDir dir;
  const std::string db = dir / "graph.db";
  REQUIRE(Run("ingest -q --db " + Quote(db) + " " + Quote(Examples())).exit_code == 0);

  RunResult r = Run("query --db " + Quote(db) + " " + Quote("?a met ?b . ?b ? country:RS"));
  CHECK(r.exit_code != 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("query:1:16: expected a predicate") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  r = Run("query --db " + Quote(db) + " " + Quote("?a met Atlantis"));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("query:1:8: \"Atlantis\"") != std::string::npos);
}
