// `extract`'s note for an article with no statements quotes its headline short and inert, however
// long the headline or whatever control characters it holds.
#include <catch2/catch.hpp>

#include "run.h"

using namespace diplograph::test;

TEST_CASE("the no-statements note quotes a hostile headline short and inert", "[cli][extract]") {
  TempDir dir;
  const std::string file = dir / "junk.txt";
  std::ofstream(file, std::ios::binary)
      << "\x1b]0;owned\x07\x1b[2J" << std::string(100000, 'x') << "\nNothing here.\n";
  const RunResult r = Run("extract " + Quote(file));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("note: " + file + ": no statements in \"\xEF\xBF\xBD]0;owned", 0) == 0);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
  CHECK(r.err.size() < 400);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
