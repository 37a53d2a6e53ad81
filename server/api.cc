#include "server/api.h"

#include "core/utf8.h"
#include "queries/query_error.h"
#include "server/api_error.h"
#include "server/endpoints.h"
#include "store/read_deadline.h"

namespace diplograph {

namespace {

ApiResponse ErrorResponse(int status, const std::string& code, const std::string& message,
                          const nlohmann::json& extra = nlohmann::json::object()) {
  ApiResponse r;
  r.status = status;
  r.body = ErrorBody(status, code, message, extra);
  return r;
}

ApiResponse FromQueryError(const QueryError& e) {
  switch (e.failure()) {
    case QueryFailure::kUnknownEntity:
      return ErrorResponse(404, "unknown_entity", e.what());
    case QueryFailure::kAmbiguousEntity:
      return ErrorResponse(409, "ambiguous_entity", e.what());
    case QueryFailure::kMalformedPattern:
      return ErrorResponse(400, "malformed_pattern", e.what());
    case QueryFailure::kInvalidFilter:
      return ErrorResponse(400, "invalid_filter", e.what());
  }
  return ErrorResponse(400, "bad_request", e.what());
}

std::string Joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out.empty() ? "none" : out;
}

}  // namespace

Api::Api(StoreViews* views, const ApiLimits& limits, const Extractor* extractor)
    : views_(views), limits_(limits), extractor_(extractor) {}

ApiResponse Api::Handle(const ApiRequest& request) const {
  try {
    const Endpoint* match = nullptr;
    std::string methods;
    for (const Endpoint& e : Endpoints()) {
      if (e.path != request.path) continue;
      if (e.method == request.method) match = &e;
      methods += (methods.empty() ? "" : ", ") + std::string(e.method);
    }
    if (methods.empty())
      return ErrorResponse(404, "not_found", "no endpoint " + utf8::Excerpt(request.path));
    if (!match) return ErrorResponse(405, "method_not_allowed", request.path + " takes " + methods);
    // A read-only server refuses a write whatever its parameters.
    if (match->writes && (!views_->writable() || !extractor_))
      return ErrorResponse(403, "forbidden",
                           "this server is read-only: start it with --allow-ingest");
    const Params params(request.params);
    if (const auto unexpected = params.Unexpected(match->params))
      return ErrorResponse(400, "bad_request",
                           "unknown parameter " + utf8::Excerpt(*unexpected) + " (" + request.path +
                               " takes: " + Joined(match->params) + ")");
    if (match->writes) {
      const EndpointContext context{nullptr, params,     request,      limits_,
                                    views_,  extractor_, &projections_};
      return match->fn(context);
    }
    const StoreViews::View view = views_->Read();
    const ReadDeadline deadline(limits_.query_timeout);
    const EndpointContext context{view.shared(), params,     request,      limits_,
                                  views_,        extractor_, &projections_};
    return match->fn(context);
  } catch (const ApiError& e) {
    return ErrorResponse(e.status(), e.code(), e.what(), e.extra());
  } catch (const QueryError& e) {
    return FromQueryError(e);
  } catch (const DeadlineExceeded& e) {
    return ErrorResponse(503, "query_timeout",
                         std::string(e.what()) + "; narrow it with filters or a smaller depth");
  } catch (const std::exception& e) {
    return ErrorResponse(500, "internal", e.what());
  }
}

}  // namespace diplograph
