// Article: one news article as read from a file, before extraction.
#pragma once

#include <string>

#include "core/article.h"

namespace diplograph {

struct Article {
  ArticleMeta meta;
  // The text extraction runs on, headline as its first line. Evidence offsets
  // are code points into this string: for a plain-text article it is the file
  // itself; for JSON Lines it is the title, a newline, then the text.
  std::string text;
};

// Fills meta.id with "sha256:" + the digest of text.
void AssignContentId(Article* article);

}  // namespace diplograph
