#include "server/endpoints.h"

#include "core/utf8.h"
#include "queries/pattern_resolve.h"
#include "queries/resolve.h"
#include "queries/result_json.h"
#include "server/api_error.h"

namespace diplograph {

namespace {

// Candidates an ambiguous name's error lists.
constexpr size_t kMaxCandidates = 20;

std::vector<std::string_view> With(
    std::vector<std::string_view> own,
    std::initializer_list<const std::vector<std::string_view>*> more) {
  for (const auto* names : more) own.insert(own.end(), names->begin(), names->end());
  return own;
}

}  // namespace

const std::vector<Endpoint>& Endpoints() {
  static const std::vector<Endpoint> endpoints = {
      {"GET", "/api/info", {}, InfoEndpoint},
      {"GET", "/api/stats", {}, StatsEndpoint},
      {"GET", "/api/search", {"q", "limit"}, SearchEndpoint},
      {"GET", "/api/entity", {"name"}, EntityEndpoint},
      {"GET", "/api/neighbors", With({"entity", "depth"}, {&kFilterParams, &kPageParams}),
       NeighborsEndpoint},
      {"GET", "/api/path", With({"a", "b", "via", "max_length"}, {&kFilterParams}), PathEndpoint},
      {"GET", "/api/relations", With({"a", "b", "directed"}, {&kFilterParams, &kPageParams}),
       RelationsEndpoint},
      {"GET", "/api/timeline", With({"entity", "with"}, {&kFilterParams, &kPageParams}),
       TimelineEndpoint},
      {"GET", "/api/query", With({"q"}, {&kFilterParams, &kPageParams}), QueryEndpoint},
      {"GET", "/api/export", With({"format", "part", "around", "depth"}, {&kFilterParams}),
       ExportEndpoint},
      {"POST",
       "/api/ingest",
       {"format", "date", "title", "source", "url", "lang"},
       IngestEndpoint,
       /*writes=*/true},
  };
  return endpoints;
}

ApiResponse JsonResponse(const nlohmann::json& body) {
  ApiResponse r;
  // Invalid UTF-8 cannot come from the store, which checks what it takes;
  // replacing rather than throwing keeps one bad byte from failing a page.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

nlohmann::json PagedJson(nlohmann::json items, const Page& page, int64_t total, bool more) {
  nlohmann::json j = {
      {"items", std::move(items)}, {"offset", page.offset}, {"limit", page.limit}, {"more", more}};
  if (total >= 0) j["total"] = total;
  return j;
}

EntityHit ResolveParam(const EndpointContext& c, std::string_view param) {
  const std::string name = c.params.Required(param);
  const std::vector<EntityHit> hits = ResolveEntity(*c.store, name);
  if (hits.size() == 1) return hits.front();
  if (hits.empty())
    throw ApiError(404, "unknown_entity", "no entity is called \"" + utf8::Excerpt(name) + "\"");
  const std::string message = UnresolvedError(*c.store, name, hits).what();
  nlohmann::json candidates = nlohmann::json::array();
  for (size_t i = 0; i < hits.size() && i < kMaxCandidates; ++i)
    candidates.push_back(EntityHitToJson(hits[i]));
  throw ApiError(409, "ambiguous_entity", message, {{"candidates", std::move(candidates)}});
}

}  // namespace diplograph
