// Endpoints: one function per API endpoint, all of one shape, each defined in an endpoint_*.cc
// file.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "queries/entity_hit.h"
#include "server/api.h"
#include "server/params.h"
#include "server/projection_cache.h"

namespace diplograph {

// What an endpoint may use. `store` is the request's view, null for an
// endpoint that writes; `views` and `extractor` are for ingest alone.
struct EndpointContext {
  std::shared_ptr<const Store> store;
  const Params& params;
  const ApiRequest& request;
  const ApiLimits& limits;
  StoreViews* views;
  const Extractor* extractor;
  ProjectionCache* projections;
};

using EndpointFn = ApiResponse (*)(const EndpointContext&);

struct Endpoint {
  std::string_view method;
  std::string_view path;
  std::vector<std::string_view> params;  // the parameters it accepts
  EndpointFn fn;
  bool writes = false;  // runs without a read view: it takes the store for writing
};

// Every endpoint, for the router.
const std::vector<Endpoint>& Endpoints();

// An ApiResponse of JSON.
ApiResponse JsonResponse(const nlohmann::json& body);
// {"items", "offset", "limit", "total" (unless negative), "more"}.
nlohmann::json PagedJson(nlohmann::json items, const Page& page, int64_t total, bool more);
// The one entity the parameter names, with its degree; ApiError 400 when it
// is missing, 404 when unknown, 409 with the candidates when ambiguous.
EntityHit ResolveParam(const EndpointContext& c, std::string_view param);

ApiResponse InfoEndpoint(const EndpointContext& c);
ApiResponse StatsEndpoint(const EndpointContext& c);
ApiResponse SearchEndpoint(const EndpointContext& c);
ApiResponse EntityEndpoint(const EndpointContext& c);
ApiResponse NeighborsEndpoint(const EndpointContext& c);
ApiResponse PathEndpoint(const EndpointContext& c);
ApiResponse RelationsEndpoint(const EndpointContext& c);
ApiResponse TimelineEndpoint(const EndpointContext& c);
ApiResponse QueryEndpoint(const EndpointContext& c);
ApiResponse ExportEndpoint(const EndpointContext& c);
ApiResponse IngestEndpoint(const EndpointContext& c);

}  // namespace diplograph
