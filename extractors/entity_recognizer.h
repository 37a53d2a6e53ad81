// EntityRecognizer: actors, offices and their appositions from lexicon spans.
#pragma once

#include "extractors/document.h"
#include "extractors/lexicon.h"

namespace diplograph {

// Fills doc.mentions: lexicon entities, people named with an honorific, in
// «guillemets» or in apposition with an office (‹name، title country›,
// ‹title country name›, ‹Iran's foreign minister Name›, ‹Name, the Serbian
// president,›), office titles without a name, pronouns and back-references.
// Text governed by an attribution marker (به گزارش ..., according to ...)
// yields no actor. Needs MatchLexicon.
void RecognizeEntities(const Lexicon& lexicon, Document& doc);

// A stable id for a person outside the lexicon: "person:" + the ASCII
// transliteration of the name ("ستار هاشمی" -> "person:star-hashmy").
std::string PersonIdFor(std::string_view name);

}  // namespace diplograph
