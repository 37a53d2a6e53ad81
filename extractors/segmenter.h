// Segmenter: normalizes the article, splits sentences (ICU) and tokens.
#pragma once

#include <string>
#include <unordered_set>

#include "extractors/document.h"

namespace diplograph {

// Fills doc.norm, doc.original_byte_of_cp, doc.lang (when unknown),
// doc.sentences and doc.tokens from doc.article.text. Linear in the text.
// A sentence never ends right after one of `abbreviations` ("U.S.", "Gen.")
// unless a line ends there. A sentence of more than 1000 tokens (text with no
// sentence breaks) is cut into pieces of 1000.
void Segment(Document& doc, const std::unordered_set<std::string>* abbreviations = nullptr);

// Guesses fa or en from the share of Arabic-script and Latin letters.
Lang DetectLanguage(std::string_view text);

}  // namespace diplograph
