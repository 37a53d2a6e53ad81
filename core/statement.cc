#include "core/statement.h"

#include "core/predicate.h"

namespace diplograph {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kIntended:
      return "intended";
    case Modality::kNegated:
      return "negated";
    case Modality::kAsserted:
      break;
  }
  return "asserted";
}

std::optional<Modality> ParseModality(std::string_view name) {
  if (name == "asserted") return Modality::kAsserted;
  if (name == "intended") return Modality::kIntended;
  if (name == "negated") return Modality::kNegated;
  return std::nullopt;
}

std::string Statement::RelationKey() const {
  // A symmetric relation is one statement whichever party is named first.
  const PredicateInfo* info = FindPredicate(predicate);
  const bool swap = info && info->symmetric && object.id < subject.id;
  std::string key = swap ? object.id : subject.id;
  key += '\x1f';
  key += predicate;
  key += '\x1f';
  key += swap ? subject.id : object.id;
  key += '\x1f';
  key += ModalityName(modality);
  return key;
}

std::string Statement::Key() const { return RelationKey() + '\x1f' + date.ToIso(); }

double CombineConfidence(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

}  // namespace diplograph
