// Pattern queries at the limits: at most 64 patterns (the join recurses once per pattern), and
// columns counted as the lexer goes, so that a long one-line query parses in linear time.
#include <catch2/catch.hpp>

#include <chrono>

#include "queries/pattern.h"
#include "queries/query_error.h"

namespace diplograph {
namespace {

std::string Patterns(size_t n) {
  std::string text;
  for (size_t i = 0; i < n; ++i) text += i ? " . ?a met ?b" : "?a met ?b";
  return text;
}

TEST_CASE("a query joins at most 64 patterns", "[pattern][limits]") {
  CHECK(ParsePattern(Patterns(64)).patterns.size() == 64);
  for (const size_t n : {65, 5000}) {
    INFO(n << " patterns");
    try {
      ParsePattern(Patterns(n));
      FAIL("parsed");
    } catch (const QueryError& e) {
      CHECK(e.failure() == QueryFailure::kMalformedPattern);
      // The 65th pattern starts 64 times 12 characters in.
      CHECK(std::string(e.what()) == "query:1:769: a query joins at most 64 patterns");
    }
  }
}

TEST_CASE("columns are counted in characters on long lines", "[pattern][limits]") {
  // 100,000 Persian words on one line: every one is lexed before parsing.
  std::string text = "?a";
  for (int i = 0; i < 100'000; ++i) text += " ایران";
  const auto start = std::chrono::steady_clock::now();
  try {
    ParsePattern(text);
    FAIL("parsed");
  } catch (const QueryError& e) {
    // The predicate is the first word after ?a: column 4.
    CHECK(std::string(e.what()).rfind("query:1:4: unknown predicate \"ایران\"", 0) == 0);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  // An error at the end of a 600,000-character line.
  try {
    ParsePattern("?a met ?b" + std::string(600'000, ' ') + "\"open");
    FAIL("parsed");
  } catch (const QueryError& e) {
    CHECK(std::string(e.what()) == "query:1:600010: the quoted name is not closed");
  }
}

}  // namespace
}  // namespace diplograph
