// /api/info, /api/stats, /api/search and /api/entity: the store and its entities.
#include "queries/entity_search.h"
#include "queries/result_json.h"
#include "server/endpoints.h"

namespace diplograph {

ApiResponse InfoEndpoint(const EndpointContext& c) {
  return JsonResponse({{"version", DIPLOGRAPH_VERSION},
                       {"read_only", !c.views->writable()},
                       {"ingest", c.views->writable() && c.extractor != nullptr},
                       {"limits",
                        {{"query_timeout_ms", c.limits.query_timeout.count()},
                         {"max_request_bytes", c.limits.max_request_bytes}}}});
}

ApiResponse StatsEndpoint(const EndpointContext& c) {
  return JsonResponse(StatsToJson(c.store->Stats()));
}

ApiResponse SearchEndpoint(const EndpointContext& c) {
  const std::string text = c.params.Required("q");
  const auto limit = static_cast<size_t>(c.params.Integer("limit", 20, 1, 100));
  nlohmann::json items = nlohmann::json::array();
  for (const EntityHit& hit : SearchEntities(*c.store, text, limit))
    items.push_back(EntityHitToJson(hit));
  return JsonResponse({{"items", std::move(items)}});
}

ApiResponse EntityEndpoint(const EndpointContext& c) {
  return JsonResponse(EntityHitToJson(ResolveParam(c, "name")));
}

}  // namespace diplograph
