// Predicate: the closed vocabulary of relations, with CAMEO and PLOVER codes.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace diplograph {

struct PredicateInfo {
  std::string_view name;    // "met"
  std::string_view cameo;   // "040"; empty for state predicates
  std::string_view plover;  // "CONSULT"; empty when none
  bool symmetric;
  bool event;  // false for state predicates (holds_role, member_of, ...)
};

// Every predicate of DESIGN.md's vocabulary, in its order.
std::span<const PredicateInfo> AllPredicates();
const PredicateInfo* FindPredicate(std::string_view name);

}  // namespace diplograph
