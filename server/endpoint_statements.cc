// /api/relations, /api/timeline and /api/query: statements and bindings, a page at a time.
#include "queries/pattern.h"
#include "queries/pattern_query.h"
#include "queries/relations.h"
#include "queries/result_json.h"
#include "queries/timeline.h"
#include "server/api_error.h"
#include "server/endpoints.h"

namespace diplograph {

namespace {

ApiResponse StatementPage(const std::vector<StoredStatement>& statements, const Page& page) {
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = page.offset; i < statements.size() && i < page.offset + page.limit; ++i)
    items.push_back(StoredStatementToJson(statements[i]));
  return JsonResponse(PagedJson(std::move(items), page, static_cast<int64_t>(statements.size()),
                                statements.size() > page.offset + page.limit));
}

}  // namespace

ApiResponse RelationsEndpoint(const EndpointContext& c) {
  const EntityHit a = ResolveParam(c, "a");
  const EntityHit b = ResolveParam(c, "b");
  const Filter filter = c.params.ReadFilter();
  const Page page = c.params.ReadPage(100, 1000);
  std::vector<StoredStatement> found = Relations(*c.store, a.entity.id, b.entity.id, filter);
  const std::string directed = c.params.Get("directed").value_or("false");
  if (directed != "true" && directed != "false")
    throw ApiError(400, "bad_request", "parameter directed: true or false");
  // An edge of the graph runs one way: its statements are those from a to b.
  if (directed == "true")
    std::erase_if(found, [&](const StoredStatement& s) {
      return s.statement.subject.id != a.entity.id || s.statement.object.id != b.entity.id;
    });
  return StatementPage(found, page);
}

ApiResponse TimelineEndpoint(const EndpointContext& c) {
  const EntityHit e = ResolveParam(c, "entity");
  std::string other;
  if (c.params.Get("with")) other = ResolveParam(c, "with").entity.id;
  const Filter filter = c.params.ReadFilter();
  const Page page = c.params.ReadPage(100, 1000);
  const TimelinePage found =
      TimelineSlice(*c.store, e.entity.id, filter, other, page.offset, page.limit);
  nlohmann::json items = nlohmann::json::array();
  for (const StoredStatement& s : found.statements) items.push_back(StoredStatementToJson(s));
  return JsonResponse(PagedJson(std::move(items), page, static_cast<int64_t>(found.total),
                                found.total > page.offset + page.limit));
}

ApiResponse QueryEndpoint(const EndpointContext& c) {
  PatternQuery query = ParsePattern(c.params.Required("q"));
  const Filter filter = c.params.ReadFilter();
  const Page page = c.params.ReadPage(100, 1000);
  // The query's own LIMIT still applies; the page never reads past one more
  // binding than it shows.
  const size_t wanted = page.offset + page.limit + 1;
  size_t query_limit = SIZE_MAX;
  if (query.limit) query_limit = *query.limit;
  if (!query.limit || *query.limit > wanted) query.limit = wanted;
  const std::vector<Binding> bindings = RunPatternQuery(*c.store, query, filter);
  EntityCache entities(*c.store);
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = page.offset; i < bindings.size() && i < page.offset + page.limit; ++i)
    items.push_back(BindingToJson(query, bindings[i], &entities));
  const bool more =
      bindings.size() > page.offset + page.limit && page.offset + page.limit < query_limit;
  return JsonResponse(PagedJson(std::move(items), page, -1, more));
}

}  // namespace diplograph
