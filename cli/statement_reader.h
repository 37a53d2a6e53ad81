// StatementReader: `extract` output (JSON Lines, a statement a line) read back by article, to store
// it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/statement.h"

namespace diplograph {

using StatementGroupFn = std::function<void(ArticleMeta&&, std::vector<Statement>&&)>;

// Calls fn once per article of `path` ("-": stdin) with its statements, in
// file order, as `extract` wrote them: an article's statements on
// consecutive lines. The article's source, url and published date come from
// its statements. Throws Error("PATH:LINE: ...") on a line that is not a
// statement, or when an article's statements are not together (a batch
// engine that shuffled them: sort by "article" first), after calling fn for
// the articles before it.
void ReadStatementGroups(const std::string& path, const StatementGroupFn& fn);

}  // namespace diplograph
