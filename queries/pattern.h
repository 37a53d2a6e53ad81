// Pattern: the triple-pattern language of `diplograph query`, parsed without a store.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queries/filter.h"

namespace diplograph {

// A subject, predicate or object as written.
struct PatternTerm {
  std::string text;   // variable name without "?"; else an entity id or name, or a predicate
  int variable = -1;  // index in PatternQuery::variables; -1 for a constant
  size_t line = 1;    // where the term starts, for messages
  size_t column = 1;  // in code points, from 1

  bool is_variable() const { return variable >= 0; }
  // "query:LINE:COLUMN", the prefix of every message about this term.
  std::string Where() const;
};

struct PatternTriple {
  PatternTerm subject, predicate, object;
};

struct PatternVariable {
  std::string name;        // without "?"
  bool predicate = false;  // stands for a predicate, not an entity
};

struct PatternQuery {
  std::vector<PatternTriple> patterns;     // at least one
  std::vector<PatternVariable> variables;  // in order of first appearance
  Filter filter;                           // from FILTER clauses (see RunPatternQuery)
  bool order_by_date = false;              // by the first pattern's statement, undated last
  std::optional<size_t> limit;             // at least 1 when set
};

// Grammar (keywords in any case):
//   query   := triple ( "." triple )* [ "." ] clause*
//   triple  := entity predicate entity
//   entity  := ?var | id-or-name | "quoted name"
//   predicate := ?var | vocabulary-name
//   clause  := FILTER date >= DATE | FILTER date <= DATE
//            | FILTER modality = asserted|intended|negated | FILTER source = NAME
//            | FILTER confidence >= NUMBER | ORDER BY date | LIMIT N
// Throws QueryError "query:LINE:COLUMN: what was expected, found what":
// kMalformedPattern on a syntax error, an unknown predicate or a variable
// used both as predicate and entity; kInvalidFilter on a FILTER value that is
// not one (a bad date, modality or confidence) or a date range that ends
// before it begins.
PatternQuery ParsePattern(std::string_view text);

}  // namespace diplograph
