#include "core/predicate.h"

namespace diplograph {

namespace {
// Keep in step with the vocabulary table of DESIGN.md.
constexpr PredicateInfo kPredicates[] = {
    {"met", "040", "CONSULT", true, true},
    {"spoke_by_phone", "041", "CONSULT", true, true},
    {"visited", "042", "CONSULT", false, true},
    {"hosted", "043", "CONSULT", false, true},
    {"sent_message", "040", "CONSULT", false, true},
    {"invited", "036", "CONSULT", false, true},
    {"intends_to_cooperate", "030", "COOPERATE", false, true},
    {"cooperates_with", "050", "COOPERATE", true, true},
    {"signed_agreement", "057", "AGREE", true, true},
    {"supports", "051", "SUPPORT", false, true},
    {"praised", "051", "SUPPORT", false, true},
    {"participates_in", "0", "", false, true},
    {"requested", "020", "REQUEST", false, true},
    {"criticized", "111", "ACCUSE", false, true},
    {"accused", "112", "ACCUSE", false, true},
    {"rejected", "120", "REJECT", false, true},
    {"threatened", "130", "THREATEN", false, true},
    {"sanctioned", "163", "SANCTION", false, true},
    {"holds_role", "", "", false, false},
    {"member_of", "", "", false, false},
    {"located_in", "", "", false, false},
    {"hosts", "", "", false, false},
};
}  // namespace

std::span<const PredicateInfo> AllPredicates() { return kPredicates; }

const PredicateInfo* FindPredicate(std::string_view name) {
  for (const auto& p : kPredicates)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace diplograph
