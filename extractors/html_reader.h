// HTML article reader: metadata and main-content paragraphs of a news page.
#pragma once

#include <string>
#include <string_view>

#include "extractors/article.h"

namespace diplograph {

// Parses one HTML page read from `name` (a path or "-"); `html` must already
// be valid UTF-8 (ParseArticles checks it), whatever its meta charset says.
//
// meta: title from og:title, else the <h1> of <article>/<main>, else <title>;
// published (YYYY-MM-DD) from article:published_time, og:published_time,
// <time datetime> of the main content, meta name="date" or itemprop
// datePublished; url from link rel=canonical or og:url; source from
// og:site_name; lang from the first two letters of <html lang>.
//
// text: the headline, a newline, then one line per block (p, h1-h6, li, td,
// blockquote, div, ...) of <article>, else <main>, else <body>, with scripts,
// navigation, headers, footers, asides, forms and hidden elements left out
// and whitespace collapsed; the same layout as a JSON Lines article.
//
// Throws Error("NAME: no article text found in HTML") when no block has text.
Article ParseHtmlArticle(std::string_view html, const std::string& name);

}  // namespace diplograph
