// Coreference: resolves surnames, pronouns, titles and back-references to actors.
#pragma once

#include <string>

#include "extractors/document.h"
#include "extractors/lexicon.h"

namespace diplograph {

// Within one document: «این کشور» / "the country" -> the last country named;
// «کشورمان» -> `home_country` (the press's own country); a surname alone ->
// the person named in full elsewhere in the article; وی / he -> the last
// person in subject position; a title without a name ("the Serbian
// president") -> the person the article names with that title, else whoever
// held the office on the sentence's date per the lexicon. Needs
// RecognizeEntities and ResolveDates.
void ResolveCoreference(const Lexicon& lexicon, const std::string& home_country, Document& doc);

}  // namespace diplograph
