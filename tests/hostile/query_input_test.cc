// Hostile query text: thousands of patterns, a query as long as the command line allows. One
// line on stderr and exit 5, never a crash (the join would recurse once per pattern).
#include <catch2/catch.hpp>

#include "tests/hostile/child.h"

namespace diplograph::hostile {
namespace {

TEST_CASE("a query of thousands of patterns is refused with one line", "[hostile][query]") {
  Scratch dir("query");
  const fs::path db = dir / "graph.db";
  WriteFile(dir / "a.txt",
            "Talks\nIranian Foreign Minister Abbas Araghchi met Sergey Lavrov in Moscow.\n");
  REQUIRE(Run({"ingest", "--quiet", "--db", db.string(), (dir / "a.txt").string()}, dir.path(),
              "ingest")
              .exit_code == 0);
  // About 120 KB: near the longest single argument Linux passes (128 KB).
  std::string patterns = "?a met ?b";
  for (int i = 1; i < 10'000; ++i) patterns += " . ?a met ?b";
  std::string words = "?a";
  for (int i = 0; i < 10'000; ++i) words += " ایران";
  for (const std::string& query : {patterns, words}) {
    const Outcome o = Run({"query", query, "--db", db.string()}, dir.path(), "query");
    INFO(o.Describe().substr(0, 400));
    CHECK_FALSE(o.crashed());
    CHECK_FALSE(o.timed_out);
    CHECK(o.exit_code == 5);
    CHECK(o.ErrLines().size() == 1);
    CHECK(o.err.rfind("diplograph: query:1:", 0) == 0);
  }
}

}  // namespace
}  // namespace diplograph::hostile
