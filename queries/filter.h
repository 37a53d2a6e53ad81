// Filter: statement filters shared by query commands (date, predicate, confidence, source).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/statement.h"

namespace diplograph {

struct Filter;

// How the caller names the filter parameters in messages.
enum class ParameterStyle {
  kCommandLine,  // --from, --min-confidence
  kQuery,        // from, min_confidence
};

// The filters as a user writes them: dates as text, predicates by name.
struct FilterText {
  std::string from, to, source;
  std::vector<std::string> predicates;
  double min_confidence = 0;

  // QueryError kInvalidFilter, naming the parameter, on a bad date, from
  // after to, an unknown predicate or a confidence outside 0..1.
  Filter Parse(ParameterStyle style) const;
};

struct Filter {
  // Statements whose whole date lies in [from, to]: with from = 2025-03 a
  // statement dated 2025 is out, one dated 2025-03-14 is in. Undated
  // statements are out as soon as either bound is set.
  std::optional<Date> from;
  std::optional<Date> to;
  std::vector<std::string> predicates;  // empty: any
  std::optional<Modality> modality;
  double min_confidence = 0;
  std::string source;  // some source's publisher equals this, ignoring ASCII case

  bool Matches(const Statement& s) const;
  bool MatchesPredicate(std::string_view predicate) const;
  bool MatchesDate(const Date& date) const;
  // Matches without the date bounds, for callers that let some undated
  // statements through (see RunPatternQuery).
  bool MatchesExceptDate(const Statement& s) const;
  bool HasDateBounds() const { return from || to; }
  // Whether `from` begins after `to` ends, so that no date can match.
  bool EmptyDateRange() const;
  // Whether Matches looks past the predicate, so scans over index ids alone
  // fetch statement records only when they must.
  bool NeedsRecord() const;
  // The time-index sort keys (keys::TimeSortKey) any matching statement has
  // one of: the bounds of a timeline scan.
  uint32_t FirstTimeKey() const;
  uint32_t LastTimeKey() const;
};

}  // namespace diplograph
