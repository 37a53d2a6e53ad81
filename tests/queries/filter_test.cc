#include <catch2/catch.hpp>

#include "queries/filter.h"
#include "store/keys.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

Statement Dated(Date d) {
  return MakeStatement(Country("country:IR", "Iran"), "supports", Country("country:RS", "Serbia"),
                       d, Article("sha256:a", "IRNA"), 0, 0.5);
}

TEST_CASE("a date range keeps the statements whose whole date lies inside it", "[filter]") {
  Filter f;
  f.from = Month(2025, 3);
  f.to = Day(2025, 4, 10);
  CHECK(f.Matches(Dated(Day(2025, 3, 1))));
  CHECK(f.Matches(Dated(Month(2025, 3))));
  CHECK(f.Matches(Dated(Day(2025, 4, 10))));
  CHECK_FALSE(f.Matches(Dated(Day(2025, 4, 11))));
  CHECK_FALSE(f.Matches(Dated(Month(2025, 4))));  // runs past April 10
  CHECK_FALSE(f.Matches(Dated(Year(2025))));
  CHECK_FALSE(f.Matches(Dated(Date())));
  CHECK(Filter().Matches(Dated(Date())));

  // The time-index bounds include year- and month-dated statements that sort
  // before the first day of the range.
  CHECK(f.FirstTimeKey() <= keys::TimeSortKey(Month(2025, 3)));
  CHECK(f.LastTimeKey() == 20250410);
  CHECK(Filter().LastTimeKey() == keys::kUndated);
  Filter open_end;
  open_end.from = Year(2020);
  CHECK(open_end.LastTimeKey() < keys::kUndated);
}

TEST_CASE("a range is empty only when it begins after it ends", "[filter]") {
  auto range = [](Date from, Date to) {
    Filter f;
    f.from = from;
    f.to = to;
    return f;
  };
  CHECK(range(Day(2025, 5, 1), Day(2025, 4, 1)).EmptyDateRange());
  CHECK(range(Month(2025, 5), Day(2025, 4, 30)).EmptyDateRange());
  CHECK(range(Year(2026), Year(2025)).EmptyDateRange());
  CHECK_FALSE(range(Day(2025, 4, 10), Month(2025, 4)).EmptyDateRange());
  CHECK_FALSE(range(Year(2025), Day(2025, 1, 1)).EmptyDateRange());
  CHECK_FALSE(range(Day(2025, 4, 1), Day(2025, 4, 1)).EmptyDateRange());
  Filter open;
  open.from = Day(2025, 5, 1);
  CHECK_FALSE(open.EmptyDateRange());

  // Leaving the dates out of the verdict keeps every other condition.
  Filter f = range(Year(2030), Year(2031));
  f.min_confidence = 0.6;
  CHECK_FALSE(f.MatchesDate(Date()));
  CHECK_FALSE(f.MatchesExceptDate(Dated(Date())));  // confidence 0.5
  f.min_confidence = 0.5;
  CHECK(f.MatchesExceptDate(Dated(Date())));
  CHECK_FALSE(f.Matches(Dated(Date())));
}

TEST_CASE("predicate, modality, confidence and source filters", "[filter]") {
  const Statement s = Dated(Day(2025, 1, 30));
  Filter f;
  CHECK_FALSE(f.NeedsRecord());
  f.predicates = {"met", "supports"};
  CHECK(f.Matches(s));
  CHECK_FALSE(f.NeedsRecord());
  f.predicates = {"met"};
  CHECK_FALSE(f.Matches(s));
  CHECK_FALSE(f.MatchesPredicate("supports"));

  Filter source;
  source.source = "irna";
  CHECK(source.NeedsRecord());
  CHECK(source.Matches(s));
  source.source = "Tanjug";
  CHECK_FALSE(source.Matches(s));

  Filter confident;
  confident.min_confidence = 0.6;
  CHECK_FALSE(confident.Matches(s));
  confident.min_confidence = 0.5;
  CHECK(confident.Matches(s));

  Filter negated;
  negated.modality = Modality::kNegated;
  CHECK_FALSE(negated.Matches(s));
}

}  // namespace
}  // namespace diplograph
