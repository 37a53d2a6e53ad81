// StatementBuilder: turns recognized offices and event matches into statements.
#pragma once

#include "extractors/document.h"
#include "extractors/lexicon.h"

namespace diplograph {

// Fills doc.statements: holds_role for every person named with an office of
// a country or organization, and one statement per event match, with its
// date (the sentence's), place, modality, confidence and evidence. The same
// subject, predicate, object and modality reported twice in the article is
// one statement, keeping the most precise date. Needs MatchEvents.
void BuildStatements(const Lexicon& lexicon, Document& doc);

}  // namespace diplograph
