// Date: a calendar date with a precision, as written in an article.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace diplograph {

enum class DatePrecision { kUnknown, kYear, kMonth, kDay };

// Calendar the date was written in; the stored value is always Gregorian.
enum class Calendar { kGregorian, kPersian, kIslamic };

struct Date {
  int year = 0;  // Gregorian; 0 when unknown
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::kUnknown;
  Calendar calendar = Calendar::kGregorian;

  bool known() const { return precision != DatePrecision::kUnknown; }

  // "2025-01-30", "2025-01", "2025"; empty when unknown.
  std::string ToIso() const;
  // Sortable day number key: yyyymmdd with missing parts as 0; 0 when unknown.
  unsigned SortKey() const;

  static Date Day(int y, int m, int d, Calendar cal = Calendar::kGregorian);
  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a valid Gregorian date).
  static std::optional<Date> ParseIso(std::string_view text);

  friend bool operator==(const Date&, const Date&) = default;
};

const char* PrecisionName(DatePrecision p);
std::optional<DatePrecision> ParsePrecision(std::string_view name);
const char* CalendarName(Calendar c);
std::optional<Calendar> ParseCalendar(std::string_view name);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
long DaysFromCivil(int y, int m, int d);
void CivilFromDays(long days, int* y, int* m, int* d);
// 0 = Sunday ... 6 = Saturday.
int Weekday(int y, int m, int d);
bool IsValidGregorian(int y, int m, int d);

// Converts a Solar Hijri (Persian calendar) date with ICU; nullopt if invalid.
std::optional<Date> FromPersian(int year, int month, int day);
// The Solar Hijri year of a Gregorian day.
int PersianYearOf(const Date& gregorian_day);

}  // namespace diplograph
