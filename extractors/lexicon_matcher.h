// LexiconMatcher: marks the token spans that match lexicon forms.
#pragma once

#include "extractors/document.h"
#include "extractors/lexicon.h"

namespace diplograph {

// Fills doc.lex_spans and doc.lex_at, longest match first, left to right
// within each sentence. Needs Segment.
void MatchLexicon(const Lexicon& lexicon, Document& doc);

}  // namespace diplograph
