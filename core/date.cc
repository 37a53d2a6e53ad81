#include "core/date.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace diplograph {

std::string Date::ToIso() const {
  // Written by hand: dates are formatted for every statement and record,
  // and snprintf costs a thousand instructions each time.
  if (precision == DatePrecision::kUnknown) return {};
  auto digits = [](std::string& out, int value, int width) {
    char buf[12];
    int n = 0;
    unsigned v = value < 0 ? 0u : static_cast<unsigned>(value);
    do {
      buf[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v && n < 12);
    for (int i = n; i < width; ++i) out += '0';
    while (n) out += buf[--n];
  };
  std::string out;
  digits(out, year, 4);
  if (precision == DatePrecision::kYear) return out;
  out += '-';
  digits(out, month, 2);
  if (precision == DatePrecision::kMonth) return out;
  out += '-';
  digits(out, day, 2);
  return out;
}

unsigned Date::SortKey() const {
  if (!known()) return 0;
  return static_cast<unsigned>(year) * 10000u + static_cast<unsigned>(month) * 100u +
         static_cast<unsigned>(day);
}

Date Date::Day(int y, int m, int d, Calendar cal) {
  Date date;
  date.year = y;
  date.month = m;
  date.day = d;
  date.precision = DatePrecision::kDay;
  date.calendar = cal;
  return date;
}

static bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto res = std::from_chars(s.data(), s.data() + s.size(), *out);
  return res.ec == std::errc();
}

std::optional<Date> Date::ParseIso(std::string_view text) {
  Date d;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!ParseInt(text.substr(0, 4), &d.year) || d.year < 1) return std::nullopt;
  d.precision = DatePrecision::kYear;
  if (text.size() >= 7) {
    if (text[4] != '-' || !ParseInt(text.substr(5, 2), &d.month)) return std::nullopt;
    if (d.month < 1 || d.month > 12) return std::nullopt;
    d.precision = DatePrecision::kMonth;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !ParseInt(text.substr(8, 2), &d.day)) return std::nullopt;
    if (!IsValidGregorian(d.year, d.month, d.day)) return std::nullopt;
    d.precision = DatePrecision::kDay;
  }
  return d;
}

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kUnknown:
      break;
  }
  return "unknown";
}

std::optional<DatePrecision> ParsePrecision(std::string_view name) {
  if (name == "day") return DatePrecision::kDay;
  if (name == "month") return DatePrecision::kMonth;
  if (name == "year") return DatePrecision::kYear;
  if (name == "unknown") return DatePrecision::kUnknown;
  return std::nullopt;
}

const char* CalendarName(Calendar c) {
  switch (c) {
    case Calendar::kPersian:
      return "persian";
    case Calendar::kIslamic:
      return "islamic";
    case Calendar::kGregorian:
      break;
  }
  return "gregorian";
}

std::optional<Calendar> ParseCalendar(std::string_view name) {
  if (name == "gregorian") return Calendar::kGregorian;
  if (name == "persian") return Calendar::kPersian;
  if (name == "islamic") return Calendar::kIslamic;
  return std::nullopt;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (*m <= 2);
}

int Weekday(int y, int m, int d) {
  const long days = DaysFromCivil(y, m, d);
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

bool IsValidGregorian(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) limit = 29;
  return d <= limit;
}

namespace {

constexpr double kMsPerDay = 86400000.0;

// ICU calendars are costly to create and not thread-safe: one per thread,
// in GMT so that a date is a whole number of days.
icu::Calendar* PersianCalendar() {
  thread_local std::unique_ptr<icu::Calendar> calendar = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("fa_IR@calendar=persian"), status));
    if (U_FAILURE(status)) c.reset();
    if (c) c->setLenient(false);
    return c;
  }();
  return calendar.get();
}

}  // namespace

std::optional<Date> FromPersian(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1) return std::nullopt;
  if (month > 6 && day > 30) return std::nullopt;
  icu::Calendar* persian = PersianCalendar();
  if (!persian) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  persian->clear();
  persian->set(year, month - 1, day);
  const UDate when = persian->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  int y, m, d;
  CivilFromDays(static_cast<long>(std::floor(when / kMsPerDay)), &y, &m, &d);
  // Past 9999 a date has no four-digit ISO year to be written in.
  if (y > 9999) return std::nullopt;
  return Date::Day(y, m, d, Calendar::kPersian);
}

int PersianYearOf(const Date& d) {
  icu::Calendar* persian = PersianCalendar();
  if (!persian) return d.year - 621;
  UErrorCode status = U_ZERO_ERROR;
  persian->setTime(static_cast<double>(DaysFromCivil(d.year, d.month, d.day)) * kMsPerDay, status);
  const int year = persian->get(UCAL_YEAR, status);
  return U_FAILURE(status) ? d.year - 621 : year;
}

}  // namespace diplograph
