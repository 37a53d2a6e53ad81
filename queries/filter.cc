#include "queries/filter.h"

#include <algorithm>
#include <cstdio>

#include "core/predicate.h"
#include "core/utf8.h"
#include "queries/query_error.h"
#include "store/keys.h"

namespace diplograph {

namespace {

std::string ParameterName(ParameterStyle style, std::string_view name) {
  if (style == ParameterStyle::kQuery) return std::string(name);
  std::string flag = "--" + std::string(name);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

// "0.5", "1.25", "-3": no trailing zeros.
std::string ShortNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// First and last day a date covers, as yyyymmdd (a month "ends" on day 31,
// which orders correctly against every real day).
uint32_t FirstDay(const Date& d) {
  const unsigned month = d.precision == DatePrecision::kYear ? 1 : d.month;
  const unsigned day = d.precision == DatePrecision::kDay ? d.day : 1;
  return static_cast<uint32_t>(d.year) * 10000u + month * 100u + day;
}

uint32_t LastDay(const Date& d) {
  const unsigned month = d.precision == DatePrecision::kYear ? 12 : d.month;
  const unsigned day = d.precision == DatePrecision::kDay ? d.day : 31;
  return static_cast<uint32_t>(d.year) * 10000u + month * 100u + day;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

bool Filter::MatchesPredicate(std::string_view predicate) const {
  return predicates.empty() ||
         std::find(predicates.begin(), predicates.end(), predicate) != predicates.end();
}

bool Filter::NeedsRecord() const {
  return from || to || modality || min_confidence > 0 || !source.empty();
}

bool Filter::MatchesDate(const Date& date) const {
  if (!HasDateBounds()) return true;
  if (!date.known()) return false;
  if (from && from->known() && FirstDay(date) < FirstDay(*from)) return false;
  if (to && to->known() && LastDay(date) > LastDay(*to)) return false;
  return true;
}

bool Filter::EmptyDateRange() const {
  return from && to && from->known() && to->known() && FirstDay(*from) > LastDay(*to);
}

bool Filter::Matches(const Statement& s) const {
  return MatchesExceptDate(s) && MatchesDate(s.date);
}

bool Filter::MatchesExceptDate(const Statement& s) const {
  if (!MatchesPredicate(s.predicate)) return false;
  if (modality && s.modality != *modality) return false;
  if (s.confidence < min_confidence) return false;
  if (!source.empty() &&
      std::none_of(s.provenance.begin(), s.provenance.end(),
                   [&](const Provenance& p) { return EqualsIgnoringAsciiCase(p.source, source); }))
    return false;
  return true;
}

uint32_t Filter::FirstTimeKey() const {
  // A statement dated only by year or month sorts at yyyy0000 or yyyymm00,
  // before the first day of `from`, yet may lie wholly after it.
  return from && from->known() ? static_cast<uint32_t>(from->year) * 10000u : 0;
}

uint32_t Filter::LastTimeKey() const {
  if (to && to->known()) return LastDay(*to);
  return from ? keys::kUndated - 1 : keys::kUndated;
}

Filter FilterText::Parse(ParameterStyle style) const {
  auto invalid = [](const std::string& message) {
    return QueryError(QueryFailure::kInvalidFilter, message);
  };
  auto name = [style](std::string_view n) { return ParameterName(style, n); };
  Filter f;
  if (!from.empty()) {
    f.from = Date::ParseIso(from);
    if (!f.from)
      throw invalid(name("from") +
                    ": not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + utf8::Excerpt(from));
  }
  if (!to.empty()) {
    f.to = Date::ParseIso(to);
    if (!f.to)
      throw invalid(name("to") +
                    ": not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + utf8::Excerpt(to));
  }
  if (f.EmptyDateRange())
    throw invalid(name("from") + " " + from + " is after " + name("to") + " " + to);
  for (const auto& p : predicates)
    if (!FindPredicate(p))
      throw invalid(name("predicate") + ": unknown predicate \"" + utf8::Excerpt(p) + "\"");
  if (!(min_confidence >= 0 && min_confidence <= 1))
    throw invalid(name("min_confidence") + ": " + ShortNumber(min_confidence) +
                  " is not between 0 and 1");
  f.predicates = predicates;
  f.min_confidence = min_confidence;
  f.source = source;
  return f;
}

}  // namespace diplograph
