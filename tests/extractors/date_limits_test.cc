// Dates resolved near the ends of the ISO calendar: a publication date of 0001-01-01 or
// 9999-12-31 anchors no date outside years 1 to 9999, which no ISO form could carry.
#include <catch2/catch.hpp>

#include "pipeline_fixture.h"

using namespace diplograph;

namespace {

// Every date the document resolved, and every statement's, reads back from its ISO form.
void RequireIsoDates(const Document& doc) {
  std::vector<Date> dates;
  for (const Sentence& s : doc.sentences)
    for (const auto& [token, date] : s.dates) dates.push_back(date);
  for (const Statement& s : doc.statements) dates.push_back(s.date);
  for (const Date& d : dates) {
    if (!d.known()) continue;
    INFO(d.ToIso());
    CHECK(d.year >= 1);
    CHECK(d.year <= 9999);
    CHECK(Date::ParseIso(d.ToIso()).has_value());
  }
}

}  // namespace

TEST_CASE("weekdays and relative days before year 1 resolve to nothing", "[dates]") {
  const Document doc = test::Analyze(
      "Talks\nOn Saturday Iranian Foreign Minister Abbas Araghchi met Sergey Lavrov in Moscow. "
      "Yesterday Araghchi invited Lavrov to Tehran. On 31 December Lavrov visited Tehran.\n",
      "0001-01-01");
  REQUIRE_FALSE(doc.statements.empty());
  RequireIsoDates(doc);
  // Today, the publication day itself, is still a date.
  const Document today = test::Analyze(
      "Talks\nToday Iranian Foreign Minister Abbas Araghchi met Sergey Lavrov in Moscow.\n",
      "0001-01-01");
  const Statement* met =
      test::Find(today.statements, "person:abbas-araghchi", "met", "person:sergey-lavrov");
  REQUIRE(met);
  CHECK(met->date == Date::Day(1, 1, 1));
}

TEST_CASE("weekdays and relative days after year 9999 resolve to nothing", "[dates]") {
  const Document doc = test::Analyze(
      "Talks\nIranian Foreign Minister Abbas Araghchi will meet Sergey Lavrov in Moscow on "
      "Monday. Araghchi will visit Moscow tomorrow.\n",
      "9999-12-31");
  REQUIRE_FALSE(doc.statements.empty());
  RequireIsoDates(doc);
}

TEST_CASE("a Solar Hijri date past Gregorian 9999 is no date", "[dates]") {
  // Esfand 9378 ends in March of Gregorian 10000.
  CHECK_FALSE(FromPersian(9378, 12, 29).has_value());
  const auto last = FromPersian(9378, 10, 10);
  REQUIRE(last);
  CHECK(last->year == 9999);
}
