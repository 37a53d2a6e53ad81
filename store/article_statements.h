// ArticleStatements: an article's statements checked and merged, as every write path stores them.
#pragma once

#include <vector>

#include "core/article.h"
#include "core/statement.h"

namespace diplograph {

// Checks every statement (ids present, predicate in the vocabulary) and
// merges those equal by Statement::Key(): one statement with the sources,
// place and role of all, in first-seen order. Throws Error naming the
// article on a bad statement, before anything is returned.
std::vector<Statement> MergeWithinArticle(const ArticleMeta& meta,
                                          const std::vector<Statement>& statements);

}  // namespace diplograph
