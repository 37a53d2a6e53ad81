#include <catch2/catch.hpp>

#include "core/date.h"

using namespace diplograph;

TEST_CASE("ISO dates parse with their precision and reject impossible days", "[date]") {
  auto d = Date::ParseIso("2025-01-30");
  REQUIRE(d);
  CHECK(d->precision == DatePrecision::kDay);
  CHECK(d->ToIso() == "2025-01-30");
  CHECK(Date::ParseIso("2025-01")->precision == DatePrecision::kMonth);
  CHECK(Date::ParseIso("2025")->ToIso() == "2025");
  CHECK_FALSE(Date::ParseIso("2025-02-30"));
  CHECK_FALSE(Date::ParseIso("2024-13"));
  CHECK_FALSE(Date::ParseIso("30/01/2025"));
  CHECK(Date::ParseIso("2024-02-29"));
  CHECK_FALSE(Date::ParseIso("2023-02-29"));
}

TEST_CASE("Solar Hijri dates convert to Gregorian", "[date]") {
  // Nowruz 1404 fell on 21 March 2025; 8 Azar 1405 is 29 November 2026.
  auto nowruz = FromPersian(1404, 1, 1);
  REQUIRE(nowruz);
  CHECK(nowruz->ToIso() == "2025-03-21");
  CHECK(nowruz->calendar == Calendar::kPersian);
  CHECK(FromPersian(1405, 9, 8)->ToIso() == "2026-11-29");
  CHECK(FromPersian(1403, 12, 30)->ToIso() == "2025-03-20");  // 1403 is a leap year
  CHECK_FALSE(FromPersian(1404, 7, 31));                      // months 7-12 have 30 days at most
  CHECK_FALSE(FromPersian(1404, 13, 1));
  CHECK(PersianYearOf(Date::Day(2026, 11, 29)) == 1405);
  CHECK(PersianYearOf(Date::Day(2026, 3, 20)) == 1404);
}

TEST_CASE("weekdays and day arithmetic are exact", "[date]") {
  CHECK(Weekday(2025, 1, 30) == 4);  // a Thursday
  CHECK(Weekday(1970, 1, 1) == 4);
  int y, m, d;
  CivilFromDays(DaysFromCivil(2024, 2, 28) + 2, &y, &m, &d);
  CHECK((y == 2024 && m == 3 && d == 1));
  CHECK(Date::Day(2025, 1, 30).SortKey() < Date::Day(2025, 2, 1).SortKey());
}
