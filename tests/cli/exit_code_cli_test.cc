#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "run.h"
#include "tests/queries/graph.h"

using namespace diplograph::test;
using nlohmann::json;

namespace {

// The exit codes the README's query section documents.
constexpr int kFailure = 1;
constexpr int kUsage = 2;
constexpr int kUnknownEntity = 3;
constexpr int kAmbiguousEntity = 4;
constexpr int kMalformedPattern = 5;
constexpr int kInvalidFilter = 6;

std::string MakeGraphDb(const TempDir& dir) {
  const std::string db = dir / "graph.db";
  diplograph::testing::MakeGraph(db);
  return db;
}

// Runs a command that must fail: nothing on stdout, one line on stderr.
RunResult Fails(const std::string& args) {
  INFO(args);
  RunResult r = Run(args);
  CHECK(r.out.empty());
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  return r;
}

}  // namespace

TEST_CASE("an unknown name exits 3 on every command that takes one", "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  const std::string message = "diplograph: \"Atlantis\": no such entity in " + db +
                              " (try `diplograph entities --search`)\n";
  for (const std::string command :
       {"relations Atlantis Serbia", "relations Serbia Atlantis", "timeline Atlantis",
        "timeline Serbia --with Atlantis", "neighbors Atlantis", "path Atlantis Serbia"}) {
    INFO(command);
    const RunResult r = Fails(command + " --db " + Quote(db));
    CHECK(r.exit_code == kUnknownEntity);
    CHECK(r.err == message);
  }
  const RunResult r = Fails("query --db " + Quote(db) + " " + Quote("?a met Atlantis"));
  CHECK(r.exit_code == kUnknownEntity);
  CHECK(r.err == "diplograph: query:1:8: " + message.substr(12));
}

TEST_CASE("an ambiguous name exits 4 and lists the candidates with type and statement count",
          "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  const std::string candidates =
      "\"هاشمی\" is ambiguous: person:sattar-hashemi (person, 6 statements), "
      "person:mojtaba-hashemi (person, 1 statement); name one by its id\n";
  for (const std::string command : {"relations هاشمی Serbia", "relations Serbia هاشمی",
                                    "timeline هاشمی", "timeline Serbia --with هاشمی",
                                    "neighbors هاشمی", "path هاشمی Serbia", "path Serbia هاشمی"}) {
    INFO(command);
    const RunResult r = Fails(command + " --db " + Quote(db));
    CHECK(r.exit_code == kAmbiguousEntity);
    CHECK(r.err == "diplograph: " + candidates);
  }
  const RunResult r = Fails("query --db " + Quote(db) + " " + Quote("?a met هاشمی"));
  CHECK(r.exit_code == kAmbiguousEntity);
  CHECK(r.err == "diplograph: query:1:8: " + candidates);

  // Either candidate's id, or its other names, resolve.
  CHECK(Run("timeline person:mojtaba-hashemi --db " + Quote(db)).exit_code == 0);
  CHECK(Run("timeline " + Quote("سید ستار هاشمی") + " --db " + Quote(db)).exit_code == 0);
}

TEST_CASE("a malformed pattern exits 5 and points at the column", "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  RunResult r = Fails("query --db " + Quote(db) + " " + Quote("?a met"));
  CHECK(r.exit_code == kMalformedPattern);
  CHECK(r.err == "diplograph: query:1:7: expected an object, found the end of the query\n");
  r = Fails("query --db " + Quote(db) + " " + Quote("?a meets ?b"));
  CHECK(r.exit_code == kMalformedPattern);
  CHECK(r.err.rfind("diplograph: query:1:4: unknown predicate \"meets\"", 0) == 0);
  // Syntax comes first: no store is needed to find it.
  r = Fails("query --db " + Quote(dir / "none.db") + " " + Quote("?a met ?b LIMIT 0"));
  CHECK(r.exit_code == kMalformedPattern);
}

TEST_CASE("an invalid filter exits 6 naming the option", "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  const std::string out_of_order = " --from 2025-05-01 --to 2025-04-01 --db " + Quote(db);
  for (const std::string& command :
       std::vector<std::string>{"relations Iran Serbia", "timeline Iran", "neighbors Iran",
                                "path Iran Serbia", "top", "query " + Quote("?a met ?b")}) {
    INFO(command);
    const RunResult r = Fails(command + out_of_order);
    CHECK(r.exit_code == kInvalidFilter);
    CHECK(r.err == "diplograph: --from 2025-05-01 is after --to 2025-04-01\n");
  }
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--from tomorrow", "--from: not a date (YYYY, YYYY-MM or YYYY-MM-DD): tomorrow"},
      {"--to 2025-02-30", "--to: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2025-02-30"},
      {"--from 2025-04 --to 2025-03-31", "--from 2025-04 is after --to 2025-03-31"},
      {"--predicate befriended", "--predicate: unknown predicate \"befriended\""},
      {"--min-confidence 1.5", "--min-confidence: 1.5 is not between 0 and 1"},
  };
  for (const auto& [options, message] : cases) {
    INFO(options);
    const RunResult r = Fails("timeline Iran " + options + " --db " + Quote(db));
    CHECK(r.exit_code == kInvalidFilter);
    CHECK(r.err == "diplograph: " + message + "\n");
  }
  RunResult r = Fails("path --via befriended Iran Serbia --db " + Quote(db));
  CHECK(r.exit_code == kInvalidFilter);
  CHECK(r.err == "diplograph: --via: unknown predicate \"befriended\"\n");
  r = Fails("query --db " + Quote(db) + " " +
            Quote("?a met ?b FILTER date >= 2025-05-01 FILTER date <= 2025-04-01"));
  CHECK(r.exit_code == kInvalidFilter);
  CHECK(r.err ==
        "diplograph: query:1:52: FILTER date >= 2025-05-01 is after FILTER date <= 2025-04-01\n");
  r = Fails("query --db " + Quote(db) + " " + Quote("?a met ?b FILTER date >= yesterday"));
  CHECK(r.exit_code == kInvalidFilter);

  // A range within one month, and a date that covers the other, are fine.
  CHECK(Run("timeline Iran --from 2025-01-10 --to 2025-01 --db " + Quote(db)).exit_code == 0);
}

TEST_CASE("a command line CLI11 rejects exits 2, a missing store 1", "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  for (const std::string command :
       {"timeline", "timeline Iran --bogus", "relations Iran", "top --by closeness",
        "timeline Iran --format xml", "timeline Iran --min-confidence high", "frobnicate"}) {
    INFO(command);
    const RunResult r = Run(command + " --db " + Quote(db));
    CHECK(r.exit_code == kUsage);
    CHECK(r.out.empty());
  }
  const RunResult r = Fails("timeline Iran --db " + Quote(dir / "none.db"));
  CHECK(r.exit_code == kFailure);
  CHECK(r.err.find("none.db") != std::string::npos);

  const RunResult help = Run("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Exit status: 0 success") != std::string::npos);
}

TEST_CASE("an empty result is success, not an error", "[cli][exit]") {
  TempDir dir;
  const std::string db = MakeGraphDb(dir);
  const std::string later = " --from 2030 --db " + Quote(db);
  RunResult r = Run("timeline Iran" + later);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no statements\n");
  r = Run("relations Iran Serbia --format json" + later);
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out) == json::array());
  r = Run("neighbors Iran --format jsonl" + later);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  r = Run("query --db " + Quote(db) + " " + Quote("?a sanctioned ?b"));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no bindings\n");
  r = Run("entities --search zzz --format csv --db " + Quote(db));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "id,type,name,statements,other_names\r\n");
  CHECK(r.err.empty());
}
