// ArticleStatements: an article's statements checked and merged, as every write path stores them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/statement.h"
#include "store/records.h"

namespace diplograph {

// Checks every statement (ids present, predicate in the vocabulary) and
// merges those equal by Statement::Key(): one statement with the sources,
// place and role of all, in first-seen order. Throws Error naming the
// article on a bad statement, before anything is returned.
// Takes the statements by value: a caller done with them moves them in, and
// an article with nothing to merge (most) is returned without a copy.
std::vector<Statement> MergeWithinArticle(const ArticleMeta& meta,
                                          std::vector<Statement> statements);

// The record of a statement stored for the first time, its terms given as ids.
StatementRecord NewStatementRecord(const Statement& s, uint64_t subject, uint64_t predicate,
                                   uint64_t object, uint64_t place);

// Folds one more report of a stored statement into its record: a statement
// reported again is likelier true, so confidences combine; a place or role
// the record lacks is taken; the report's sources are counted. `intern`
// gives the place's term id and is called only when the record takes it.
// Returns whether it did.
bool AddReport(StatementRecord* record, const Statement& s,
               const std::function<uint64_t(const std::string&)>& intern);

}  // namespace diplograph
