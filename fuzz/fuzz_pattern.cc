// libFuzzer harness: the pattern language of `diplograph query`, parsed without a store.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/predicate.h"
#include "core/utf8.h"
#include "fuzz/check.h"
#include "queries/pattern.h"
#include "queries/query_error.h"

using namespace diplograph;

namespace {

void CheckTerm(const PatternQuery& q, const PatternTerm& t, bool predicate) {
  FUZZ_CHECK(t.line >= 1 && t.column >= 1);
  if (t.is_variable()) {
    FUZZ_CHECK(static_cast<size_t>(t.variable) < q.variables.size());
    FUZZ_CHECK(q.variables[t.variable].name == t.text);
    FUZZ_CHECK(q.variables[t.variable].predicate == predicate);
  } else if (predicate) {
    FUZZ_CHECK(FindPredicate(t.text) != nullptr);
  } else {
    FUZZ_CHECK(!t.text.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  PatternQuery q;
  try {
    q = ParsePattern(text);
  } catch (const QueryError& e) {
    // One line, pointing into the query, of one of the two pattern failures.
    const std::string message = e.what();
    FUZZ_CHECK(message.rfind("query:", 0) == 0);
    FUZZ_CHECK(message.find('\n') == std::string::npos);
    FUZZ_CHECK(e.failure() == QueryFailure::kMalformedPattern ||
               e.failure() == QueryFailure::kInvalidFilter);
    return 0;
  }
  FUZZ_CHECK(utf8::FindInvalid(text) == std::string_view::npos);
  FUZZ_CHECK(!q.patterns.empty());
  for (const PatternTriple& p : q.patterns) {
    CheckTerm(q, p.subject, false);
    CheckTerm(q, p.predicate, true);
    CheckTerm(q, p.object, false);
  }
  FUZZ_CHECK(!q.limit || *q.limit >= 1);
  FUZZ_CHECK(!q.filter.EmptyDateRange());
  FUZZ_CHECK(q.filter.min_confidence >= 0 && q.filter.min_confidence <= 1);
  return 0;
}
