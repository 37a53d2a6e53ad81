#include "queries/filter.h"

#include <algorithm>

#include "store/keys.h"

namespace diplograph {

namespace {

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

}  // namespace diplograph
