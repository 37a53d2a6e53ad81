// QueryError: the failures of a query a caller must tell apart, such as an unknown or ambiguous
// name.
#pragma once

#include <string>

#include "core/error.h"

namespace diplograph {

enum class QueryFailure {
  kUnknownEntity,     // a name no entity has
  kAmbiguousEntity,   // a name several entities have
  kMalformedPattern,  // pattern text that does not parse
  kInvalidFilter,     // a bad date, dates out of order, an unknown predicate
};

// An Error whose kind a script can act on: the CLI gives each its own exit
// code, so that "no such entity" is not mistaken for a broken store.
class QueryError : public Error {
 public:
  QueryError(QueryFailure failure, const std::string& message)
      : Error(message), failure_(failure) {}
  QueryFailure failure() const { return failure_; }

 private:
  QueryFailure failure_;
};

}  // namespace diplograph
