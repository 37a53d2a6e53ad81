// Statement: subject - predicate - object with qualifiers and provenance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/entity.h"

namespace diplograph {

enum class Modality { kAsserted, kIntended, kNegated };

const char* ModalityName(Modality m);
std::optional<Modality> ParseModality(std::string_view name);

// Where a statement was read: one article, one sentence, one rule.
struct Provenance {
  std::string article;  // "sha256:<hex>" of the article text
  std::string source;   // publisher, when known
  std::string url;
  std::string published;  // ISO date of the article, when known
  int sentence = -1;      // index of the evidence sentence in the article
  size_t start = 0;       // code point offsets of the sentence in the original text
  size_t end = 0;
  std::string text;  // the evidence sentence, as written
  std::string rule;  // the rule that fired: "fa.met.light-verb"
  double confidence = 0;

  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct Statement {
  Entity subject;
  std::string predicate;  // a name from the predicate vocabulary
  Entity object;
  Date date;
  std::optional<Entity> place;
  Modality modality = Modality::kAsserted;
  std::string role;  // office, for holds_role; empty otherwise
  double confidence = 0;
  std::vector<Provenance> provenance;  // one entry per article that reports it

  // Identity of the statement across articles: subject, predicate, object,
  // date and modality (a denied meeting is not the meeting); for a symmetric
  // predicate the two parties in either order.
  std::string Key() const;
  // Key() without the date: what an article states once, however often.
  std::string RelationKey() const;
};

// Confidence of a statement reported independently several times.
double CombineConfidence(double a, double b);

}  // namespace diplograph
