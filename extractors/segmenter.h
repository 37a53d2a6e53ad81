// Segmenter: normalizes the article, splits sentences (ICU) and tokens.
#pragma once

#include "extractors/document.h"

namespace diplograph {

// Fills doc.norm, doc.original_byte_of_cp, doc.lang (when unknown),
// doc.sentences and doc.tokens from doc.article.text. Linear in the text.
void Segment(Document& doc);

// Guesses fa or en from the share of Arabic-script and Latin letters.
Lang DetectLanguage(std::string_view text);

}  // namespace diplograph
