#include <catch2/catch.hpp>

#include <optional>

#include "core/error.h"
#include "queries/pattern.h"
#include "queries/query_error.h"

namespace diplograph {
namespace {

// The message ParsePattern throws for `text`, or "" when it parses.
std::string ErrorOf(const std::string& text) {
  try {
    ParsePattern(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// The kind of QueryError ParsePattern throws for `text`; nullopt when it parses.
std::optional<QueryFailure> FailureOf(const std::string& text) {
  try {
    ParsePattern(text);
  } catch (const QueryError& e) {
    return e.failure();
  }
  return std::nullopt;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST_CASE("patterns parse into terms, variables and their columns", "[pattern]") {
  const PatternQuery q = ParsePattern("?a met ?b . ?b holds_role country:RS");
  REQUIRE(q.patterns.size() == 2);
  REQUIRE(q.variables.size() == 2);
  CHECK(q.variables[0].name == "a");
  CHECK(q.variables[1].name == "b");
  CHECK_FALSE(q.variables[0].predicate);

  const PatternTriple& first = q.patterns[0];
  CHECK(first.subject.variable == 0);
  CHECK(first.predicate.text == "met");
  CHECK_FALSE(first.predicate.is_variable());
  CHECK(first.object.variable == 1);
  const PatternTriple& second = q.patterns[1];
  CHECK(second.subject.variable == 1);
  CHECK(second.object.text == "country:RS");
  CHECK_FALSE(second.object.is_variable());
  CHECK(second.object.column == 27);
  CHECK(second.object.Where() == "query:1:27");

  CHECK_FALSE(q.order_by_date);
  CHECK_FALSE(q.limit);
  CHECK_FALSE(q.filter.NeedsRecord());
}

TEST_CASE("names may be ids, words in any script or quoted with spaces", "[pattern]") {
  PatternQuery q = ParsePattern("صربستان ?p \"Aleksandar Vučić\"");
  REQUIRE(q.patterns.size() == 1);
  CHECK(q.patterns[0].subject.text == "صربستان");
  CHECK(q.patterns[0].predicate.is_variable());
  CHECK(q.variables[0].predicate);
  CHECK(q.patterns[0].object.text == "Aleksandar Vučić");
  CHECK(q.patterns[0].object.column == 12);  // code points, not bytes

  q = ParsePattern(R"(?a met "the \"Iron\" Lady \\ PM" . ?a visited "الکساندر ووچیچ")");
  CHECK(q.patterns[0].object.text == R"(the "Iron" Lady \ PM)");
  CHECK(q.patterns[1].object.text == "الکساندر ووچیچ");

  // A variable may be named in any script; a trailing dot is allowed.
  q = ParsePattern("?کشور hosts ?رویداد .");
  CHECK(q.variables.size() == 2);
  CHECK(q.variables[1].name == "رویداد");
}

TEST_CASE("clauses set filters, order and limit, keywords in any case", "[pattern]") {
  const PatternQuery q = ParsePattern(
      "?a met ?b FILTER date >= 2024-01-01 filter date<=2025-12 FILTER modality = intended "
      "FILTER source = \"Tehran Times\" FILTER confidence >= 0.5 order by DATE LIMIT 7");
  REQUIRE(q.filter.from);
  CHECK(q.filter.from->ToIso() == "2024-01-01");
  REQUIRE(q.filter.to);
  CHECK(q.filter.to->ToIso() == "2025-12");
  CHECK(q.filter.modality == Modality::kIntended);
  CHECK(q.filter.source == "Tehran Times");
  CHECK(q.filter.min_confidence == 0.5);
  CHECK(q.order_by_date);
  CHECK(q.limit == size_t{7});

  // A keyword is one only where a clause can begin; quoted, it never is.
  const PatternQuery named = ParsePattern("?a met Limit . \"Filter\" met ?a");
  CHECK(named.patterns[0].object.text == "Limit");
  CHECK(named.patterns[1].subject.text == "Filter");
}

TEST_CASE("syntax errors point at the line and code point column", "[pattern]") {
  CHECK(ErrorOf("?a met ?b . ?b ? country:RS") == "query:1:16: expected a predicate, found \"?\"");
  CHECK(ErrorOf("") == "query:1:1: expected a subject, found the end of the query");
  CHECK(ErrorOf("?a met") == "query:1:7: expected an object, found the end of the query");
  CHECK(ErrorOf(". ?a met ?b") == "query:1:1: expected a subject, found \".\"");
  CHECK(ErrorOf("?a-b met ?c") == "query:1:1: expected a subject, found \"?a-b\"");
  // Columns count code points: «صربستان» is 7 of them, in 14 bytes.
  CHECK(ErrorOf("صربستان ? ?b") == "query:1:9: expected a predicate, found \"?\"");
  CHECK(ErrorOf("?a met ?b .\n  ?b met") ==
        "query:2:9: expected an object, found the end of the query");
  CHECK(StartsWith(ErrorOf("?a met ?b ?c"), "query:1:11: expected \" . \" between patterns"));

  CHECK(StartsWith(ErrorOf("?a met ?b FILTER date > 2024"),
                   "query:1:23: expected \">=\" or \"<=\" after FILTER date, found \">\""));
  CHECK(StartsWith(ErrorOf("?a met ?b FILTER date >= yesterday"), "query:1:26: expected a date"));
  CHECK(StartsWith(ErrorOf("?a met ?b FILTER modality = maybe"),
                   "query:1:29: expected asserted, intended or negated"));
  CHECK(StartsWith(ErrorOf("?a met ?b FILTER confidence >= 1.5"),
                   "query:1:32: expected a number from 0 to 1"));
  CHECK(StartsWith(ErrorOf("?a met ?b FILTER source >= IRNA"),
                   "query:1:25: expected \"=\" after FILTER source"));
  CHECK(StartsWith(ErrorOf("?a met ?b FILTER colour = red"),
                   "query:1:18: expected date, modality, source or confidence"));
  CHECK(StartsWith(ErrorOf("?a met ?b ORDER BY name"), "query:1:20: expected date after ORDER BY"));
  CHECK(StartsWith(ErrorOf("?a met ?b ORDER date"), "query:1:17: expected BY after ORDER"));
  CHECK(StartsWith(ErrorOf("?a met ?b LIMIT 0"), "query:1:17: expected a whole number above 0"));
  CHECK(StartsWith(ErrorOf("?a met ?b LIMIT ten"), "query:1:17: expected a whole number above 0"));
  CHECK(ErrorOf("?a met ?b LIMIT 2 LIMIT 3") == "query:1:19: LIMIT given twice");
  CHECK(ErrorOf("?a met ?b LIMIT 2 ?c") ==
        "query:1:19: expected FILTER, ORDER BY or LIMIT, found \"?c\"");
  CHECK(ErrorOf("?a met \"Vučić") == "query:1:8: the quoted name is not closed");
  CHECK(ErrorOf("?a met \"\"") == "query:1:8: the quoted name is empty");
  CHECK(ErrorOf("?a met \xC3\x28") == "query:1:8: not valid UTF-8");
}

TEST_CASE("a bad FILTER value is an invalid filter, the rest a malformed pattern", "[pattern]") {
  for (const std::string text :
       {"?a met ?b FILTER date >= yesterday", "?a met ?b FILTER modality = maybe",
        "?a met ?b FILTER confidence >= 1.5", "?a met ?b FILTER source = \"\""}) {
    INFO(text);
    CHECK(FailureOf(text) == QueryFailure::kInvalidFilter);
  }
  for (const std::string text : {"?a met ?b FILTER date >=", "?a met ?b FILTER date > 2024",
                                 "?a meets ?b", "?a met ?b LIMIT 0", "?a met \"Vučić"}) {
    INFO(text);
    CHECK(FailureOf(text) == QueryFailure::kMalformedPattern);
  }
  CHECK_FALSE(FailureOf("?a met ?b FILTER date >= 2025-04 FILTER date <= 2025-04-30"));
}

TEST_CASE("a date range that ends before it begins is an error at its second bound", "[pattern]") {
  CHECK(ErrorOf("?a met ?b FILTER date >= 2025-05-01 FILTER date <= 2025-04-01") ==
        "query:1:52: FILTER date >= 2025-05-01 is after FILTER date <= 2025-04-01");
  CHECK(ErrorOf("?a met ?b FILTER date <= 2024 FILTER date >= 2025-01") ==
        "query:1:46: FILTER date >= 2025-01 is after FILTER date <= 2024");
  CHECK(FailureOf("?a met ?b FILTER date <= 2024 FILTER date >= 2025") ==
        QueryFailure::kInvalidFilter);
  // A range within one month or year is no error.
  CHECK(ErrorOf("?a met ?b FILTER date >= 2025-04-10 FILTER date <= 2025-04") == "");
}

TEST_CASE("an unknown predicate is an error at its column", "[pattern]") {
  const std::string e = ErrorOf("?a met ?b . ?b meets ?c");
  CHECK(StartsWith(e, "query:1:16: unknown predicate \"meets\" (one of: met, "));
  CHECK(e.find('\n') == std::string::npos);
}

TEST_CASE("a name with spaces outside quotes gets a hint", "[pattern]") {
  CHECK(ErrorOf("?a met Aleksandar Vučić")
            .ends_with("found \"Vučić\" (put a name with spaces in double quotes)"));
  CHECK(ErrorOf("Aleksandar Vučić met ?b").ends_with("(put a name with spaces in double quotes)"));
  CHECK_FALSE(ErrorOf("?a met ?b ?c").ends_with("(put a name with spaces in double quotes)"));
}

TEST_CASE("a variable stands for a predicate or an entity, not both", "[pattern]") {
  CHECK(ErrorOf("?p met ?b . ?a ?p ?b") ==
        "query:1:16: ?p stands for an entity elsewhere, so it cannot be a predicate here");
  CHECK(ErrorOf("?a ?p ?b . ?p met ?b") ==
        "query:1:12: ?p stands for a predicate elsewhere, so it cannot be an entity here");
}

}  // namespace
}  // namespace diplograph
